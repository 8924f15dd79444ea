/**
 * Demo data: realistic generated customers for {@code ./switchboard demo} and the benchmarks.
 * Generation is deterministic for a seed and pure; seeding writes through the directory's futures.
 */
package dev.switchboard.gateway.demo;
