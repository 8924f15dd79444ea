package dev.switchboard.gateway.agent;

import dev.switchboard.routing.contact.ContactId;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The contacts one desktop handles (active or in wrap-up), also filed in the hub's index by contact, so that a
 * chat event finds the desktops holding its conversation without looking at every desktop of the node.
 * Thread-safe.
 */
final class HeldContacts extends AbstractSet<ContactId> {

  private final Set<ContactId> contacts = ConcurrentHashMap.newKeySet();
  private final ConcurrentMap<ContactId, Set<AgentConnection>> index;
  private final AgentConnection owner;

  HeldContacts(ConcurrentMap<ContactId, Set<AgentConnection>> index, AgentConnection owner) {
    this.index = index;
    this.owner = owner;
  }

  @Override
  public boolean add(ContactId contact) {
    if (!contacts.add(contact)) {
      return false;
    }
    index.computeIfAbsent(contact, ignored -> ConcurrentHashMap.newKeySet()).add(owner);
    return true;
  }

  @Override
  public boolean remove(Object contact) {
    if (!(contact instanceof ContactId id) || !contacts.remove(id)) {
      return false;
    }
    index.computeIfPresent(id, (ignored, holders) -> {
      holders.remove(owner);
      return holders.isEmpty() ? null : holders;
    });
    return true;
  }

  @Override
  public boolean contains(Object contact) {
    return contacts.contains(contact);
  }

  @Override
  public Iterator<ContactId> iterator() {
    Iterator<ContactId> each = contacts.iterator();
    return new Iterator<>() {
      private ContactId last;

      @Override
      public boolean hasNext() {
        return each.hasNext();
      }

      @Override
      public ContactId next() {
        last = each.next();
        return last;
      }

      @Override
      public void remove() {
        HeldContacts.this.remove(last);
      }
    };
  }

  @Override
  public int size() {
    return contacts.size();
  }
}
