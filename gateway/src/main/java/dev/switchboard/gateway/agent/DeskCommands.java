package dev.switchboard.gateway.agent;

import dev.switchboard.channels.webchat.ChatEvent;
import dev.switchboard.channels.webchat.ChatMessage;
import dev.switchboard.channels.webchat.ConversationId;
import dev.switchboard.channels.webchat.Sender;
import dev.switchboard.routing.agent.AgentId;
import dev.switchboard.routing.agent.AgentState;
import dev.switchboard.routing.agent.Presence;
import dev.switchboard.routing.contact.Channel;
import dev.switchboard.routing.contact.ContactId;
import dev.switchboard.routing.contact.ContactState;
import dev.switchboard.routing.dispatch.ContactSnapshot;
import dev.switchboard.routing.dispatch.UnknownAgentException;
import dev.switchboard.routing.queue.QueueId;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The agent→server commands of the desktop protocol, dispatched by {@code type}. Each answers one
 * {@code result} frame with the command's {@code id}: {@code ok} and data, or a code and a specific
 * error. Routing and chat commands live here; customer commands in {@link CustomerCommands}.
 * Stateless; runs on the connection's event loop.
 */
final class DeskCommands {

  private static final Logger log = LoggerFactory.getLogger(DeskCommands.class);
  static final int MAX_TEXT = 4000;
  static final int MAX_NOTES = 2000;
  private static final int HISTORY_PAGE = 200;

  /** One command: what it does for the connection's agent, and the data of its successful result. */
  interface Command {
    Future<JsonObject> run(AgentConnection connection, Fields fields);
  }

  private final DeskServices services;
  private final Map<String, Command> commands;

  DeskCommands(DeskServices services, ScreenPop pop, Supplier<PhoneDesk> phone) {
    this.services = services;
    CustomerCommands customers = new CustomerCommands(services, pop);
    Map<String, Command> all = new HashMap<>(Map.ofEntries(
        Map.entry("presence", this::presence),
        Map.entry("accept", (connection, fields) -> services.router().accept(fields.contact(), connection.agent())
            .map(done -> new JsonObject())),
        Map.entry("reject", (connection, fields) -> services.router().reject(fields.contact(), connection.agent())
            .map(done -> new JsonObject())),
        Map.entry("message", this::message),
        Map.entry("typing", this::typing),
        Map.entry("history", this::history),
        Map.entry("end", this::end),
        Map.entry("wrapup", customers::wrapUp),
        Map.entry("transfer", this::transfer),
        Map.entry("lookup", customers::lookup),
        Map.entry("customer", customers::customer),
        Map.entry("attach", customers::attach),
        Map.entry("create-customer", customers::create)));
    all.putAll(new CallCommands(this, phone).commands());
    this.commands = Map.copyOf(all);
  }

  /** Runs a frame's command; the future always succeeds with the result frame. */
  Future<JsonObject> run(AgentConnection connection, JsonObject frame) {
    Object id = frame.getValue("id");
    String type = frame.getString("type", "");
    Command command = commands.get(type);
    Future<JsonObject> outcome;
    if (command == null) {
      outcome = Future.failedFuture(CommandException.badRequest("unknown command type '" + type + "': use one of "
          + new java.util.TreeSet<>(commands.keySet())));
    } else {
      try {
        outcome = command.run(connection, new Fields(frame));
      } catch (RuntimeException e) {
        outcome = Future.failedFuture(e);
      }
    }
    return outcome.map(data -> data.put("type", "result").put("id", id).put("ok", true)).recover(failure -> {
      if ("internal".equals(CommandErrors.code(failure))) {
        log.error("[agent={}] command {} failed: {}", connection.agent(), type, failure.toString(), failure);
      }
      return Future.succeededFuture(CommandErrors.result(id, failure));
    });
  }

  private Future<JsonObject> presence(AgentConnection connection, Fields fields) {
    String state = fields.text("state", 20).toUpperCase(Locale.ROOT);
    AgentId agent = connection.agent();
    Future<Void> changed = switch (state) {
      case "READY" -> services.router().setPresence(agent, Presence.ready());
      case "NOT_READY" -> services.router().setPresence(agent, Presence.notReady(fields.text("reason", 32)));
      case "OFFLINE" -> services.router().logout(agent);
      default -> Future.failedFuture(CommandException.badRequest("state '" + state
          + "' is unknown: use READY, NOT_READY (with a reason) or OFFLINE"));
    };
    return changed.recover(failure -> {
      if (!(failure instanceof UnknownAgentException) || "OFFLINE".equals(state)) {
        return Future.failedFuture(failure);
      }
      Presence wanted = "READY".equals(state) ? Presence.ready() : Presence.notReady(fields.text("reason", 32));
      return connection.relogin().compose(done -> services.router().setPresence(agent, wanted));
    }).map(done -> new JsonObject().put("state", AgentState.valueOf(state).name()));
  }

