package dev.switchboard.routing.customer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.routing.testing.PartialCustomerDirectory;
import io.vertx.core.Future;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CustomerImportTest {

  /** Keeps what it is asked to save; everything else is not needed here. */
  private static final class RecordingDirectory extends PartialCustomerDirectory {
    final List<Customer> saved = new ArrayList<>();
    final List<Integer> batches = new ArrayList<>();

    @Override
    public Future<Integer> saveAll(List<Customer> customers) {
      saved.addAll(customers);
      batches.add(customers.size());
      return Future.succeededFuture(customers.size());
    }

    @Override
    public Future<Customer> save(Customer customer) {
      return saveAll(List.of(customer)).map(customer);
    }
  }

  private final RecordingDirectory directory = new RecordingDirectory();
  private final CustomerImport importer = new CustomerImport(directory,
      new CustomerJson(new IdentityNormalizer("KR")), 2, 2, 3, Duration.ofSeconds(5));

  private ImportSummary run(String text, ImportFormat format) throws Exception {
    return importer.run(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), format, ImportProgress.NONE);
  }

  @Test
  void importsGoodCsvRowsAndReportsBadOnesByLine() throws Exception {
    String csv = "\uFEFFid,name,tier,phones,emails,attr.plan,notes\r\n"
        + "c-1,\"Kim, Minji\",gold,010-1234-5678|02-312-3456,MinJi@Example.com,family,\r\n"
        + "c-2,Lee,standard,123,,,\r\n"
        + "c-3,Park,vip,,park@example.com,,\"two\r\nlines\"\r\n"
        + "c-4,Choi,,,\r\n"
        + "\r\n"
        + ",NoId,,,,,\r\n"
        + "c-5,Jung,,+44 20 7946 0958,,,\r\n";

    ImportSummary summary = run(csv, ImportFormat.CSV);

    assertThat(summary.rowsRead()).isEqualTo(6);
    assertThat(summary.imported()).isEqualTo(3);
    assertThat(summary.rejected()).isEqualTo(3);
    assertThat(summary.firstErrors()).extracting(ImportError::toString).containsExactly(
        "line 3: phones[0]: phone '123' is not a valid number for region KR: check the digits, or start with + "
            + "and the country code",
        "line 6: has 5 columns but the header has 7: quote fields that contain commas",
        "line 8: id: is missing: it is required");
    assertThat(directory.saved).extracting(customer -> customer.id().value()).containsExactly("c-1", "c-3", "c-5");
    Customer minji = directory.saved.get(0);
    assertThat(minji.name()).isEqualTo("Kim, Minji");
    assertThat(minji.identities().phones()).containsExactly("+821012345678", "+8223123456");
    assertThat(minji.identities().emails()).containsExactly("minji@example.com");
    assertThat(minji.attributes()).containsEntry("plan", "family");
    assertThat(directory.saved.get(1).notes()).isEqualTo("two\nlines");
    assertThat(directory.batches).containsExactly(2, 1);
  }

  @Test
  void rejectsALineWithInvalidUtf8AndKeepsTheRest() throws Exception {
    byte[] head = "id,name\nc-1,Kim\nc-2,Le".getBytes(StandardCharsets.UTF_8);
    byte[] tail = "e\nc-3,Park\n".getBytes(StandardCharsets.UTF_8);
    byte[] bytes = new byte[head.length + 1 + tail.length];
    System.arraycopy(head, 0, bytes, 0, head.length);
    bytes[head.length] = (byte) 0xFF;
    System.arraycopy(tail, 0, bytes, head.length + 1, tail.length);

    ImportSummary summary = importer.run(new ByteArrayInputStream(bytes), ImportFormat.CSV, ImportProgress.NONE);

    assertThat(summary.imported()).isEqualTo(2);
    assertThat(summary.firstErrors()).extracting(ImportError::toString)
        .containsExactly("line 3: invalid UTF-8 at byte 7: save the file as UTF-8");
  }

  @Test
  void explainsAHeaderWithoutAnIdColumn() {
    assertThatThrownBy(() -> run("name,phones\nKim,010-1234-5678\n", ImportFormat.CSV))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("line 1: the header has no 'id' column");
    assertThatThrownBy(() -> run("c-1,Kim,010-1234-5678\n", ImportFormat.CSV))
        .hasMessageContaining("header column 1 'c-1' is unknown");
    assertThatThrownBy(() -> run("", ImportFormat.CSV)).hasMessageStartingWith("the CSV file is empty");
  }

  @Test
  void importsJsonLinesAndReportsBadOnesByLine() throws Exception {
    String jsonl = "{\"id\":\"c-1\",\"name\":\"Kim\",\"phones\":[\"010-1234-5678\"]}\n"
        + "{\"id\":\"c-2\",\"name\":\"Lee\",\"nickname\":\"L\"}\n"
        + "\n"
        + "not json\n"
        + "{\"id\":\"c-3\",\"name\":\"Park\",\"emails\":[\"PARK@example.com\"]}\n";

    ImportSummary summary = run(jsonl, ImportFormat.JSON_LINES);

    assertThat(summary.rowsRead()).isEqualTo(4);
    assertThat(summary.imported()).isEqualTo(2);
    assertThat(summary.firstErrors()).extracting(ImportError::line).containsExactly(2L, 4L);
    assertThat(summary.firstErrors().get(0).reason()).startsWith("nickname: is not a customer field");
    assertThat(summary.firstErrors().get(1).reason()).startsWith("not a JSON object");
  }

  @Test
  void reportsProgressEveryNRowsAndAtTheEnd() throws Exception {
    List<Long> reported = new ArrayList<>();
    StringBuilder csv = new StringBuilder("id,name\n");
    for (int i = 0; i < 7; i++) {
      csv.append("c-").append(i).append(",Name ").append(i).append('\n');
    }
    importer.run(new ByteArrayInputStream(csv.toString().getBytes(StandardCharsets.UTF_8)), ImportFormat.CSV,
        (rowsRead, imported, rejected) -> reported.add(rowsRead));
    assertThat(reported).containsExactly(3L, 6L, 7L);
  }

  @Test
  void keepsOnlyTheFirstThousandErrorsButCountsThemAll() throws Exception {
    StringBuilder csv = new StringBuilder("id,name\n");
    for (int i = 0; i < ImportSummary.MAX_ERRORS + 5; i++) {
      csv.append("bad id ").append(i).append(",Kim\n");
    }
    csv.append("c-1,Kim\n");

    ImportSummary summary = run(csv.toString(), ImportFormat.CSV);

    assertThat(summary.rejected()).isEqualTo(ImportSummary.MAX_ERRORS + 5);
    assertThat(summary.imported()).isEqualTo(1);
    assertThat(summary.firstErrors()).hasSize(ImportSummary.MAX_ERRORS);
    assertThat(summary.firstErrors().get(0).toString()).startsWith("line 2: id: customer id 'bad id 0' is invalid");
  }

  @Test
  void acceptsAHeaderWithoutRows() throws Exception {
    ImportSummary summary = run("id,name\r\n", ImportFormat.CSV);
    assertThat(summary.rowsRead()).isZero();
    assertThat(directory.batches).isEmpty();
  }

  @Test
  void choosesTheFormatByExtension() {
    assertThat(ImportFormat.forFileName("customers.CSV")).isEqualTo(ImportFormat.CSV);
    assertThat(ImportFormat.forFileName("customers.jsonl")).isEqualTo(ImportFormat.JSON_LINES);
    assertThatThrownBy(() -> ImportFormat.forFileName("customers.xlsx")).hasMessageContaining("name it .csv or .jsonl");
  }
}
