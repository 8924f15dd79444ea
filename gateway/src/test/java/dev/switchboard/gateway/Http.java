package dev.switchboard.gateway;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** A blocking HTTP client for tests, bound to one node's base URL. */
public final class Http {

  // HTTP/1.1 as browsers speak to a cleartext server (no h2c upgrade)
  private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(5)).build();
  private final String base;
  private final String token;

  public Http(int port) {
    this("http://127.0.0.1:" + port, null);
  }

  private Http(String base, String token) {
    this.base = base;
    this.token = token;
  }

  /** The same client sending {@code Authorization: Bearer <token>} with every request. */
  public Http withToken(String sessionToken) {
    return new Http(base, sessionToken);
  }

  public HttpResponse<String> get(String path) {
    return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
  }

  public HttpResponse<String> delete(String path) {
    return send(HttpRequest.newBuilder(URI.create(base + path)).DELETE());
  }

  public HttpResponse<String> post(String path, String contentType, String body) {
    return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", contentType)
        .POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  public HttpResponse<String> put(String path, String body) {
    return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
        .PUT(HttpRequest.BodyPublishers.ofString(body)));
  }

  private HttpResponse<String> send(HttpRequest.Builder request) {
    try {
      if (token != null) {
        request.header("Authorization", "Bearer " + token);
      }
      return client.send(request.timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
