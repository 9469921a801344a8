package org.xtsim.experiments.validation;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.xtsim.experiments.PointRunner;
import org.xtsim.experiments.results.ResultRow;
import org.xtsim.experiments.results.ResultsCsv;
import org.xtsim.experiments.run.ExperimentRunner;
import org.xtsim.experiments.run.RunOptions;
import org.xtsim.experiments.spec.ExperimentParser;
import org.xtsim.experiments.spec.ExperimentSpec;

/**
 * The experiments the checks measure, each an experiment file shipped with the checks ({@code
 * validation/NAME.yaml} beside this class), run once through the same runner and registry as {@code
 * xtsim run} into {@code OUT/runs/NAME} (results, manifest, figures), however many checks read it.
 */
public final class Studies {
  private final PointRunner runner;
  private final Path out;
  private final boolean quick;
  private final int threads;
  private final PrintWriter log;
  private final List<String> commandLine;
  private final Map<String, List<ResultRow>> done = new HashMap<>();

  /**
   * @param runner runs the points
   * @param out the report's folder
   * @param quick run the files' quick sweeps
   * @param threads threads per simulation (0: each file's)
   * @param log where the runs' progress goes
   * @param commandLine the validate command, for the runs' manifests
   */
  public Studies(
      PointRunner runner,
      Path out,
      boolean quick,
      int threads,
      PrintWriter log,
      List<String> commandLine) {
    this.runner = runner;
    this.out = out;
    this.quick = quick;
    this.threads = threads;
    this.log = log;
    this.commandLine = List.copyOf(commandLine);
  }

  /** The experiment file {@code name} as shipped. */
  public ExperimentSpec spec(String name) throws IOException {
    String file = name + ".yaml";
    try (InputStream in = Studies.class.getResourceAsStream(file)) {
      if (in == null) {
        throw new IllegalStateException("missing validation experiment " + file);
      }
      ExperimentSpec spec =
          new ExperimentParser(runner.registry())
              .parse("validation/" + file, new String(in.readAllBytes(), StandardCharsets.UTF_8));
      return quick ? spec.quick() : spec;
    }
  }

  /** The rows of experiment {@code name}, running it the first time. */
  public List<ResultRow> rows(String name) throws IOException {
    List<ResultRow> rows = done.get(name);
    if (rows == null) {
      Path dir = out.resolve("runs").resolve(name);
      new ExperimentRunner(runner, log, log)
          .run(spec(name), new RunOptions(dir, threads, false, false, true, commandLine));
      rows = ResultsCsv.read(dir.resolve(ResultsCsv.FILE));
      done.put(name, rows);
    }
    return rows;
  }

  /** Whether the quick sweeps run (the checks are then at a smaller scale than published). */
  public boolean quick() {
    return quick;
  }
}
