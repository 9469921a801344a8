package org.xtsim.workloads.memory;

import java.util.List;
import org.xtsim.engine.SimTime;
import org.xtsim.network.mpi.JobResult;
import org.xtsim.network.mpi.Mpi;
import org.xtsim.node.AccessKind;
import org.xtsim.node.AccessPattern;
import org.xtsim.node.ComputePhase;
import org.xtsim.node.PageTableActivity;
import org.xtsim.params.Dimension;
import org.xtsim.params.Param;
import org.xtsim.vmm.SwapConfig;
import org.xtsim.vmm.VmmConfig;
import org.xtsim.workloads.ComputeStep;
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
  /** Working set. */
  public static final Param FOOTPRINT =
      Param.integer("footprint", 1L << 20, 1L << 40)
          .in(Dimension.SIZE, "B")
          .defaultValue(DEFAULT_FOOTPRINT_BYTES)
          .meaning("working set per rank, touched by random references")
          .source(Param.ASSUMPTION + ": 1.5 x the default guest memory, so the guest swaps");

  /** Guest memory. */
  public static final Param GUEST_MEMORY =
      Param.integer("guest_memory", 1L << 20, 1L << 40)
          .in(Dimension.SIZE, "B")
          .defaultValue(DEFAULT_GUEST_MEMORY_BYTES)
          .meaning("guest physical memory per node; a larger working set swaps")
          .source(Param.ASSUMPTION);

  /** SwapBypass cache. */
  public static final Param BYPASS_CACHE =
      Param.integer("bypass_cache", 0, 1L << 40)
          .in(Dimension.SIZE, "B")
          .defaultValue(DEFAULT_BYPASS_CACHE_BYTES)
          .meaning("the VMM's SwapBypass cache of swapped-out guest pages")
          .source(Param.ASSUMPTION + " (holds everything the guest swaps here)");

  /** References per iteration. */
  public static final Param ACCESSES =
      Param.integer("accesses", 1, 1L << 40)
          .defaultValue(DEFAULT_ACCESSES)
          .meaning("random references per iteration")
          .source(Param.ASSUMPTION);

  /** Flops per reference. */
  public static final Param FLOPS_PER_ACCESS =
      Param.integer("flops_per_access", 0, 1_000_000)
          .defaultValue(DEFAULT_FLOPS_PER_ACCESS)
          .meaning("flops per reference")
          .source(Param.ASSUMPTION);

  /** Iterations. */
  public static final Param ITERATIONS =
      Param.integer("iterations", 1, 1_000_000)
          .defaultValue(DEFAULT_ITERATIONS)
          .meaning("iterations over the working set")
          .source(Param.ASSUMPTION);

  /** The guest's page-table updates. */
  public static final Param PAGE_TABLE_UPDATES_PER_S =
      Param.decimal("page_table_updates_per_s", 0, 1e9)
          .in(Dimension.FREQUENCY, "/s")
          .defaultValue(0.0)
          .meaning(
              "guest page-table updates per second of the sweep (mmap/munmap/mprotect: each a"
                  + " page-table-entry write and an INVLPG): free under nested paging, exits or"
                  + " shadow invalidations under shadow paging")
          .source(
              Param.ASSUMPTION
                  + ": a what-if axis; Compute Node Linux changes mappings, Catamount almost never");

  public static final WorkloadFactory FACTORY =
      WorkloadFactory.of(
          "memory-pressure",
          "random references over a working set larger than guest memory (swapping)",
          List.of(
              FOOTPRINT,
              GUEST_MEMORY,
              BYPASS_CACHE,
              ACCESSES,
              FLOPS_PER_ACCESS,
              ITERATIONS,
              PAGE_TABLE_UPDATES_PER_S),
          p ->
              new MemoryPressure(
                  p.longValue(FOOTPRINT),
                  p.longValue(GUEST_MEMORY),
                  p.longValue(BYPASS_CACHE),
                  p.longValue(ACCESSES),
                  p.intValue(FLOPS_PER_ACCESS),
                  p.intValue(ITERATIONS),
                  p.doubleValue(PAGE_TABLE_UPDATES_PER_S)));

  private final long footprintBytes;
  private final long guestMemoryBytes;
  private final long bypassCacheBytes;
  private final long accesses;
  private final int flopsPerAccess;
  private final int iterations;
  private final double pageTableUpdatesPerSecond;

  /** A memory-pressure run with the given sizes and static page tables. */
  public MemoryPressure(
      long footprintBytes,
      long guestMemoryBytes,
      long bypassCacheBytes,
      long accesses,
      int flopsPerAccess,
      int iterations) {
    this(
        footprintBytes,
        guestMemoryBytes,
        bypassCacheBytes,
        accesses,
        flopsPerAccess,
        iterations,
        0);
  }

  /**
   * A memory-pressure run whose guest updates its page tables {@code pageTableUpdatesPerSecond}
   * times a second while it sweeps (each update a page-table-entry write and an INVLPG).
   */
  public MemoryPressure(
      long footprintBytes,
      long guestMemoryBytes,
      long bypassCacheBytes,
      long accesses,
      int flopsPerAccess,
      int iterations,
      double pageTableUpdatesPerSecond) {
    this.footprintBytes = footprintBytes;
    this.guestMemoryBytes = guestMemoryBytes;
    this.bypassCacheBytes = bypassCacheBytes;
    this.accesses = accesses;
    this.flopsPerAccess = flopsPerAccess;
    this.iterations = iterations;
    this.pageTableUpdatesPerSecond = pageTableUpdatesPerSecond;
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
                new ComputePhase(
                    (double) accesses * flopsPerAccess,
                    (double) accesses * CACHE_LINE_BYTES,
                    accesses,
                    AccessPattern.of(AccessKind.RANDOM, footprintBytes),
                    new PageTableActivity(
                        0, pageTableUpdatesPerSecond, pageTableUpdatesPerSecond, 0))));
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
