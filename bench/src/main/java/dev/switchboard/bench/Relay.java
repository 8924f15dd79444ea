package dev.switchboard.bench;

import io.vertx.core.Future;

/**
 * The sockets of one relay benchmark run: visitors, some of them paired with an agent, over one server's
 * protocol. All methods run on the load's single Vert.x context.
 */
interface Relay {

  /** Opens every socket and pairs {@code pairs} visitors with agents; completes when the pairs can talk. */
  Future<Void> open();

  /** The pairs ready to exchange messages. */
  int pairs();

  /** Sends {@code text} from the visitor of pair {@code pair}; {@link Receiver} hears it at the other end. */
  void sendFromVisitor(int pair, String text);

  /** Sends {@code text} from the agent of pair {@code pair}. */
  void sendFromAgent(int pair, String text);

  /** Visitor sockets open now. */
  int openVisitorSockets();

  /** Every frame that was refused by the server (error frames), so far. */
  long refusals();

  Future<Void> close();

  /** Told every relayed text as it arrives. */
  interface Receiver {
    void received(String text);
  }
}
