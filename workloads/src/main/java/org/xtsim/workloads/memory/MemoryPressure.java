package org.xtsim.workloads.memory;

import java.util.List;
import org.xtsim.engine.SimTime;
import org.xtsim.network.mpi.JobResult;
import org.xtsim.network.mpi.Mpi;
import org.xtsim.node.AccessKind;
import org.xtsim.node.AccessPattern;
import org.xtsim.node.ComputePhase;
import org.xtsim.vmm.SwapConfig;
import org.xtsim.vmm.VmmConfig;
import org.xtsim.workloads.ComputeStep;
import org.xtsim.workloads.ParamSpec;
import org.xtsim.workloads.Workload;
import org.xtsim.workloads.WorkloadFactory;
import org.xtsim.workloads.WorkloadInstance;
import org.xtsim.workloads.WorkloadResult;

/**
 * A guest whose working set exceeds its memory, the case SwapBypass was built for (Lange et al.,
 * VEE 2011): every rank makes random references over a {@code footprint} larger than the guest's
 * {@code guest_memory}, so the guest swaps to its virtual disk (guest page faults, block I/O
 * through exits, milliseconds of disk latency per read). Under the {@code swapbypass} VMM mode the
 * VMM keeps swapped pages in a {@code bypass_cache} and maps them straight into the shadow page
 * table after a SymCall. Iterations end with a barrier, as a bulk-synchronous code's would. Figure
 * of merit: run time.
 */
public final class MemoryPressure implements Workload {
  /** Working set per rank. */
  public static final long DEFAULT_FOOTPRINT_BYTES = 384L << 20;

  /** Guest memory per node: less than the working set, so the guest swaps. */
  public static final long DEFAULT_GUEST_MEMORY_BYTES = 256L << 20;

  /** The VMM's SwapBypass cache: holds everything the guest swaps out here. */
  public static final long DEFAULT_BYPASS_CACHE_BYTES = 256L << 20;

  /** Random references per iteration. */
  public static final long DEFAULT_ACCESSES = 1_000_000;

  /** Flops per reference. */
  public static final int DEFAULT_FLOPS_PER_ACCESS = 4;

  /** Iterations. */
  public static final int DEFAULT_ITERATIONS = 10;

  /**
   * Bytes each random reference moves from DRAM: one 64-byte cache line, the line size of the AMD
   * K8 and family 10h Opterons of Red Storm (AMD software optimization guides).
   */
  public static final int CACHE_LINE_BYTES = 64;

  /** Declares the parameters and makes the workload. */
  public static final WorkloadFactory FACTORY =
      WorkloadFactory.of(
          "memory-pressure",
          "random references over a working set larger than guest memory (swapping)",
          List.of(
              ParamSpec.integer(
                  "footprint", DEFAULT_FOOTPRINT_BYTES, 1L << 20, 1L << 40, "working set, bytes"),
              ParamSpec.integer(
                  "guest_memory",
                  DEFAULT_GUEST_MEMORY_BYTES,
                  1L << 20,
                  1L << 40,
                  "guest memory, bytes"),
              ParamSpec.integer(
                  "bypass_cache",
                  DEFAULT_BYPASS_CACHE_BYTES,
                  0,
                  1L << 40,
                  "SwapBypass cache, bytes"),
              ParamSpec.integer(
                  "accesses", DEFAULT_ACCESSES, 1, 1L << 40, "random references per iteration"),
              ParamSpec.integer(
                  "flops_per_access",
                  DEFAULT_FLOPS_PER_ACCESS,
                  0,
                  1_000_000,
                  "flops per reference"),
              ParamSpec.integer("iterations", DEFAULT_ITERATIONS, 1, 1_000_000, "iterations")),
          p ->
              new MemoryPressure(
                  p.longValue("footprint"),
                  p.longValue("guest_memory"),
                  p.longValue("bypass_cache"),
                  p.longValue("accesses"),
                  p.intValue("flops_per_access"),
                  p.intValue("iterations")));

  private final long footprintBytes;
  private final long guestMemoryBytes;
  private final long bypassCacheBytes;
  private final long accesses;
  private final int flopsPerAccess;
  private final int iterations;

  /** A memory-pressure run with the given sizes. */
  public MemoryPressure(
      long footprintBytes,
      long guestMemoryBytes,
      long bypassCacheBytes,
      long accesses,
      int flopsPerAccess,
      int iterations) {
    this.footprintBytes = footprintBytes;
    this.guestMemoryBytes = guestMemoryBytes;
    this.bypassCacheBytes = bypassCacheBytes;
    this.accesses = accesses;
    this.flopsPerAccess = flopsPerAccess;
    this.iterations = iterations;
  }

  @Override
  public String name() {
    return "memory-pressure";
  }

  /** The guest's memory shrinks to {@code guest_memory}, with the SwapBypass cache given. */
  @Override
  public VmmConfig configure(VmmConfig vmm) {
    return vmm.withSwap(SwapConfig.pressured(guestMemoryBytes, bypassCacheBytes));
  }

  @Override
  public WorkloadInstance instantiate(int ranks, long seed) {
    int[] done = new int[ranks];
    List<ComputeStep> steps =
        List.of(
            ComputeStep.of(
                "random-sweep",
                ComputePhase.of(
                    (double) accesses * flopsPerAccess,
                    (double) accesses * CACHE_LINE_BYTES,
                    accesses,
                    AccessPattern.of(AccessKind.RANDOM, footprintBytes))));
    return new WorkloadInstance() {
      @Override
      public List<ComputeStep> steps() {
        return steps;
      }

      @Override
      public boolean next(int rank, Mpi mpi) {
        int k = done[rank]++;
        if (k == 2 * iterations) {
          return false;
        }
        if (k % 2 == 0) {
          mpi.compute(0, 1);
        } else {
          mpi.barrier();
        }
        return true;
      }

      @Override
      public void report(JobResult job, WorkloadResult.Builder out) {
        out.lowerIsBetter("run_time", SimTime.toSeconds(job.completionPs()), "s");
      }
    };
  }
}
