/**
 * {@code ./switchboard demo} with simulated phone calls: the normal demo node, pointed at an in-process
 * PBX simulator that places calls from demo customers. The simulator is test code, so this lives in the
 * bench module, never in the gateway. The call loop runs on its own thread and blocks only that thread.
 */
package dev.switchboard.bench.demo;
