package org.xtsim.experiments.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xtsim.experiments.PointRunner;
import org.xtsim.experiments.spec.ExperimentParser;
import org.xtsim.experiments.spec.ExperimentSpec;

/**
 * The quick sweep of the main job gives identical results twice and with 1 and 2 threads, with the
 * installed models. Skipped until the workloads layer installs a {@link PointRunner}; the same
 * property is shown today with a test double in {@link ExperimentRunnerTest}.
 */
class MainJobDeterminismTest {
  @TempDir Path tmp;

  /** Small points would otherwise run on one thread whatever was asked: use every thread. */
  @org.junit.jupiter.api.BeforeEach
  void useEveryThreadEvenForSmallPoints() {
    System.setProperty(
        org.xtsim.experiments.simulation.SimulationPointRunner.MIN_NODES_PER_THREAD_PROPERTY, "1");
  }

  @org.junit.jupiter.api.AfterEach
  void restoreThreadPolicy() {
    System.clearProperty(
        org.xtsim.experiments.simulation.SimulationPointRunner.MIN_NODES_PER_THREAD_PROPERTY);
  }

  @Test
  void shouldGiveIdenticalQuickResultsTwiceAndWithOneAndTwoThreads() throws IOException {
    PointRunner runner = PointRunners.installed();
    assumeFalse(runner instanceof PointRunners.NotInstalled, "no simulation model installed yet");
    ExperimentSpec quick =
        new ExperimentParser(runner.registry())
            .parse(Path.of("redstorm-virtualization.yaml"))
            .quick();
    List<String> first = null;
    int[] threads = {1, 1, 2};
    for (int i = 0; i < threads.length; i++) {
      Path dir = tmp.resolve("run" + i);
      new ExperimentRunner(
              runner, new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()))
          .run(quick, new RunOptions(dir, threads[i], false, false, false, List.of()));
      List<String> rows = CsvColumns.without(dir.resolve("results.csv"), "wall_seconds");
      if (first == null) {
        first = rows;
      } else {
        assertEquals(first, rows, "run " + i + " with " + threads[i] + " threads");
      }
    }
  }
}
