/**
 * Queues and their policies: channels, required skills, service level, priority rules, escalation
 * steps, maximum wait and business hours. Values are immutable and thread-safe.
 */
package dev.switchboard.routing.queue;
