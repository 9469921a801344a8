package org.xtsim.workloads;

import org.xtsim.vmm.VmmConfig;

/**
 * A workload with its parameters fixed: it makes a fresh {@link WorkloadInstance} (with per-rank
 * state) for each run.
 */
public interface Workload {
  /** The catalogue name, e.g. {@code hpccg}. */
  String name();

  /** A fresh instance for {@code ranks} ranks; {@code seed} drives any randomness of its own. */
  WorkloadInstance instantiate(int ranks, long seed);

  /**
   * Adjusts the VMM configuration the workload needs (the memory-pressure workload sizes the
   * guest's memory and swap); the default keeps it.
   */
  default VmmConfig configure(VmmConfig vmm) {
    return vmm;
  }

  /**
   * The most message bytes one rank has in flight at once (its sends of one exchange), for the heap
   * estimate of large machines: without link contention every packet of a message is a pending
   * event from the moment it is sent. Default 0: collectives and small messages only.
   */
  default long peakSendBytesPerRank() {
    return 0;
  }
}
