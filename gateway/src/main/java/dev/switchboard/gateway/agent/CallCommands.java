package dev.switchboard.gateway.agent;

import dev.switchboard.channels.phone.calls.CallControl;
import dev.switchboard.channels.phone.calls.TransferTarget;
import dev.switchboard.routing.agent.AgentId;
import dev.switchboard.routing.contact.Channel;
import dev.switchboard.routing.contact.ContactId;
import dev.switchboard.routing.contact.ContactState;
import dev.switchboard.routing.queue.QueueId;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Supplier;

/**
 * The desktop's call commands for the agent's own active phone contact: hang up, hold, resume, blind
 * transfer, attended transfer (consult, then complete or cancel), and click-to-dial. Each checks that the
 * contact is a VOICE contact this agent handles before the phone channel acts on it. Stateless; runs on
 * the connection's event loop.
 */
final class CallCommands {

  private final DeskCommands desk;
  private final Supplier<PhoneDesk> phone;

  CallCommands(DeskCommands desk, Supplier<PhoneDesk> phone) {
    this.desk = desk;
    this.phone = phone;
  }

  Map<String, DeskCommands.Command> commands() {
    return Map.of(
        "call-hangup", (connection, fields) -> onCall(connection, fields, CallControl::hangup),
        "call-hold", (connection, fields) -> onCall(connection, fields, CallControl::hold),
        "call-resume", (connection, fields) -> onCall(connection, fields, CallControl::resume),
        "call-transfer", (connection, fields) -> {
          TransferTarget target = target(fields, true);
          return onCall(connection, fields, (control, contact) -> control.blindTransfer(contact, target));
        },
        "call-consult", (connection, fields) -> {
          TransferTarget target = target(fields, false);
          return onCall(connection, fields, (control, contact) -> control.consult(contact, target));
        },
        "call-consult-complete", (connection, fields) -> onCall(connection, fields, CallControl::completeTransfer),
        "call-consult-cancel", (connection, fields) -> onCall(connection, fields, CallControl::cancelConsultation),
        "dial", this::dial);
  }

  private Future<JsonObject> onCall(AgentConnection connection, Fields fields,
      BiFunction<CallControl, ContactId, Future<Void>> action) {
    ContactId contact = fields.contact();
    return desk.handling(connection, contact, Set.of(ContactState.ACTIVE)).compose(snapshot -> {
      if (snapshot.channel() != Channel.VOICE) {
        return Future.failedFuture(CommandException.badRequest("contact " + contact + " is a "
            + EventFrames.wire(snapshot.channel().name()) + " contact: '" + fields.raw().getString("type")
            + "' works on phone calls only"));
      }
      return phone.get().control(contact).compose(control -> action.apply(control, contact));
    }).map(done -> new JsonObject().put("contact", contact.value()));
  }

  private Future<JsonObject> dial(AgentConnection connection, Fields fields) {
    String number = phone.get().e164(fields.text("number", 40));
    return phone.get().dialler().compose(control -> control.clickToDial(connection.agent(), number))
        .map(done -> new JsonObject().put("number", number));
  }

  /** Exactly one of {@code agent}, {@code queue} (blind transfers only) or {@code number}. */
  private TransferTarget target(Fields fields, boolean queueAllowed) {
    Optional<String> agent = fields.optional("agent", 64);
    Optional<String> queue = fields.optional("queue", 64);
    Optional<String> number = fields.optional("number", 40);
    long given = List.of(agent, queue, number).stream().filter(Optional::isPresent).count();
    String choices = queueAllowed ? "'agent', 'queue' or 'number'" : "'agent' or 'number' (a queue cannot be "
        + "consulted: transfer to it with call-transfer)";
    if (given != 1 || (!queueAllowed && queue.isPresent())) {
      throw CommandException.badRequest("give exactly one of " + choices + " as the target");
    }
    if (agent.isPresent()) {
      return new TransferTarget.ToAgent(new AgentId(agent.get()));
    }
    if (queue.isPresent()) {
      return new TransferTarget.ToQueue(new QueueId(queue.get()));
    }
    return new TransferTarget.ToNumber(phone.get().e164(number.get()));
  }
}
