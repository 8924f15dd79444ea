package dev.switchboard.channels.phone.sim;

import java.net.InetSocketAddress;
import java.util.LinkedHashMap;
import java.util.Map;

/** The {@code agi_*} environment Asterisk 20 sends first on a FastAGI connection. */
final class AgiEnvironment {

  private AgiEnvironment() {}

  static Map<String, String> of(SimChannel caller, InetSocketAddress agi, String script,
      String callerIdNum) {
    Map<String, String> env = new LinkedHashMap<>();
    env.put("agi_network", "yes");
    env.put("agi_network_script", script);
    env.put("agi_request", url(agi, script));
    env.put("agi_channel", caller.name);
    env.put("agi_language", "en");
    env.put("agi_type", "PJSIP");
    env.put("agi_uniqueid", caller.uniqueId);
    env.put("agi_version", "20.5.0");
    env.put("agi_callerid", callerIdNum.isEmpty() ? "unknown" : callerIdNum);
    env.put("agi_calleridname", "unknown");
    env.put("agi_callingpres", "0");
    env.put("agi_callingani2", "0");
    env.put("agi_callington", "0");
    env.put("agi_callingtns", "0");
    env.put("agi_dnid", PbxSimulator.DIALLED_NUMBER);
    env.put("agi_rdnis", "unknown");
    env.put("agi_context", PbxSimulator.TRUNK_CONTEXT);
    env.put("agi_extension", PbxSimulator.DIALLED_NUMBER);
    env.put("agi_priority", "2");
    env.put("agi_enhanced", "0.0");
    env.put("agi_accountcode", "");
    env.put("agi_threadid", "139872384063232");
    return env;
  }

  static String url(InetSocketAddress agi, String script) {
    return "agi://" + agi.getHostString() + ":" + agi.getPort() + "/" + script;
  }
}
