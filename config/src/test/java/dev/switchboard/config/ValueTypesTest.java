package dev.switchboard.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ValueTypesTest {

  private static final Origin IN_FILE = new Origin("config.yaml", 1, false);
  private static final SizeType SIZE = new SizeType(0, Long.MAX_VALUE);
  private static final DurationType DURATION = new DurationType(Duration.ZERO, Duration.ofDays(1));

  @ParameterizedTest
  @CsvSource({"0, 0", "1048576, 1048576", "512KiB, 524288", "1MiB, 1048576", "1 GiB, 1073741824",
      "2gib, 2147483648", "1TiB, 1099511627776", "7B, 7"})
  void readsSizes(String text, long bytes) throws InvalidValueException {
    assertThat(SIZE.parse(text, IN_FILE, Map.of())).isEqualTo(bytes);
  }

  @ParameterizedTest
  @ValueSource(strings = {"1MB", "1 kb", "1.5MiB", "-1", "MiB", "1PiB", "9999999999999999999", "16777216TiB"})
  void rejectsMalformedSizes(String text) {
    assertThatThrownBy(() -> SIZE.parse(text, IN_FILE, Map.of()))
        .isInstanceOf(InvalidValueException.class)
        .hasMessageStartingWith("expected a size from 0B to ");
  }

  @ParameterizedTest
  @CsvSource({"500ms, PT0.5S", "10s, PT10S", "2m, PT2M", "1h, PT1H", "0s, PT0S", "3 s, PT3S", "1d, PT24H"})
  void readsDurations(String text, Duration expected) throws InvalidValueException {
    assertThat(DURATION.parse(text, IN_FILE, Map.of())).isEqualTo(expected);
  }

  @ParameterizedTest
  @ValueSource(strings = {"10", "1.5s", "10 seconds", "PT10S", "-1s", "2d", "25h", "1w"})
  void rejectsMalformedDurations(String text) {
    assertThatThrownBy(() -> DURATION.parse(text, IN_FILE, Map.of()))
        .isInstanceOf(InvalidValueException.class)
        .hasMessageStartingWith("expected a duration from 0s to 1d");
  }

  @ParameterizedTest
  @CsvSource({"1048576, 1MiB", "1536, 1536B", "0, 0B", "1073741824, 1GiB", "1000, 1000B", "3072, 3KiB"})
  void formatsSizesWithTheLargestExactUnit(long bytes, String expected) {
    assertThat(SizeType.format(bytes)).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource({"PT0.5S, 500ms", "PT10S, 10s", "PT2M, 2m", "PT1H, 1h", "PT0S, 0s", "PT90S, 90s", "PT168H, 7d", "PT25H, 25h"})
  void formatsDurationsWithTheLargestExactUnit(Duration duration, String expected) {
    assertThat(DurationType.format(duration)).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource({"kr, KR", "US, US", "de, DE"})
  void readsRegionsInAnyCase(String text, String expected) throws InvalidValueException {
    assertThat(TextType.region().parse(text, IN_FILE, Map.of())).isEqualTo(expected);
  }

  @ParameterizedTest
  @ValueSource(strings = {"KOR", "EU", "UK", "K"})
  void rejectsWhatIsNotAnIsoRegion(String text) {
    assertThatThrownBy(() -> TextType.region().parse(text, IN_FILE, Map.of()))
        .hasMessage("expected a two-letter ISO 3166 region code such as KR, US or DE, got '" + text + "'");
  }

  @ParameterizedTest
  @ValueSource(strings = {"redis://localhost", "rediss://user@cache.example:6380/2", "redis://10.0.0.5:6379/0"})
  void acceptsRedisUris(String text) throws InvalidValueException {
    assertThat(TextType.redisUri().parse(text, IN_FILE, Map.of())).isEqualTo(text);
  }

  @ParameterizedTest
  @ValueSource(strings = {"localhost:6379", "redis://", "redis://bad host", "redis-sentinel://a"})
  void rejectsOtherUris(String text) {
    assertThatThrownBy(() -> TextType.redisUri().parse(text, IN_FILE, Map.of()))
        .hasMessageStartingWith("expected a URI starting with redis:// or rediss://");
  }

  @ParameterizedTest
  @ValueSource(strings = {"env:", "env:1ABC", "env:A-B"})
  void rejectsMalformedSecretReferences(String text) {
    assertThatThrownBy(() -> new SecretType().parse(text, IN_FILE, Map.of()))
        .hasMessageContaining("a variable name has letters, digits and underscores");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "value"})
  void secretReferenceToEmptyVariableIsRejected(String value) {
    Map<String, String> environment = value.isEmpty() ? Map.of("SECRET", "") : Map.of();
    assertThatThrownBy(() -> new SecretType().parse("env:SECRET", IN_FILE, environment))
        .hasMessageStartingWith("environment variable SECRET is " + (value.isEmpty() ? "empty" : "not set"));
  }

  @ParameterizedTest
  @CsvSource(delimiter = ';', value = {"mon; MONDAY", "mon-fri; MONDAY,TUESDAY,WEDNESDAY,THURSDAY,FRIDAY",
      "sat, sun; SATURDAY,SUNDAY", "Sunday; SUNDAY", "mon-sun; MONDAY,TUESDAY,WEDNESDAY,THURSDAY,FRIDAY,SATURDAY,SUNDAY",
      "mon, wed-thu; MONDAY,WEDNESDAY,THURSDAY", "fri - sat; FRIDAY,SATURDAY"})
  void readsDaySpecs(String text, String expected) throws InvalidValueException {
    Set<DayOfWeek> days = Arrays.stream(expected.split(",")).map(DayOfWeek::valueOf).collect(Collectors.toSet());
    assertThat(ScheduleTypes.DAYS.parse(text, IN_FILE, Map.of())).isEqualTo(days);
  }

  @ParameterizedTest
  @ValueSource(strings = {"weekdays", "mon-", "mon-tue-wed", "mo", ",mon", "thu-tue"})
  void rejectsMalformedDaySpecs(String text) {
    assertThatThrownBy(() -> ScheduleTypes.DAYS.parse(text, IN_FILE, Map.of()))
        .isInstanceOf(InvalidValueException.class);
  }

  @ParameterizedTest
  @CsvSource({"09:00-18:00, 09:00, 18:00", "00:00-24:00, 00:00, 23:59:59.999999999", "13:30 - 14:15, 13:30, 14:15"})
  void readsOpeningPeriods(String text, LocalTime from, LocalTime to) throws InvalidValueException {
    assertThat(ScheduleTypes.PERIOD_TYPE.parse(text, IN_FILE, Map.of())).isEqualTo(new OpenPeriodSettings(from, to));
  }

  @ParameterizedTest
  @ValueSource(strings = {"9:00-18:00", "09:00-25:00", "24:00-24:00", "09:60-10:00", "09:00", "18:00-09:00", "10:00-10:00"})
  void rejectsMalformedOpeningPeriods(String text) {
    assertThatThrownBy(() -> ScheduleTypes.PERIOD_TYPE.parse(text, IN_FILE, Map.of()))
        .isInstanceOf(InvalidValueException.class);
  }

  @ParameterizedTest
  @ValueSource(strings = {"Asia/Seoul", "UTC", "Europe/Berlin", "America/New_York"})
  void readsTimeZones(String text) throws InvalidValueException {
    assertThat(ScheduleTypes.ZONE.parse(text, IN_FILE, Map.of())).isEqualTo(ZoneId.of(text));
  }

  @ParameterizedTest
  @ValueSource(strings = {"Seoul", "KST+9", "Asia/Soul", "Mars/Olympus"})
  void rejectsUnknownTimeZones(String text) {
    assertThatThrownBy(() -> ScheduleTypes.ZONE.parse(text, IN_FILE, Map.of()))
        .hasMessageStartingWith("expected an IANA time zone");
  }

  @ParameterizedTest
  @CsvSource(delimiter = ';', value = {"billing; billing", "billing,korean; billing|korean", " a , b-2 ,c_3 ; a|b-2|c_3"})
  void readsNameLists(String text, String expected) throws InvalidValueException {
    assertThat(new NameListType(NameTypes.SKILL).parse(text, IN_FILE, Map.of()))
        .containsExactly(expected.split("\\|"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"a,,b", "a,", "Billing", "a,b,a", "two words"})
  void rejectsBadNameLists(String text) {
    assertThatThrownBy(() -> new NameListType(NameTypes.SKILL).parse(text, IN_FILE, Map.of()))
        .isInstanceOf(InvalidValueException.class);
  }

  @ParameterizedTest
  @CsvSource({"voice, VOICE", "Chat, CHAT", " EMAIL , EMAIL", "callback, CALLBACK"})
  void readsChannelsInAnyCase(String text, ContactChannel expected) throws InvalidValueException {
    assertThat(AgentListReader.CHANNEL.parse(text, IN_FILE, Map.of())).isEqualTo(expected);
  }
}
