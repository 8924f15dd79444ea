/**
 * Phone calls as routed contacts: the FastAGI intake queues each call with the router, routing's
 * offers ring the agent's phone through AMI redirects, the phone's answer, no-answer and hangups
 * drive the contact's life, and the desktop's call control (hangup, hold, transfers, click-to-dial)
 * turns into AMI actions and router transitions. All state is confined to the Vert.x context that
 * called {@link dev.switchboard.channels.phone.calls.PhoneCalls#start()}; public methods may be
 * called from any thread and complete on that context.
 */
package dev.switchboard.channels.phone.calls;
