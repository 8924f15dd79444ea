package dev.switchboard.gateway.agent;

import dev.switchboard.routing.contact.ContactId;
import dev.switchboard.routing.contact.ContactState;
import dev.switchboard.routing.contact.EndedContact;
import dev.switchboard.routing.customer.Customer;
import dev.switchboard.routing.customer.CustomerId;
import dev.switchboard.routing.customer.IdentityType;
import dev.switchboard.routing.outcome.TimelineOutcomes;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Desktop commands about customers: lookups for the pick-list, reading a record with its timeline,
 * attaching the right customer to a contact whose match was ambiguous or missing, creating a customer,
 * and the wrap-up. An attachment is kept in Redis ({@code desk:attach:<contact>}, two days) and, since
 * routing keeps the customer the channel gave, the wrap-up writes the ended contact into the attached
 * customer's timeline itself. Stateless; runs on the connection's event loop.
 */
final class CustomerCommands {

  private static final long ATTACH_TTL_SECONDS = 2 * 24 * 3600;
  private static final Set<ContactState> HANDLING = Set.of(ContactState.OFFERED, ContactState.ACTIVE,
      ContactState.WRAP_UP);

  private final DeskServices services;
  private final ScreenPop pop;

  CustomerCommands(DeskServices services, ScreenPop pop) {
    this.services = services;
    this.pop = pop;
  }

  Future<JsonObject> lookup(AgentConnection connection, Fields fields) {
    for (IdentityType type : IdentityType.values()) {
      Optional<String> value = fields.optional(type.wireName(), 320);
      if (value.isPresent()) {
        return services.directory().lookup(type, value.get()).map(found -> new JsonObject()
            .put("candidates", pop.candidates(found)).put("ambiguous", found.ambiguous()));
      }
    }
    return Future.failedFuture(CommandException.badRequest("give one of phone, email, visitor or crm to look up"));
  }

  Future<JsonObject> customer(AgentConnection connection, Fields fields) {
    return popOf(customerId(fields.text("customer", 64)));
  }

  Future<JsonObject> attach(AgentConnection connection, Fields fields) {
    ContactId contact = fields.contact();
    CustomerId customer = customerId(fields.text("customer", 64));
    return services.view().contact(contact).compose(found -> {
      if (found.isEmpty() || found.get().agent().filter(connection.agent()::equals).isEmpty()
          || !HANDLING.contains(found.get().state())) {
        return Future.failedFuture(new CommandException("contact-state", "contact " + contact
            + " is not offered to or handled by this agent: only the agent handling it may attach a customer"));
      }
      return popOf(customer);
    }).compose(result -> services.store().run(redis -> redis.setex(attachKey(contact), ATTACH_TTL_SECONDS,
        customer.value())).map(done -> result.put("contact", contact.value())));
  }

  Future<JsonObject> create(AgentConnection connection, Fields fields) {
    JsonObject given = fields.raw().getJsonObject("customer");
    if (given == null) {
      return Future.failedFuture(CommandException.badRequest("field 'customer' must be an object with at least a name"));
    }
    JsonObject record = given.copy();
    if (record.getString("id") == null) {
      record.put("id", "c-" + UUID.randomUUID().toString().substring(0, 13));
    }
    Customer customer = services.json().fromJson(record);
    return services.directory().get(customer.id()).compose(existing -> {
      if (existing.isPresent()) {
        return Future.failedFuture(new CommandException("customer-exists", "customer " + customer.id()
            + " already exists: attach it instead of creating it"));
      }
      return services.directory().save(customer);
    }).compose(saved -> fields.optional("contact", 64).isPresent()
        ? attach(connection, new Fields(new JsonObject().put("type", "attach").put("contact", fields.contact().value())
            .put("customer", saved.id().value())))
        : popOf(saved.id()));
  }

  Future<JsonObject> wrapUp(AgentConnection connection, Fields fields) {
    ContactId contact = fields.contact();
    Optional<String> disposition = fields.optional("disposition", 32);
    String notes = fields.optional("notes", DeskCommands.MAX_NOTES).orElse("");
    return services.router().finishWrapUp(contact, connection.agent(), disposition, notes)
        .compose(ended -> recordAttached(ended).map(customer -> new JsonObject()
            .put("outcome", ended.outcome().name()).put("customer", customer.map(CustomerId::value).orElse(null))));
  }

  /** Writes the ended contact to the attached customer's timeline, unless routing already wrote it there. */
  private Future<Optional<CustomerId>> recordAttached(EndedContact ended) {
    return services.store().run(redis -> redis.get(attachKey(ended.id()))).compose(attached -> {
      if (attached == null || ended.customer().map(CustomerId::value).filter(attached::equals).isPresent()) {
        return Future.succeededFuture(ended.customer());
      }
      CustomerId customer = new CustomerId(attached);
      return services.directory().appendTimeline(customer, TimelineOutcomes.entry(ended))
          .map(done -> Optional.of(customer));
    });
  }

  private Future<JsonObject> popOf(CustomerId id) {
    return services.directory().get(id).compose(found -> {
      if (found.isEmpty()) {
        return Future.failedFuture(new CommandException("unknown-customer", "customer " + id
            + " is not in the directory: look it up again or create it"));
      }
      return services.directory().timeline(id, Optional.empty(), ScreenPop.TIMELINE_PAGE).map(page -> new JsonObject()
          .put("customer", services.json().toJson(found.get()))
          .put("timeline", services.json().toJson(page).getJsonArray("entries")));
    });
  }

  private static CustomerId customerId(String value) {
    try {
      return new CustomerId(value);
    } catch (IllegalArgumentException e) {
      throw CommandException.badRequest("field 'customer': " + e.getMessage());
    }
  }

  private String attachKey(ContactId contact) {
    return services.store().keys().key("desk", "attach", contact.value());
  }
}
