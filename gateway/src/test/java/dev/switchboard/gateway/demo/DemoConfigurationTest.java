package dev.switchboard.gateway.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.config.ChatSiteSettings;
import dev.switchboard.config.ConfigLoader;
import dev.switchboard.config.SwitchboardConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoConfigurationTest {

  @TempDir Path dataDir;

  @Test
  void theDemoSiteGetsAGeneratedIdentityKeyWhenNoneIsExported() {
    Map<String, String> first = DemoSeed.withIdentityKey(Map.of());
    Map<String, String> second = DemoSeed.withIdentityKey(Map.of());

    SwitchboardConfig config = ConfigLoader.load(Optional.of(DemoSeed.configuration(dataDir)), first);

    ChatSiteSettings demo = config.chat().sites().get(0);
    assertThat(demo.id()).isEqualTo("demo");
    assertThat(demo.recoveryOnLowRating()).isTrue();
    assertThat(demo.identitySecret()).hasValueSatisfying(secret -> {
      assertThat(secret.variable()).isEqualTo(DemoSeed.IDENTITY_KEY_VARIABLE);
      assertThat(secret.value()).matches("[0-9a-f]{64}");
    });
    assertThat(first.get(DemoSeed.IDENTITY_KEY_VARIABLE)).isNotEqualTo(second.get(DemoSeed.IDENTITY_KEY_VARIABLE));
  }

  @Test
  void anExportedIdentityKeyIsKept() {
    Map<String, String> environment = DemoSeed.withIdentityKey(Map.of(DemoSeed.IDENTITY_KEY_VARIABLE, "my-key"));

    SwitchboardConfig config = ConfigLoader.load(Optional.of(DemoSeed.configuration(dataDir)), environment);

    assertThat(config.chat().sites().get(0).identitySecret().orElseThrow().value()).isEqualTo("my-key");
  }

  @Test
  void aDemoConfigurationWithoutAChatSiteIsPointedOutWithTheFileToDelete() throws Exception {
    Path file = dataDir.resolve("switchboard-demo.yaml");
    Files.writeString(file, "redis:\n  data-dir: " + dataDir + "\n");

    SwitchboardConfig old = ConfigLoader.load(Optional.of(DemoSeed.configuration(dataDir)), Map.of());
    SwitchboardConfig current = ConfigLoader.load(Optional.of(DemoSeed.configuration(dataDir.resolve("fresh"))),
        DemoSeed.withIdentityKey(Map.of()));

    assertThat(DemoSeed.outdatedChat(old)).hasValueSatisfying(hint -> assertThat(hint)
        .contains(file.toAbsolutePath().normalize().toString()).contains("delete the file"));
    assertThat(DemoSeed.outdatedChat(current)).isEmpty();
  }
}
