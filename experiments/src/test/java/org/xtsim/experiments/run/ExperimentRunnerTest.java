package org.xtsim.experiments.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xtsim.experiments.PointResult;
import org.xtsim.experiments.PointRunner;
import org.xtsim.experiments.ProgressSink;
import org.xtsim.experiments.RingFakeRunner;
import org.xtsim.experiments.RunPoint;
import org.xtsim.experiments.TestExperiments;
import org.xtsim.experiments.results.DistributionsCsv;
import org.xtsim.experiments.results.ResultRow;
import org.xtsim.experiments.results.ResultsCsv;
import org.xtsim.experiments.spec.ExperimentSpec;
import org.xtsim.experiments.spec.SpecException;

class ExperimentRunnerTest {
  @TempDir Path tmp;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  /** Figures cost a second or more per run; only the tests about them draw them. */
  private boolean figures;

  private RunSummary run(
      PointRunner runner, ExperimentSpec spec, Path dir, int threads, boolean resume)
      throws IOException {
    return new ExperimentRunner(runner, new PrintWriter(out), new PrintWriter(err))
        .run(spec, new RunOptions(dir, threads, resume, false, figures, List.of("test")));
  }

  /** The CSV without the wall-clock column, which is the only one allowed to differ. */
  private static List<String> withoutWallTime(Path csv) throws IOException {
    return CsvColumns.without(csv, "wall_seconds");
  }

  @Test
  void shouldWriteOneRowPerPointAndMetricWithOverheadAgainstNativeOfTheSameGuest()
      throws IOException {
    ExperimentSpec spec = TestExperiments.parse(TestExperiments.SMALL);
    RunSummary s = run(new RingFakeRunner(), spec, tmp, 1, false);
    assertEquals(2 * 3 * 5, s.points());
    List<ResultRow> rows = ResultsCsv.read(tmp.resolve("results.csv"));
    assertEquals(2 * 3 * 5 * 3, rows.size(), "three metrics per point");
    for (ResultRow r : rows) {
      if (!r.metric().equals("run_time")) {
        continue;
      }
      ResultRow native0 =
          rows.stream()
              .filter(
                  b ->
                      b.vmm().equals("native")
                          && b.guest().equals(r.guest())
                          && b.workload().equals(r.workload())
                          && b.nodes() == r.nodes()
                          && b.metric().equals("run_time"))
              .findFirst()
              .orElseThrow();
      double expected = 100 * (r.value() - native0.value()) / native0.value();
      assertEquals(expected, r.overheadPct(), 1e-9, r.point());
      assertEquals(native0.config(), r.baseline());
    }
    ResultRow nested =
        rows.stream()
            .filter(r -> r.config().equals("nested-cat") && r.metric().equals("run_time"))
            .findFirst()
            .orElseThrow();
    assertTrue(nested.overheadPct() > 0, "the fake slows nested down: " + nested);
    assertTrue(rows.stream().allMatch(r -> r.events() > 0));
    assertFalse(DistributionsCsv.read(tmp.resolve("distributions.csv")).isEmpty());
    assertTrue(out.toString().contains("small: 30 points (30 run, 0 resumed)"), out.toString());
    assertTrue(s.figures().isEmpty(), "not asked for");
  }

  @Test
  void shouldGiveIdenticalResultsTwiceAndWithOneAndTwoThreads() throws IOException {
    ExperimentSpec quick = TestExperiments.parse(TestExperiments.SMALL).quick();
    run(new RingFakeRunner(), quick, tmp.resolve("a"), 1, false);
    run(new RingFakeRunner(), quick, tmp.resolve("b"), 1, false);
    run(new RingFakeRunner(), quick, tmp.resolve("c"), 2, false);
    List<String> a = withoutWallTime(tmp.resolve("a/results.csv"));
    assertEquals(a, withoutWallTime(tmp.resolve("b/results.csv")));
    assertEquals(a, withoutWallTime(tmp.resolve("c/results.csv")));
    assertEquals(
        Files.readString(tmp.resolve("a/distributions.csv")),
        Files.readString(tmp.resolve("c/distributions.csv")));
  }

  /** Fails at its {@code failAt}-th run (from 0), counts its runs. */
  private static final class FailingRunner implements PointRunner {
    private final PointRunner inner = new RingFakeRunner();
    private final int failAt;
    int runs;

