package dev.switchboard.bench;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.util.ArrayList;
import java.util.List;

/**
 * Creates the benchmark's agent accounts through the node's REST API, signed in as the initial admin, and signs
 * each agent in: the tokens their desktops say hello with.
 */
final class DeskAccounts {

  static final String PASSWORD = "bench-agent-password-" + Long.toHexString(System.nanoTime());
  private static final int LANES = 4;

  private final WebClient client;

  DeskAccounts(Vertx vertx, int port) {
    this.client = WebClient.create(vertx, new WebClientOptions().setDefaultHost("127.0.0.1").setDefaultPort(port));
  }

  /** One token per agent id, in order. Call on a Vert.x context. */
  Future<List<String>> signIn(String adminPassword, List<String> agentIds) {
    return session("admin", adminPassword).compose(admin -> {
      String[] tokens = new String[agentIds.size()];
      List<Future<Void>> lanes = new ArrayList<>();
      for (int lane = 0; lane < LANES; lane++) {
        lanes.add(lane(admin, agentIds, lane, tokens));
      }
      return Future.all(lanes).map(all -> List.of(tokens));
    }).eventually(() -> {
      client.close();
      return Future.succeededFuture();
    });
  }

  private Future<Void> lane(String admin, List<String> ids, int index, String[] tokens) {
    if (index >= ids.size()) {
      return Future.succeededFuture();
    }
    String id = ids.get(index);
    return client.post("/api/v1/accounts").bearerTokenAuthentication(admin)
        .sendJsonObject(new JsonObject().put("id", id).put("role", "agent").put("password", PASSWORD))
        .compose(created -> expect(created, 201, "create account " + id))
        .compose(created -> session(id, PASSWORD))
        .compose(token -> {
          tokens[index] = token;
          return lane(admin, ids, index + LANES, tokens);
        });
  }

  private Future<String> session(String account, String password) {
    return client.post("/api/v1/sessions")
        .sendJsonObject(new JsonObject().put("account", account).put("password", password))
        .compose(response -> expect(response, 201, "sign in as " + account))
        .map(response -> response.bodyAsJsonObject().getString("token"));
  }

  private static Future<HttpResponse<Buffer>> expect(HttpResponse<Buffer> response, int status, String what) {
    if (response.statusCode() != status) {
      return Future.failedFuture("could not " + what + ": HTTP " + response.statusCode() + " " + response.bodyAsString());
    }
    return Future.succeededFuture(response);
  }
}
