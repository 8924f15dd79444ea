package dev.switchboard.channels.phone;

import io.vertx.core.Future;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/** A {@link CallIntake} that records what it is told and answers with a scripted decision. */
final class RecordingIntake implements CallIntake {

  record Hangup(String contactId, HangupCause cause, Instant at, Thread thread) {}

  final List<IncomingCall> calls = new CopyOnWriteArrayList<>();
  final List<Thread> enqueueThreads = new CopyOnWriteArrayList<>();
  final List<Hangup> hangups = new CopyOnWriteArrayList<>();
  private final AtomicInteger ids = new AtomicInteger();
  private volatile Function<IncomingCall, Future<IntakeDecision>> decide =
      call -> Future.succeededFuture(new IntakeDecision.Queued("contact-" + ids.incrementAndGet()));

  RecordingIntake deciding(Function<IncomingCall, Future<IntakeDecision>> decision) {
    this.decide = decision;
    return this;
  }

  @Override
  public Future<IntakeDecision> enqueue(IncomingCall call) {
    calls.add(call);
    enqueueThreads.add(Thread.currentThread());
    return decide.apply(call);
  }

  @Override
  public Future<Void> callerHungUp(String contactId, HangupCause cause, Instant at) {
    hangups.add(new Hangup(contactId, cause, at, Thread.currentThread()));
    return Future.succeededFuture();
  }
}
