package dev.switchboard.channels.phone.internal;

import dev.switchboard.channels.phone.AmiActionException;
import dev.switchboard.channels.phone.AmiSettings;
import dev.switchboard.channels.phone.CallRef;
import dev.switchboard.channels.phone.LiveChannel;
import dev.switchboard.channels.phone.OriginateRequest;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.asteriskjava.manager.ManagerConnection;
import org.asteriskjava.manager.action.CoreShowChannelsAction;
import org.asteriskjava.manager.action.HangupAction;
import org.asteriskjava.manager.action.ManagerAction;
import org.asteriskjava.manager.action.OriginateAction;
import org.asteriskjava.manager.action.RedirectAction;
import org.asteriskjava.manager.event.CoreShowChannelEvent;
import org.asteriskjava.manager.response.ManagerError;
import org.asteriskjava.manager.response.ManagerResponse;

/**
 * The blocking side of AMI actions; called on the {@code ami-actions} worker pool only. Failures
 * become {@link AmiActionException}s that name the action, the target and the server.
 */
final class AmiActions {

  private final AmiSettings settings;
  private final AmiConnector connector;

  AmiActions(AmiSettings settings, AmiConnector connector) {
    this.settings = settings;
    this.connector = connector;
  }

  void originate(OriginateRequest request) {
    OriginateAction action = new OriginateAction();
    action.setChannel(request.endpoint());
    action.setContext(request.context());
    action.setExten(request.exten());
    action.setPriority(1);
    action.setAsync(true);
    action.setTimeout(request.ringTimeout().toMillis());
    request.callerId().ifPresent(action::setCallerId);
    if (!request.variables().isEmpty()) {
      action.setVariables(request.variables());
    }
    send(action, "Originate to " + request.endpoint());
  }

  void redirect(String channel, String context, String exten, int priority) {
    send(new RedirectAction(channel, context, exten, priority), "Redirect of " + channel);
  }

  void hangup(String channel) {
    send(new HangupAction(channel), "Hangup of " + channel);
  }

  List<LiveChannel> liveChannels() {
    ManagerConnection connection = connection("CoreShowChannels");
    try {
      return connection.sendEventGeneratingAction(new CoreShowChannelsAction(),
              settings.actionTimeout().toMillis())
          .getEvents().stream()
          .filter(CoreShowChannelEvent.class::isInstance)
          .map(CoreShowChannelEvent.class::cast)
          .map(AmiActions::liveChannel)
          .toList();
    } catch (IOException | org.asteriskjava.manager.EventTimeoutException | IllegalStateException e) {
      throw failure("CoreShowChannels", e);
    }
  }

  private static LiveChannel liveChannel(CoreShowChannelEvent event) {
    String bridge = event.getBridgeid();
    return new LiveChannel(new CallRef(event.getUniqueid(), event.getChannel()),
        nonNull(event.getLinkedid()), nonNull(event.getChannelStateDesc()),
        AmiTime.callerId(event.getCallerIdNum()), nonNull(event.getApplication()),
        bridge == null || bridge.isBlank() ? Optional.empty() : Optional.of(bridge));
  }

  private ManagerResponse send(ManagerAction action, String what) {
    ManagerConnection connection = connection(what);
    try {
      ManagerResponse response = connection.sendAction(action, settings.actionTimeout().toMillis());
      if (response instanceof ManagerError) {
        throw new AmiActionException("AMI " + what + " rejected by " + settings.address() + ": "
            + response.getMessage());
      }
      return response;
    } catch (IOException | org.asteriskjava.manager.TimeoutException | IllegalStateException e) {
      throw failure(what, e);
    }
  }

  private ManagerConnection connection(String what) {
    return connector.connection().orElseThrow(() -> new AmiActionException("AMI " + what + " not sent: the link to "
        + settings.address() + " is " + connector.status().state()
        + connector.status().problem().map(problem -> " (" + problem + ")").orElse("")));
  }

  private AmiActionException failure(String what, Exception cause) {
    return new AmiActionException("AMI " + what + " to " + settings.address() + " failed: " + cause.getMessage()
        + " (no answer within " + settings.actionTimeout().toMillis() + " ms, or the link dropped)", cause);
  }

  private static String nonNull(String value) {
    return value == null ? "" : value;
  }
}
