package dev.switchboard.gateway.agent;

import dev.switchboard.channels.phone.calls.CallControl;
import dev.switchboard.routing.contact.ContactId;
import io.vertx.core.Future;

/**
 * The phone channel as the desktop's call commands see it: which call control holds a contact's call,
 * and which one places click-to-dial calls. Thread-safe; futures complete on any context.
 */
public interface PhoneDesk {

  /** A node without a phone section: every call command is refused saying how to turn the channel on. */
  PhoneDesk NONE = new PhoneDesk() {
    @Override
    public Future<CallControl> control(ContactId contact) {
      return Future.failedFuture(off());
    }

    @Override
    public Future<CallControl> dialler() {
      return Future.failedFuture(off());
    }

    @Override
    public String e164(String number) {
      throw off();
    }

    private CommandException off() {
      return new CommandException("no-phone", "this node has no phone channel: list a PBX under phone.pbxs in "
          + "the configuration (docs/configuration.md#phone)");
    }
  };

  /** The call control of the PBX link holding {@code contact}'s call; fails when none holds it. */
  Future<CallControl> control(ContactId contact);

  /** The call control click-to-dial calls go out through. */
  Future<CallControl> dialler();

  /** {@code number} as typed on the desktop, in E.164; throws {@link IllegalArgumentException} saying why not. */
  String e164(String number);
}
