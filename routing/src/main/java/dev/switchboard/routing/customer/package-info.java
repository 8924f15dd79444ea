/**
 * The customer directory behind screen-pop: records, identity indexes (E.164 phone, email, chat
 * visitor id, CRM id), lookups that say how they matched, a timeline per customer, and bulk import.
 * Methods never block; futures complete on the calling Vert.x context.
 */
package dev.switchboard.routing.customer;
