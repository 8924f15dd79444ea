package dev.switchboard.channels.phone;

import java.util.Objects;
import java.util.Optional;

/** One channel listed by CoreShowChannels. */
public record LiveChannel(CallRef call, String linkedId, String state, Optional<String> callerIdNumber,
    String application, Optional<String> bridgeId) {
  public LiveChannel {
    Objects.requireNonNull(call, "call");
    Objects.requireNonNull(linkedId, "linkedId");
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(callerIdNumber, "callerIdNumber");
    Objects.requireNonNull(application, "application");
    Objects.requireNonNull(bridgeId, "bridgeId");
  }
}
