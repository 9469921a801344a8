package org.xtsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The fuzz suite: over a thousand generated bad inputs ({@link BadInputs}), each run through the
 * real command line in this JVM and checked for exit status 2, one line on stderr without a stack
 * trace, nothing written, and an answer within {@link #LIMIT_PER_CASE}. Writes a report by category
 * to {@code target/fuzz.md} (committed as {@code results/benchmarks/fuzz.md}).
 */
class BadInputFuzzTest {
  /** The generator's seed: the same cases on every run. */
  static final long SEED = 20261206;

  /** Longest a refusal may take. */
  static final Duration LIMIT_PER_CASE = Duration.ofSeconds(20);

  private static final Map<String, int[]> TALLY = new ConcurrentHashMap<>();

  @TestFactory
  Stream<DynamicTest> shouldRefuseEveryBadInputCleanly() throws IOException {
    List<BadInputs.Case> cases = new BadInputs(SEED, Path.of(".")).all();
    assertTrue(cases.size() >= 1000, "at least 1,000 cases, got " + cases.size());
    List<DynamicTest> tests = new ArrayList<>();
    for (int i = 0; i < cases.size(); i++) {
      BadInputs.Case c = cases.get(i);
      tests.add(
          DynamicTest.dynamicTest(
              String.format(Locale.ROOT, "%04d %s: %s", i, c.category(), c.description()),
              () -> check(c)));
    }
    return tests.stream();
  }

  private static void check(BadInputs.Case c) throws IOException {
    int[] tally = TALLY.computeIfAbsent(c.category(), k -> new int[2]);
    synchronized (tally) {
      tally[1]++;
    }
    Path dir = Files.createTempDirectory("xtsim-fuzz");
    try {
      Path file = dir.resolve("case.yaml");
      if (c.file() != null) {
        Files.write(file, c.file());
      }
      Path existing = dir.resolve("existing-file");
      Files.writeString(existing, "a file, not a folder");
      List<String> args = new ArrayList<>();
      for (String a : c.args()) {
        args.add(
            switch (a) {
              case "FILE" -> file.toString();
              case "FILE_OK" -> "paging-whatif.yaml";
              case "OUT" -> dir.resolve("out").toString();
              case "EMPTY" -> "";
              case "OUT_FILE" -> existing.toString();
              case "OUT_UNDER_FILE" -> existing.resolve("out").toString();
              default -> a;
            });
      }
      CliRun run =
          assertTimeoutPreemptively(
              LIMIT_PER_CASE, () -> CliRun.of(args.toArray(new String[0])), "no answer in time");
      String err = run.err().strip();
      assertEquals(2, run.status(), "exit status; stderr: " + err + "; stdout: " + run.out());
      assertEquals(1, err.lines().count(), "one line on stderr: " + err);
      assertFalse(err.contains("Exception") || err.contains("\tat "), "no stack trace: " + err);
      assertEquals("a file, not a folder", Files.readString(existing), "existing file untouched");
      try (Stream<Path> written = Files.walk(dir)) {
        List<Path> extra =
            written.filter(p -> !p.equals(dir) && !p.equals(file) && !p.equals(existing)).toList();
        assertTrue(extra.isEmpty(), "nothing written, found " + extra);
      }
      synchronized (tally) {
        tally[0]++;
      }
    } finally {
      try (Stream<Path> all = Files.walk(dir)) {
        all.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  @AfterAll
  static void writeReport() throws IOException {
    Map<String, int[]> sorted = new TreeMap<>(TALLY);
    int passed = 0;
    int total = 0;
    StringBuilder sb = new StringBuilder();
    sb.append("# Fuzz suite: bad inputs refused cleanly\n\n")
        .append("Made by `mvn test -pl experiments -am -Dtest=BadInputFuzzTest` (seed ")
        .append(SEED)
        .append("; `target/fuzz.md`). Each case runs the real command line in-process and")
        .append(" must exit 2 with one line on stderr, no stack trace, nothing written, within ")
        .append(LIMIT_PER_CASE.toSeconds())
        .append(" s.\n\n| category | cases | passed |\n|---|---|---|\n");
    for (Map.Entry<String, int[]> e : sorted.entrySet()) {
      sb.append("| ")
          .append(e.getKey())
          .append(" | ")
          .append(e.getValue()[1])
          .append(" | ")
          .append(e.getValue()[0])
          .append(" |\n");
      passed += e.getValue()[0];
      total += e.getValue()[1];
    }
    sb.append("| **all** | ").append(total).append(" | ").append(passed).append(" |\n");
    Files.createDirectories(Path.of("target"));
    Files.writeString(Path.of("target", "fuzz.md"), sb.toString(), StandardCharsets.UTF_8);
  }
}
