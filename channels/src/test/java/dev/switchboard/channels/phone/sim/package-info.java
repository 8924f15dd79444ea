/**
 * A PBX simulator speaking Asterisk's AMI (server) and FastAGI (client) over TCP, for tests, demos
 * and benchmarks. Netty threads serve AMI; AGI runs on the simulator's own threads; the public API
 * ({@link dev.switchboard.channels.phone.sim.PbxSimulator}) may be called from any thread.
 */
package dev.switchboard.channels.phone.sim;
