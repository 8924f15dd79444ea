package dev.switchboard.gateway.browser;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.channels.phone.sim.AgentBehaviour;
import dev.switchboard.channels.phone.sim.PbxSimulator;
import dev.switchboard.channels.phone.sim.SimCall;
import dev.switchboard.config.DirectorySettings;
import dev.switchboard.config.PbxSettings;
import dev.switchboard.config.PhoneSection;
import dev.switchboard.config.RedisSettings;
import dev.switchboard.config.Secret;
import dev.switchboard.config.ServerSettings;
import dev.switchboard.config.SwitchboardConfig;
import dev.switchboard.gateway.Node;
import dev.switchboard.gateway.agent.DeskSettings;
import dev.switchboard.gateway.auth.AccountId;
import dev.switchboard.gateway.auth.Role;
import dev.switchboard.gateway.routing.ConfiguredRouting;
import dev.switchboard.routing.agent.AgentId;
import dev.switchboard.routing.agent.AgentProfile;
import dev.switchboard.routing.contact.Channel;
import dev.switchboard.routing.contact.ChannelCosts;
import dev.switchboard.routing.customer.Customer;
import dev.switchboard.routing.customer.CustomerId;
import dev.switchboard.routing.customer.Identities;
import dev.switchboard.routing.customer.TimelineEntry;
import dev.switchboard.routing.dispatch.RoutingRules;
import dev.switchboard.routing.dispatch.RoutingSettings;
import dev.switchboard.routing.queue.QueueId;
import dev.switchboard.routing.queue.QueuePolicy;
import dev.switchboard.routing.testing.TestRedis;
import io.vertx.core.Future;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;

/**
 * A phone call on the agent desktop in a real Chromium, from a PBX simulator over TCP: the offer shows the
 * line's label and the caller's screen-pop, accepting connects the call, the call bar hangs it up and the
 * wrap-up reaches the customer's timeline.
 */
class PhoneDesktopBrowserIT {

  private static final String PASSWORD = "agent-password-1";
  private static final CustomerId CUSTOMER = new CustomerId("cust-phone");

  private static PbxSimulator pbx;
  private static Node node;
  private static String base;
  private ChromeDriver agent;

  @BeforeAll
  static void start() throws IOException {
    Browser.assumeInstalled();
    int agiPort = freePort();
    pbx = PbxSimulator.builder().amiUser("cti", "s3cret").agiServer(agiPort).start();
    pbx.agentBehaviour("1001", AgentBehaviour.RING);
    QueuePolicy support = QueuePolicy.of(new QueueId("support"), EnumSet.of(Channel.VOICE), Map.of())
        .withWrapUp(Duration.ofSeconds(120), Set.of("resolved", "follow-up"));
    RoutingRules rules = new RoutingRules(Set.of("korean"), Set.of("break"), ChannelCosts.defaults(), List.of(support));
    AgentProfile minho = AgentProfile.of(new AgentId("agent-1"), "Agent Minho", Map.of("korean", 8))
        .withPhoneDevice("PJSIP/1001");
    int port = freePort();
    SwitchboardConfig config = new SwitchboardConfig(
        new ServerSettings("127.0.0.1", port, 1 << 20, 1 << 24, Duration.ofSeconds(1)),
        new RedisSettings(Optional.of(TestRedis.uri()), Optional.empty(), TestRedis.freshCenter(),
            Path.of("target/unused-data"), Duration.ofSeconds(2), Duration.ofSeconds(3)),
        new DirectorySettings("KR", 50), Optional.empty())
        .withPhone(Optional.of(PhoneSection.defaults(List.of(PbxSettings.of("pbx1", "127.0.0.1", pbx.amiPort(), "cti",
            new Secret("AMI_SECRET", "s3cret"), agiPort))).withAgiBindAddress("127.0.0.1")));
    node = Node.start(config, ConfiguredRouting.of(rules, RoutingSettings.defaults(), List.of(minho)),
        DeskSettings.defaults().withPhoneLabel("simulated PBX"), Optional.empty());
    base = "http://127.0.0.1:" + port;
    await(node.accounts().ensure(new AccountId("agent-1"), "Agent Minho", Role.AGENT, PASSWORD));
    await(node.directory().save(new Customer(CUSTOMER, "Kim Minji", "gold", new BigDecimal("15230.50"),
        List.of("loyalty"), Optional.of("ko"), Optional.empty(), "Prefers the phone.", Map.of(),
        new Identities(List.of("+821023456789"), List.of(), List.of(), Optional.empty()), Instant.now())));
  }

