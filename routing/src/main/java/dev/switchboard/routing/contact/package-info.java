/**
 * Contacts and their life: channels and their capacity costs, the request a channel enqueues, states,
 * outcomes and the ended record handed to {@link dev.switchboard.routing.contact.ContactOutcomes}.
 * Values are immutable and thread-safe.
 */
package dev.switchboard.routing.contact;
