package dev.switchboard.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChatConfigTest {

  private static final Map<String, String> KEYS = Map.of("SHOP_IDENTITY_KEY", "shop-key-1");

  @TempDir Path directory;

  @Test
  void withoutAChatSectionThereIsNoSiteAndTheLimitsAreTheDefaults() throws IOException {
    SwitchboardConfig config = ConfigLoader.load(Optional.of(write("server:\n  port: 9000\n")), Map.of());

    assertThat(config.chat()).isEqualTo(ChatSection.defaults());
    assertThat(config.chat().limits()).isEqualTo(new ChatLimitSettings(12_000, 10, 2, 40, 10,
        Duration.ofSeconds(20), Duration.ofSeconds(90)));
  }

  @Test
  void readsSitesAndLimits() throws IOException {
    SwitchboardConfig config = ConfigLoader.load(Optional.of(write("""
        chat:
          sites:
            - id: shop
              origins: [https://shop.example.com, "http://localhost:3000"]
              identity-secret: env:SHOP_IDENTITY_KEY
            - id: blog
              recovery-on-low-rating: false
          limits:
            max-frame-chars: 4000
            address-burst: 400
            address-per-second: 100
            heartbeat: 30s
        """)), KEYS);

    assertThat(config.chat().sites()).containsExactly(
        new ChatSiteSettings("shop", List.of("https://shop.example.com", "http://localhost:3000"),
            Optional.of(new Secret("SHOP_IDENTITY_KEY", "shop-key-1")), true),
        new ChatSiteSettings("blog", List.of(), Optional.empty(), false));
    assertThat(config.chat().limits()).isEqualTo(new ChatLimitSettings(4000, 10, 2, 400, 100,
        Duration.ofSeconds(30), Duration.ofSeconds(90)));
    assertThat(config.chat().sites().get(0).toString()).doesNotContain("shop-key-1");
  }

  @Test
  void environmentOverridesTheLimits() throws IOException {
    SwitchboardConfig config = ConfigLoader.load(Optional.of(write("chat:\n  limits:\n    connection-burst: 5\n")),
        Map.of("SWITCHBOARD_CHAT_LIMITS_CONNECTION_BURST", "50", "SWITCHBOARD_CHAT_LIMITS_ABANDON_AFTER", "2m"));

    assertThat(config.chat().limits().connectionBurst()).isEqualTo(50);
    assertThat(config.chat().limits().abandonAfter()).isEqualTo(Duration.ofMinutes(2));
  }

  @Test
  void refusesASecretWrittenInTheFileAndAMissingVariable() throws IOException {
    ConfigException error = failure("""
        chat:
          sites:
            - id: shop
              identity-secret: hunter2
            - id: blog
              identity-secret: env:BLOG_KEY
        """, Map.of());

    assertThat(error.problems()).containsExactly(
        file() + ": chat.sites[0].identity-secret: a secret cannot be written in the file; write env:NAME "
            + "instead and put the secret in environment variable NAME (line 4)",
        file() + ": chat.sites[1].identity-secret: environment variable BLOG_KEY is not set; "
            + "export it before starting Switchboard (line 6)");
    assertThat(error.getMessage()).doesNotContain("hunter2");
  }

  @Test
  void explainsBadSitesAndSuggestsMisspeltKeys() throws IOException {
    ConfigException error = failure("""
        chat:
          site: []
          sites:
            - id: Shop
              origins: [https://shop.example.com/page]
              recovery-on-low-rating: sometimes
            - id: shop
              origin: [https://shop.example.com]
            - id: shop
        """, Map.of());

    assertThat(error.problems()).containsExactly(
        file() + ": chat.site: unknown key; did you mean 'chat.sites'? (line 2)",
        file() + ": chat.sites[0].id: expected a site id of 1 to 32 characters of a-z, 0-9 and '-', starting with "
            + "a letter or digit, got 'Shop' (line 4)",
        file() + ": chat.sites[0].origins[0]: expected an origin scheme://host[:port] with no path, such as "
            + "https://shop.example.com, got 'https://shop.example.com/page' (line 5)",
        file() + ": chat.sites[0].recovery-on-low-rating: expected true or false, got 'sometimes' (line 6)",
        file() + ": chat.sites[1].origin: unknown key; did you mean 'origins'? (line 8)",
        file() + ": chat.sites[2].id: duplicate chat site id 'shop', first used by chat.sites[1] (line 7); "
            + "give each chat site a unique id (line 9)");
  }

  @Test
  void rejectsLimitsOutOfRange() throws IOException {
    ConfigException error = failure("""
        chat:
          limits:
            max-frame-chars: 100
            connection-per-second: 0
            heartbeat: 0s
        """, Map.of());

    assertThat(error.problems()).containsExactly(
        file() + ": chat.limits.max-frame-chars: expected an integer from 256 to 1000000, got '100' (line 3)",
        file() + ": chat.limits.connection-per-second: expected an integer from 1 to 100000, got '0' (line 4)",
        file() + ": chat.limits.heartbeat: expected a duration from 1s to 10m (a number with ms, s, m, h or d), "
            + "got '0s' (line 5)");
  }

  @Test
  void theSiteListCannotComeFromTheEnvironment() {
    ConfigException error = catchThrowableOfType(ConfigException.class,
        () -> ConfigLoader.load(Optional.empty(), Map.of("SWITCHBOARD_CHAT_SITES", "shop")));

    assertThat(error.problems()).containsExactly("SWITCHBOARD_CHAT_SITES: unknown variable; chat.sites is a list of "
        + "mappings and can only be set in the configuration file (chat.sites: in the YAML file): unset the "
        + "variable and edit the file");
  }

  private ConfigException failure(String yaml, Map<String, String> environment) throws IOException {
    Path file = write(yaml);
    return catchThrowableOfType(ConfigException.class, () -> ConfigLoader.load(Optional.of(file), environment));
  }

  private Path write(String yaml) throws IOException {
    return Files.writeString(file(), yaml);
  }

  private Path file() {
    return directory.resolve("switchboard.yaml");
  }
}
