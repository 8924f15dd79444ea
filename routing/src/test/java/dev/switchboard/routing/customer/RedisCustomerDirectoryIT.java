package dev.switchboard.routing.customer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.routing.store.LocalRedisServer;
import dev.switchboard.routing.store.RedisStore;
import dev.switchboard.routing.store.StoreUnavailableException;
import dev.switchboard.routing.testing.TestRedis;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RedisCustomerDirectoryIT {

  private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");
  private static Vertx vertx;

  private final IdentityNormalizer normalizer = new IdentityNormalizer("KR");
  private TestRedis.Connected redis;
  private RedisCustomerDirectory directory;

  @BeforeAll
  static void startVertx() {
    vertx = Vertx.vertx();
  }

  @AfterAll
  static void stopVertx() throws Exception {
    await(vertx.close());
  }

  @BeforeEach
  void connect() {
    redis = TestRedis.connect(vertx);
    directory = new RedisCustomerDirectory(redis.store(), normalizer, 5, Clock.fixed(NOW, ZoneOffset.UTC));
  }

  @AfterEach
  void disconnect() {
    redis.close();
  }

  static <T> T await(Future<T> future) throws Exception {
    try {
      return future.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      throw e.getCause() instanceof Exception cause ? cause : e;
    }
  }

  private Customer customer(String id, String name, List<String> phones, List<String> emails) {
    return new Customer(new CustomerId(id), name, "gold", new BigDecimal("100.25"), List.of("vip"),
        Optional.of("ko"), Optional.of("agent-7"), "", Map.of("plan", "family"),
        new Identities(phones.stream().map(normalizer::phone).toList(),
            emails.stream().map(normalizer::email).toList(), List.of(), Optional.empty()),
        Instant.EPOCH);
  }

  private Lookup lookup(IdentityType type, String query) throws Exception {
    return await(directory.lookup(type, query));
  }

  @Test
  void savesAndGetsARecordStampedWithTheClock() throws Exception {
    Customer saved = await(directory.save(customer("c-1", "Kim Minji", List.of("010-1234-5678"), List.of())));

    assertThat(saved.updatedAt()).isEqualTo(NOW);
    assertThat(await(directory.get(new CustomerId("c-1")))).contains(saved);
    assertThat(await(directory.get(new CustomerId("nobody")))).isEmpty();
  }

  @Test
  void updateMovesIndexesSoOldIdentitiesNoLongerFindTheCustomer() throws Exception {
    await(directory.save(customer("c-1", "Kim Minji", List.of("010-1234-5678"), List.of("old@example.com"))));
    await(directory.save(customer("c-1", "Park Minji", List.of("010-9999-0000"), List.of("new@example.com"))));

    assertThat(lookup(IdentityType.PHONE, "010-1234-5678").found()).isFalse();
    assertThat(lookup(IdentityType.EMAIL, "old@example.com").found()).isFalse();
    assertThat(lookup(IdentityType.PHONE, "010-9999-0000").matches()).singleElement()
        .satisfies(match -> assertThat(match.customer().name()).isEqualTo("Park Minji"));
    assertThat(await(directory.searchByName("kim", 10))).isEmpty();
    assertThat(await(directory.searchByName("park", 10))).hasSize(1);
  }

  @Test
  void deleteRemovesRecordIndexesNameAndTimeline() throws Exception {
    await(directory.save(customer("c-1", "Kim Minji", List.of("010-1234-5678"), List.of("minji@example.com"))));
    await(directory.appendTimeline(new CustomerId("c-1"), entry(1)));

    assertThat(await(directory.delete(new CustomerId("c-1")))).isTrue();

    assertThat(await(directory.get(new CustomerId("c-1")))).isEmpty();
    assertThat(lookup(IdentityType.PHONE, "010-1234-5678").found()).isFalse();
    assertThat(await(directory.searchByName("kim", 10))).isEmpty();
    assertThat(await(directory.timeline(new CustomerId("c-1"), Optional.empty(), 10)).entries()).isEmpty();
    List<String> left = await(redis.store().run(commands -> commands.keys(redis.store().keys().prefix() + "*")));
    assertThat(left).isEmpty();
    assertThat(await(directory.delete(new CustomerId("c-1")))).isFalse();
  }

  @Test
  void saysWhetherALookupMatchedExactlyOrAfterNormalizing() throws Exception {
    await(directory.save(customer("c-1", "Kim Minji", List.of("010-1234-5678"), List.of())));

    Lookup exact = lookup(IdentityType.PHONE, "+821012345678");
    Lookup normalized = lookup(IdentityType.PHONE, "010-1234-5678");

    assertThat(exact.matches()).singleElement().satisfies(match -> assertThat(match.exact()).isTrue());
    assertThat(normalized.normalized()).isEqualTo("+821012345678");
    assertThat(normalized.matches()).singleElement().satisfies(match -> {
      assertThat(match.exact()).isFalse();
      assertThat(match.value()).isEqualTo("+821012345678");
      assertThat(CustomerJson.how(match, normalized.query()))
          .isEqualTo("phone +821012345678 (normalized from 010-1234-5678)");
    });
  }

  @Test
  void twoCustomersSharingAPhoneGiveAnAmbiguousPickList() throws Exception {
    await(directory.save(customer("c-2", "Kim Minji", List.of("02-312-3456"), List.of())));
    await(directory.save(customer("c-1", "Kim Family", List.of("02-312-3456"), List.of())));

    Lookup lookup = lookup(IdentityType.PHONE, "(02) 312-3456");

    assertThat(lookup.ambiguous()).isTrue();
    assertThat(lookup.matches()).extracting(match -> match.customer().id().value()).containsExactly("c-1", "c-2");
  }

  @Test
  void findsEmailsWhateverTheirCase() throws Exception {
    await(directory.save(customer("c-1", "Kim Minji", List.of(), List.of("MinJi@Example.com"))));

    Lookup lookup = lookup(IdentityType.EMAIL, " MINJI@example.COM ");

    assertThat(lookup.matches()).singleElement().satisfies(match -> {
      assertThat(match.value()).isEqualTo("minji@example.com");
      assertThat(match.exact()).isFalse();
    });
  }

  @Test
  void findsVisitorAndCrmIds() throws Exception {
    Customer base = customer("c-1", "Kim Minji", List.of(), List.of());
    Customer withIds = new Customer(base.id(), base.name(), base.tier(), base.lifetimeValue(), base.tags(),
        base.language(), base.accountOwner(), base.notes(), base.attributes(),
        new Identities(List.of(), List.of(), List.of("v-abc", "v-def"), Optional.of("SF-001")), base.updatedAt());
    await(directory.save(withIds));

    assertThat(lookup(IdentityType.VISITOR, "v-def").found()).isTrue();
    assertThat(lookup(IdentityType.CRM, " SF-001").matches()).singleElement()
        .satisfies(match -> assertThat(match.exact()).isFalse());
    assertThat(lookup(IdentityType.CRM, "sf-001").found()).isFalse();
  }

  @Test
  void theJsonFormOfALookupEqualsTheEncodedLookupForNoneOneAndSeveralMatches() throws Exception {
    Customer base = customer("c-1", "Kim \"Minji\" <b>", List.of("02-312-3456"), List.of("MinJi@Example.com"));
    Customer one = new Customer(base.id(), base.name(), base.tier(), base.lifetimeValue(), List.of("vip", "new"),
        Optional.empty(), base.accountOwner(), "line 1\nline 2 \\ </script>",
        Map.of("plan", "family", "city", "서울", "since", "2019"),
        new Identities(base.identities().phones(), base.identities().emails(), List.of("v-\"x\\y<"), Optional.empty()),
        base.updatedAt());
    await(directory.save(one));
    await(directory.save(customer("c-2", "Ahn Family", List.of("02-312-3456"), List.of())));
    CustomerJson json = new CustomerJson(normalizer);

    for (var query : List.of(Map.entry(IdentityType.PHONE, "(02) 312-3456"), Map.entry(IdentityType.PHONE, "+8223123457"),
        Map.entry(IdentityType.EMAIL, " MINJI@example.COM "), Map.entry(IdentityType.VISITOR, "v-\"x\\y<"))) {
      JsonObject copied = new JsonObject(await(directory.lookupJson(query.getKey(), query.getValue())));
      assertThat(copied).as(query.toString()).isEqualTo(json.toJson(lookup(query.getKey(), query.getValue())));
    }
    assertThat(new JsonObject(await(directory.lookupJson(IdentityType.VISITOR, "v-\"x\\y<"))).getJsonArray("matches"))
        .singleElement().satisfies(match -> assertThat(((JsonObject) match).getJsonObject("customer").getString("notes"))
            .isEqualTo("line 1\nline 2 \\ </script>"));
    assertThatThrownBy(() -> await(directory.lookupJson(IdentityType.PHONE, "12ab")))
        .isInstanceOf(InvalidIdentityException.class);
  }

  @Test
  void skipsIndexedIdsWhoseRecordIsGone() throws Exception {
    await(directory.save(customer("c-1", "Kim Minji", List.of("010-1234-5678"), List.of())));
    String index = redis.store().keys().key("idx", "phone", "+821012345678");
    await(redis.store().run(commands -> commands.sadd(index, "ghost")));

    assertThat(lookup(IdentityType.PHONE, "010-1234-5678").matches()).hasSize(1);
  }

  @Test
  void rejectsAQueryThatIsNotAPhoneNumber() {
    assertThatThrownBy(() -> lookup(IdentityType.PHONE, "anonymous"))
        .isInstanceOf(InvalidIdentityException.class)
        .hasMessageContaining("'anonymous' is not a phone number");
  }

  @Test
  void searchesNamesByPrefixInNameOrder() throws Exception {
    await(directory.save(customer("c-1", "Kim Minji", List.of(), List.of())));
    await(directory.save(customer("c-2", "kim family", List.of(), List.of())));
    await(directory.save(customer("c-3", "Kimberly Jones", List.of(), List.of())));
    await(directory.save(customer("c-4", "Lee Jun", List.of(), List.of())));
    await(directory.save(customer("c-5", "김민지", List.of(), List.of())));

    assertThat(await(directory.searchByName("KIM ", 10))).extracting(Customer::name)
        .containsExactly("kim family", "Kim Minji");
    assertThat(await(directory.searchByName("kim", 2))).extracting(Customer::name)
        .containsExactly("kim family", "Kim Minji");
    assertThat(await(directory.searchByName("kim", 10))).hasSize(3);
    assertThat(await(directory.searchByName("김", 10))).extracting(Customer::name).containsExactly("김민지");
    assertThat(await(directory.searchByName("", 10))).hasSize(5);
  }

  private static TimelineEntry entry(int number) {
    return new TimelineEntry(NOW.plusSeconds(number), "contact", "phone", "call " + number,
        Map.of("agent", "agent-7"));
  }

  @Test
  void pagesTheTimelineNewestFirstAndKeepsOnlyTheLimit() throws Exception {
    CustomerId id = new CustomerId("c-1");
    await(directory.save(customer("c-1", "Kim Minji", List.of(), List.of())));
    for (int i = 1; i <= 7; i++) {
      await(directory.appendTimeline(id, entry(i)));
    }

    List<String> summaries = new ArrayList<>();
    List<Optional<String>> cursors = new ArrayList<>();
    Optional<String> cursor = Optional.empty();
    do {
      TimelinePage page = await(directory.timeline(id, cursor, 2));
      page.entries().forEach(entry -> summaries.add(entry.summary()));
      cursor = page.next();
      cursors.add(cursor);
    } while (cursor.isPresent());

    assertThat(summaries).containsExactly("call 7", "call 6", "call 5", "call 4", "call 3");
    assertThat(cursors).containsExactly(Optional.of("2"), Optional.of("4"), Optional.empty());
    assertThat(await(directory.timeline(id, Optional.empty(), 10)).entries().get(0)).isEqualTo(entry(7));
    assertThatThrownBy(() -> await(directory.timeline(id, Optional.of("abc"), 2)))
        .hasMessageContaining("timeline cursor 'abc' is invalid");
  }

  @Test
  void refusesTimelineEntriesForUnknownCustomers() {
    assertThatThrownBy(() -> await(directory.appendTimeline(new CustomerId("nobody"), entry(1))))
        .isInstanceOf(CustomerNotFoundException.class)
        .hasMessageContaining("customer 'nobody' does not exist");
  }

  @Test
  void savesABatchInOneGo() throws Exception {
    List<Customer> batch = new ArrayList<>();
    for (int i = 0; i < 500; i++) {
      batch.add(customer("c-" + i, "Name " + i, List.of(String.format("010-1234-%04d", i)), List.of()));
    }

    assertThat(await(directory.saveAll(batch))).isEqualTo(500);
    assertThat(lookup(IdentityType.PHONE, "010-1234-0499").matches()).singleElement()
        .satisfies(match -> assertThat(match.customer().id().value()).isEqualTo("c-499"));
  }

  @Test
  void reloadsTheScriptWhenRedisHasForgottenIt() throws Exception {
    await(redis.store().run(commands -> commands.scriptFlush()));
    List<Customer> batch = List.of(customer("c-1", "Kim", List.of("010-1234-5678"), List.of()),
        customer("c-2", "Lee", List.of("010-1234-5679"), List.of()));

    assertThat(await(directory.saveAll(batch))).isEqualTo(2);
    assertThat(lookup(IdentityType.PHONE, "010-1234-5679").found()).isTrue();
  }

  @Test
  void failsWithStoreUnavailableWhenTheConnectionIsClosed() {
    redis.connection().close();

    assertThatThrownBy(() -> lookup(IdentityType.PHONE, "010-1234-5678"))
        .isInstanceOf(StoreUnavailableException.class);
    assertThatThrownBy(() -> await(directory.save(customer("c-1", "Kim", List.of(), List.of()))))
        .isInstanceOf(StoreUnavailableException.class);
  }

  @Test
  void failsWithStoreUnavailableWhenRedisGoesAway() throws Exception {
    LocalRedisServer server = LocalRedisServer.startEphemeral();
    RedisClient client = RedisClient.create(server.uri());
    client.setOptions(ClientOptions.builder()
        .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS).autoReconnect(false).build());
    try (StatefulRedisConnection<String, String> connection = client.connect()) {
      RedisCustomerDirectory doomed = new RedisCustomerDirectory(
          new RedisStore(vertx, connection, TestRedis.freshCenter()), normalizer, 5, Clock.systemUTC());
      await(doomed.save(customer("c-1", "Kim", List.of("010-1234-5678"), List.of())));
      server.close();

      assertThatThrownBy(() -> await(doomed.lookup(IdentityType.PHONE, "010-1234-5678")))
          .isInstanceOf(StoreUnavailableException.class)
          .hasMessageStartingWith("Redis is unavailable");
      assertThatThrownBy(() -> await(doomed.saveAll(List.of(customer("c-2", "Lee", List.of(), List.of())))))
          .isInstanceOf(StoreUnavailableException.class);
    } finally {
      client.shutdown();
      server.close();
    }
  }
}
