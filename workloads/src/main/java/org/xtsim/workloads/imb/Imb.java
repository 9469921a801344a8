package org.xtsim.workloads.imb;

import java.util.List;
import java.util.Locale;
import org.xtsim.network.collectives.Collective;
import org.xtsim.network.imb.CollectiveLoop;
import org.xtsim.network.imb.PingPong;
import org.xtsim.network.mpi.JobResult;
import org.xtsim.network.mpi.Mpi;
import org.xtsim.network.mpi.RankProgram;
import org.xtsim.params.Dimension;
import org.xtsim.params.Param;
import org.xtsim.workloads.ComputeStep;
import org.xtsim.workloads.Workload;
import org.xtsim.workloads.WorkloadFactory;
import org.xtsim.workloads.WorkloadInstance;
import org.xtsim.workloads.WorkloadResult;

/**
 * One IMB benchmark at one message size, as IMB runs it: PingPong between ranks 0 and 1 (half the
 * mean round trip; bandwidth = size / that time), or a collective called back to back by every rank
 * (time per call = completion / repetitions). Figure of merit: time in µs; bandwidth in MB/s for
 * PingPong.
 */
public final class Imb implements Workload {
  /** IMB's default repetitions for small messages. */
  public static final int DEFAULT_REPETITIONS = 100;

  /** The benchmarks, as named in experiment files. */
  public static final List<String> BENCHMARKS =
      List.of("pingpong", "allreduce", "barrier", "bcast", "reduce", "allgather", "alltoall");

  /** Declares the parameters and makes the workload. */
  /** Which benchmark. */
  public static final Param BENCHMARK =
      Param.choice("benchmark", BENCHMARKS)
          .defaultValue("pingpong")
          .meaning("the IMB benchmark")
          .source("Intel MPI Benchmarks user guide");

  /** Message size. */
  public static final Param BYTES =
      Param.integer("bytes", 0, 1L << 30)
          .in(Dimension.SIZE, "B")
          .defaultValue(8L)
          .meaning("message size (IMB sweeps 0 B to 4 MiB; sweep params.bytes to do the same)")
          .source("Intel MPI Benchmarks user guide");

  /** Timed calls. */
  public static final Param REPETITIONS =
      Param.integer("repetitions", 1, 1_000_000)
          .defaultValue(DEFAULT_REPETITIONS)
          .meaning("calls (round trips for pingpong) timed")
          .source("Intel MPI Benchmarks: 1,000 for small messages, fewer for large; 100 here");

  public static final WorkloadFactory FACTORY =
      WorkloadFactory.of(
          "imb",
          "Intel MPI Benchmarks: pingpong or a collective at one message size",
          List.of(BENCHMARK, BYTES, REPETITIONS),
          p -> new Imb(p.text(BENCHMARK), p.longValue(BYTES), p.intValue(REPETITIONS)));

  private final String benchmark;
  private final long bytes;
  private final int repetitions;

  /** IMB {@code benchmark} at {@code bytes}, timed over {@code repetitions} calls. */
  public Imb(String benchmark, long bytes, int repetitions) {
    this.benchmark = benchmark;
    this.bytes = bytes;
    this.repetitions = repetitions;
  }

  @Override
  public String name() {
    return "imb";
  }

  @Override
  public WorkloadInstance instantiate(int ranks, long seed) {
    if (benchmark.equals("pingpong")) {
      if (ranks < 2) {
        throw new IllegalArgumentException("IMB pingpong needs at least 2 ranks, was " + ranks);
      }
      PingPong p = new PingPong(new long[] {bytes}, repetitions);
      return new Run(p) {
        @Override
        public void report(JobResult job, WorkloadResult.Builder out) {
          out.lowerIsBetter("time", p.oneWayPs(0) / 1e6, "us");
          out.higherIsBetter("bandwidth", p.bandwidthBytesPerSecond(0) / 1e6, "MB/s");
        }
      };
    }
    Collective op = Collective.valueOf(benchmark.toUpperCase(Locale.ROOT));
    return new Run(new CollectiveLoop(op, bytes, repetitions, ranks)) {
      @Override
      public void report(JobResult job, WorkloadResult.Builder out) {
        out.lowerIsBetter("time", job.completionPs() / 1e6 / repetitions, "us");
      }
    };
  }

  /** Delegates the program to the network module's IMB kernels; no compute steps. */
  private abstract static class Run implements WorkloadInstance {
    private final RankProgram program;

    Run(RankProgram program) {
      this.program = program;
    }

    @Override
    public List<ComputeStep> steps() {
      return List.of();
    }

    @Override
    public boolean next(int rank, Mpi mpi) {
      return program.next(rank, mpi);
    }
  }
}
