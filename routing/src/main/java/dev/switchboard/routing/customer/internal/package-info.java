/**
 * How the customer directory lays out its data in Redis: key names and Lua scripts. Immutable
 * constants only; nothing here blocks or holds state.
 */
package dev.switchboard.routing.customer.internal;
