/**
 * The REST API under {@code /api/v1}: JSON in and out, errors as {@code application/problem+json}
 * with a specific detail. Handlers run on event loops and only compose futures; blocking work
 * (reading an import) runs on a named worker pool.
 */
package dev.switchboard.gateway.api;
