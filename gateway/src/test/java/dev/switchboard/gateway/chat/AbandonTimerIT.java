package dev.switchboard.gateway.chat;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.gateway.VisitorClient;
import dev.switchboard.routing.contact.ContactId;
import dev.switchboard.routing.contact.ContactState;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A one-second grace for waiting visitors who lose the connection. */
class AbandonTimerIT {

  private final ChatFixture chat = new ChatFixture(ChatSettings.defaults().withAbandonAfter(Duration.ofSeconds(1)));

  @AfterEach
  void stop() throws Exception {
    chat.close();
  }

  @Test
  void visitorWhoDoesNotComeBackIsAbandonedAndOneWhoResumesIsKept() throws Exception {
    JsonObject kept;
    try (VisitorClient leaving = VisitorClient.connect(chat.vertx, chat.port())) {
      leaving.send(start());
      kept = leaving.next("started");
    }
    try (VisitorClient back = VisitorClient.connect(chat.vertx, chat.port())) {
      back.send(start().put("resume", new JsonObject().put("conversation", kept.getString("conversation"))
          .put("token", kept.getString("token")).put("lastSeq", 0)));
      back.next("started");
      back.next("queue");
      String gone;
      try (VisitorClient other = VisitorClient.connect(chat.vertx, chat.port())) {
        other.send(start());
        gone = other.next("started").getString("conversation");
      }

      awaitState(gone, ContactState.ENDED);
      assertThat(state(kept.getString("conversation"))).isEqualTo(ContactState.QUEUED);
    }
  }

  private void awaitState(String contact, ContactState expected) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (state(contact) != expected) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("contact " + contact + " is " + state(contact) + ", not " + expected + " after 10 s");
      }
      Thread.onSpinWait();
    }
  }

  private ContactState state(String contact) {
    return ChatFixture.await(chat.view.contact(new ContactId(contact))).orElseThrow().state();
  }

  private static JsonObject start() {
    return new JsonObject().put("type", "start").put("queue", "support").put("name", "Mina");
  }
}