  private Future<JsonObject> message(AgentConnection connection, Fields fields) {
    ContactId contact = fields.contact();
    String text = fields.text("text", MAX_TEXT);
    Optional<String> clientId = fields.optional("clientId", 64);
    return handling(connection, contact, Set.of(ContactState.ACTIVE)).compose(snapshot -> services.conversations()
        .post(new ConversationId(contact.value()), Sender.AGENT, connection.profile().displayName(), text, clientId))
        .map(message -> new JsonObject().put("seq", message.seq()).put("message", messageJson(message)));
  }

  private Future<JsonObject> typing(AgentConnection connection, Fields fields) {
    ContactId contact = fields.contact();
    if (!connection.holds(contact)) {
      return Future.failedFuture(new CommandException("contact-state", "contact " + contact
          + " is not an active conversation of this agent"));
    }
    return services.conversations().typing(new ConversationId(contact.value()), Sender.AGENT).map(done -> new JsonObject());
  }

  private Future<JsonObject> history(AgentConnection connection, Fields fields) {
    ContactId contact = fields.contact();
    long after = fields.number("after", 0);
    return handling(connection, contact, Set.of(ContactState.ACTIVE, ContactState.WRAP_UP))
        .compose(snapshot -> services.conversations().after(new ConversationId(contact.value()), after, HISTORY_PAGE))
        .map(messages -> {
          JsonArray list = new JsonArray();
          messages.forEach(message -> list.add(messageJson(message)));
          return new JsonObject().put("contact", contact.value()).put("messages", list);
        });
  }

  private Future<JsonObject> end(AgentConnection connection, Fields fields) {
    ContactId contact = fields.contact();
    return handling(connection, contact, Set.of(ContactState.ACTIVE)).compose(snapshot -> services.router()
        .complete(contact, connection.agent(), Optional.empty(), "")
        .compose(state -> endConversation(snapshot).map(done -> new JsonObject().put("state", state.name()))));
  }

  private Future<Void> endConversation(ContactSnapshot contact) {
    if (contact.channel() != Channel.CHAT) {
      return Future.succeededFuture();
    }
    return services.conversations().end(new ConversationId(contact.id().value()), Sender.AGENT).recover(failure -> {
      log.warn("[contact={}] contact completed but the conversation could not be closed: {}", contact.id(),
          failure.toString());
      return Future.succeededFuture();
    });
  }

  private Future<JsonObject> transfer(AgentConnection connection, Fields fields) {
    ContactId contact = fields.contact();
    Optional<String> queue = fields.optional("queue", 64);
    Optional<String> agent = fields.optional("agent", 64);
    if (queue.isPresent() == agent.isPresent()) {
      return Future.failedFuture(CommandException.badRequest("give exactly one of 'queue' or 'agent' to transfer to"));
    }
    Future<Void> moved = queue.isPresent()
        ? services.router().transferToQueue(contact, connection.agent(), new QueueId(queue.get()))
        : services.router().transferToAgent(contact, connection.agent(), new AgentId(agent.get()));
    return moved.map(done -> new JsonObject());
  }

  /** The contact as routing holds it, when this agent handles it in one of {@code states}. */
  Future<ContactSnapshot> handling(AgentConnection connection, ContactId contact, Set<ContactState> states) {
    return services.view().contact(contact).compose(found -> {
      if (found.isEmpty()) {
        return Future.failedFuture(new CommandException("unknown-contact", "contact " + contact
            + " does not exist or has expired"));
      }
      ContactSnapshot snapshot = found.get();
      if (snapshot.agent().filter(connection.agent()::equals).isEmpty() || !states.contains(snapshot.state())) {
        return Future.failedFuture(new CommandException("contact-state", "contact " + contact + " is "
            + snapshot.state() + (snapshot.agent().filter(connection.agent()::equals).isPresent() ? "" : " and not yours")
            + ": this needs it " + states + " with you"));
      }
      return Future.succeededFuture(snapshot);
    });
  }

  static JsonObject chatFrame(ChatEvent event) {
    String contact = event.conversation().value();
    if (event instanceof ChatEvent.Posted posted) {
      return new JsonObject().put("type", "chat").put("contact", contact).put("message", messageJson(posted.message()));
    }
    if (event instanceof ChatEvent.Typing typing) {
      return new JsonObject().put("type", "typing").put("contact", contact)
          .put("sender", EventFrames.wire(typing.sender().name()));
    }
    ChatEvent.Ended ended = (ChatEvent.Ended) event;
    return new JsonObject().put("type", "chat-ended").put("contact", contact)
        .put("by", EventFrames.wire(ended.by().name()));
  }

  static JsonObject messageJson(ChatMessage message) {
    return new JsonObject().put("seq", message.seq()).put("sender", EventFrames.wire(message.sender().name()))
        .put("author", message.author()).put("text", message.text()).put("at", message.at().toString())
        .put("clientId", message.clientId().orElse(null));
  }
}
