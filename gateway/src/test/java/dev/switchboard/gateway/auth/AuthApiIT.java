package dev.switchboard.gateway.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.config.DirectorySettings;
import dev.switchboard.config.RedisSettings;
import dev.switchboard.config.ServerSettings;
import dev.switchboard.config.SwitchboardConfig;
import dev.switchboard.gateway.Node;
import dev.switchboard.routing.testing.TestRedis;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Sign-in, sessions and role checks through a real node on a real Redis. All requests come from
 * 127.0.0.1, so the tests together stay below the per-address limit of failed sign-ins.
 */
class AuthApiIT {

  private static final String ADMIN_PASSWORD = "admin-password-for-tests";
  private static String center;
  private static Node node;
  private static Client client;
  private static String admin;

  @BeforeAll
  static void start() throws Exception {
    center = TestRedis.freshCenter();
    node = Node.start(new SwitchboardConfig(
        new ServerSettings("127.0.0.1", freePort(), 64 * 1024, 8 * 1024 * 1024, Duration.ofSeconds(1)),
        new RedisSettings(Optional.of(TestRedis.uri()), Optional.empty(), center, Path.of("target/unused-data"),
            Duration.ofSeconds(2), Duration.ofSeconds(3)),
        new DirectorySettings("KR", 50), Optional.empty()));
    client = new Client(node.port());
    ensure("boss", Role.ADMIN, ADMIN_PASSWORD);
    admin = client.token("boss", ADMIN_PASSWORD);
  }

  @AfterAll
  static void stop() {
    node.close();
  }

  private static void ensure(String id, Role role, String password) throws Exception {
    node.accounts().ensure(new AccountId(id), id, role, password).toCompletionStage().toCompletableFuture()
        .get(30, TimeUnit.SECONDS);
  }

  private static JsonObject problem(HttpResponse<String> response) {
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    return new JsonObject(response.body());
  }

  @Test
  void signInAnswersTokenAccountRoleExpiryAndAStrictHttpOnlyCookie() throws Exception {
    ensure("cookie-agent", Role.AGENT, "cookie-agent-password");

    HttpResponse<String> response = client.signIn("cookie-agent", "cookie-agent-password");

    assertThat(response.statusCode()).isEqualTo(201);
    JsonObject body = new JsonObject(response.body());
    assertThat(body.getString("token")).matches("[A-Za-z0-9_-]{43}");
    assertThat(body.getString("account")).isEqualTo("cookie-agent");
    assertThat(body.getString("role")).isEqualTo("agent");
    assertThat(java.time.Instant.parse(body.getString("expiresAt"))).isAfter(java.time.Instant.now().plusSeconds(3600));
    assertThat(response.body()).doesNotContain("cookie-agent-password");
    String cookie = response.headers().firstValue("Set-Cookie").orElseThrow();
    assertThat(cookie).startsWith("sb_session=" + body.getString("token")).containsIgnoringCase("; HttpOnly")
        .contains("SameSite=Strict").contains("Path=/").doesNotContainIgnoringCase("Secure");
    assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-store");
  }

  @Test
  void cookieIsSecureBehindAnHttpsProxy() throws Exception {
    ensure("tls-agent", Role.AGENT, "tls-agent-password");

    HttpResponse<String> response = client.signIn("tls-agent", "tls-agent-password", "X-Forwarded-Proto", "https");

    assertThat(response.headers().firstValue("Set-Cookie").orElseThrow()).containsIgnoringCase("; Secure");
  }

  @Test
  void sessionCookieAuthenticatesLikeTheHeader() throws Exception {
    ensure("cookie-user", Role.SUPERVISOR, "cookie-user-password");
    String token = client.token("cookie-user", "cookie-user-password");

    HttpResponse<String> me = client.send("GET", "/api/v1/me", null, "Cookie", "sb_session=" + token);

    assertThat(me.statusCode()).isEqualTo(200);
    assertThat(new JsonObject(me.body()).getString("role")).isEqualTo("supervisor");
  }

  @Test
  void cookieWriteFromAnotherOriginIsForbidden() throws Exception {
    ensure("csrf-target", Role.SUPERVISOR, "csrf-target-password");
    String token = client.token("csrf-target", "csrf-target-password");

    HttpResponse<String> response = client.send("DELETE", "/api/v1/customers/anyone", null,
        "Cookie", "sb_session=" + token, "Origin", "https://evil.example");

    assertThat(response.statusCode()).isEqualTo(403);
    assertThat(problem(response).getString("detail")).contains("evil.example");
  }

