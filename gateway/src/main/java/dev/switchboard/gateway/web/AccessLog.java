package dev.switchboard.gateway.web;

import io.vertx.ext.web.RoutingContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One line per request on the {@code access} logger: method, path without the query string (it
 * may hold phone numbers or emails), status, bytes and milliseconds. Turn it off by setting that
 * logger's level to OFF.
 */
public final class AccessLog {

  private static final Logger log = LoggerFactory.getLogger("access");

  private AccessLog() {}

  public static void handle(RoutingContext context) {
    if (!log.isInfoEnabled()) {
      context.next();
      return;
    }
    long started = System.nanoTime();
    context.addBodyEndHandler(ignored -> log.info("{} {} {} {}B {}ms",
        context.request().method(), context.request().path(), context.response().getStatusCode(),
        context.response().bytesWritten(), (System.nanoTime() - started) / 1_000_000));
    context.next();
  }
}
