package dev.switchboard.channels.phone.internal;

import dev.switchboard.channels.phone.DialplanStatus;
import org.asteriskjava.fastagi.AgiChannel;
import org.asteriskjava.fastagi.AgiException;

/** Writes the SWITCHBOARD_* channel variables the documented dialplan reads after AGI(). */
final class AgiVariables {

  private AgiVariables() {}

  static void queued(AgiChannel channel, String contactId) throws AgiException {
    channel.setVariable(DialplanStatus.CONTACT_VARIABLE, contactId);
    channel.setVariable(DialplanStatus.STATUS_VARIABLE, DialplanStatus.QUEUED.name());
  }

  static void refuse(AgiChannel channel, DialplanStatus status, String reason) throws AgiException {
    channel.setVariable(DialplanStatus.REASON_VARIABLE, reason.replace('"', '\'').replace('\n', ' '));
    channel.setVariable(DialplanStatus.STATUS_VARIABLE, status.name());
  }
}
