package dev.switchboard.gateway.auth;

import java.time.Instant;

/** A session just opened: the token to hand to the client once, and when it expires if unused. */
public record IssuedSession(SessionToken token, Session session, Instant expiresAt) {}