  @Test
  void wrongPasswordAndUnknownAccountGetTheSame401() throws Exception {
    ensure("known-agent", Role.AGENT, "known-agent-password");

    HttpResponse<String> wrong = client.signIn("known-agent", "not-the-password");
    HttpResponse<String> unknown = client.signIn("nobody-here", "not-the-password");

    assertThat(wrong.statusCode()).isEqualTo(401);
    assertThat(unknown.statusCode()).isEqualTo(401);
    assertThat(problem(wrong).getString("detail")).isEqualTo(problem(unknown).getString("detail"));
    assertThat(problem(wrong).getString("title")).isEqualTo(problem(unknown).getString("title"));
    assertThat(wrong.body()).doesNotContain("not-the-password");
  }

  @Test
  void repeatedFailuresLockTheAccountWith429AndRetryAfter() throws Exception {
    ensure("guessed", Role.AGENT, "guessed-password");
    for (int attempt = 0; attempt < SignInLimits.DEFAULT.perAccount(); attempt++) {
      assertThat(client.signIn("guessed", "wrong-guess-" + attempt).statusCode()).isEqualTo(401);
    }

    HttpResponse<String> locked = client.signIn("guessed", "guessed-password");

    assertThat(locked.statusCode()).isEqualTo(429);
    assertThat(Long.parseLong(locked.headers().firstValue("Retry-After").orElseThrow())).isBetween(1L, 900L);
    assertThat(problem(locked).getString("detail")).contains("try again in");
  }

  @Test
  void successfulSignInResetsTheAccountsFailureCount() throws Exception {
    ensure("forgetful", Role.AGENT, "forgetful-password");
    for (int attempt = 0; attempt < SignInLimits.DEFAULT.perAccount() - 3; attempt++) {
      assertThat(client.signIn("forgetful", "wrong").statusCode()).isEqualTo(401);
    }
    assertThat(client.signIn("forgetful", "forgetful-password").statusCode()).isEqualTo(201);
    for (int attempt = 0; attempt < SignInLimits.DEFAULT.perAccount() - 1; attempt++) {
      assertThat(client.signIn("forgetful", "wrong").statusCode()).isEqualTo(401);
    }
    assertThat(client.signIn("forgetful", "forgetful-password").statusCode()).isEqualTo(201);
  }

  @Test
  void missingOrUnknownTokenGets401WithABearerChallenge() {
    HttpResponse<String> missing = client.send("GET", "/api/v1/customers/anyone", null);
    HttpResponse<String> unknown = client.as("A".repeat(43), "GET", "/api/v1/customers/anyone", null);
    HttpResponse<String> otherScheme = client.send("GET", "/api/v1/me", null, "Authorization", "Basic YTpi");

    assertThat(missing.statusCode()).isEqualTo(401);
    assertThat(missing.headers().firstValue("WWW-Authenticate").orElseThrow()).startsWith("Bearer");
    assertThat(problem(missing).getString("detail")).contains("POST /api/v1/sessions");
    assertThat(unknown.statusCode()).isEqualTo(401);
    assertThat(unknown.headers().firstValue("WWW-Authenticate").orElseThrow()).contains("invalid_token");
    assertThat(otherScheme.statusCode()).isEqualTo(401);
  }

  @Test
  void tokenInTheQueryStringIsRefused() {
    for (String parameter : List.of("token", "access_token")) {
      HttpResponse<String> response = client.send("GET", "/api/v1/me?" + parameter + "=" + admin, null);

      assertThat(response.statusCode()).isEqualTo(400);
      assertThat(problem(response).getString("detail")).contains("must not be sent in the URL").contains(parameter)
          .doesNotContain(admin);
    }
  }

  @Test
  void signedOutTokenGets401AndTheCookieIsCleared() throws Exception {
    ensure("leaver", Role.AGENT, "leaver-password");
    String token = client.token("leaver", "leaver-password");
    assertThat(client.as(token, "GET", "/api/v1/me", null).statusCode()).isEqualTo(200);

    HttpResponse<String> out = client.as(token, "DELETE", "/api/v1/sessions/current", null);

    assertThat(out.statusCode()).isEqualTo(204);
    assertThat(out.headers().firstValue("Set-Cookie").orElseThrow()).contains("sb_session=").contains("Max-Age=0");
    assertThat(client.as(token, "GET", "/api/v1/me", null).statusCode()).isEqualTo(401);
  }

