package org.xtsim.experiments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.xtsim.experiments.run.PointRunners;
import org.xtsim.experiments.simulation.SimulationPointRunner;
import org.xtsim.experiments.spec.ExperimentParser;
import org.xtsim.experiments.spec.ExperimentSpec;
import org.xtsim.experiments.sweep.SweepExpander;

/**
 * Every experiment file we ship, read as {@code xtsim run} reads it: with the registry of the
 * installed runner (the one the CLI finds), and every point of its full and quick sweeps validated
 * by that runner's models. A key or value that the models no longer accept fails here.
 */
class ShippedExperimentsTest {
  static Stream<Path> shippedFiles() throws IOException {
    try (Stream<Path> files = Files.list(Path.of("."))) {
      return files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList().stream();
    }
  }

  @Test
  void shouldFindTheShippedFilesAndTheSimulationRunner() throws IOException {
    List<String> names = shippedFiles().map(f -> f.getFileName().toString()).toList();
    assertTrue(names.contains("redstorm-virtualization.yaml"), names.toString());
    assertTrue(names.contains("paging-whatif.yaml"), names.toString());
    assertTrue(names.contains("noise-injection.yaml"), names.toString());
    assertTrue(names.contains("imb-seastar.yaml"), names.toString());
    assertTrue(PointRunners.installed() instanceof SimulationPointRunner);
  }

  @ParameterizedTest
  @MethodSource("shippedFiles")
  void shouldParseAndValidateEveryPointWithTheRunnersModels(Path file) throws IOException {
    PointRunner runner = PointRunners.installed();
    ExperimentSpec spec = new ExperimentParser(runner.registry()).parse(file);
    assertEquals(file.getFileName().toString(), spec.name() + ".yaml");
    assertTrue(spec.hasQuick(), "every shipped study has a --quick sweep");
    List<RunPoint> full = SweepExpander.expand(spec);
    List<RunPoint> quick = SweepExpander.expand(spec.quick());
    assertFalse(quick.isEmpty());
    assertTrue(quick.size() < full.size());
    for (RunPoint p : full) {
      runner.validate(p);
    }
  }
}
