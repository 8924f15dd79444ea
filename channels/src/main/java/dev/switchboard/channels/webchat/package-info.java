/**
 * Web chat: visitor conversations with per-conversation sequence numbers so a reconnecting visitor or
 * agent resumes without loss or duplicates, stored in Redis before they are acknowledged. Every
 * method is non-blocking; handlers run on the Vert.x context that registered them.
 */
package dev.switchboard.channels.webchat;
