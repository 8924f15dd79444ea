package dev.switchboard.config;

/**
 * Configuration that cannot be used. The message names the file, the key path and what to do;
 * the launcher prints it and exits with a non-zero status before starting anything.
 */
public final class ConfigException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public ConfigException(String message) {
    super(message);
  }
}
