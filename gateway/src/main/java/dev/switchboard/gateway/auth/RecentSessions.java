package dev.switchboard.gateway.auth;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * The principals this node confirmed against Redis within the last {@link #FRESH}, by session token digest,
 * so that a client sending many requests costs one Redis round trip a second instead of one per request.
 *
 * <p>What this node ends itself (sign-out, every session of an account, a changed account) is forgotten at
 * once, and a confirmation that was under way meanwhile is not kept. A session ended or an account changed
 * through another node is honoured here within {@link #FRESH}. A principal is never served past its session's
 * absolute expiry; its idle expiry in Redis is pushed forward each time it is confirmed again.
 *
 * <p>Thread-safe; shared by the event loops.
 */
final class RecentSessions {

  static final Duration FRESH = Duration.ofSeconds(1);
  /** Most principals kept; past this, expired ones are dropped and, if still full, new ones not kept. */
  static final int MAX = 10_000;

  private record Known(Principal principal, long confirmedNanos) {}

  private final ConcurrentHashMap<String, Known> byDigest = new ConcurrentHashMap<>();
  /** Moves whenever anything is forgotten, so that a confirmation begun before cannot be kept. */
  private final AtomicLong forgets = new AtomicLong();
  private final Clock clock;
  private final LongSupplier nanoTime;

  RecentSessions(Clock clock, LongSupplier nanoTime) {
    this.clock = clock;
    this.nanoTime = nanoTime;
  }

  /** The principal confirmed for {@code digest} within {@link #FRESH}, if any. */
  Optional<Principal> get(String digest) {
    Known known = byDigest.get(digest);
    if (known == null) {
      return Optional.empty();
    }
    if (!fresh(known, nanoTime.getAsLong())) {
      byDigest.remove(digest, known);
      return Optional.empty();
    }
    return Optional.of(known.principal());
  }

  /** A mark to take before asking Redis, for {@link #keep}. */
  long mark() {
    return forgets.get();
  }

  /** Keeps {@code principal}, confirmed by Redis after {@code mark} was taken, unless something was forgotten since. */
  void keep(String digest, Principal principal, long mark) {
    if (byDigest.size() >= MAX) {
      long now = nanoTime.getAsLong();
      byDigest.values().removeIf(known -> !fresh(known, now));
      if (byDigest.size() >= MAX) {
        return;
      }
    }
    Known known = new Known(principal, nanoTime.getAsLong());
    byDigest.put(digest, known);
    if (forgets.get() != mark) {
      byDigest.remove(digest, known);
    }
  }

  void forget(String digest) {
    forgets.incrementAndGet();
    byDigest.remove(digest);
  }

  void forgetAccount(AccountId account) {
    forgets.incrementAndGet();
    byDigest.values().removeIf(known -> known.principal().id().equals(account));
  }

  int size() {
    return byDigest.size();
  }

  private boolean fresh(Known known, long now) {
    return now - known.confirmedNanos() < FRESH.toNanos()
        && clock.instant().isBefore(known.principal().session().absoluteExpiry());
  }
}