  @Test
  void expiredSessionGets401() throws Exception {
    ensure("late", Role.AGENT, "late-password");
    String token = client.token("late", "late-password");
    String key = "sb:{" + center + "}:session:" + new SessionToken(token).digest();
    RedisClient redis = RedisClient.create(TestRedis.uri());
    try (StatefulRedisConnection<String, String> connection = redis.connect()) {
      assertThat(connection.sync().exists(key)).isEqualTo(1L);
      connection.sync().hset(key, "expires", Long.toString(System.currentTimeMillis() - 1000));
    } finally {
      redis.shutdown();
    }

    HttpResponse<String> response = client.as(token, "GET", "/api/v1/me", null);

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(problem(response).getString("detail")).contains("expired");
  }

  @Test
  void aSessionEndedThroughAnotherNodeStopsWorkingHereWithinASecond() throws Exception {
    ensure("elsewhere", Role.AGENT, "elsewhere-password");
    String token = client.token("elsewhere", "elsewhere-password");
    assertThat(client.as(token, "GET", "/api/v1/me", null).statusCode()).isEqualTo(200);
    RedisClient redis = RedisClient.create(TestRedis.uri());
    long ended;
    try (StatefulRedisConnection<String, String> connection = redis.connect()) {
      assertThat(connection.sync().del("sb:{" + center + "}:session:" + new SessionToken(token).digest())).isEqualTo(1L);
      ended = System.nanoTime();
    } finally {
      redis.shutdown();
    }

    int status = 200;
    while (status == 200 && System.nanoTime() - ended < Duration.ofSeconds(10).toNanos()) {
      Thread.sleep(50);
      status = client.as(token, "GET", "/api/v1/me", null).statusCode();
    }

    assertThat(status).isEqualTo(401);
    assertThat(Duration.ofNanos(System.nanoTime() - ended)).isLessThan(RecentSessions.FRESH.plusSeconds(2));
  }

  @Test
  void sessionsAreStoredOnlyAsTheTokensDigest() throws Exception {
    ensure("digested", Role.AGENT, "digested-password");
    String token = client.token("digested", "digested-password");
    RedisClient redis = RedisClient.create(TestRedis.uri());
    try (StatefulRedisConnection<String, String> connection = redis.connect()) {
      List<String> keys = connection.sync().keys("sb:{" + center + "}:*");
      assertThat(keys).noneMatch(key -> key.contains(token));
      long ttl = connection.sync().pttl("sb:{" + center + "}:session:" + new SessionToken(token).digest());
      assertThat(ttl).isBetween(Duration.ofHours(11).toMillis(), Duration.ofHours(12).toMillis());
    } finally {
      redis.shutdown();
    }
  }

  @Test
  void agentReadsCustomersButCannotChangeOrDeleteThem() throws Exception {
    ensure("reader", Role.AGENT, "reader-password");
    String agent = client.token("reader", "reader-password");
    JsonObject customer = new JsonObject().put("id", "guarded").put("name", "Guarded Customer");
    assertThat(client.as(admin, "POST", "/api/v1/customers", customer).statusCode()).isEqualTo(201);

    assertThat(client.as(agent, "GET", "/api/v1/customers/guarded", null).statusCode()).isEqualTo(200);
    assertThat(client.as(agent, "GET", "/api/v1/customers/lookup?crm=none", null).statusCode()).isEqualTo(200);
    HttpResponse<String> delete = client.as(agent, "DELETE", "/api/v1/customers/guarded", null);
    HttpResponse<String> create = client.as(agent, "POST", "/api/v1/customers",
        new JsonObject().put("id", "sneaky").put("name", "Sneaky"));

    assertThat(delete.statusCode()).isEqualTo(403);
    assertThat(problem(delete).getString("detail")).contains("needs the supervisor role").contains("reader");
    assertThat(create.statusCode()).isEqualTo(403);
    assertThat(client.as(agent, "POST", "/api/v1/customers/import?format=csv", null).statusCode()).isEqualTo(403);
    assertThat(client.as(admin, "GET", "/api/v1/customers/guarded", null).statusCode()).isEqualTo(200);
  }