  @AfterAll
  static void stop() {
    if (node != null) {
      node.close();
    }
    if (pbx != null) {
      pbx.close();
    }
  }

  @AfterEach
  void quit() {
    if (agent != null) {
      agent.quit();
    }
  }

  @Test
  void aSimulatedCallPopsIsAcceptedHungUpFromTheCallBarAndWrappedUp() {
    agent = Browser.open();
    signInReady(agent);
    Browser.until(agent, driver -> driver.findElement(By.cssSelector("[data-testid=phone-label]")).getText()
        .contains("simulated PBX"));

    SimCall call = pbx.incomingCall("01023456789", "route?queue=support");
    WebElement offer = Browser.waitFor(agent, By.cssSelector("[data-testid=offer]"));
    assertThat(offer.findElement(By.cssSelector("[data-testid=offer-channel]")).getText())
        .isEqualToIgnoringCase("phone call · simulated PBX");
    assertThat(offer.findElement(By.cssSelector("[data-testid=pop-name]")).getText()).isEqualTo("Kim Minji");
    assertThat(offer.findElement(By.cssSelector("[data-testid=pop-match]")).getText())
        .isEqualTo("Matched on caller number +821023456789");
    assertThat(offer.findElement(By.cssSelector("[data-testid=pop-dial-number]")).getText())
        .isEqualTo("Call +821023456789");
    offer.findElement(By.cssSelector("[data-testid=offer-accept]")).click();
    WebElement bar = Browser.waitFor(agent, By.cssSelector("[data-testid=call-bar]"));
    assertThat(agent.findElement(By.cssSelector("[data-testid=chat-compose]")).isDisplayed()).isFalse();
    Browser.until(agent, driver -> pbx.liveChannels().stream().anyMatch(name -> name.startsWith("PJSIP/1001-")));
    call.answerRinging();
    Browser.until(agent, driver -> call.agentChannel().isPresent());

    bar.findElement(By.cssSelector("[data-testid=call-hangup]")).click();
    new Select(Browser.waitFor(agent, By.cssSelector("[data-testid=wrapup-disposition]"))).selectByValue("resolved");
    Browser.until(agent, driver -> !call.isLive());
    agent.findElement(By.cssSelector("[data-testid=wrapup-notes]")).sendKeys("asked about the invoice");
    agent.findElement(By.cssSelector("[data-testid=wrapup-submit]")).click();
    TimelineEntry entry = Browser.awaitContactEntry(node.directory(), CUSTOMER);
    assertThat(entry.channel()).isEqualTo("phone");
    assertThat(entry.details()).containsEntry("disposition", "resolved").containsEntry("notes", "asked about the invoice");
  }

  private void signInReady(WebDriver driver) {
    driver.get(base + "/agent/");
    Browser.waitFor(driver, By.cssSelector("[data-testid=sign-in-account]")).sendKeys("agent-1");
    driver.findElement(By.cssSelector("[data-testid=sign-in-password]")).sendKeys(PASSWORD);
    driver.findElement(By.cssSelector("[data-testid=sign-in-submit]")).click();
    Browser.until(driver, d -> d.findElement(By.cssSelector("[data-testid=presence-current]")).isDisplayed()
        && "on".equals(d.findElement(By.cssSelector("[data-testid=connection-status]")).getAttribute("data-state")));
    new Select(driver.findElement(By.cssSelector("[data-testid=presence-state]"))).selectByValue("READY");
    Browser.until(driver, d -> "READY".equals(d.findElement(By.cssSelector("[data-testid=presence-current]"))
        .getAttribute("data-state")));
  }



  private static <T> T await(Future<T> future) {
    try {
      return future.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
