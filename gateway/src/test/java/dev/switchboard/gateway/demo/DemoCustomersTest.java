package dev.switchboard.gateway.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.switchboard.routing.customer.IdentityNormalizer;
import dev.switchboard.routing.customer.IdentityType;
import org.junit.jupiter.api.Test;

class DemoCustomersTest {

  private final DemoCustomers generator = new DemoCustomers(42);
  private final IdentityNormalizer normalizer = new IdentityNormalizer("KR");

  @Test
  void everyGeneratedPhoneAndEmailIsValid() {
    for (long number = 0; number < 20_000; number++) {
      var fields = generator.fields(number);
      assertThatCode(() -> normalizer.normalize(IdentityType.PHONE, fields.get("phones")))
          .as("customer %d phone %s", number, fields.get("phones")).doesNotThrowAnyException();
      assertThatCode(() -> normalizer.normalize(IdentityType.EMAIL, fields.get("emails")))
          .as("customer %d email %s", number, fields.get("emails")).doesNotThrowAnyException();
    }
  }

  @Test
  void everyTwentyFifthCustomerSharesTheLineOfTheOneBefore() {
    assertThat(generator.phoneOf(24)).isEqualTo(generator.phoneOf(23));
    assertThat(generator.phoneOf(49)).isEqualTo(generator.phoneOf(48));
    assertThat(generator.phoneOf(10)).isNotEqualTo(generator.phoneOf(9));
  }

  @Test
  void sameSeedGivesTheSameRows() {
    assertThat(new DemoCustomers(42).csvRow(1234)).isEqualTo(generator.csvRow(1234));
    assertThat(new DemoCustomers(43).csvRow(1234)).isNotEqualTo(generator.csvRow(1234));
  }

  @Test
  void rowsHaveOneFieldPerHeaderColumn() {
    int columns = DemoCustomers.CSV_HEADER.split(",").length;
    for (long number = 0; number < 200; number++) {
      String row = generator.csvRow(number);
      assertThat(row.replaceAll("\"[^\"]*\"", "q").split(",", -1)).as(row).hasSize(columns);
    }
  }
}
