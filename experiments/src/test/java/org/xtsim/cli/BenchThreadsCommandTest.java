package org.xtsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchThreadsCommandTest {
  @TempDir Path tmp;

  @Test
  void shouldRunEveryThreadCountInEachRoundAndWriteOneRowPerThreadCount() throws IOException {
    CliRun o =
        CliRun.of(
            "bench",
            "threads",
            "--nodes",
            "32",
            "--param",
            "nx=16",
            "--param",
            "ny=16",
            "--param",
            "nz=16",
            "--param",
            "iterations=2",
            "--threads",
            "4,1,2",
            "--warmup",
            "1",
            "--repeat",
            "2",
            "--out",
            tmp.toString(),
            "--name",
            "t");
    assertEquals(0, o.status(), o.err());
    // 3 rounds of 3 thread counts; the second round runs them in descending order.
    assertEquals(3, o.out().lines().filter(l -> l.startsWith("warm-up")).count(), o.out());
    assertEquals(6, o.out().lines().filter(l -> l.startsWith("round")).count(), o.out());
    List<String> round1 = o.out().lines().filter(l -> l.startsWith("round   1/2")).toList();
    assertTrue(round1.get(0).contains(" 4 threads"), round1.toString());
    List<String> csv = Files.readAllLines(tmp.resolve("t.csv"));
    assertEquals(4, csv.size());
    assertEquals(org.xtsim.experiments.scale.ThreadScalingReport.HEADER, csv.get(0));
    assertTrue(csv.get(1).startsWith("hpccg,32,27x20x24,1,2,"), csv.get(1));
    assertTrue(csv.get(3).startsWith("hpccg,32,27x20x24,4,2,"), csv.get(3));
    String[] one = csv.get(1).split(",");
    String[] four = csv.get(3).split(",");
    assertEquals("1.000", one[8], "speed-up of the base thread count");
    assertEquals("0.000", one[10], "one thread is never idle at a barrier");
    assertEquals("1.0000", one[12], "one thread runs every event");
    assertTrue(Double.parseDouble(four[12]) >= 1, four[12]);
    assertEquals(one[14], four[14], "same events");
    assertEquals(one[15], four[15], "same simulated time");
    String json = Files.readString(tmp.resolve("t.json"));
    assertTrue(json.contains("\"benchmark\": \"xtsim bench threads\""), json);
    assertTrue(json.contains("\"warmup_runs\""), json);
    assertTrue(json.contains("\"available_processors\""), json);
    assertTrue(Files.size(tmp.resolve("t.png")) > 1000);
  }

  @Test
  void shouldNameTheOptionOfABadValue() throws IOException {
    CliRun zero = CliRun.of("bench", "threads", "--threads", "1,0", "--out", tmp.toString());
    assertEquals(2, zero.status());
    assertTrue(zero.err().contains("--threads: each count must be >= 1, was 0"), zero.err());
    CliRun repeat = CliRun.of("bench", "threads", "--repeat", "0", "--out", tmp.toString());
    assertEquals(2, repeat.status());
    assertTrue(repeat.err().contains("--repeat must be >= 1"), repeat.err());
    CliRun key = CliRun.of("bench", "threads", "--machine", "colour=blue", "--out", tmp.toString());
    assertEquals(2, key.status());
    assertTrue(key.err().contains("--machine colour: unknown key; allowed: "), key.err());
    try (var files = Files.list(tmp)) {
      assertEquals(0, files.count(), "nothing written for bad input");
    }
  }
}
