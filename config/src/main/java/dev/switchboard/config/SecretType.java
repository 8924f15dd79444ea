package dev.switchboard.config;

import java.util.Map;
import java.util.regex.Pattern;

/**
 * A secret. In the file it may only name an environment variable ({@code env:NAME}); set through
 * its own {@code SWITCHBOARD_*} variable, that variable's value is the secret. Messages never
 * repeat what was written, since it may be the secret itself.
 */
record SecretType() implements ValueType<Secret> {

  private static final String PREFIX = "env:";
  private static final Pattern VARIABLE = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  @Override
  public String name() {
    return "secret";
  }

  @Override
  public String expectation() {
    return "a reference env:NAME to the environment variable NAME holding the secret";
  }

  @Override
  public Secret parse(String written, Origin origin, Map<String, String> environment)
      throws InvalidValueException {
    if (origin.environment()) {
      return new Secret(origin.name(), written); // exactly as set: spaces may be part of a secret
    }
    String text = written.strip();
    if (!text.startsWith(PREFIX)) {
      throw new InvalidValueException("a secret cannot be written in the file; write env:NAME "
          + "instead and put the secret in environment variable NAME");
    }
    String variable = text.substring(PREFIX.length()).trim();
    if (!VARIABLE.matcher(variable).matches()) {
      throw new InvalidValueException("expected " + expectation() + ", got 'env:" + variable
          + "'; a variable name has letters, digits and underscores");
    }
    String value = environment.get(variable);
    if (value == null || value.isEmpty()) {
      throw new InvalidValueException("environment variable " + variable
          + (value == null ? " is not set" : " is empty") + "; export it before starting Switchboard");
    }
    return new Secret(variable, value);
  }
}