  @Test
  void supervisorChangesCustomersButCannotManageAccounts() throws Exception {
    ensure("lead", Role.SUPERVISOR, "lead-password-1");
    String supervisor = client.token("lead", "lead-password-1");
    client.as(admin, "POST", "/api/v1/customers", new JsonObject().put("id", "to-go").put("name", "To Go"));

    assertThat(client.as(supervisor, "DELETE", "/api/v1/customers/to-go", null).statusCode()).isEqualTo(204);
    HttpResponse<String> list = client.as(supervisor, "GET", "/api/v1/accounts", null);
    HttpResponse<String> create = client.as(supervisor, "POST", "/api/v1/accounts",
        new JsonObject().put("id", "x").put("role", "admin").put("password", "some-password-1"));

    assertThat(list.statusCode()).isEqualTo(403);
    assertThat(problem(list).getString("detail")).contains("needs the admin role");
    assertThat(create.statusCode()).isEqualTo(403);
  }

  @Test
  void adminCreatesAnAgentWhoSignsInAndPasswordsNeverComeBack() {
    JsonObject request = new JsonObject().put("id", "new.agent").put("displayName", "New Agent")
        .put("role", "agent").put("password", "brand-new-password");

    HttpResponse<String> created = client.as(admin, "POST", "/api/v1/accounts", request);

    assertThat(created.statusCode()).isEqualTo(201);
    assertThat(created.headers().firstValue("Location")).hasValue("/api/v1/accounts/new.agent");
    JsonObject account = new JsonObject(created.body());
    assertThat(account.getString("role")).isEqualTo("agent");
    assertThat(account.getBoolean("disabled")).isFalse();
    HttpResponse<String> signIn = client.signIn("new.agent", "brand-new-password");
    assertThat(signIn.statusCode()).isEqualTo(201);
    String agent = new JsonObject(signIn.body()).getString("token");
    List<HttpResponse<String>> responses = List.of(created, signIn,
        client.as(admin, "GET", "/api/v1/accounts", null),
        client.as(admin, "GET", "/api/v1/accounts/new.agent", null),
        client.as(agent, "GET", "/api/v1/me", null),
        client.as(admin, "PUT", "/api/v1/accounts/new.agent", new JsonObject().put("displayName", "Renamed")));
    for (HttpResponse<String> response : responses) {
      assertThat(response.statusCode()).isBetween(200, 201);
      assertThat(response.body()).doesNotContain("brand-new-password").doesNotContain("pbkdf2")
          .doesNotContain("password");
    }
    assertThat(client.as(admin, "POST", "/api/v1/accounts", request).statusCode()).isEqualTo(409);
  }

  @Test
  void invalidAccountInputIsA400NamingTheField() {
    HttpResponse<String> shortPassword = client.as(admin, "POST", "/api/v1/accounts",
        new JsonObject().put("id", "shorty").put("role", "agent").put("password", "short"));
    HttpResponse<String> badRole = client.as(admin, "POST", "/api/v1/accounts",
        new JsonObject().put("id", "roley").put("role", "boss").put("password", "long-enough-password"));
    HttpResponse<String> badId = client.as(admin, "POST", "/api/v1/accounts",
        new JsonObject().put("id", "Bad Id").put("role", "agent").put("password", "long-enough-password"));

    assertThat(shortPassword.statusCode()).isEqualTo(400);
    assertThat(problem(shortPassword).getString("detail")).contains("password").contains("10 to 128")
        .doesNotContain("short\"");
    assertThat(badRole.statusCode()).isEqualTo(400);
    assertThat(problem(badRole).getString("detail")).contains("role").contains("boss");
    assertThat(badId.statusCode()).isEqualTo(400);
    assertThat(problem(badId).getString("detail")).contains("Bad Id");
  }

  @Test
  void disablingAnAccountEndsItsSessionsAndItsSignIn() throws Exception {
    ensure("leaving", Role.AGENT, "leaving-password");
    String token = client.token("leaving", "leaving-password");

    HttpResponse<String> disabled = client.as(admin, "PUT", "/api/v1/accounts/leaving",
        new JsonObject().put("disabled", true));

    assertThat(disabled.statusCode()).isEqualTo(200);
    assertThat(client.as(token, "GET", "/api/v1/me", null).statusCode()).isEqualTo(401);
    HttpResponse<String> signIn = client.signIn("leaving", "leaving-password");
    assertThat(signIn.statusCode()).isEqualTo(401);
    assertThat(problem(signIn).getString("detail")).isEqualTo(SessionRoutes.WRONG);
  }

  @Test
  void roleChangeTakesEffectOnTheNextRequest() throws Exception {
    ensure("promoted", Role.AGENT, "promoted-password");
    String token = client.token("promoted", "promoted-password");
    assertThat(client.as(token, "GET", "/api/v1/accounts", null).statusCode()).isEqualTo(403);

    client.as(admin, "PUT", "/api/v1/accounts/promoted", new JsonObject().put("role", "admin"));

    assertThat(client.as(token, "GET", "/api/v1/accounts", null).statusCode()).isEqualTo(200);
  }

