package dev.switchboard.gateway.web;

import io.vertx.core.Future;

/**
 * One dependency the node needs to serve (Redis, a PBX link, a mailbox). {@link #check()} must not
 * block and should complete quickly; a failed future or a {@code false} result means not ready.
 */
public interface ReadinessCheck {

  String name();

  /** Completes with a short status detail when the dependency is usable, fails with why not. */
  Future<String> check();
}
