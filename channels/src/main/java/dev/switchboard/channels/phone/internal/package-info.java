/**
 * Implementation of the phone channel: Asterisk-Java glue, the event pump, the channel tracker
 * that turns AMI events into phone events, and the FastAGI scripts. The tracker and translator are
 * confined to the single {@code ami-events} thread; the connector to {@code ami-connect}.
 */
package dev.switchboard.channels.phone.internal;
