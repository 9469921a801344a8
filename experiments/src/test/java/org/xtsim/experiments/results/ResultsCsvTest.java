package org.xtsim.experiments.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xtsim.experiments.Metric.Better;

class ResultsCsvTest {
  @TempDir Path dir;

  @Test
  void shouldHaveTheColumnsTheIssueAsksFor() {
    List<String> header = ResultsCsv.header(List.of("noise_pct"));
    for (String c :
        List.of(
            "workload",
            "nodes",
            "guest",
            "vmm",
            "large_pages",
            "preemption",
            "nic",
            "replicate",
            "seed",
            "metric",
            "value",
            "unit",
            "overhead_pct",
            "wall_seconds",
            "events")) {
      assertTrue(header.contains(c), c);
    }
    assertTrue(header.indexOf("noise_pct") < header.indexOf("metric"));
  }

  @Test
  void shouldReadBackWhatItWrites() throws IOException {
    List<ResultRow> rows =
        OverheadCalculator.apply(
            List.of(
                OverheadCalculatorTest.row("native", "native", 4, 0, "time", 0.1, Better.LOWER),
                OverheadCalculatorTest.row("nested", "native", 4, 0, "time", 0.3, Better.LOWER)));
    Path file = dir.resolve("results.csv");
    Files.writeString(file, ResultsCsv.format(rows, List.of("noise_pct")));
    List<ResultRow> back = ResultsCsv.read(file);
    assertEquals(rows, back);
    assertEquals(200.0, back.get(1).overheadPct(), 1e-9);
  }

  @Test
  void shouldQuoteCellsWithCommasAndQuotes() {
    StringBuilder sb = new StringBuilder();
    Csv.appendRow(sb, List.of("a,b", "say \"hi\"", "plain"));
    assertEquals("\"a,b\",\"say \"\"hi\"\"\",plain\n", sb.toString());
    assertEquals(List.of("a,b", "say \"hi\"", "plain"), Csv.split(sb.toString().trim()));
  }

  @Test
  void shouldKeepTheOldFileWhenWritingFailsMidway() throws IOException {
    Path file = dir.resolve("results.csv");
    AtomicFiles.writeString(file, "old complete content\n");
    try {
      AtomicFiles.write(
          file,
          out -> {
            out.write("half of the new".getBytes(StandardCharsets.UTF_8));
            throw new IOException("disk full");
          });
    } catch (IOException expected) {
      assertEquals("disk full", expected.getMessage());
    }
    assertEquals("old complete content\n", Files.readString(file));
    try (var files = Files.list(dir)) {
      assertEquals(List.of(file), files.toList(), "no temporary file left behind");
    }
  }

  @Test
  void shouldDeleteTemporaryFilesThatAKilledWriteLeftBehind() throws IOException {
    Path keep = dir.resolve("results.csv");
    Files.writeString(keep, "x\n");
    Path leftover = dir.resolve(".results.csv.12345.tmp");
    Files.writeString(leftover, "half");
    AtomicFiles.deleteLeftovers(dir);
    assertTrue(Files.exists(keep));
    assertTrue(Files.notExists(leftover));
  }
}
