package dev.switchboard.gateway.browser;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import dev.switchboard.routing.customer.CustomerDirectory;
import dev.switchboard.routing.customer.CustomerId;
import dev.switchboard.routing.customer.TimelineEntry;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Predicate;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real headless Chromium for page tests, driven through Debian's {@code chromedriver}. Without the
 * browser on the machine the calling test is skipped with a message saying how to enable it; CI
 * installs both packages, so there every browser test runs.
 */
public final class Browser {

  static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("CHROMIUM_BIN", "/usr/bin/chromium"));
  static final Path CHROMEDRIVER = Path.of(System.getenv().getOrDefault("CHROMEDRIVER_BIN", "/usr/bin/chromedriver"));

  private Browser() {}

  /** Skips the test unless Chromium and its driver are installed. */
  public static void assumeInstalled() {
    Assumptions.assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
        "Browser tests need Chromium and chromedriver (apt-get install chromium chromium-driver), looked for "
            + CHROMIUM + " and " + CHROMEDRIVER + " (set CHROMIUM_BIN / CHROMEDRIVER_BIN to use others)");
  }

  /** A fresh headless browser with its own empty profile; quit it after the test. */
  public static ChromeDriver open() {
    assumeInstalled();
    Path profile;
    try {
      profile = Files.createTempDirectory("switchboard-chromium-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
        "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--autoplay-policy=no-user-gesture-required", "--window-size=1280,900",
        "--user-data-dir=" + profile);
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(new File(CHROMEDRIVER.toString()))
        .usingAnyFreePort()
        .build();
    ChromeDriver driver = new ChromeDriver(service, options);
    driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(20));
    return driver;
  }

  /** The first displayed element {@code by} finds, waiting up to 20 s for one. */
  public static WebElement waitFor(WebDriver driver, By by) {
    return new WebDriverWait(driver, Duration.ofSeconds(20)).until(d -> {
      List<WebElement> found = d.findElements(by);
      return found.stream().filter(WebElement::isDisplayed).findFirst().orElse(null);
    });
  }

  /** Waits up to 20 s for {@code condition}, retrying while the page is still changing under it. */
  public static void until(WebDriver driver, Predicate<WebDriver> condition) {
    new WebDriverWait(driver, Duration.ofSeconds(20)).ignoring(NoSuchElementException.class)
        .ignoring(StaleElementReferenceException.class)
        .until(d -> condition.test(d));
  }

  /** The newest contact entry of the customer's timeline, waiting up to 20 s for one to arrive. */
  public static TimelineEntry awaitContactEntry(CustomerDirectory directory, CustomerId customer) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (System.nanoTime() < deadline) {
      List<TimelineEntry> entries;
      try {
        entries = directory.timeline(customer, Optional.empty(), 10).toCompletionStage().toCompletableFuture()
            .get(10, TimeUnit.SECONDS).entries();
      } catch (Exception e) {
        throw new AssertionError("could not read the timeline of " + customer, e);
      }
      Optional<TimelineEntry> contact = entries.stream().filter(entry -> entry.kind().equals("contact")).findFirst();
      if (contact.isPresent()) {
        return contact.get();
      }
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(100));
    }
    throw new AssertionError("the wrap-up did not reach the timeline of " + customer + " within 20 s");
  }
}
