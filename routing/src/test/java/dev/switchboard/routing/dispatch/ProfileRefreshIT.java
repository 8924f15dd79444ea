package dev.switchboard.routing.dispatch;

import static dev.switchboard.routing.dispatch.RoutingFixture.await;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.routing.agent.AgentId;
import dev.switchboard.routing.agent.AgentSession;
import dev.switchboard.routing.agent.AgentState;
import dev.switchboard.routing.agent.Presence;
import dev.switchboard.routing.contact.Channel;
import dev.switchboard.routing.contact.ContactId;
import dev.switchboard.routing.contact.ContactRequest;
import dev.switchboard.routing.contact.ContactState;
import java.util.EnumSet;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A profile changed while its agent is logged in applies at once, without a new login. */
class ProfileRefreshIT {

  private final RoutingFixture center = new RoutingFixture(Centers.rules(), RoutingSettings.defaults());

  @AfterEach
  void close() {
    center.close();
  }

  private ContactId enqueue(Channel channel, dev.switchboard.routing.queue.QueueId queue) {
    return ((EnqueueResult.Queued) await(center.router.enqueue(ContactRequest.of(channel, queue)))).contact();
  }

  @Test
  void aSkillAddedToAReadyAgentBringsTheWaitingContactAtOnceAndKeepsTheSession() {
    ContactId waiting = enqueue(Channel.CHAT, Centers.BILLING);
    AgentId kim = new AgentId("kim");
    AgentSession session = await(center.router.login(Centers.seller("kim")));
    await(center.router.setPresence(kim, Presence.ready()));
    assertThat(await(center.view.contact(waiting)).orElseThrow().state()).isEqualTo(ContactState.QUEUED);

    boolean applied = await(center.router.refresh(Centers.agent("kim", Map.of("sales", 7, "billing", 4))));

    assertThat(applied).isTrue();
    ContactSnapshot contact = await(center.view.contact(waiting)).orElseThrow();
    assertThat(contact.state()).isEqualTo(ContactState.OFFERED);
    assertThat(contact.agent()).contains(kim);
    AgentSnapshot agent = await(center.view.agent(kim)).orElseThrow();
    assertThat(agent.session()).contains(session.session());
    assertThat(agent.presence().state()).isEqualTo(AgentState.READY);
  }

  @Test
  void aLowerCapacityStopsOffersThatNoLongerFit() {
    AgentId lee = new AgentId("lee");
    await(center.router.login(Centers.seller("lee")));
    await(center.router.setPresence(lee, Presence.ready()));

    await(center.router.refresh(Centers.seller("lee").withCapacity(30)));
    ContactId chat = enqueue(Channel.CHAT, Centers.SALES);

    assertThat(await(center.view.contact(chat)).orElseThrow().state()).isEqualTo(ContactState.QUEUED);
    assertThat(await(center.view.agent(lee)).orElseThrow().capacity()).isEqualTo(30);
  }

  @Test
  void aChannelTakenAwayNoLongerCountsAsPresent() {
    await(center.router.login(Centers.seller("park")));

    await(center.router.refresh(Centers.seller("park").withChannels(EnumSet.of(Channel.VOICE))));

    assertThat(await(center.view.staffed(Centers.SALES, Channel.CHAT))).isFalse();
    assertThat(await(center.view.staffed(Centers.SALES, Channel.VOICE))).isTrue();
  }

  /**
   * An agent whose hash still has the routing profile as separate fields (channels, pools, per-channel pools
   * and caps, waiting lists), as logins wrote it before the profile became one field, keeps being routed
   * from those fields, and its next login writes the one field in their place.
   */
  @Test
  void anAgentWithTheProfileAsSeparateFieldsIsRoutedAndItsNextLoginRewritesThem() {
    AgentId kim = new AgentId("kim");
    await(center.router.login(Centers.seller("kim")));
    await(center.router.setPresence(kim, Presence.ready()));
    String key = center.redis.store().keys().key("a", "kim");
    String[] profile = await(center.redis.store().run(redis -> redis.hget(key, "prof"))).split("\n", -1);
    Map<String, String> separate = new java.util.HashMap<>(Map.of("ch", profile[1], "pools", profile[2], "wq", profile[5]));
    for (String pair : profile[3].split(",")) {
      if (!pair.isEmpty()) {
        separate.put("max:" + pair.substring(0, pair.indexOf('=')), pair.substring(pair.indexOf('=') + 1));
      }
    }
    for (String pair : profile[4].split("\\|")) {
      if (!pair.isEmpty()) {
        separate.put("rp:" + pair.substring(0, pair.indexOf('=')), pair.substring(pair.indexOf('=') + 1));
      }
    }
    assertThat(separate).containsKeys("rp:CHAT", "rp:VOICE");
    await(center.redis.store().run(redis -> redis.hdel(key, "prof")));
    await(center.redis.store().run(redis -> redis.hset(key, separate)));

    for (int round = 0; round < 2; round++) {
      ContactId chat = enqueue(Channel.CHAT, Centers.SALES);
      ContactSnapshot offered = await(center.view.contact(chat)).orElseThrow();
      assertThat(offered.state()).isEqualTo(ContactState.OFFERED);
      assertThat(offered.agent()).contains(kim);
      await(center.router.accept(chat, kim));
      await(center.router.complete(chat, kim, java.util.Optional.empty(), ""));
      assertThat(await(center.view.agent(kim)).orElseThrow().used()).isZero();
    }
    ContactId call = enqueue(Channel.VOICE, Centers.SALES);
    assertThat(await(center.view.contact(call)).orElseThrow().agent()).contains(kim);
    await(center.router.accept(call, kim));
    ContactId chatDuringCall = enqueue(Channel.CHAT, Centers.SALES);
    assertThat(await(center.view.contact(chatDuringCall)).orElseThrow().state())
        .as("a voice call takes all of the agent's capacity").isEqualTo(ContactState.QUEUED);
    await(center.router.complete(call, kim, java.util.Optional.empty(), ""));
    assertThat(await(center.view.contact(chatDuringCall)).orElseThrow().agent())
        .as("the freed agent serves the chat that waited").contains(kim);

    await(center.router.login(Centers.seller("kim")));
    Map<String, String> rewritten = await(center.redis.store().run(redis -> redis.hgetall(key)));
    assertThat(rewritten).containsKey("prof").doesNotContainKeys("ch", "pools", "wq", "rp:CHAT", "rp:VOICE");
  }

  @Test
  void anAgentNotLoggedInIsLeftForItsNextLogin() {
    assertThat(await(center.router.refresh(Centers.seller("away")))).isFalse();
    assertThat(await(center.view.agent(new AgentId("away")))).isEmpty();
    assertThat(await(center.view.staffed(Centers.SALES, Channel.CHAT))).isFalse();
  }
}
