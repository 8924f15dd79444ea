package dev.switchboard.channels.phone.internal;

import dev.switchboard.channels.phone.DialplanStatus;
import java.util.Map;
import org.asteriskjava.fastagi.AgiChannel;
import org.asteriskjava.fastagi.AgiRequest;
import org.asteriskjava.fastagi.AgiScript;
import org.asteriskjava.fastagi.MappingStrategy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Maps the script part of {@code agi://host/SCRIPT?...} to our scripts. An unknown script is not
 * an Asterisk-Java "not found" but a script that leaves {@code SWITCHBOARD_STATUS=FAILED} and a
 * reason naming the scripts that exist, so the dialplan can fall back.
 */
final class AgiScripts implements MappingStrategy {

  private static final Logger log = LoggerFactory.getLogger(AgiScripts.class);

  private final Map<String, AgiScript> scripts;

  AgiScripts(Map<String, AgiScript> scripts) {
    this.scripts = Map.copyOf(scripts);
  }

  @Override
  public AgiScript determineScript(AgiRequest request, AgiChannel channel) {
    String name = request.getScript() == null ? "" : request.getScript();
    AgiScript script = scripts.get(name);
    return script != null ? script : (unknownRequest, unknownChannel) -> {
      log.warn("[channel={}] unknown AGI script '{}': the dialplan should call agi://host/route?queue=NAME",
          unknownRequest.getChannel(), name);
      AgiVariables.refuse(unknownChannel, DialplanStatus.FAILED, "unknown AGI script '" + name
          + "': known scripts are " + scripts.keySet());
    };
  }
}
