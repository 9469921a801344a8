/**
 * HPC workloads (to be filled by the workloads issue): HPCCG, CTH- and Sage-like proxies, IMB,
 * FWQ/FTQ and a memory-pressure workload.
 */
package org.xtsim.workloads;
