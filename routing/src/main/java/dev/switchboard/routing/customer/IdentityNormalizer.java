package dev.switchboard.routing.customer;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Turns raw identity input into the stored form: phones to E.164 (read in a default region when
 * they carry no country code), emails trimmed and lower-cased, visitor and CRM ids trimmed.
 * Immutable and thread-safe; never blocks.
 */
public final class IdentityNormalizer {

  /** Longest email address accepted (RFC 5321 path limit). */
  public static final int MAX_EMAIL = 254;
  /** Longest visitor or CRM id accepted. */
  public static final int MAX_ID = 128;

  private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();
  private static final Pattern EMAIL = Pattern.compile(
      "[^\\s@\"(),:;<>\\[\\]\\\\]+@[a-z0-9\\p{L}](?:[a-z0-9\\p{L}-]*[a-z0-9\\p{L}])?"
          + "(?:\\.[a-z0-9\\p{L}](?:[a-z0-9\\p{L}-]*[a-z0-9\\p{L}])?)*\\.[a-z\\p{L}]{2,63}");

  private final String defaultRegion;

  /** {@code defaultRegion} is an ISO 3166 two-letter code, e.g. {@code KR}, used for national numbers. */
  public IdentityNormalizer(String defaultRegion) {
    Objects.requireNonNull(defaultRegion, "defaultRegion");
    String region = defaultRegion.trim().toUpperCase(Locale.ROOT);
    if (!PHONES.getSupportedRegions().contains(region)) {
      throw new IllegalArgumentException("phone region '" + defaultRegion
          + "' is unknown: use an ISO 3166 two-letter country code such as KR, US or GB");
    }
    this.defaultRegion = region;
  }

  public String defaultRegion() {
    return defaultRegion;
  }

  /** Normalizes one value; throws {@link InvalidIdentityException} saying which value and why. */
  public NormalizedIdentity normalize(IdentityType type, String input) {
    Objects.requireNonNull(type, "type");
    if (input == null) {
      throw new InvalidIdentityException(type, type.wireName() + " is missing: give a value");
    }
    String value = switch (type) {
      case PHONE -> phone(input);
      case EMAIL -> email(input);
      case VISITOR -> id(type, "visitor id", input);
      case CRM -> id(type, "CRM id", input);
    };
    return new NormalizedIdentity(type, input, value, value.equals(input));
  }

  /** The E.164 form of a phone number, e.g. {@code 010-1234-5678} in KR gives {@code +821012345678}. */
  public String phone(String input) {
    String trimmed = input.strip();
    if (trimmed.isEmpty()) {
      throw new InvalidIdentityException(IdentityType.PHONE,
          "phone '" + input + "' is empty: give digits, optionally starting with + and a country code");
    }
    String digits = digitsOf(trimmed);
    if (digits == null || digits.isEmpty() || digits.equals("+")) {
      throw new InvalidIdentityException(IdentityType.PHONE, "phone '" + shorten(input)
          + "' is not a phone number: use digits, optionally starting with + and a country code");
    }
    PhoneNumber number;
    try {
      number = PHONES.parse(digits, defaultRegion);
    } catch (NumberParseException e) {
      throw invalidPhone(input, trimmed);
    }
    if (!PHONES.isValidNumber(number)) {
      throw invalidPhone(input, trimmed);
    }
    return PHONES.format(number, PhoneNumberUtil.PhoneNumberFormat.E164);
  }

  /**
   * The digits of a number written with the separators people use (space, ( ) . / -), with its
   * leading + if any; null when it holds anything else. libphonenumber reads the bare digits the
   * same way and faster.
   */
  private static String digitsOf(String trimmed) {
    StringBuilder digits = new StringBuilder(trimmed.length());
    for (int i = 0; i < trimmed.length(); i++) {
      char c = trimmed.charAt(i);
      if (c >= '0' && c <= '9' || c == '+' && i == 0) {
        digits.append(c);
      } else if (c != ' ' && c != '(' && c != ')' && c != '.' && c != '/' && c != '-') {
        return null;
      }
    }
    return digits.toString();
  }

  private InvalidIdentityException invalidPhone(String input, String trimmed) {
    String where = trimmed.startsWith("+") ? "" : " for region " + defaultRegion;
    String hint = trimmed.startsWith("+")
        ? ": check the country code and the number of digits"
        : ": check the digits, or start with + and the country code";
    return new InvalidIdentityException(IdentityType.PHONE,
        "phone '" + shorten(input) + "' is not a valid number" + where + hint);
  }

  /** The stored form of an email address: trimmed and lower-cased. */
  public String email(String input) {
    String value = input.strip().toLowerCase(Locale.ROOT);
    if (value.isEmpty()) {
      throw new InvalidIdentityException(IdentityType.EMAIL, "email '" + input + "' is empty: give an address");
    }
    if (value.length() > MAX_EMAIL) {
      throw new InvalidIdentityException(IdentityType.EMAIL, "email '" + shorten(input) + "' is "
          + value.length() + " characters long: the limit is " + MAX_EMAIL);
    }
    if (!EMAIL.matcher(value).matches() || value.contains("..")) {
      throw new InvalidIdentityException(IdentityType.EMAIL, "email '" + shorten(input)
          + "' is not an email address: expected the form name@example.com");
    }
    return value;
  }

  private static String id(IdentityType type, String label, String input) {
    String value = input.strip();
    if (value.isEmpty() || value.length() > MAX_ID) {
      throw new InvalidIdentityException(type, label + " '" + shorten(input)
          + "' must be 1-" + MAX_ID + " characters long (it has " + value.length() + " after trimming)");
    }
    for (int i = 0; i < value.length(); i++) {
      if (Character.isISOControl(value.charAt(i))) {
        throw new InvalidIdentityException(type, label + " '" + shorten(input)
            + "' contains a control character at position " + (i + 1) + ": use printable characters only");
      }
    }
    return value;
  }

  private static String shorten(String value) {
    return value.length() <= 80 ? value : value.substring(0, 77) + "...";
  }
}
