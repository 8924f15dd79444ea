package dev.switchboard.routing.customer;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import java.util.List;
import java.util.Optional;

/**
 * Customer records and their identity indexes.
 *
 * <p>Every method is non-blocking and completes on the calling Vert.x context. Writes are atomic:
 * a record and its indexes change together or not at all. Failures: {@link InvalidIdentityException}
 * for input that cannot be normalized; {@link dev.switchboard.routing.store.StoreUnavailableException} when Redis cannot be reached.
 */
public interface CustomerDirectory {

  /** Creates or replaces a record, moving its identity indexes; returns it as stored. */
  Future<Customer> save(Customer customer);

  /** Saves many records in one pipelined batch; returns how many were written. */
  Future<Integer> saveAll(List<Customer> customers);

  Future<Optional<Customer>> get(CustomerId id);

  /** Removes a record, its indexes and its timeline; false when there was none. */
  Future<Boolean> delete(CustomerId id);

  /** Finds every customer holding the identity, normalizing the query first. */
  Future<Lookup> lookup(IdentityType type, String query);

  /**
   * The same lookup in the REST API's JSON form, {@link CustomerJson#toJson(Lookup)} encoded. A
   * directory that keeps its records in that form may copy them into the answer instead of
   * decoding them.
   */
  default Future<Buffer> lookupJson(IdentityType type, String query) {
    return lookup(type, query).map(found -> CustomerJson.wire(found).toBuffer());
  }

  /** Customers whose name starts with the prefix (case-insensitive), in name order. */
  Future<List<Customer>> searchByName(String prefix, int limit);

  /** Adds an entry at the head of the customer's timeline. */
  Future<Void> appendTimeline(CustomerId id, TimelineEntry entry);

  /** A page of the timeline, newest first; {@code cursor} is a previous page's {@code next}. */
  Future<TimelinePage> timeline(CustomerId id, Optional<String> cursor, int limit);
}
