/**
 * The customer directory behind screen-pop: records, identity indexes (E.164 phone, email, chat
 * visitor id, CRM id), lookups that say how they matched, a timeline per customer, and bulk import.
 * Directory methods never block and complete on the calling Vert.x context; only
 * {@link dev.switchboard.routing.customer.CustomerImport#run} blocks, and must stay off event loops.
 */
package dev.switchboard.routing.customer;
