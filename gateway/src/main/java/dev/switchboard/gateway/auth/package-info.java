/**
 * Who may use the API: accounts with a role (agent, supervisor, admin), password sign-in with
 * rate-limited failures, bearer or cookie sessions kept in Redis, and the handlers that protect
 * {@code /api/v1}. Handlers run on event loops and only compose futures; password hashing runs on
 * the {@code auth-hash} worker pool.
 */
package dev.switchboard.gateway.auth;
