package dev.switchboard.bench;

import io.lettuce.core.RedisClient;
import io.lettuce.core.metrics.CommandLatencyRecorder;
import io.lettuce.core.resource.ClientResources;

/**
 * Redis clients for the benchmarks' own connections. Lettuce's default resources collect command latencies
 * with a pause detector whose threads wake every millisecond, which production never runs (the node records
 * Redis timings through Micrometer instead), so the benchmarks share resources without it. The resources live
 * as long as the benchmark process.
 */
final class BenchRedis {

  private static final ClientResources RESOURCES = ClientResources.builder()
      .commandLatencyRecorder(CommandLatencyRecorder.disabled())
      .build();

  private BenchRedis() {}

  /** A client for {@code uri}; shut it down when done (the shared resources stay). */
  static RedisClient client(String uri) {
    return RedisClient.create(RESOURCES, uri);
  }
}
