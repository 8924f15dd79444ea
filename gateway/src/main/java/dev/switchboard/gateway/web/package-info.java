/**
 * HTTP plumbing that is not the REST API: liveness and readiness, the Prometheus endpoint and the
 * access log. Handlers run on event loops and never block.
 */
package dev.switchboard.gateway.web;
