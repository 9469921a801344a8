package org.xtsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xtsim.experiments.results.ResultRow;
import org.xtsim.experiments.results.ResultsCsv;

/**
 * {@code xtsim run} in a process of its own, stopped by a signal while it runs: it exits with the
 * signal's status, says on stderr what it kept and how to resume, and leaves a manifest that counts
 * exactly the points in the results beside it.
 */
class RunInterruptProcessTest {
  /** Thousands of small points: long enough to be stopped half-way, a few seconds each. */
  private static final String EXPERIMENT =
      String.join(
          "\n",
          "name: interrupted",
          "replicates: 1000",
          "machine: {topology: 4x4x4}",
          "workloads:",
          "  - {name: hpccg, params: {nx: 8, ny: 8, nz: 8, iterations: 20}}",
          "configurations:",
          "  - {label: native, vmm: native}",
          "  - {label: nested, vmm: nested}",
          "sweep:",
          "  nodes: [1, 2, 4, 8]",
          "");

  private static final int POINTS = 2 * 4 * 1000;

  @TempDir Path tmp;

  @Test
  void shouldKeepThePointsDoneAndExitWith130OnSigint() throws Exception {
    assumeFalse(
        sigintIgnored(),
        "this JVM ignores SIGINT (started in the background by a non-interactive shell), and so"
            + " would the run it starts");
    stopHalfWay(process -> signal("INT", process), 130);
  }

  @Test
  void shouldKeepThePointsDoneAndExitWith143OnSigterm() throws Exception {
    stopHalfWay(Process::destroy, 143); // destroy() sends SIGTERM
  }

  /** What stops the process. */
  private interface Stop {
    void stop(Process p) throws Exception;
  }

  private void stopHalfWay(Stop stop, int expectedStatus) throws Exception {
    Path file = tmp.resolve("small experiment.yaml");
    Files.writeString(file, EXPERIMENT);
    Path out = tmp.resolve("out");
    Path stderr = tmp.resolve("stderr.txt");
    Process p =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m",
                "-cp",
                System.getProperty(
                    "surefire.test.class.path", System.getProperty("java.class.path")),
                Xtsim.class.getName(),
                "run",
                file.toString(),
                "--out",
                out.toString(),
                "--no-figures",
                "--threads",
                "1")
            .redirectOutput(tmp.resolve("stdout.txt").toFile())
            .redirectError(stderr.toFile())
            .start();
    try {
      waitForPointsDone(out.resolve("manifest.json"), 5, p);
      stop.stop(p);
      assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the run ends after the signal");
    } finally {
      p.destroyForcibly();
    }
    String err = Files.readString(stderr);
    assertEquals(expectedStatus, p.exitValue(), err);
    Matcher kept =
        Pattern.compile(
                "xtsim run: interrupted; kept (\\d+)/"
                    + POINTS
                    + " points in "
                    + Pattern.quote(out.toString())
                    + " \\(manifest.json: status interrupted\\)\n")
            .matcher(err);
    assertTrue(kept.find(), err);
    assertTrue(
        err.contains(
            "xtsim run: resume with: xtsim run '" + file + "' --resume --out " + out + "\n"),
        err);
    int done = Integer.parseInt(kept.group(1));
    assertTrue(done >= 5 && done < POINTS, err);
    String manifest = Files.readString(out.resolve("manifest.json"));
    assertTrue(manifest.contains("\"status\": \"interrupted\""), manifest);
    assertTrue(manifest.contains("\"points_done\": " + done + ","), manifest);
    List<ResultRow> rows = ResultsCsv.read(out.resolve("results.csv"));
    assertEquals(done, rows.stream().map(ResultRow::point).distinct().count());
    try (var files = Files.list(out)) {
      assertTrue(files.noneMatch(f -> f.getFileName().toString().endsWith(".tmp")));
    }
  }

  /** Waits until the run's manifest counts at least {@code points} points done. */
  private static void waitForPointsDone(Path manifest, int points, Process p) throws Exception {
    Pattern done = Pattern.compile("\"points_done\": (\\d+),");
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (System.nanoTime() < deadline) {
      assertTrue(p.isAlive(), "the run ended before it could be stopped");
      try {
        Matcher m = done.matcher(Files.readString(manifest));
        if (m.find() && Integer.parseInt(m.group(1)) >= points) {
          return;
        }
      } catch (IOException notYet) {
        // not written yet
      }
      Thread.sleep(50);
    }
    throw new AssertionError("no points done after 60 s");
  }

  private static void signal(String name, Process p) throws Exception {
    Process kill = new ProcessBuilder("kill", "-" + name, String.valueOf(p.pid())).start();
    assertTrue(kill.waitFor(10, TimeUnit.SECONDS));
    assertEquals(0, kill.exitValue(), "kill -" + name);
  }

  /**
   * Whether this JVM ignores SIGINT (a process started in the background by a non-interactive shell
   * does, and passes it on): from the ignored-signal mask of /proc on Linux, else assumed not.
   */
  private static boolean sigintIgnored() throws IOException {
    Path status = Path.of("/proc/self/status");
    if (!Files.isReadable(status)) {
      return false;
    }
    for (String line : Files.readAllLines(status)) {
      if (line.startsWith("SigIgn:")) {
        long mask = Long.parseUnsignedLong(line.substring("SigIgn:".length()).trim(), 16);
        return (mask & (1L << (2 - 1))) != 0; // SIGINT is signal 2
      }
    }
    return false;
  }
}
