package org.xtsim.experiments.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xtsim.experiments.run.BuildInfo;
import org.xtsim.experiments.run.PointRunners;
import org.xtsim.vmm.PagingMode;

/**
 * Every check of {@code xtsim validate} measures something with the shipped validation files (their
 * quick sweeps, through the runner's registry), and the report names each; the walk-reference
 * checks, which need no sweep, hold the published counts.
 */
class ValidationQuickTest {
  @TempDir Path tmp;

  @Test
  void shouldMeasureEveryCheckFromTheShippedFilesAndWriteTheReport() throws IOException {
    Studies studies =
        new Studies(
            PointRunners.installed(),
            tmp,
            true,
            1,
            new PrintWriter(new StringWriter()),
            List.of("test"));
    List<ValidationReport.Line> lines = ValidationReport.run(Findings.all(), studies);
    Set<String> ids = new HashSet<>();
    for (ValidationReport.Line l : lines) {
      assertTrue(ids.add(l.check().id()), "two checks named " + l.check().id());
      assertFalse(
          l.outcome().reason().startsWith("error:"), l.check().id() + ": " + l.outcome().reason());
      assertFalse(Double.isNaN(l.outcome().value()), l.check().id() + " measured nothing");
    }
    ValidationReport.write(tmp, lines, true, new BuildInfo("test", null, null));
    String md = Files.readString(tmp.resolve("validation.md"));
    assertTrue(md.contains("QUICK"), "a quick report says it is not a validation");
    assertEquals(lines.size() + 1, Files.readAllLines(tmp.resolve("validation.csv")).size());
    for (String run : List.of("vee2011", "sc08", "seastar")) {
      assertTrue(Files.exists(tmp.resolve("runs").resolve(run).resolve("results.csv")), run);
    }
  }

  @Test
  void shouldWalkFourReferencesNativeAndTwentyFourNestedWithoutWalkCaches() {
    assertEquals(4.0, Findings.referencesPerWalk(PagingMode.NATIVE), 0.01);
    assertEquals(24.0, Findings.referencesPerWalk(PagingMode.NESTED), 0.01);
  }
}
