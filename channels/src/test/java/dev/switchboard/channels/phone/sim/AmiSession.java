package dev.switchboard.channels.phone.sim;

import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.BiConsumer;

/**
 * One AMI client connection: banner, MD5 challenge / plain login, the session-level actions, and
 * the PBX actions handed to {@link Actions}. Events reach the client only once it is logged in.
 */
final class AmiSession extends SimpleChannelInboundHandler<AmiMessage> {

  static final String BANNER = "Asterisk Call Manager/9.0.0\r\n";

  /** What the PBX behind the session does; called on the Netty thread of the connection. */
  interface Actions {
    /** The manager.conf entry of {@code username}, if that user exists. */
    Optional<AmiUser> user(String username);

    /** Records an action as received, for tests that assert on what the client sent. */
    void record(AmiMessage action);

    /** The response to a PBX action and what follows it; empty for an unknown action. */
    Optional<Reply> perform(AmiMessage action);
  }

  /** A response (and list events), then side effects that emit events after the response. */
  record Reply(List<AmiMessage> messages, Runnable then) {
    Reply {
      messages = List.copyOf(messages);
    }

    static Reply of(AmiMessage.Builder response, Runnable then) {
      return new Reply(List.of(response.build()), then);
    }
  }

  private final Actions actions;
  private final Set<AmiSession> loggedIn;
  private final Map<String, BiConsumer<ChannelHandlerContext, AmiMessage>> sessionActions = Map.of(
      "challenge", this::challenge,
      "login", this::login,
      "logoff", this::logoff,
      "ping", this::ping,
      "events", this::events,
      "coresettings", this::coreSettings);
  private volatile ChannelHandlerContext context;
  private volatile boolean eventsOn = true;
  private volatile AmiUser user = new AmiUser("", Set.of());
  private String challenge = "";
  private boolean authenticated;

  AmiSession(Actions actions, Set<AmiSession> loggedIn) {
    this.actions = actions;
    this.loggedIn = loggedIn;
  }

  @Override
  public void channelActive(ChannelHandlerContext context) {
    this.context = context;
    write(context, BANNER, false);
  }

  @Override
  public void channelInactive(ChannelHandlerContext context) {
    loggedIn.remove(this);
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext context, Throwable cause) {
    context.close();
  }

  @Override
  protected void channelRead0(ChannelHandlerContext context, AmiMessage action) {
    actions.record(action);
    String name = action.getOr("Action", "").toLowerCase(Locale.ROOT);
    BiConsumer<ChannelHandlerContext, AmiMessage> handler = sessionActions.get(name);
    if (handler != null) {
      handler.accept(context, action);
    } else if (!authenticated) {
      reply(context, action, response("Error").add("Message", "Authentication Required"));
    } else {
      Optional<Reply> result = actions.perform(action);
      if (result.isEmpty()) {
        reply(context, action, response("Error").add("Message", "Invalid/unknown command: "
            + action.getOr("Action", "") + ". Use Action: ListCommands to show available commands."));
      } else {
        result.get().messages().forEach(message -> reply(context, action, AmiMessage.builder().addAll(message)));
        result.get().then().run();
      }
    }
  }

  /** Sends an event of class {@code privilege} if events are on and the user may read that class. */
  void sendEvent(String wire, String privilege) {
    if (user.reads(privilege)) {
      sendRaw(wire);
    }
  }

  /** Sends text as is (possibly malformed) if events are on. */
  void sendRaw(String wire) {
    ChannelHandlerContext current = context;
    if (current != null && eventsOn) {
      write(current, wire, false);
    }
  }

  /**
   * Every write is queued on the connection's event loop, in the order it was produced, so a
   * response computed from PBX state never overtakes the events that led to that state.
   */
  private static void write(ChannelHandlerContext context, String wire, boolean thenClose) {
    context.executor().execute(() -> {
      ChannelFuture written = context.writeAndFlush(wire);
      if (thenClose) {
        written.addListener(ChannelFutureListener.CLOSE);
      }
    });
  }

