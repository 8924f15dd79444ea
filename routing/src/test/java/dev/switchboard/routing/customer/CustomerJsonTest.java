package dev.switchboard.routing.customer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CustomerJsonTest {

  private final CustomerJson codec = new CustomerJson(new IdentityNormalizer("KR"));

  private static JsonObject minji() {
    return new JsonObject()
        .put("id", "c-1")
        .put("name", " Kim Minji ")
        .put("tier", "Gold")
        .put("lifetimeValue", "1250.50")
        .put("tags", new JsonArray().add("vip").add("vip").add(" churn-risk "))
        .put("language", "ko")
        .put("accountOwner", "agent-7")
        .put("notes", "Prefers mornings.\nCall back on the mobile.")
        .put("attributes", new JsonObject().put("plan", "family"))
        .put("phones", new JsonArray().add("010-1234-5678").add("+82 10 1234 5678").add("02-312-3456"))
        .put("emails", new JsonArray().add("MinJi@Example.com"))
        .put("visitorIds", new JsonArray().add(" v-9 "))
        .put("crmId", "SF-1");
  }

  @Test
  void readsAndNormalizesAFullRecord() {
    Customer customer = codec.fromJson(minji());

    assertThat(customer.id()).isEqualTo(new CustomerId("c-1"));
    assertThat(customer.name()).isEqualTo("Kim Minji");
    assertThat(customer.tier()).isEqualTo("gold");
    assertThat(customer.lifetimeValue()).isEqualByComparingTo("1250.50");
    assertThat(customer.tags()).containsExactly("vip", "churn-risk");
    assertThat(customer.language()).contains("ko");
    assertThat(customer.accountOwner()).contains("agent-7");
    assertThat(customer.attributes()).containsExactlyEntriesOf(Map.of("plan", "family"));
    assertThat(customer.identities().phones()).containsExactly("+821012345678", "+8223123456");
    assertThat(customer.identities().emails()).containsExactly("minji@example.com");
    assertThat(customer.identities().visitorIds()).containsExactly("v-9");
    assertThat(customer.identities().crmId()).contains("SF-1");
  }

  @Test
  void defaultsOptionalFields() {
    Customer customer = codec.fromJson(new JsonObject().put("id", "c-2").put("name", "Lee"));
    assertThat(customer.tier()).isEqualTo(CustomerJson.DEFAULT_TIER);
    assertThat(customer.lifetimeValue()).isEqualByComparingTo(BigDecimal.ZERO);
    assertThat(customer.tags()).isEmpty();
    assertThat(customer.language()).isEmpty();
    assertThat(customer.notes()).isEmpty();
    assertThat(customer.identities()).isEqualTo(Identities.NONE);
  }

  @Test
  void writesTheWireFormAndReadsItBack() {
    Customer customer = codec.fromJson(minji()).withUpdatedAt(Instant.parse("2026-11-23T10:00:00Z"));
    JsonObject json = codec.toJson(customer);

    assertThat(json.fieldNames()).containsExactlyElementsOf(CustomerJson.FIELDS);
    assertThat(json.getString("lifetimeValue")).isEqualTo("1250.50");
    assertThat(json.getString("updatedAt")).isEqualTo("2026-11-23T10:00:00Z");
    assertThat(codec.fromJson(json).withUpdatedAt(customer.updatedAt())).isEqualTo(customer);
    assertThat(codec.fromStored(json.encode())).isEqualTo(customer);
  }

  @Test
  void namesTheFieldOfABadPhone() {
    JsonObject json = minji().put("phones", new JsonArray().add("010-1234-5678").add("123"));
    assertThatThrownBy(() -> codec.fromJson(json))
        .isInstanceOf(InvalidCustomerException.class)
        .hasMessageStartingWith("phones[1]: phone '123' is not a valid number for region KR")
        .extracting(e -> ((InvalidCustomerException) e).field()).isEqualTo("phones[1]");
  }

  @Test
  void rejectsUnknownFieldsByName() {
    assertThatThrownBy(() -> codec.fromJson(minji().put("nickname", "MJ")))
        .hasMessageStartingWith("nickname: is not a customer field");
  }

  @Test
  void rejectsMissingOrOverlongNames() {
    assertThatThrownBy(() -> codec.fromJson(new JsonObject().put("id", "c-3")))
        .hasMessage("name: is missing: it is required");
    assertThatThrownBy(() -> codec.fromJson(minji().put("name", "x".repeat(201))))
        .hasMessage("name: has 201 characters: use 1-200");
  }

  @Test
  void enforcesListAndSizeLimits() {
    JsonArray tags = new JsonArray();
    for (int i = 0; i < 51; i++) {
      tags.add("t" + i);
    }
    assertThatThrownBy(() -> codec.fromJson(minji().put("tags", tags))).hasMessageStartingWith("tags: has 51 items");
    assertThatThrownBy(() -> codec.fromJson(minji().put("tags", new JsonArray().add("x".repeat(41)))))
        .hasMessageStartingWith("tags[0]: has 41 characters");
    assertThatThrownBy(() -> codec.fromJson(minji().put("notes", "n".repeat(4001))))
        .hasMessageStartingWith("notes: has 4001 characters");
    JsonArray emails = new JsonArray();
    for (int i = 0; i < 11; i++) {
      emails.add("a" + i + "@example.com");
    }
    assertThatThrownBy(() -> codec.fromJson(minji().put("emails", emails))).hasMessageStartingWith("emails: has 11");
    JsonObject attributes = new JsonObject();
    for (int i = 0; i < 51; i++) {
      attributes.put("k" + i, "v");
    }
    assertThatThrownBy(() -> codec.fromJson(minji().put("attributes", attributes)))
        .hasMessageStartingWith("attributes: has 51 entries");
  }

  @Test
  void explainsWrongTypesAndValues() {
    assertThatThrownBy(() -> codec.fromJson(minji().put("phones", "010-1234-5678")))
        .hasMessageStartingWith("phones: must be an array of strings, not a string");
    assertThatThrownBy(() -> codec.fromJson(minji().put("attributes", new JsonObject().put("age", 41))))
        .hasMessageStartingWith("attributes.age: must be a string, not a number");
    assertThatThrownBy(() -> codec.fromJson(minji().put("lifetimeValue", "12,5")))
        .hasMessageStartingWith("lifetimeValue: '12,5' is not a decimal");
    assertThatThrownBy(() -> codec.fromJson(minji().put("id", "c 1")))
        .hasMessageStartingWith("id: customer id 'c 1' is invalid");
    assertThatThrownBy(() -> codec.fromJson(minji().put("emails", new JsonArray().add("nobody"))))
        .hasMessageStartingWith("emails[0]: email 'nobody' is not an email address");
  }

  @Test
  void describesLookupsWithHowEachCustomerMatched() {
    Customer first = codec.fromJson(minji()).withUpdatedAt(Instant.EPOCH);
    Customer second = codec.fromJson(minji().put("id", "c-9").put("name", "Kim Family"))
        .withUpdatedAt(Instant.EPOCH);
    Lookup lookup = new Lookup(IdentityType.PHONE, "010-1234-5678", "+821012345678", List.of(
        new Match(first, IdentityType.PHONE, "+821012345678", false),
        new Match(second, IdentityType.PHONE, "+821012345678", false)));

    JsonObject json = codec.toJson(lookup);

    assertThat(json.getString("type")).isEqualTo("phone");
    assertThat(json.getString("normalized")).isEqualTo("+821012345678");
    assertThat(json.getBoolean("ambiguous")).isTrue();
    JsonObject match = json.getJsonArray("matches").getJsonObject(0);
    assertThat(match.getString("how")).isEqualTo("phone +821012345678 (normalized from 010-1234-5678)");
    assertThat(match.getBoolean("exact")).isFalse();
    assertThat(match.getJsonObject("customer").getString("id")).isEqualTo("c-1");
    assertThat(CustomerJson.how(new Match(first, IdentityType.EMAIL, "minji@example.com", true), "minji@example.com"))
        .isEqualTo("email minji@example.com (exact match)");
  }

  @Test
  void writesAndReadsTimelineEntries() {
    TimelineEntry entry = new TimelineEntry(Instant.parse("2026-11-23T09:00:00Z"), "contact", "phone",
        "Billing question, resolved", Map.of("agent", "agent-7", "waitSeconds", "12"));
    JsonObject json = codec.toJson(entry);
    assertThat(codec.timelineEntryFromJson(json)).isEqualTo(entry);
    assertThat(TimelineJson.fromStored(json.encode())).isEqualTo(entry);

    JsonObject page = codec.toJson(new TimelinePage(List.of(entry), Optional.of("20")));
    assertThat(page.getJsonArray("entries")).hasSize(1);
    assertThat(page.getString("next")).isEqualTo("20");
    assertThatThrownBy(() -> codec.timelineEntryFromJson(json.copy().put("at", "yesterday")))
        .hasMessageStartingWith("at: 'yesterday' is not an ISO-8601 instant");
  }
}