  @Test
  void anAccountChangesItsOwnPasswordOnlyWithTheCurrentOne() throws Exception {
    ensure("changer", Role.AGENT, "changer-password-1");
    ensure("bystander", Role.AGENT, "bystander-password");
    String token = client.token("changer", "changer-password-1");
    String otherDesk = client.token("changer", "changer-password-1");
    String bystanderSession = client.token("bystander", "bystander-password");

    HttpResponse<String> wrongCurrent = client.as(token, "POST", "/api/v1/accounts/changer/password",
        new JsonObject().put("currentPassword", "not-it-at-all").put("password", "changer-password-2"));
    HttpResponse<String> someoneElse = client.as(token, "POST", "/api/v1/accounts/bystander/password",
        new JsonObject().put("currentPassword", "changer-password-1").put("password", "changer-password-2"));
    HttpResponse<String> changed = client.as(token, "POST", "/api/v1/accounts/changer/password",
        new JsonObject().put("currentPassword", "changer-password-1").put("password", "changer-password-2"));

    assertThat(wrongCurrent.statusCode()).isEqualTo(403);
    assertThat(someoneElse.statusCode()).isEqualTo(403);
    assertThat(changed.statusCode()).isEqualTo(204);
    assertThat(client.signIn("changer", "changer-password-2").statusCode()).isEqualTo(201);
    assertThat(client.as(token, "GET", "/api/v1/me", null).statusCode()).isEqualTo(200);
    assertThat(client.as(otherDesk, "GET", "/api/v1/me", null).statusCode()).isEqualTo(401);
    assertThat(client.as(bystanderSession, "GET", "/api/v1/me", null).statusCode()).isEqualTo(200);
    assertThat(client.as(admin, "POST", "/api/v1/accounts/bystander/password",
        new JsonObject().put("password", "set-by-the-admin")).statusCode()).isEqualTo(204);
    assertThat(client.signIn("bystander", "set-by-the-admin").statusCode()).isEqualTo(201);
    assertThat(client.as(bystanderSession, "GET", "/api/v1/me", null).statusCode()).isEqualTo(401);
  }

  @Test
  void theLastEnabledAdminCannotBeRemoved() throws Exception {
    ensure("only-admin-check", Role.ADMIN, "only-admin-password");
    JsonArray accounts = new JsonObject(client.as(admin, "GET", "/api/v1/accounts", null).body()).getJsonArray("items");
    for (Object item : accounts) {
      JsonObject account = (JsonObject) item;
      if ("admin".equals(account.getString("role")) && !"boss".equals(account.getString("id"))) {
        assertThat(client.as(admin, "PUT", "/api/v1/accounts/" + account.getString("id"),
            new JsonObject().put("role", "supervisor")).statusCode()).isEqualTo(200);
      }
    }

    HttpResponse<String> delete = client.as(admin, "DELETE", "/api/v1/accounts/boss", null);
    HttpResponse<String> demote = client.as(admin, "PUT", "/api/v1/accounts/boss",
        new JsonObject().put("role", "agent"));

    assertThat(delete.statusCode()).isEqualTo(409);
    assertThat(problem(delete).getString("detail")).contains("last enabled admin");
    assertThat(demote.statusCode()).isEqualTo(409);
  }

  @Test
  void largeBodiesRefusedBeforeTheyAreReadStillGetAnAnswer() throws Exception {
    ensure("bulk-agent", Role.AGENT, "bulk-agent-password");
    String agent = client.token("bulk-agent", "bulk-agent-password");
    JsonObject big = new JsonObject().put("rows", "x".repeat(4 * 1024 * 1024));

    HttpResponse<String> anonymous = client.send("POST", "/api/v1/customers/import?format=jsonl", big);
    HttpResponse<String> forbidden = client.as(agent, "POST", "/api/v1/customers/import?format=jsonl", big);

    assertThat(anonymous.statusCode()).isEqualTo(401);
    assertThat(forbidden.statusCode()).isEqualTo(403);
    assertThat(client.as(agent, "GET", "/api/v1/me", null).statusCode()).isEqualTo(200);
  }

  @Test
  void signInNeedsAccountAndPasswordFields() {
    HttpResponse<String> response = client.send("POST", "/api/v1/sessions", new JsonObject().put("account", "x"));

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(problem(response).getString("detail")).contains("password");
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
