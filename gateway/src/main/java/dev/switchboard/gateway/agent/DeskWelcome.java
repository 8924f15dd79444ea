package dev.switchboard.gateway.agent;

import dev.switchboard.routing.agent.AgentId;
import dev.switchboard.routing.agent.AgentProfile;
import dev.switchboard.routing.agent.Presence;
import dev.switchboard.routing.contact.Channel;
import dev.switchboard.routing.contact.ContactId;
import dev.switchboard.routing.contact.ContactState;
import dev.switchboard.routing.customer.CustomerId;
import dev.switchboard.routing.dispatch.ContactSnapshot;
import dev.switchboard.routing.dispatch.RoutingEvent;
import dev.switchboard.routing.queue.QueuePolicy;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** The first frame after hello: where the desktop resumes from, its agent's state and the center's codes. */
final class DeskWelcome {

  /** Far beyond any sequence number: asks the backlog for nothing but its newest number. */
  private static final long BEYOND = 1_000_000_000_000L;

  /**
   * Where a connection starts.
   *
   * @param resumed true when the desktop's lastSeq was honoured and {@code backlog} is what it missed
   * @param from the sequence number the desktop is at after the welcome
   */
  record Resume(boolean resumed, long from, List<RoutingEvent> backlog) {}

  private DeskWelcome() {}

  /** Resumes after {@code lastSeq} when the backlog still holds everything after it; else starts fresh. */
  static Future<Resume> resume(DeskServices services, AgentId agent, Long lastSeq) {
    if (lastSeq == null || lastSeq < 0) {
      return fresh(services, agent);
    }
    return services.view().eventsAfter(agent, lastSeq).compose(backlog -> backlog.complete() && lastSeq <= backlog.last()
        ? Future.succeededFuture(new Resume(true, lastSeq, backlog.events()))
        : fresh(services, agent));
  }

  private static Future<Resume> fresh(DeskServices services, AgentId agent) {
    return services.view().eventsAfter(agent, BEYOND).map(backlog -> new Resume(false, backlog.last(), List.of()));
  }

  /** The welcome frame; fills {@code held} with the contacts the agent is handling now. */
  static Future<JsonObject> frame(DeskServices services, AgentProfile profile, Resume plan, Set<ContactId> held) {
    return services.view().agent(profile.id()).compose(snapshot -> {
      Presence presence = snapshot.map(found -> found.presence()).orElse(Presence.offline());
      List<Future<Optional<ContactSnapshot>>> contacts = snapshot.map(found -> found.contacts().stream()
          .map(services.view()::contact).toList()).orElse(List.of());
      return Future.all(contacts).map(all -> {
        JsonArray list = new JsonArray();
        contacts.forEach(future -> future.result().ifPresent(contact -> {
          if (contact.state() == ContactState.ACTIVE || contact.state() == ContactState.WRAP_UP) {
            held.add(contact.id());
          }
          list.add(contact(contact));
        }));
        return new JsonObject().put("type", "welcome").put("seq", plan.from()).put("resumed", plan.resumed())
            .put("agent", new JsonObject().put("id", profile.id().value()).put("name", profile.displayName())
                .put("capacity", profile.capacity())
                .put("channels", new JsonArray(profile.channels().stream().map(Channel::name).map(EventFrames::wire)
                    .sorted().toList())))
            .put("presence", EventFrames.presence(presence))
            .put("contacts", list)
            .put("reasons", new JsonArray(new TreeSet<>(services.rules().reasonCodes()).stream()
                .filter(code -> !Presence.LOGIN.equals(code) && !Presence.MISSED.equals(code)).toList()))
            .put("queues", queues(services))
            .put("canned", new JsonArray(services.settings().cannedResponses()))
            .put("phoneLabel", services.settings().phoneLabel().orElse(null))
            .put("heartbeat", new JsonObject().put("pingSeconds", services.settings().pingInterval().toSeconds())
                .put("silenceSeconds", services.settings().silenceLimit().toSeconds()));
      });
    });
  }

  private static JsonArray queues(DeskServices services) {
    JsonArray queues = new JsonArray();
    for (QueuePolicy queue : services.rules().queues()) {
      queues.add(new JsonObject().put("id", queue.id().value())
          .put("dispositions", new JsonArray(new TreeSet<>(queue.dispositions()).stream().toList()))
          .put("wrapUpSeconds", queue.wrapUp().toSeconds()));
    }
    return queues;
  }

  private static JsonObject contact(ContactSnapshot contact) {
    return new JsonObject().put("contact", contact.id().value()).put("state", contact.state().name())
        .put("channel", EventFrames.wire(contact.channel().name())).put("queue", contact.queue().value())
        .put("customer", contact.customer().map(CustomerId::value).orElse(null))
        .put("entered", contact.entered().toString());
  }
}
