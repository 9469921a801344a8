/** A memory-pressure workload whose working set exceeds the guest's memory, for SwapBypass. */
package org.xtsim.workloads.memory;
