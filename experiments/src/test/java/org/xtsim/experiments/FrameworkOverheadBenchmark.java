package org.xtsim.experiments;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.HdrHistogram.Histogram;
import org.xtsim.experiments.registry.ModelRegistry;
import org.xtsim.experiments.run.ExperimentRunner;
import org.xtsim.experiments.run.RunOptions;
import org.xtsim.experiments.run.RunSummary;
import org.xtsim.experiments.spec.ExperimentParser;
import org.xtsim.experiments.spec.ExperimentSpec;

/**
 * Benchmark (not a test): the wall time the experiments framework itself adds to a sweep —
 * expansion, validation, result files, figures, manifest — measured with a runner that simulates
 * nothing (a test double returning two metrics and a 150-value histogram per point).
 *
 * <pre>
 * mvn -q -o -pl experiments -am -DskipTests package
 * java -cp experiments/target/xtsim.jar:experiments/target/test-classes \
 *     org.xtsim.experiments.FrameworkOverheadBenchmark [FILE...] [--repeat N]
 * </pre>
 */
public final class FrameworkOverheadBenchmark {
  private FrameworkOverheadBenchmark() {}

  /** Runs the benchmark and prints one line per file. */
  public static void main(String[] args) throws Exception {
    int repeat = 5;
    List<String> files =
        List.of(
            "experiments/redstorm-virtualization.yaml",
            "experiments/paging-whatif.yaml",
            "experiments/noise-injection.yaml");
    for (int i = 0; i < args.length; i++) {
      if (args[i].equals("--repeat")) {
        repeat = Integer.parseInt(args[++i]);
      } else {
        files = List.of(args[i]);
      }
    }
    PointRunner nothing = new NothingRunner();
    Path out = Files.createTempDirectory("xtsim-bench");
    for (String file : files) {
      ExperimentSpec spec = new ExperimentParser(ModelRegistry.standard()).parse(Path.of(file));
      double[] walls = new double[repeat];
      RunSummary s = null;
      for (int r = 0; r < repeat; r++) {
        long t0 = System.nanoTime();
        s =
            new ExperimentRunner(
                    nothing, new PrintWriter(new StringWriter()), new PrintWriter(System.err))
                .run(
                    spec,
                    new RunOptions(out.resolve(spec.name()), 1, false, false, true, List.of()));
        walls[r] = (System.nanoTime() - t0) / 1e9;
      }
      Arrays.sort(walls);
      System.out.printf(
          Locale.ROOT,
          "%-28s %5d points %3d figure files  median %.2f s  (min %.2f, max %.2f, %d runs)%n",
          spec.name(),
          s.points(),
          s.figures().size(),
          walls[repeat / 2],
          walls[0],
          walls[repeat - 1],
          repeat);
    }
  }

  /** TEST DOUBLE: simulates nothing; returns a formula of the point's parameters. */
  private static final class NothingRunner implements PointRunner {
    @Override
    public void validate(RunPoint point) {}

    @Override
    public PointResult run(RunPoint p, int threads, ProgressSink progress) {
      Histogram h = new Histogram(3);
      for (int i = 0; i < 150; i++) {
        h.recordValue(1_000 + (p.seed() >>> 54) + i);
      }
      double slowdown = "native".equals(p.vmm()) ? 1.0 : 1.03;
      return PointResult.builder()
          .metric("mflops_total", 300.0 * p.nodes() / slowdown, "MFLOPS", Metric.Better.HIGHER)
          .metric("run_time", slowdown, "s", Metric.Better.LOWER)
          .distribution("iteration_time", "ns", h)
          .events(1)
          .build();
    }
  }
}
