package dev.switchboard.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.routing.testing.TestRedis;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class CustomerApiIT {

  private static Node node;
  private static Http http;

  @BeforeAll
  static void start() {
    node = Node.start(TestNodes.config(TestRedis.uri(), TestRedis.freshCenter()));
    http = TestNodes.signedInAdmin(node);
  }

  @AfterAll
  static void stop() {
    node.close();
  }

  private static JsonObject customer(String id, String name, String phone) {
    return new JsonObject().put("id", id).put("name", name).put("tier", "gold")
        .put("phones", new JsonArray().add(phone)).put("emails", new JsonArray().add(id + "@Example.com"));
  }

  @Test
  void createsThenFindsCustomerByLocalPhoneWithMatchExplanation() {
    HttpResponse<String> created = http.post("/api/v1/customers", "application/json",
        customer("api-1", "김민지", "010-2345-6789").encode());
    assertThat(created.statusCode()).isEqualTo(201);
    assertThat(created.headers().firstValue("Location")).hasValue("/api/v1/customers/api-1");

    HttpResponse<String> found = http.get("/api/v1/customers/lookup?phone=010-2345-6789");
    assertThat(found.statusCode()).isEqualTo(200);
    assertThat(found.headers().firstValue("Content-Type")).hasValue("application/json");
    JsonObject lookup = new JsonObject(found.body());
    assertThat(lookup.getString("normalized")).isEqualTo("+821023456789");
    assertThat(lookup.getBoolean("ambiguous")).isFalse();
    JsonObject match = lookup.getJsonArray("matches").getJsonObject(0);
    assertThat(match.getString("matchedOn")).isEqualTo("phone");
    assertThat(match.getBoolean("exact")).isFalse();
    assertThat(match.getString("how")).contains("+821023456789").contains("010-2345-6789");
    assertThat(match.getJsonObject("customer").getString("name")).isEqualTo("김민지");
  }

  @Test
  void twoCustomersOnOneLineGiveAPickList() {
    http.post("/api/v1/customers", "application/json", customer("home-1", "Lee Sua", "+82 2-312-3456").encode());
    http.post("/api/v1/customers", "application/json", customer("home-2", "Lee Jiho", "02-312-3456").encode());

    JsonObject lookup = new JsonObject(http.get("/api/v1/customers/lookup?phone=%2B8223123456").body());

    assertThat(lookup.getBoolean("ambiguous")).isTrue();
    assertThat(lookup.getJsonArray("matches").stream().map(m -> ((JsonObject) m).getJsonObject("customer").getString("id")))
        .containsExactlyInAnyOrder("home-1", "home-2");
  }

  @Test
  void replacingMovesTheIdentityIndexes() {
    http.post("/api/v1/customers", "application/json", customer("mover", "Park Doyoon", "010-3000-0001").encode());

    HttpResponse<String> replaced = http.put("/api/v1/customers/mover",
        customer("mover", "Park Doyoon", "010-3000-0002").encode());

    assertThat(replaced.statusCode()).isEqualTo(200);
    assertThat(new JsonObject(http.get("/api/v1/customers/lookup?phone=01030000001").body())
        .getJsonArray("matches")).isEmpty();
    assertThat(new JsonObject(http.get("/api/v1/customers/lookup?phone=01030000002").body())
        .getJsonArray("matches")).hasSize(1);
  }

  @Test
  void deleteRemovesTheRecordAndAnswers404Afterwards() {
    http.post("/api/v1/customers", "application/json", customer("gone", "Choi Yujin", "010-3000-0003").encode());

    assertThat(http.delete("/api/v1/customers/gone").statusCode()).isEqualTo(204);
    HttpResponse<String> after = http.get("/api/v1/customers/gone");

    assertThat(after.statusCode()).isEqualTo(404);
    assertThat(after.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    assertThat(new JsonObject(after.body()).getString("detail")).contains("gone");
  }

  @Test
  void searchesByNamePrefixCaseInsensitively() {
    http.post("/api/v1/customers", "application/json", customer("s-1", "Zelda Quill", "010-3000-0004").encode());

    JsonObject result = new JsonObject(http.get("/api/v1/customers?name=zeL").body());

    assertThat(result.getJsonArray("items").stream().map(c -> ((JsonObject) c).getString("id"))).contains("s-1");
  }

  @Test
  void timelineKeepsNotesNewestFirst() {
    http.post("/api/v1/customers", "application/json", customer("tl", "Kang Hyunwoo", "010-3000-0005").encode());
    http.post("/api/v1/customers/tl/timeline", "application/json", "{\"summary\":\"first\"}");
    http.post("/api/v1/customers/tl/timeline", "application/json", "{\"summary\":\"second\"}");

    JsonObject page = new JsonObject(http.get("/api/v1/customers/tl/timeline?limit=10").body());

    assertThat(page.getJsonArray("entries").stream().map(e -> ((JsonObject) e).getString("summary")))
        .containsExactly("second", "first");
  }

  @Test
  void malformedJsonIsA400Problem() {
    HttpResponse<String> response = http.post("/api/v1/customers", "application/json", "{\"id\": \"x\", ");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    assertThat(new JsonObject(response.body()).getString("detail")).contains("not valid JSON");
  }

  @Test
  void invalidFieldsAreNamedInTheProblem() {
    HttpResponse<String> response = http.post("/api/v1/customers", "application/json",
        customer("bad-phone", "Nobody", "12ab").encode());

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(new JsonObject(response.body()).getString("detail")).contains("phones").contains("12ab");
  }

  @Test
  void invalidIdentityInLookupIsA400() {
    HttpResponse<String> response = http.get("/api/v1/customers/lookup?phone=not-a-number");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(new JsonObject(response.body()).getString("detail")).contains("not-a-number");
  }

  @Test
  void oversizedBodyIsA413Problem() {
    String huge = customer("big", "x".repeat(10), "010-3000-0006").put("notes", "n".repeat(100_000)).encode();

    HttpResponse<String> response = http.post("/api/v1/customers", "application/json", huge);

    assertThat(response.statusCode()).isEqualTo(413);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
  }

  @Test
  void unknownPathIsA404Problem() {
    HttpResponse<String> response = http.get("/api/v1/nothing-here");

    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
  }

  @Test
  void importsCsvReportingBadRowsByLine() {
    String csv = String.join("\n",
        "id,name,phones,emails",
        "imp-1,Good One,010-4000-0001,one@example.com",
        "imp-2,Bad Phone,12ab,two@example.com",
        ",No Id,010-4000-0003,three@example.com",
        "imp-4,Too,Many,Columns,here",
        "imp-5,Good Five,010-4000-0005,five@example.com") + "\n";

    HttpResponse<String> response = http.post("/api/v1/customers/import?format=csv", "text/csv", csv);

    assertThat(response.statusCode()).isEqualTo(200);
    String[] lines = response.body().trim().split("\n");
    JsonObject summary = new JsonObject(lines[lines.length - 1]).getJsonObject("summary");
    assertThat(summary.getLong("imported")).isEqualTo(2);
    assertThat(summary.getLong("rejected")).isEqualTo(3);
    assertThat(summary.getJsonArray("errors").stream().map(e -> ((JsonObject) e).getLong("line")))
        .containsExactly(3L, 4L, 5L);
    assertThat(http.get("/api/v1/customers/imp-5").statusCode()).isEqualTo(200);
  }

  @Test
  void healthReadinessAndMetricsAnswer() {
    assertThat(http.get("/health").statusCode()).isEqualTo(200);
    HttpResponse<String> ready = http.get("/ready");
    assertThat(ready.statusCode()).isEqualTo(200);
    assertThat(new JsonObject(ready.body()).getJsonObject("checks").getJsonObject("redis").getString("status"))
        .isEqualTo("UP");
    http.get("/api/v1/customers/lookup?phone=010-9999-0000");

    String metrics = http.get("/metrics").body();

    assertThat(metrics).contains("vertx_http_server_requests_total").contains("lettuce_command_completion");
  }
}
