package dev.switchboard.channels.phone.sim;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The simulator's AMI listener (Netty). It broadcasts events to logged-in sessions and can drop
 * every connection or stop listening for a while, as a restarting Asterisk would.
 */
final class AmiServer implements SimPbx.EventSink, AutoCloseable {

  private final EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
  private final Set<AmiSession> sessions = ConcurrentHashMap.newKeySet();
  private final AmiSession.Actions actions;
  private volatile Channel listener;
  private volatile int port;

  AmiServer(AmiSession.Actions actions) {
    this.actions = actions;
  }

  /** Binds to {@code port} on the loopback address (0 picks a free port) and returns the port. */
  synchronized int bind(int wanted) {
    ServerBootstrap bootstrap = new ServerBootstrap()
        .group(group)
        .channel(NioServerSocketChannel.class)
        .option(ChannelOption.SO_REUSEADDR, true)
        .childHandler(new ChannelInitializer<SocketChannel>() {
          @Override
          protected void initChannel(SocketChannel channel) {
            AmiMessageAggregator.install(channel.pipeline());
            channel.pipeline().addLast("session", new AmiSession(actions, sessions));
          }
        });
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (true) {
      try {
        listener = bootstrap.bind(new InetSocketAddress("127.0.0.1", wanted)).syncUninterruptibly().channel();
        port = ((InetSocketAddress) listener.localAddress()).getPort();
        return port;
      } catch (Exception e) {
        // while the listener was down, a client reconnecting to its port may have been given that very port as
        // its own (a TCP self-connect on the loopback): the port is free again once the client gives up on it
        if (!(e instanceof BindException) || wanted == 0 || System.nanoTime() > deadline) {
          throw e;
        }
        sleepBriefly();
      }
    }
  }

  private static void sleepBriefly() {
    try {
      Thread.sleep(50);
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for the AMI port", interrupted);
    }
  }

  int port() {
    return port;
  }

  @Override
  public void publish(AmiMessage event) {
    String wire = event.toWire();
    String privilege = event.getOr("Privilege", "");
    for (AmiSession session : sessions) {
      session.sendEvent(wire, privilege);
    }
  }

  /** Writes raw text (possibly malformed) to every logged-in session. */
  void publishRaw(String text) {
    for (AmiSession session : sessions) {
      session.sendRaw(text);
    }
  }

  int sessionCount() {
    return sessions.size();
  }

  /** Closes every client connection; the listener stays up. */
  void dropConnections() {
    for (AmiSession session : sessions) {
      session.close();
    }
  }

  /** Drops every connection and stops listening: clients get "connection refused". */
  synchronized void suspend() {
    if (listener != null) {
      listener.close().syncUninterruptibly();
      listener = null;
    }
    dropConnections();
  }

  /** Listens again on the same port. */
  synchronized void resume() {
    if (listener == null) {
      bind(port);
    }
  }

  @Override
  public void close() {
    suspend();
    group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
  }
}
