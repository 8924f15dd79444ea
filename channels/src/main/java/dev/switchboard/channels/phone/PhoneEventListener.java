package dev.switchboard.channels.phone;

/**
 * Receives phone events on the Vert.x context that started the {@link AmiLink}, one at a time, in
 * order. It must not block; an exception is logged and the next event still comes.
 */
@FunctionalInterface
public interface PhoneEventListener {
  void onEvent(PhoneEvent event);
}
