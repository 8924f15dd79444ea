package dev.switchboard.routing.customer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class CsvParserTest {

  private static List<String> parse(String text) throws CsvParser.MalformedException {
    return CsvParser.parse(text).orElseThrow();
  }

  @Test
  void splitsPlainFields() throws Exception {
    assertThat(parse("c-1,Kim Minji,gold")).containsExactly("c-1", "Kim Minji", "gold");
  }

  @Test
  void keepsEmptyFieldsIncludingTrailingOnes() throws Exception {
    assertThat(parse(",a,,")).containsExactly("", "a", "", "");
    assertThat(parse("")).containsExactly("");
  }

  @Test
  void readsQuotedCommasAndDoubledQuotes() throws Exception {
    assertThat(parse("c-1,\"Kim, Minji\",\"said \"\"hi\"\"\",\"\""))
        .containsExactly("c-1", "Kim, Minji", "said \"hi\"", "");
  }

  @Test
  void asksForMoreWhenAQuotedFieldSpansLines() throws Exception {
    assertThat(CsvParser.parse("c-1,\"first line")).isEmpty();
    assertThat(parse("c-1,\"first line\nsecond line\",x")).containsExactly("c-1", "first line\nsecond line", "x");
  }

  @Test
  void rejectsAQuoteInsideAnUnquotedField() {
    assertThatThrownBy(() -> CsvParser.parse("c-1,Kim \"MJ\" Minji"))
        .isInstanceOf(CsvParser.MalformedException.class)
        .hasMessageStartingWith("column 2: a quote inside an unquoted field");
  }

  @Test
  void rejectsTextAfterAClosingQuote() {
    assertThatThrownBy(() -> CsvParser.parse("\"Kim\" Minji,c-1"))
        .hasMessageStartingWith("column 1: text after the closing quote");
  }
}
