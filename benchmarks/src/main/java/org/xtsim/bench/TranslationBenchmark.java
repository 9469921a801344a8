package org.xtsim.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.xtsim.node.AccessKind;
import org.xtsim.node.AccessPattern;
import org.xtsim.node.NodePresets;
import org.xtsim.node.NodeSpec;
import org.xtsim.node.PageSize;
import org.xtsim.vmm.PagingMode;
import org.xtsim.vmm.SwapConfig;
import org.xtsim.vmm.tlb.AddressStream;
import org.xtsim.vmm.tlb.SimulationOptions;
import org.xtsim.vmm.tlb.TlbSimulator;

/**
 * The issue-3 probe as a JMH benchmark: a cold simulator (XT4 node, 4 KB guest and host pages, TLB
 * flush on every VMRUN) takes {@value #ACCESSES} random references over 1 GiB, the run of {@code
 * xtsim vmm-probe --pattern random --footprint 1GiB --accesses 10000000}. The score is time per
 * simulated translation: 50 ns is 20 M translations per second on one thread.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3)
@Measurement(iterations = 10)
@Fork(
    value = 1,
    jvmArgsAppend = {"-XX:+UseParallelGC", "-XX:-UseCompressedOops"})
public class TranslationBenchmark {
  private static final long ACCESSES = 10_000_000;
  private static final long FOOTPRINT_BYTES = 1L << 30;

  /** Paging mode, as {@code vmm-probe --mode} takes it. */
  @Param({"nested", "shadow", "native"})
  String mode;

  private TlbSimulator simulator;
  private AddressStream stream;

  /** A cold simulator and a fresh stream for every run, as the probe starts each run. */
  @Setup(Level.Invocation)
  public void coldStart() {
    NodeSpec node = NodePresets.byName("xt4");
    PagingMode paging = PagingMode.parse(mode);
    SimulationOptions options =
        new SimulationOptions(paging, PageSize.SIZE_4K, PageSize.SIZE_4K, true, 0, SwapConfig.NONE);
    simulator = new TlbSimulator(node, options, FOOTPRINT_BYTES);
    stream = new AddressStream(new AccessPattern(AccessKind.RANDOM, FOOTPRINT_BYTES, 4096), 1);
  }

  /** One probe run; the score divides its time by the references. */
  @Benchmark
  @OperationsPerInvocation((int) ACCESSES)
  public long probeRun() {
    simulator.run(stream, ACCESSES);
    return simulator.stats().walkReferences();
  }
}