    FailingRunner(int failAt) {
      this.failAt = failAt;
    }

    @Override
    public void validate(RunPoint point) {
      inner.validate(point);
    }

    @Override
    public PointResult run(RunPoint point, int threads, ProgressSink progress) {
      if (runs++ == failAt) {
        throw new IllegalStateException("simulated crash");
      }
      return inner.run(point, threads, progress);
    }
  }

  @Test
  void shouldLeaveACompleteCsvOfFinishedPointsWhenARunFailsMidway() throws IOException {
    ExperimentSpec spec = TestExperiments.parse(TestExperiments.SMALL);
    IllegalStateException e =
        assertThrows(
            IllegalStateException.class, () -> run(new FailingRunner(7), spec, tmp, 1, false));
    assertTrue(e.getMessage().contains("simulated crash"), e.getMessage());
    List<ResultRow> rows = ResultsCsv.read(tmp.resolve("results.csv"));
    assertEquals(7 * 3, rows.size(), "exactly the seven finished points, each complete");
    assertTrue(Files.readString(tmp.resolve("manifest.json")).contains("\"status\": \"failed\""));
    try (var files = Files.list(tmp)) {
      assertTrue(files.noneMatch(f -> f.getFileName().toString().endsWith(".tmp")));
    }
  }

  @Test
  void shouldResumeOnlyThePointsNotYetDoneAndEndWithTheSameResults() throws IOException {
    ExperimentSpec spec = TestExperiments.parse(TestExperiments.SMALL);
    assertThrows(
        IllegalStateException.class, () -> run(new FailingRunner(12), spec, tmp, 1, false));
    FailingRunner counting = new FailingRunner(-1);
    RunSummary s = run(counting, spec, tmp, 2, true);
    assertEquals(12, s.resumed());
    assertEquals(30 - 12, counting.runs);
    Path fresh = tmp.resolve("fresh");
    run(new RingFakeRunner(), spec, fresh, 1, false);
    assertEquals(
        withoutWallTime(fresh.resolve("results.csv")), withoutWallTime(tmp.resolve("results.csv")));
    FailingRunner none = new FailingRunner(-1);
    assertEquals(30, run(none, spec, tmp, 1, true).resumed());
    assertEquals(0, none.runs);
  }

