/** Intel MPI Benchmarks (IMB) kernels as workloads: PingPong and the collectives. */
package org.xtsim.workloads.imb;
