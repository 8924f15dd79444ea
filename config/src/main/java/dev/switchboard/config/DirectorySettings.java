package dev.switchboard.config;

import java.util.Objects;

/**
 * The customer directory behind screen-pop.
 *
 * @param defaultRegion ISO 3166 region used to read phone numbers written without a country code
 *     ({@code directory.default-region}, default {@code KR})
 * @param timelineLimit how many entries a customer's timeline keeps, oldest dropped first
 *     ({@code directory.timeline-limit}, default 1000)
 */
public record DirectorySettings(String defaultRegion, int timelineLimit) {

  public DirectorySettings {
    Objects.requireNonNull(defaultRegion, "defaultRegion");
  }
}
