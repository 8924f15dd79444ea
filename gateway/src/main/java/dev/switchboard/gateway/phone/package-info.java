/**
 * The phone channel of a node: one AMI link, FastAGI listener and call book per configured PBX, fed
 * with the center's routing events and offered to the desktops as call control. Start and stop block
 * only the caller (the composition root); everything else runs on the phone channel's Vert.x context.
 */
package dev.switchboard.gateway.phone;
