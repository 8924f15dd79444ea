package dev.switchboard.gateway.redis;

/** Redis could not be started or reached at start-up; the message tells the operator what to do. */
public final class RedisStartException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public RedisStartException(String message, Throwable cause) {
    super(message, cause);
  }
}