  void close() {
    ChannelHandlerContext current = context;
    if (current != null) {
      current.close();
    }
  }

  private void challenge(ChannelHandlerContext context, AmiMessage action) {
    challenge = String.valueOf(ThreadLocalRandom.current().nextInt(100_000_000, 999_999_999));
    reply(context, action, response("Success").add("Challenge", challenge));
  }

  private void login(ChannelHandlerContext context, AmiMessage action) {
    String username = action.getOr("Username", "");
    Optional<AmiUser> user = actions.user(username);
    boolean accepted = user.isPresent() && secretMatches(action, user.get().secret());
    if (!accepted) {
      reply(context, action, response("Error").add("Message", "Authentication failed"), true);
      return;
    }
    authenticated = true;
    this.user = user.get();
    eventsOn = !"off".equalsIgnoreCase(action.getOr("Events", "on"));
    reply(context, action, response("Success").add("Message", "Authentication accepted"));
    write(context, AmiMessage.builder().add("Event", "FullyBooted").add("Privilege", "system,all")
        .add("Uptime", 42).add("LastReload", 42).add("Status", "Fully Booted").build().toWire(), false);
    // Joined while still on the event loop: the reply goes out only after this handler returns,
    // so any event the client can know about is written after the reply, none falls in a gap.
    loggedIn.add(this);
  }

  private boolean secretMatches(AmiMessage action, String secret) {
    if ("md5".equalsIgnoreCase(action.getOr("AuthType", ""))) {
      return md5(challenge + secret).equalsIgnoreCase(action.getOr("Key", ""));
    }
    return secret.equals(action.getOr("Secret", null));
  }

  private void logoff(ChannelHandlerContext context, AmiMessage action) {
    loggedIn.remove(this);
    reply(context, action, response("Goodbye").add("Message", "Thanks for all the fish."), true);
  }

  private void ping(ChannelHandlerContext context, AmiMessage action) {
    reply(context, action, response("Success").add("Ping", "Pong")
        .add("Timestamp", String.format("%.6f", System.currentTimeMillis() / 1000.0)));
  }

  private void events(ChannelHandlerContext context, AmiMessage action) {
    eventsOn = !"off".equalsIgnoreCase(action.getOr("EventMask", "on"));
    reply(context, action, response("Success").add("Events", eventsOn ? "On" : "Off"));
  }

  private void coreSettings(ChannelHandlerContext context, AmiMessage action) {
    reply(context, action, response("Success").add("AMIversion", "9.0.0")
        .add("AsteriskVersion", "20.5.0").add("SystemName", "pbx-sim").add("CoreMaxCalls", 0)
        .add("CoreMaxLoadAvg", "0.000000").add("CoreRunUser", "asterisk").add("CoreRunGroup", "asterisk")
        .add("CoreMaxFilehandles", 0).add("CoreRealTimeEnabled", "No").add("CoreCDRenabled", "No")
        .add("CoreHTTPenabled", "No"));
  }

  private void reply(ChannelHandlerContext context, AmiMessage action, AmiMessage.Builder message) {
    reply(context, action, message, false);
  }

  private void reply(ChannelHandlerContext context, AmiMessage action, AmiMessage.Builder message,
      boolean thenClose) {
    AmiMessage built = message.build();
    AmiMessage.Builder withId = AmiMessage.builder();
    List<AmiMessage.Header> headers = built.headers();
    withId.add(headers.get(0).name(), headers.get(0).value());
    action.get("ActionID").ifPresent(actionId -> withId.add("ActionID", actionId));
    headers.stream().skip(1).forEach(header -> withId.add(header.name(), header.value()));
    write(context, withId.build().toWire(), thenClose);
  }

  static AmiMessage.Builder response(String status) {
    return AmiMessage.builder().add("Response", status);
  }

  private static String md5(String text) {
    try {
      MessageDigest digest = MessageDigest.getInstance("MD5");
      return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("MD5 is required by every Java runtime", e);
    }
  }
}
