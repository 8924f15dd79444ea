package dev.switchboard.gateway.auth;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** A blocking HTTP client for the auth tests: any method, body and extra headers. */
final class Client {

  private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final String base;

  Client(int port) {
    this.base = "http://127.0.0.1:" + port;
  }

  HttpResponse<String> send(String method, String path, JsonObject body, String... headers) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(20))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body.encode()));
    if (body != null) {
      request.header("Content-Type", "application/json");
    }
    for (int i = 0; i < headers.length; i += 2) {
      request.header(headers[i], headers[i + 1]);
    }
    try {
      return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  HttpResponse<String> as(String token, String method, String path, JsonObject body) {
    return send(method, path, body, "Authorization", "Bearer " + token);
  }

  HttpResponse<String> signIn(String account, String password, String... headers) {
    return send("POST", "/api/v1/sessions", new JsonObject().put("account", account).put("password", password),
        headers);
  }

  /** Signs in and returns the token, failing the test when sign-in does not succeed. */
  String token(String account, String password) {
    HttpResponse<String> response = signIn(account, password);
    if (response.statusCode() != 201) {
      throw new AssertionError("sign-in of " + account + " answered " + response.statusCode() + " " + response.body());
    }
    return new JsonObject(response.body()).getString("token");
  }
}
