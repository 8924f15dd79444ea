package dev.switchboard.gateway.phone;

import dev.switchboard.channels.phone.CallerIdNormalizer;
import dev.switchboard.channels.phone.calls.CallControl;
import dev.switchboard.channels.phone.calls.CallControlException;
import dev.switchboard.config.PbxSettings;
import dev.switchboard.config.PhoneSection;
import dev.switchboard.gateway.agent.PhoneDesk;
import dev.switchboard.gateway.web.ReadinessCheck;
import dev.switchboard.routing.agent.AgentDirectory;
import dev.switchboard.routing.contact.ContactId;
import dev.switchboard.routing.customer.CustomerDirectory;
import dev.switchboard.routing.customer.IdentityNormalizer;
import dev.switchboard.routing.customer.InvalidIdentityException;
import dev.switchboard.routing.dispatch.EventFeed;
import dev.switchboard.routing.dispatch.Router;
import dev.switchboard.routing.dispatch.RoutingEvent;
import dev.switchboard.routing.dispatch.RoutingView;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The phone channel of a node, built from the {@code phone:} section: one {@link PbxLink} per PBX on the
 * same router and customer directory as every other channel, the center's routing events fanned out to
 * all of them, and the desktop's call control ({@link PhoneDesk}). Click-to-dial goes out through the
 * first PBX. Thread-safe.
 */
public final class PhoneChannel implements PhoneDesk {

  private static final Logger log = LoggerFactory.getLogger(PhoneChannel.class);
  private static final Duration DEVICE_REFRESH = Duration.ofSeconds(10);

  private final List<PbxLink> links;
  private final AgentDevices devices;
  private final EventFeed feed;
  private final Consumer<RoutingEvent> routing;
  private final IdentityNormalizer normalizer;

  private PhoneChannel(List<PbxLink> links, AgentDevices devices, EventFeed feed, IdentityNormalizer normalizer) {
    this.links = List.copyOf(links);
    this.devices = devices;
    this.feed = feed;
    this.routing = event -> links.forEach(link -> link.calls().onRouting(event));
    this.normalizer = normalizer;
  }

  /**
   * Starts every PBX link: completes once the FastAGI ports listen and the routing events flow (the AMI
   * logins go on in the background: see {@link #readiness()}); fails naming the PBX that could not start.
   *
   * @param feed the node's routing events; the channel adds its handler and removes it when it stops
   */
  public static Future<PhoneChannel> start(Vertx vertx, PhoneSection section, Router router, RoutingView view,
      CustomerDirectory directory, IdentityNormalizer normalizer, AgentDirectory agents, EventFeed feed,
      Clock clock) {
    Context context = vertx.getOrCreateContext();
    AgentDevices devices = new AgentDevices(vertx, agents, DEVICE_REFRESH);
    CallerIdNormalizer callerIds = raw -> e164(normalizer, raw);
    List<PbxLink> links = new ArrayList<>();
    for (PbxSettings pbx : section.pbxs()) {
      links.add(PbxLink.create(vertx, context, section, pbx, router, view, directory, callerIds, devices, clock));
    }
    PhoneChannel channel = new PhoneChannel(links, devices, feed, normalizer);
    return devices.start()
        .compose(read -> feed.start(channel.routing))
        .compose(subscribed -> Future.all(links.stream().map(PbxLink::start).toList()))
        .map(started -> {
          log.info("Phone channel started: {} PBX(s) {}", links.size(), links.stream().map(PbxLink::id).toList());
          return channel;
        })
        .recover(failure -> channel.stop().transform(stopped -> Future.failedFuture(failure)));
  }

  /** One readiness check per PBX ({@code phone-<id>}): ready while its AMI link is logged in. */
  public List<ReadinessCheck> readiness() {
    return links.stream().map(PbxLink::readiness).toList();
  }

  /** Registers each PBX's AMI metrics (see {@code PbxLink.bindMetrics}) with {@code registry}. */
  public void bindMetrics(MeterRegistry registry) {
    links.forEach(link -> link.bindMetrics(registry));
  }

  /** Stops taking routing events, then stops every PBX link. */
  public Future<Void> stop() {
    devices.stop();
    feed.remove(routing);
    return Future.join(links.stream().map(PbxLink::stop).toList()).mapEmpty();
  }

  @Override
  public Future<CallControl> control(ContactId contact) {
    return find(contact, 0);
  }

  private Future<CallControl> find(ContactId contact, int index) {
    if (index >= links.size()) {
      return Future.failedFuture(new CallControlException("contact " + contact + " is not a call held by this node: "
          + "it ended, or another node took it"));
    }
    PbxLink link = links.get(index);
    return link.calls().holds(contact)
        .compose(held -> held ? Future.succeededFuture(link.calls().control()) : find(contact, index + 1));
  }

  @Override
  public Future<CallControl> dialler() {
    return Future.succeededFuture(links.get(0).calls().control());
  }

  @Override
  public String e164(String number) {
    try {
      return normalizer.phone(number);
    } catch (InvalidIdentityException e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
  }

  private static Optional<String> e164(IdentityNormalizer normalizer, String raw) {
    try {
      return Optional.of(normalizer.phone(raw));
    } catch (InvalidIdentityException e) {
      return Optional.empty();
    }
  }
}
