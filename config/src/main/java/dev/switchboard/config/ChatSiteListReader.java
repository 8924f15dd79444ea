package dev.switchboard.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.snakeyaml.engine.v2.nodes.Node;

/** Reads the {@code chat.sites} list of the file into {@link ChatSiteSettings}, reporting every bad entry. */
final class ChatSiteListReader {

  static final List<String> FIELDS = List.of("id", "origins", "identity-secret", "recovery-on-low-rating");

  static final TextType<String> SITE_ID = TextType.matching("site id",
      "a site id of 1 to 32 characters of a-z, 0-9 and '-', starting with a letter or digit",
      Pattern.compile("[a-z0-9][a-z0-9-]{0,31}"), Function.identity());
  static final TextType<String> ORIGIN = TextType.matching("origin",
      "an origin scheme://host[:port] with no path, such as https://shop.example.com",
      Pattern.compile("https?://[^/\\s]+"), Function.identity());
  static final TextType<Boolean> FLAG = TextType.matching("boolean", "true or false",
      Pattern.compile("true|false"), Boolean::parseBoolean);

  private final UniqueIds ids;

  private ChatSiteListReader(FileNodes nodes) {
    this.ids = new UniqueIds("chat site", nodes);
  }

  /** The sites in file order; problems go to {@code nodes}' problem list. */
  static List<ChatSiteSettings> read(Node section, FileNodes nodes) {
    ChatSiteListReader reader = new ChatSiteListReader(nodes);
    List<ChatSiteSettings> sites = new ArrayList<>();
    String example = "[{id: shop, origins: [https://shop.example.com]}]";
    for (FileNodes.Item item : nodes.items(section, "chat.sites", example).orElse(List.of())) {
      FieldReader.open(nodes, item.node(), item.path(), FIELDS).flatMap(reader::site).ifPresent(sites::add);
    }
    return sites;
  }

  private Optional<ChatSiteSettings> site(FieldReader fields) {
    Optional<String> id = fields.required("id", SITE_ID, "give each site a unique id, e.g. id: shop");
    id.ifPresent(value -> ids.register(value, fields));
    Optional<List<String>> origins = fields.values("origins", ORIGIN, List.of(), "[https://shop.example.com]");
    Optional<Secret> secret = fields.optional("identity-secret", new SecretType());
    boolean recovery = fields.value("recovery-on-low-rating", FLAG, true);
    if (id.isEmpty() || origins.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new ChatSiteSettings(id.get(), origins.get(), secret, recovery));
  }
}
