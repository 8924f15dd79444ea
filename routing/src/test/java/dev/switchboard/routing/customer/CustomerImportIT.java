package dev.switchboard.routing.customer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.routing.store.StoreUnavailableException;
import dev.switchboard.routing.testing.TestRedis;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

class CustomerImportIT {

  private static final Logger log = LoggerFactory.getLogger(CustomerImportIT.class);
  private static Vertx vertx;

  private final CustomerJson json = new CustomerJson(new IdentityNormalizer("KR"));
  private TestRedis.Connected redis;
  private RedisCustomerDirectory directory;
  private CustomerImport importer;

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
    directory = new RedisCustomerDirectory(redis.store(), json.normalizer(), 100, Clock.systemUTC());
    importer = new CustomerImport(directory, json);
  }

  @AfterEach
  void disconnect() {
    redis.close();
  }

  static <T> T await(Future<T> future) throws Exception {
    try {
      return future.toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      throw e.getCause() instanceof Exception cause ? cause : e;
    }
  }

  private static InputStream utf8(String text) {
    return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void storesGoodCsvRowsAndReportsBadOnesByLine(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("customers.csv");
    Files.writeString(file, "id,name,tier,phones,emails,visitor_ids,crm_id,attr.plan\r\n"
        + "c-1,\"Kim, Minji\",gold,010-1234-5678|02-312-3456,MinJi@Example.com,v-1,SF-1,family\r\n"
        + "c-2,Lee,gold,12ab,,,,\r\n"
        + "c-3,Park,vip,,not-an-email,,,\r\n"
        + "c-4,Choi,vip,+44 20 7946 0958,,,\r\n"
        + "c-5,Jung,standard,+1 415 555 2671,,,,\r\n");

    ImportSummary summary = importer.run(file, ImportProgress.NONE);

    assertThat(summary.imported()).isEqualTo(2);
    assertThat(summary.rejected()).isEqualTo(3);
    assertThat(summary.firstErrors()).extracting(ImportError::line).containsExactly(3L, 4L, 5L);
    assertThat(summary.firstErrors().get(0).reason()).isEqualTo(
        "phones[0]: phone '12ab' is not a phone number: use digits, optionally starting with + and a country code");
    assertThat(summary.firstErrors().get(1).reason()).startsWith("emails[0]: email 'not-an-email'");
    assertThat(summary.firstErrors().get(2).reason()).startsWith("has 7 columns but the header has 8");

    Lookup byPhone = await(directory.lookup(IdentityType.PHONE, "02-312-3456"));
    assertThat(byPhone.matches()).singleElement()
        .satisfies(match -> assertThat(match.customer().name()).isEqualTo("Kim, Minji"));
    assertThat(await(directory.lookup(IdentityType.EMAIL, "minji@example.com")).found()).isTrue();
    assertThat(await(directory.lookup(IdentityType.CRM, "SF-1")).found()).isTrue();
    assertThat(await(directory.lookup(IdentityType.PHONE, "+14155552671")).found()).isTrue();
    assertThat(await(directory.get(new CustomerId("c-2")))).isEmpty();
  }

  @Test
  void storesGoodJsonLinesAndReportsBadOnesByLine() throws Exception {
    String jsonl = "{\"id\":\"j-1\",\"name\":\"Kim\",\"phones\":[\"010-1234-5678\"],\"lifetimeValue\":\"10.5\"}\n"
        + "{\"id\":\"j-2\",\"name\":\"Lee\",\"phones\":[\"010-1234-5678\", \"123\"]}\n"
        + "{\"id\":\"j-3\",\"name\":\"Park\",\"phones\":[\"+82 10 1234 5678\"]}\n"
        + "{\"id\":\"j-4\"\n";

    ImportSummary summary = importer.run(utf8(jsonl), ImportFormat.JSON_LINES, ImportProgress.NONE);

    assertThat(summary.imported()).isEqualTo(2);
    assertThat(summary.firstErrors()).extracting(ImportError::toString).satisfiesExactly(
        error -> assertThat(error).startsWith("line 2: phones[1]: phone '123' is not a valid number for region KR"),
        error -> assertThat(error).startsWith("line 4: not a JSON object"));
    Lookup shared = await(directory.lookup(IdentityType.PHONE, "01012345678"));
    assertThat(shared.ambiguous()).isTrue();
    assertThat(shared.matches()).extracting(match -> match.customer().id().value()).containsExactly("j-1", "j-3");
  }

  @Test
  void runsFromExecuteBlockingButRefusesTheEventLoop() throws Exception {
    String csv = "id,name\nc-1,Kim\n";
    ImportSummary summary = await(vertx.getOrCreateContext().executeBlocking(
        () -> importer.run(utf8(csv), ImportFormat.CSV, ImportProgress.NONE)));
    assertThat(summary.imported()).isEqualTo(1);

    Future<ImportSummary> onEventLoop = Future.future(promise -> vertx.runOnContext(ignored -> {
      try {
        promise.complete(importer.run(utf8(csv), ImportFormat.CSV, ImportProgress.NONE));
      } catch (Exception e) {
        promise.fail(e);
      }
    }));
    assertThatThrownBy(() -> await(onEventLoop))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("never on an event loop");
  }

  @Test
  void stopsWithStoreUnavailableWhenRedisIsGone() {
    redis.connection().close();
    CustomerImport quick = new CustomerImport(directory, json, 10, 2, 1000, Duration.ofSeconds(5));

    assertThatThrownBy(() -> quick.run(new GeneratedCustomers(100), ImportFormat.CSV, ImportProgress.NONE))
        .isInstanceOf(StoreUnavailableException.class)
        .hasMessageContaining("customer import stopped");
  }

  @Test
  void importsManyRowsInPipelinedBatches() throws Exception {
    long rows = 20_000;
    long[] progressCalls = {0};

    ImportSummary summary = importer.run(new GeneratedCustomers(rows), ImportFormat.CSV,
        (read, imported, rejected) -> progressCalls[0]++);

    log.info("Imported {} customers in {} ms ({} per second)", summary.imported(), summary.elapsed().toMillis(),
        summary.imported() * 1000 / Math.max(1, summary.elapsed().toMillis()));
    assertThat(summary.imported()).isEqualTo(rows);
    assertThat(summary.rejected()).isZero();
    assertThat(progressCalls[0]).isEqualTo(rows / CustomerImport.DEFAULT_PROGRESS_EVERY + 1);
    assertThat(await(directory.lookup(IdentityType.PHONE, GeneratedCustomers.phone(rows - 1))).matches())
        .singleElement().satisfies(match -> assertThat(match.customer().id().value()).isEqualTo("g-" + (rows - 1)));
    assertThat(await(directory.lookup(IdentityType.VISITOR, "v-123")).found()).isTrue();
  }
}
