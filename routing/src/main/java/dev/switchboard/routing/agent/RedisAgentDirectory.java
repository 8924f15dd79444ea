package dev.switchboard.routing.agent;

import dev.switchboard.routing.contact.Channel;
import dev.switchboard.routing.store.RedisStore;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Agent profiles in Redis: one hash {@code sb:{c}:agents} mapping agent id to the profile's JSON, so
 * a save is one atomic field write and a listing one read.
 */
public final class RedisAgentDirectory implements AgentDirectory {

  private final RedisStore store;
  private final String key;
  private final String versionKey;

  public RedisAgentDirectory(RedisStore store) {
    this.store = store;
    this.key = store.keys().key("agents");
    this.versionKey = store.keys().key("agents-version");
  }

  @Override
  public Future<AgentProfile> save(AgentProfile profile) {
    return store.run(redis -> redis.hset(key, profile.id().value(), encode(profile).encode()))
        .compose(written -> changed()).map(changed -> profile);
  }

  @Override
  public Future<Boolean> create(AgentProfile profile) {
    return store.run(redis -> redis.hsetnx(key, profile.id().value(), encode(profile).encode()))
        .compose(created -> created ? changed().map(true) : Future.succeededFuture(false));
  }

  @Override
  public Future<Optional<AgentProfile>> get(AgentId id) {
    return store.run(redis -> redis.hget(key, id.value()))
        .map(json -> Optional.ofNullable(json).map(text -> decode(new JsonObject(text))));
  }

  @Override
  public Future<List<AgentProfile>> list() {
    return store.run(redis -> redis.hvals(key)).map(values -> values.stream()
        .map(text -> decode(new JsonObject(text)))
        .sorted(Comparator.comparing(profile -> profile.id().value()))
        .toList());
  }

  @Override
  public Future<Boolean> delete(AgentId id) {
    return store.run(redis -> redis.hdel(key, id.value()))
        .compose(removed -> removed > 0 ? changed().map(true) : Future.succeededFuture(false));
  }

  @Override
  public Future<List<AgentId>> ids() {
    return store.run(redis -> redis.hkeys(key)).map(ids -> ids.stream().sorted().map(AgentId::new).toList());
  }

  @Override
  public Future<Long> version() {
    return store.run(redis -> redis.get(versionKey)).map(value -> value == null ? 0L : Long.parseLong(value));
  }

  /** Moves the version after a write (a reader between the two re-reads at its next look). */
  private Future<Long> changed() {
    return store.run(redis -> redis.incr(versionKey));
  }

  /** The stored and wire form of a profile. */
  public static JsonObject encode(AgentProfile profile) {
    JsonObject perChannel = new JsonObject();
    profile.maxPerChannel().forEach((channel, count) -> perChannel.put(wire(channel), count));
    JsonArray channels = new JsonArray();
    profile.channels().stream().sorted().forEach(channel -> channels.add(wire(channel)));
    return new JsonObject()
        .put("id", profile.id().value())
        .put("name", profile.displayName())
        .put("skills", new JsonObject(new LinkedHashMap<>(profile.skills())))
        .put("capacity", profile.capacity())
        .put("channels", channels)
        .put("phoneDevice", profile.phoneDevice().orElse(null))
        .put("maxPerChannel", perChannel);
  }

  /** Reads {@link #encode}'s form; invalid input fails with the record's own message. */
  public static AgentProfile decode(JsonObject json) {
    Map<String, Integer> skills = new LinkedHashMap<>();
    json.getJsonObject("skills", new JsonObject()).forEach(entry ->
        skills.put(entry.getKey(), ((Number) entry.getValue()).intValue()));
    Set<Channel> channels = EnumSet.noneOf(Channel.class);
    json.getJsonArray("channels", new JsonArray()).forEach(name -> channels.add(Channel.parse((String) name)));
    Map<Channel, Integer> perChannel = new EnumMap<>(Channel.class);
    json.getJsonObject("maxPerChannel", new JsonObject()).forEach(entry ->
        perChannel.put(Channel.parse(entry.getKey()), ((Number) entry.getValue()).intValue()));
    return new AgentProfile(new AgentId(json.getString("id")), json.getString("name", json.getString("id")), skills,
        json.getInteger("capacity", AgentProfile.DEFAULT_CAPACITY), channels,
        Optional.ofNullable(json.getString("phoneDevice")), perChannel);
  }

  private static String wire(Channel channel) {
    return channel.name().toLowerCase(java.util.Locale.ROOT);
  }
}