  @Test
  void shouldRefuseToResumeFromResultsMadeWithOtherParametersLeavingTheFolderAsItWas()
      throws IOException {
    run(new RingFakeRunner(), TestExperiments.parse(TestExperiments.SMALL).quick(), tmp, 1, false);
    Files.writeString(tmp.resolve(".results.csv.123.tmp"), "left by a killed run");
    Map<Path, String> before = contents(tmp);
    ExperimentSpec changed =
        TestExperiments.parse(TestExperiments.SMALL.replace("nx: 10,", "nx: 12,")).quick();
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> run(new RingFakeRunner(), changed, tmp, 1, true));
    assertTrue(e.getMessage().contains("made with other parameters or seed"), e.getMessage());
    assertEquals(before, contents(tmp), "nothing created, changed or deleted");
  }

  /** Every file under {@code dir} with its content. */
  private static Map<Path, String> contents(Path dir) throws IOException {
    Map<Path, String> all = new TreeMap<>();
    try (var files = Files.walk(dir)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        all.put(dir.relativize(f), Files.readString(f, StandardCharsets.ISO_8859_1));
      }
    }
    return all;
  }

  /** Interrupts fired by the test, as the JVM fires its shutdown hooks on SIGINT or SIGTERM. */
  private static final class FakeInterrupts implements Interrupts {
    Runnable action;

    @Override
    public Registration onInterrupt(Runnable a) {
      action = a;
      return () -> action = null;
    }

    void fire() {
      action.run(); // on the run's own thread: the folder's lock lets it in
    }
  }

  /** Runs points with the ring; at its {@code interruptAt}-th run (from 0), first fires. */
  private static final class InterruptingRunner implements PointRunner {
    private final PointRunner inner = new RingFakeRunner();
    private final FakeInterrupts interrupts;
    private final int interruptAt;
    private final Consumer<Integer> beforeEachRun;
    int runs;

    InterruptingRunner(
        FakeInterrupts interrupts, int interruptAt, Consumer<Integer> beforeEachRun) {
      this.interrupts = interrupts;
      this.interruptAt = interruptAt;
      this.beforeEachRun = beforeEachRun;
    }

    @Override
    public void validate(RunPoint point) {
      inner.validate(point);
    }

    @Override
    public PointResult run(RunPoint point, int threads, ProgressSink progress) {
      beforeEachRun.accept(runs);
      if (runs++ == interruptAt) {
        interrupts.fire();
      }
      return inner.run(point, threads, progress);
    }
  }

  private RunSummary run(PointRunner runner, Interrupts interrupts, Path dir, boolean resume)
      throws IOException {
    return new ExperimentRunner(
            runner,
            new PrintWriter(out),
            new PrintWriter(err),
            System::nanoTime,
            java.time.Clock.systemUTC(),
            Long.MAX_VALUE,
            0,
            interrupts)
        .run(
            TestExperiments.parse(TestExperiments.SMALL),
            new RunOptions(
                dir,
                1,
                resume,
                false,
                false,
                List.of("test"),
                List.of("xtsim", "run", "my file.yaml", "--resume", "--out", dir.toString())));
  }

  @Test
  void shouldWriteThePointsDoneAsInterruptedAndSayHowToResumeWhenTheProcessIsStopped()
      throws IOException {
    FakeInterrupts interrupts = new FakeInterrupts();
    InterruptingRunner runner = new InterruptingRunner(interrupts, 7, runs -> {});
    assertThrows(RunInterruptedException.class, () -> run(runner, interrupts, tmp, false));
    assertEquals(8, runner.runs, "the point running when interrupted was the last");
    String manifest = Files.readString(tmp.resolve("manifest.json"));
    assertTrue(manifest.contains("\"status\": \"interrupted\""), manifest);
    assertTrue(manifest.contains("\"points_done\": 7,"), manifest);
    assertEquals(7 * 3, ResultsCsv.read(tmp.resolve("results.csv")).size());
    assertTrue(
        err.toString()
            .contains(
                "xtsim run: interrupted; kept 7/30 points in "
                    + tmp
                    + " (manifest.json: status interrupted)"),
        err.toString());
    assertTrue(
        err.toString()
            .contains("xtsim run: resume with: xtsim run 'my file.yaml' --resume --out " + tmp),
        err.toString());
    try (var files = Files.list(tmp)) {
      assertTrue(files.noneMatch(f -> f.getFileName().toString().endsWith(".tmp")));
    }
    FailingRunner rest = new FailingRunner(-1);
    RunSummary resumed = run(rest, new FakeInterrupts(), tmp, true);
    assertEquals(7, resumed.resumed());
    assertEquals(30 - 7, rest.runs);
    assertTrue(Files.readString(tmp.resolve("manifest.json")).contains("\"status\": \"complete\""));
  }

  @Test
  void shouldNeverLeaveAnEarlierRunsManifestBesideTheFilesOfAFreshRun() throws IOException {
    run(new RingFakeRunner(), TestExperiments.parse(TestExperiments.SMALL), tmp, 1, false);
    assertTrue(Files.readString(tmp.resolve("manifest.json")).contains("\"points_done\": 30,"));
    FakeInterrupts interrupts = new FakeInterrupts();
    List<String> seen = new ArrayList<>();
    InterruptingRunner runner =
        new InterruptingRunner(
            interrupts,
            2,
            runs -> {
              try {
                String manifest = Files.readString(tmp.resolve("manifest.json"));
                int rows = ResultsCsv.read(tmp.resolve("results.csv")).size();
                seen.add(runs + ": " + status(manifest) + ", " + rows / 3 + " points in csv");
                assertTrue(manifest.contains("\"points_done\": " + rows / 3 + ","), manifest);
              } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
              }
            });
    assertThrows(RunInterruptedException.class, () -> run(runner, interrupts, tmp, false));
    assertEquals(
        List.of(
            "0: running, 0 points in csv",
            "1: running, 1 points in csv",
            "2: running, 2 points in csv"),
        seen,
        "checkpoints after every point here: the manifest always counts the points in the csv");
    String manifest = Files.readString(tmp.resolve("manifest.json"));
    assertEquals("interrupted", status(manifest));
    assertTrue(manifest.contains("\"points_done\": 2,"), manifest);
    assertEquals(2 * 3, ResultsCsv.read(tmp.resolve("results.csv")).size());
  }

  private static String status(String manifest) {
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile("\"status\": \"(\\w+)\"").matcher(manifest);
    assertTrue(m.find(), manifest);
    return m.group(1);
  }

  @Test
  void shouldReportAPointTheRunnerRejectsAgainstItsPlaceInTheFileBeforeRunningAny()
      throws IOException {
    FailingRunner runner = new FailingRunner(-1);
    ExperimentSpec spec =
        TestExperiments.parse(
            TestExperiments.SMALL.replace("nodes: [1, 2, 4]", "nodes: [1, 8192]"));
    SpecException e = assertThrows(SpecException.class, () -> run(runner, spec, tmp, 1, false));
    assertEquals("test.yaml", e.location().file());
    assertEquals(15, e.location().line());
    assertEquals("nodes", e.key());
    assertTrue(e.problem().contains("at most 4096 nodes"), e.problem());
    assertEquals(0, runner.runs);
    assertFalse(Files.exists(tmp.resolve("results.csv")));
  }

  @Test
  void shouldReportThatNoModelIsInstalledAgainstTheWorkload() {
    ExperimentSpec spec = TestExperiments.parse(TestExperiments.SMALL);
    SpecException e =
        assertThrows(
            SpecException.class, () -> run(new PointRunners.NotInstalled(), spec, tmp, 1, false));
    assertEquals(6, e.location().line());
    assertTrue(e.problem().contains("no simulation model is installed"), e.problem());
  }

  @Test
  void shouldListPointsInADryRunAndWriteNothing() throws IOException {
    ExperimentSpec spec = TestExperiments.parse(TestExperiments.SMALL).quick();
    new ExperimentRunner(new RingFakeRunner(), new PrintWriter(out), new PrintWriter(err))
        .run(spec, new RunOptions(tmp.resolve("dry"), 0, false, true, true, List.of()));
    String listing = out.toString();
    assertTrue(listing.startsWith("small (quick): 20 points, 1 thread per point"), listing);
    assertTrue(listing.contains("hpccg/native-cat/nodes=1/r0"), listing);
    assertFalse(Files.exists(tmp.resolve("dry")));
  }

  @Test
  void shouldWriteAManifestWithVersionSeedsAndEventCounts() throws IOException {
    ExperimentSpec spec = TestExperiments.parse(TestExperiments.SMALL).quick();
    run(new RingFakeRunner(), spec, tmp, 1, false);
    String manifest = Files.readString(tmp.resolve("manifest.json"));
    assertTrue(manifest.contains("\"xtsim_version\": \"dev\""), manifest);
    assertTrue(manifest.contains("\"git_commit\": "), manifest);
    assertTrue(manifest.contains("\"status\": \"complete\""), manifest);
    assertTrue(manifest.contains("\"points_done\": 20"), manifest);
    long firstSeed = ResultsCsv.read(tmp.resolve("results.csv")).get(0).seed();
    assertTrue(manifest.contains("\"seed\": " + firstSeed), manifest);
    assertTrue(manifest.contains("\"topology\": \"4x4x4\""), "resolved configuration");
  }

  @Test
  void shouldDrawScalingOverheadAndDistributionFiguresAsPngAndSvg() throws IOException {
    figures = true;
    ExperimentSpec spec = TestExperiments.parse(TestExperiments.SMALL);
    RunSummary s = run(new RingFakeRunner(), spec, tmp, 1, false);
    for (String name :
        List.of(
            "scaling-hpccg",
            "overhead-hpccg",
            "scaling-cth",
            "overhead-cth",
            "distribution-hpccg-iteration_time",
            "distribution-cth-iteration_time")) {
      Path png = tmp.resolve("figures").resolve(name + ".png");
      Path svg = tmp.resolve("figures").resolve(name + ".svg");
      assertTrue(s.figures().contains(png), name);
      assertTrue(Files.size(png) > 10_000, name + " png is a real picture");
      byte[] head = Files.readAllBytes(png);
      assertEquals((byte) 0x89, head[0]);
      assertEquals('P', head[1]);
      String text = Files.readString(svg);
      assertTrue(text.startsWith("<svg") || text.startsWith("<?xml"), name);
      assertTrue(text.contains("nested-cat"), name + " svg has the legend");
    }
  }
}
