/**
 * The channel adapters: phone (Asterisk), email, web chat and callback. Each turns the outside world
 * into contacts through routing's API; blocking libraries run on threads the adapter owns.
 */
package dev.switchboard.channels;
