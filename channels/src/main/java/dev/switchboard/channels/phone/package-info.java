/**
 * The phone channel: an AMI link to Asterisk (events in, actions out, reconnect and resync) and a
 * FastAGI entry that turns a dialplan's {@code AGI(agi://.../route?queue=...)} into a queued call.
 * Asterisk-Java's threads only enqueue; listeners and futures run on the Vert.x context that started
 * the adapter, blocking calls run on the adapter's own named threads.
 */
package dev.switchboard.channels.phone;
