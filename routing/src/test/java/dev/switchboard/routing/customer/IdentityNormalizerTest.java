package dev.switchboard.routing.customer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class IdentityNormalizerTest {

  private final IdentityNormalizer korea = new IdentityNormalizer("KR");

  @ParameterizedTest
  @CsvSource({
      "010-1234-5678, +821012345678",
      "'+82 10 1234 5678', +821012345678",
      "01012345678, +821012345678",
      "02-312-3456, +8223123456",
      "'(02) 312-3456', +8223123456",
      "'+1 415 555 2671', +14155552671",
      "'+44 20 7946 0958', +442079460958",
      "' +44 7911 123456 ', +447911123456"})
  void readsKoreanAndInternationalNumbersAsE164(String input, String e164) {
    NormalizedIdentity phone = korea.normalize(IdentityType.PHONE, input);
    assertThat(phone.value()).isEqualTo(e164);
    assertThat(phone.exact()).isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {"010-1234-5678", "010.1234.5678", "010 / 1234 / 5678", "(02) 312-3456", "+82 (0)2 312 3456",
      "+82-010-1234-5678", "+44 (0)20 7946 0958", "+1 (415) 555-2671", "1588-1234", "+7 495 123-45-67"})
  void readsEveryWrittenFormAsLibphonenumberReadsItWithItsSeparators(String input) throws Exception {
    var util = com.google.i18n.phonenumbers.PhoneNumberUtil.getInstance();
    var parsed = util.parse(input, "KR");

    assertThat(util.isValidNumber(parsed)).as(input).isTrue();
    assertThat(korea.phone(input)).isEqualTo(util.format(parsed, com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat.E164));
  }

  @Test
  void callsAnE164NumberExact() {
    NormalizedIdentity phone = korea.normalize(IdentityType.PHONE, "+821012345678");
    assertThat(phone.value()).isEqualTo("+821012345678");
    assertThat(phone.exact()).isTrue();
  }

  @Test
  void readsNationalNumbersInTheDefaultRegion() {
    assertThat(new IdentityNormalizer("us").phone("(415) 555-2671")).isEqualTo("+14155552671");
  }

  @ParameterizedTest
  @ValueSource(strings = {"12ab", "anonymous", "Anonymous", "+", "--", "010-1234-567x"})
  void rejectsWhatIsNotAPhoneNumber(String input) {
    assertThatThrownBy(() -> korea.normalize(IdentityType.PHONE, input))
        .isInstanceOf(InvalidIdentityException.class)
        .hasMessage("phone '" + input + "' is not a phone number: use digits, optionally starting with + "
            + "and a country code");
  }

  @Test
  void rejectsAnEmptyPhone() {
    assertThatThrownBy(() -> korea.phone("  ")).isInstanceOf(InvalidIdentityException.class)
        .hasMessageContaining("is empty");
  }

  @Test
  void rejectsNumbersThatAreNotValidInTheRegion() {
    assertThatThrownBy(() -> korea.phone("123"))
        .isInstanceOf(InvalidIdentityException.class)
        .hasMessageStartingWith("phone '123' is not a valid number for region KR");
    assertThatThrownBy(() -> korea.phone("+1 415 555"))
        .hasMessageStartingWith("phone '+1 415 555' is not a valid number: check the country code");
  }

  @Test
  void lowerCasesAndTrimsEmails() {
    NormalizedIdentity email = korea.normalize(IdentityType.EMAIL, "  Kim.MinJi@Example.CO.KR ");
    assertThat(email.value()).isEqualTo("kim.minji@example.co.kr");
    assertThat(email.exact()).isFalse();
    assertThat(korea.normalize(IdentityType.EMAIL, "a+b@example.com").exact()).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"plain", "a@b", "a@@b.com", "a b@c.com", "@example.com", "a@example..com", "a@.com"})
  void rejectsWhatIsNotAnEmailAddress(String input) {
    assertThatThrownBy(() -> korea.email(input)).isInstanceOf(InvalidIdentityException.class)
        .hasMessageContaining("'" + input + "' is not an email address");
  }

  @Test
  void rejectsOverlongEmails() {
    String longest = "a".repeat(64) + "@" + "b".repeat(185) + ".com";
    assertThat(korea.email(longest)).hasSize(254);
    assertThatThrownBy(() -> korea.email("a" + longest)).hasMessageContaining("the limit is 254");
  }

  @Test
  void trimsVisitorAndCrmIds() {
    NormalizedIdentity visitor = korea.normalize(IdentityType.VISITOR, " v-123 ");
    assertThat(visitor.value()).isEqualTo("v-123");
    assertThat(visitor.exact()).isFalse();
    assertThat(korea.normalize(IdentityType.CRM, "SF-0001").exact()).isTrue();
  }

  @Test
  void rejectsEmptyOverlongOrControlCharacterIds() {
    assertThatThrownBy(() -> korea.normalize(IdentityType.VISITOR, "   "))
        .hasMessageContaining("visitor id '   ' must be 1-128 characters");
    assertThatThrownBy(() -> korea.normalize(IdentityType.CRM, "x".repeat(129)))
        .hasMessageContaining("CRM id");
    assertThatThrownBy(() -> korea.normalize(IdentityType.VISITOR, "a\u0001b"))
        .hasMessageContaining("control character at position 2");
  }

  @Test
  void rejectsAnUnknownRegion() {
    assertThatThrownBy(() -> new IdentityNormalizer("XX")).hasMessageContaining("phone region 'XX' is unknown");
  }
}
