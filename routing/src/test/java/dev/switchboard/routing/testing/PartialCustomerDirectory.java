package dev.switchboard.routing.testing;

import dev.switchboard.routing.customer.Customer;
import dev.switchboard.routing.customer.CustomerDirectory;
import dev.switchboard.routing.customer.CustomerId;
import dev.switchboard.routing.customer.IdentityType;
import dev.switchboard.routing.customer.Lookup;
import dev.switchboard.routing.customer.TimelineEntry;
import dev.switchboard.routing.customer.TimelinePage;
import io.vertx.core.Future;
import java.util.List;
import java.util.Optional;

/**
 * A base for unit-test fakes of {@link CustomerDirectory} that need only a few of its operations: a fake
 * overrides those, and any other call fails the test at once, naming the operation the code under test used.
 */
public abstract class PartialCustomerDirectory implements CustomerDirectory {

  private static <T> Future<T> unexpected(String operation) {
    throw new AssertionError("this test's directory does not expect " + operation + "()");
  }

  @Override
  public Future<Customer> save(Customer customer) {
    return unexpected("save");
  }

  @Override
  public Future<Integer> saveAll(List<Customer> customers) {
    return unexpected("saveAll");
  }

  @Override
  public Future<Optional<Customer>> get(CustomerId id) {
    return unexpected("get");
  }

  @Override
  public Future<Boolean> delete(CustomerId id) {
    return unexpected("delete");
  }

  @Override
  public Future<Lookup> lookup(IdentityType type, String query) {
    return unexpected("lookup");
  }

  @Override
  public Future<List<Customer>> searchByName(String prefix, int limit) {
    return unexpected("searchByName");
  }

  @Override
  public Future<Void> appendTimeline(CustomerId id, TimelineEntry entry) {
    return unexpected("appendTimeline");
  }

  @Override
  public Future<TimelinePage> timeline(CustomerId id, Optional<String> cursor, int limit) {
    return unexpected("timeline");
  }
}
