/**
 * Benchmarks and load tools, run by {@code ./switchboard bench NAME}. Each drives the real
 * production code against a local Redis, measures a baseline in the same run, and prints one final
 * {@code RESULT ...} line. Benchmarks block their main thread; load is generated on Vert.x.
 */
package dev.switchboard.bench;
