package dev.switchboard.routing.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.routing.contact.Channel;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class QueuePolicyTest {

  private final QueuePolicy sales = QueuePolicy.of(new QueueId("sales"), EnumSet.of(Channel.CHAT), Map.of("sales", 5))
      .withPriority(10, List.of(new PriorityRule("tier", "gold", 50), new PriorityRule("tier", "silver", 30)));

  @Test
  void priorityIsTheBestMatchingRuleOrTheBasePlusTheBoostWithinRange() {
    assertThat(sales.priorityOf(Map.of(), 0)).isEqualTo(10);
    assertThat(sales.priorityOf(Map.of("tier", "gold"), 5)).isEqualTo(55);
    assertThat(sales.priorityOf(Map.of("tier", "silver"), -100)).isZero();
    assertThat(sales.priorityOf(Map.of(), 500)).isEqualTo(QueuePolicy.MAX_PRIORITY);
  }

  @Test
  void escalationStepsAreOrderedByWait() {
    QueuePolicy queue = sales.withEscalations(List.of(
        new EscalationStep(Duration.ofSeconds(60), new EscalationAction.RaisePriority(10)),
        new EscalationStep(Duration.ofSeconds(30), new EscalationAction.Fallback("offer-callback"))));
    assertThat(queue.escalations()).extracting(EscalationStep::after)
        .containsExactly(Duration.ofSeconds(30), Duration.ofSeconds(60));
  }

  @Test
  void invalidValuesAreRejectedWithTheQueueName() {
    assertThatThrownBy(() -> QueuePolicy.of(new QueueId("sales"), Set.of(), Map.of()))
        .hasMessageContaining("queue sales takes no channel");
    assertThatThrownBy(() -> QueuePolicy.of(new QueueId("sales"), Set.of(Channel.CHAT), Map.of("sales", 11)))
        .hasMessage("queue sales: skill 'sales' has level 11: use a level from 1 to 10");
    assertThatThrownBy(() -> new QueueId("Sales!")).hasMessageContaining("queue id 'Sales!' is invalid");
    assertThatThrownBy(() -> new EscalationAction.Fallback("Offer Callback")).hasMessageContaining("fallback action");
  }

  @Test
  void businessHoursFollowTheZoneTheWeekAndTheHolidays() {
    BusinessHours hours = new BusinessHours(ZoneId.of("Europe/Paris"),
        Map.of(DayOfWeek.MONDAY, List.of(new OpenPeriod(LocalTime.of(9, 0), LocalTime.of(18, 0)))),
        Set.of(LocalDate.of(2026, 4, 6)), "leave-message");
    assertThat(hours.isOpen(Instant.parse("2026-03-02T08:00:00Z"))).as("09:00 Paris").isTrue();
    assertThat(hours.isOpen(Instant.parse("2026-03-02T07:59:59Z"))).isFalse();
    assertThat(hours.isOpen(Instant.parse("2026-03-02T17:00:00Z"))).as("18:00 Paris, end exclusive").isFalse();
    assertThat(hours.isOpen(Instant.parse("2026-03-03T10:00:00Z"))).as("a Tuesday").isFalse();
    assertThat(hours.isOpen(Instant.parse("2026-04-06T10:00:00Z"))).as("Easter Monday holiday").isFalse();
    assertThatThrownBy(() -> new OpenPeriod(LocalTime.NOON, LocalTime.of(9, 0))).hasMessageContaining("ends before it starts");
  }
}
