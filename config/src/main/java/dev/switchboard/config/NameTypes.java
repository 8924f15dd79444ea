package dev.switchboard.config;

import java.util.function.Function;
import java.util.regex.Pattern;

/** The kinds of names routing settings use, with the rules the router holds them to. */
final class NameTypes {

  private static final String CODE_RULE = "1 to 32 characters of a-z, 0-9, '_' and '-', starting with a letter or digit";
  private static final Pattern CODE = Pattern.compile("[a-z0-9][a-z0-9_-]{0,31}");

  static final TextType<String> SKILL = code("skill", "a skill name of ");
  static final TextType<String> QUEUE_ID = code("queue id", "a queue id of ");
  static final TextType<String> REASON = code("reason", "a reason code of ");
  static final TextType<String> ACTION = code("action", "an action such as offer-callback or leave-message, of ");
  static final TextType<String> AGENT_ID = TextType.matching("agent id",
      "an agent id of 1 to 64 characters of a-z, 0-9, '.', '_' and '-'", Pattern.compile("[a-z0-9._-]{1,64}"),
      Function.identity());
  static final TextType<String> DISPOSITION = TextType.matching("code",
      "a code of 1 to 32 letters, digits, '_' and '-', starting with a letter or digit",
      Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,31}"), Function.identity());
  static final TextType<String> ATTRIBUTE = TextType.matching("attribute",
      "an attribute name of 1 to 64 letters, digits, '.', '_' and '-'", Pattern.compile("[A-Za-z0-9._-]{1,64}"),
      Function.identity());
  static final TextType<String> DEVICE = TextType.matching("device",
      "a device as the PBX dials it, such as PJSIP/1001 or SIP/alice", Pattern.compile("[A-Za-z0-9]+/\\S{1,80}"),
      Function.identity());
  static final TextType<String> DISPLAY_NAME = new TextType<>("text", "1 to 100 characters", (text, type) -> {
    if (text.isEmpty() || text.length() > 100 || text.chars().anyMatch(Character::isISOControl)) {
      throw ValueType.expected(type, text);
    }
    return text;
  });

  private NameTypes() {}

  private static TextType<String> code(String name, String prefix) {
    return TextType.matching(name, prefix + CODE_RULE, CODE, Function.identity());
  }
}
