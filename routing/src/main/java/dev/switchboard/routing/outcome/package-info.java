/**
 * What routing's ended contacts become elsewhere: entries in the customer's timeline, so the next
 * screen-pop shows them. Non-blocking; runs on the context of the operation that ended the contact.
 */
package dev.switchboard.routing.outcome;
