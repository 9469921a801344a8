/**
 * A Palacios-style VMM (to be filled by the VMM issue): paging modes, VM exits, timer
 * virtualization and host preemption, passthrough and emulated I/O, the symbiotic interface and
 * SwapBypass, and the cycle-level TLB and page-walk simulator.
 */
package org.xtsim.vmm;
