package dev.switchboard.gateway.browser;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.config.DirectorySettings;
import dev.switchboard.config.RedisSettings;
import dev.switchboard.config.ServerSettings;
import dev.switchboard.config.SwitchboardConfig;
import dev.switchboard.gateway.Node;
import dev.switchboard.gateway.chat.ChatRouting;
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
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.SearchContext;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;

/**
 * The whole web chat path in a real Chromium: a visitor starts a chat on the demo shop page, an agent
 * signs in on the desktop, gets the offer with the right screen-pop, accepts; messages flow both ways,
 * markup stays text on both sides, the visitor drops off and comes back without loss or duplicates,
 * the agent wraps up, and the next screen-pop shows that contact in the customer's timeline.
 */
class WebChatEndToEndIT {

  private static final String PASSWORD = "agent-password-1";
  private static final String INJECTED = "hello <img src=x onerror=window.__xss=1>";
  private static final CustomerId CUSTOMER = new CustomerId("cust-minji");

  private static Node node;
  private static String base;
  private ChromeDriver agent;
  private ChromeDriver visitor;
  private ChromeDriver returning;

  @BeforeAll
  static void start() throws IOException {
    Browser.assumeInstalled();
    QueuePolicy support = QueuePolicy.of(new QueueId("support"), EnumSet.of(Channel.CHAT), Map.of())
        .withWrapUp(Duration.ofSeconds(120), Set.of("resolved", "follow-up"));
    RoutingRules rules = new RoutingRules(Set.of("korean"), Set.of("break"), ChannelCosts.defaults(), List.of(support));
    AgentProfile minho = AgentProfile.of(new AgentId("agent-1"), "Agent Minho", Map.of("korean", 8));
    int port;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = socket.getLocalPort();
    }
    SwitchboardConfig config = new SwitchboardConfig(
        new ServerSettings("127.0.0.1", port, 1 << 20, 1 << 24, Duration.ofSeconds(1)),
        new RedisSettings(Optional.of(TestRedis.uri()), Optional.empty(), TestRedis.freshCenter(),
            Path.of("target/unused-data"), Duration.ofSeconds(2), Duration.ofSeconds(3)),
        new DirectorySettings("KR", 50), Optional.empty()).withChat(ChatRouting.chat());
    node = Node.start(config, ConfiguredRouting.of(rules, RoutingSettings.defaults(), List.of(minho)),
        DeskSettings.defaults(), Optional.empty());
    base = "http://127.0.0.1:" + port;
    await(node.accounts().ensure(new AccountId("agent-1"), "Agent Minho", Role.AGENT, PASSWORD));
    await(node.directory().save(new Customer(CUSTOMER, "Kim Minji", "gold", new BigDecimal("15230.50"),
        List.of("loyalty"), Optional.of("ko"), Optional.empty(), "Prefers green tea.", Map.of(),
        new Identities(List.of(), List.of("minji@example.com"), List.of(), Optional.empty()), Instant.now())));
  }

  @AfterAll
  static void stop() {
    if (node != null) {
      node.close();
    }
  }

  @AfterEach
  void quit() {
    for (ChromeDriver driver : new ChromeDriver[] {agent, visitor, returning}) {
      if (driver != null) {
        driver.quit();
      }
    }
  }

  @Test
  void visitorAndAgentChatThroughDropsAndTheWrapUpReachesTheNextScreenPop() {
    agent = Browser.open();
    visitor = Browser.open();
    signInReady(agent);

    startChat(visitor);
    WebElement offer = Browser.waitFor(agent, By.cssSelector("[data-testid=offer]"));
    assertThat(offer.findElement(By.cssSelector("[data-testid=pop-name]")).getText()).isEqualTo("Kim Minji");
    assertThat(offer.findElement(By.cssSelector("[data-testid=pop-tier]")).getText()).containsIgnoringCase("gold");
    assertThat(offer.findElement(By.cssSelector("[data-testid=pop-match]")).getText()).containsIgnoringCase("email");
    offer.findElement(By.cssSelector("[data-testid=offer-accept]")).click();
    Browser.until(visitor, driver -> !widget(driver).findElement(By.cssSelector("#sb-chat-agent")).getText().isBlank());

    send(visitor, INJECTED);
    Browser.until(agent, driver -> agentMessages(driver).contains(INJECTED));
    assertThat(agent.findElements(By.cssSelector("[data-testid=chat-messages] img"))).isEmpty();
    agentSends("Welcome back, Minji");
    Browser.until(visitor, driver -> visitorMessages(driver).contains("Welcome back, Minji"));

    visitor.get("about:blank");
    agentSends("While you were away");
    visitor.get(base + "/demo/");
    Browser.until(visitor, driver -> visitorMessages(driver).contains("While you were away"));
    List<String> seen = visitorMessages(visitor);
    assertThat(seen).containsOnlyOnce(INJECTED, "Welcome back, Minji", "While you were away");
    assertThat(widget(visitor).findElements(By.cssSelector("#sb-chat-messages img"))).isEmpty();
    assertThat(((JavascriptExecutor) visitor).executeScript("return window.__xss === undefined")).isEqualTo(true);
    assertThat(((JavascriptExecutor) agent).executeScript("return window.__xss === undefined")).isEqualTo(true);

    agent.findElement(By.cssSelector("[data-testid=chat-end]")).click();
    new Select(Browser.waitFor(agent, By.cssSelector("[data-testid=wrapup-disposition]"))).selectByValue("resolved");
    agent.findElement(By.cssSelector("[data-testid=wrapup-notes]")).sendKeys("asked about green tea");
    agent.findElement(By.cssSelector("[data-testid=wrapup-submit]")).click();
    TimelineEntry entry = Browser.awaitContactEntry(node.directory(), CUSTOMER);
    assertThat(entry.details()).containsEntry("disposition", "resolved").containsEntry("notes", "asked about green tea");

    returning = Browser.open();
    startChat(returning);
    Browser.until(agent, driver -> driver.findElements(By.cssSelector("[data-testid=offer] [data-testid=pop-timeline]")).stream()
        .anyMatch(timeline -> timeline.getText().contains("resolved")));
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

  private void startChat(WebDriver driver) {
    driver.get(base + "/demo/");
    Browser.until(driver, d -> !d.findElements(By.id("sb-chat")).isEmpty());
    Browser.until(driver, d -> widget(d).findElement(By.cssSelector("#sb-chat-launcher")).isDisplayed());
    widget(driver).findElement(By.cssSelector("#sb-chat-launcher")).click();
    Browser.until(driver, d -> widget(d).findElement(By.cssSelector("#sb-chat-name")).isDisplayed());
    widget(driver).findElement(By.cssSelector("#sb-chat-name")).sendKeys("Minji");
    widget(driver).findElement(By.cssSelector("#sb-chat-email")).sendKeys("minji@example.com");
    widget(driver).findElement(By.cssSelector("#sb-chat-start")).click();
  }

  private void send(WebDriver driver, String text) {
    Browser.until(driver, d -> widget(d).findElement(By.cssSelector("#sb-chat-input")).isDisplayed());
    widget(driver).findElement(By.cssSelector("#sb-chat-input")).sendKeys(text);
    widget(driver).findElement(By.cssSelector("#sb-chat-send")).click();
  }

  private void agentSends(String text) {
    WebElement input = Browser.waitFor(agent, By.cssSelector("[data-testid=chat-panel]:not([hidden]) [data-testid=chat-input]"));
    input.sendKeys(text);
    agent.findElement(By.cssSelector("[data-testid=chat-panel]:not([hidden]) [data-testid=chat-send]")).click();
  }

  private static SearchContext widget(WebDriver driver) {
    return driver.findElement(By.id("sb-chat")).getShadowRoot();
  }

  /** The text of every message in the widget (its own text, without the author and delivery labels). */
  @SuppressWarnings("unchecked")
  private static List<String> visitorMessages(WebDriver driver) {
    return (List<String>) ((JavascriptExecutor) driver).executeScript(
        "return Array.from(document.getElementById('sb-chat').shadowRoot"
            + ".querySelectorAll('[data-testid=sb-chat-message]'))"
            + ".map(m => Array.from(m.childNodes).filter(n => n.nodeType === 3).map(n => n.textContent).join(''));");
  }

  private static List<String> agentMessages(WebDriver driver) {
    return driver.findElements(By.cssSelector("[data-testid=chat-message]")).stream()
        .map(WebElement::getText).toList().stream().flatMap(text -> text.lines()).toList();
  }



  private static <T> T await(Future<T> future) {
    try {
      return future.toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
