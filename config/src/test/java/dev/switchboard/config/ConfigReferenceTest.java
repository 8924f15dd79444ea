package dev.switchboard.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ConfigReferenceTest {

  private static final Path DOCS = Path.of("..", "docs", "configuration.md");

  @Test
  void docsContainTheGeneratedTable() throws IOException {
    String docs = Files.readString(DOCS);

    assertThat(docs)
        .as("docs/configuration.md must contain ConfigReference.markdownTable() verbatim; paste this:%n%s",
            ConfigReference.markdownTable())
        .contains(ConfigReference.markdownTable());
  }

  @Test
  void docsMentionEveryKeyAndVariable() throws IOException {
    String docs = Files.readString(DOCS);

    for (ConfigKey<?> key : SwitchboardSchema.SCHEMA.keys()) {
      assertThat(docs).contains("`" + key.path() + "`", "`" + key.environmentVariable() + "`");
    }
    assertThat(ConfigReference.keys()).hasSize(42).contains("server.port", "redis.password", "directory.default-region", "routing.offer-timeout",
        "routing.costs.voice");
  }

  @Test
  void docsDescribeEveryFieldOfTheListSections() throws IOException {
    String docs = Files.readString(DOCS);

    for (String field : AgentListReader.FIELDS) {
      assertThat(docs).contains("| `" + field + "` |");
    }
    for (String field : QueueListReader.FIELDS) {
      assertThat(docs).contains("| `" + field + "` |");
    }
    for (String field : ChatSiteListReader.FIELDS) {
      assertThat(docs).contains("| `" + field + "` |");
    }
    for (String action : EscalationReader.ACTIONS) {
      assertThat(docs).contains("| `" + action + "` |");
    }
    assertThat(docs).contains("`zone`", "`weekly`", "`holidays`", "`fallback`", "SWITCHBOARD_AGENTS");
  }

  @Test
  void tableHasOneRowPerKey() {
    ConfigSchema schema = new ConfigSchema(List.of(
        ConfigKey.withDefault("chat.greeting", TextType.word("word", "one word"), "hi", "Greets | visitors."),
        ConfigKey.required("chat.site", TextType.word("word", "one word"), "Site name.")));

    assertThat(ConfigReference.markdownTable(schema).lines().skip(2)).containsExactly(
        "| `chat.greeting` | `SWITCHBOARD_CHAT_GREETING` | word | `hi` | one word | Greets \\| visitors. |",
        "| `chat.site` | `SWITCHBOARD_CHAT_SITE` | word | *required* | one word | Site name. |");
  }

  @Test
  void everyDefaultIsValidForItsKey() {
    // Resolution reads every default; an invalid one fails loudly instead of reaching a settings record.
    SwitchboardConfig config = ConfigLoader.load(Optional.empty(), Map.of());

    assertThat(config.server().bodyLimitBytes()).isEqualTo(1024 * 1024);
    assertThatThrownBy(() -> new Resolution(new ConfigSchema(List.of(
            ConfigKey.withDefault("a.b", new IntegerType(1, 2), "3", "Bad default."))),
        Map.of(), "config.yaml", new ProblemList()).resolve(Map.of()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("default '3' of a.b is invalid");
  }

  @Test
  void schemaRefusesClashingDeclarations() {
    ValueType<String> word = TextType.word("word", "one word");

    assertThatThrownBy(() -> new ConfigSchema(List.of(
        ConfigKey.optional("a.b-c", word, "x"), ConfigKey.optional("a.b.c", word, "y"))))
        .hasMessageContaining("share variable SWITCHBOARD_A_B_C");
    assertThatThrownBy(() -> ConfigKey.optional("server.bodyLimit", word, "x"))
        .hasMessageContaining("not dotted kebab-case");
    assertThatThrownBy(() -> ConfigKey.optional("port", word, "x"))
        .hasMessageContaining("not dotted kebab-case");
  }
}
