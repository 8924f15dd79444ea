/**
 * Typed configuration: one YAML file plus environment overrides, validated once at start-up into
 * immutable records, one per concern. Loading is synchronous and runs before any event loop exists.
 */
package dev.switchboard.config;
