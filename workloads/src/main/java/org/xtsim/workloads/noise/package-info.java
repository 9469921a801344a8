/**
 * Noise benchmarks: FWQ (fixed work quanta) and FTQ (fixed time quanta), which show a node's noise
 * signature — timer ticks, VM exits, host preemption, daemons, injected noise.
 */
package org.xtsim.workloads.noise;
