package org.xtsim.experiments.slurm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.xtsim.cli.Xtsim;
import org.xtsim.experiments.PointRunner;
import org.xtsim.experiments.RunPoint;
import org.xtsim.experiments.results.FailuresCsv;
import org.xtsim.experiments.results.Json;
import org.xtsim.experiments.run.CsvColumns;
import org.xtsim.experiments.run.ExperimentRunner;
import org.xtsim.experiments.run.PointRunners;
import org.xtsim.experiments.run.RunOptions;
import org.xtsim.experiments.shard.PointCosts;
import org.xtsim.experiments.shard.Shard;
import org.xtsim.experiments.shard.ShardPlan;
import org.xtsim.experiments.spec.ExperimentParser;
import org.xtsim.experiments.spec.ExperimentSpec;
import org.xtsim.experiments.sweep.SweepExpander;

/**
 * {@code xtsim submit --slurm} against a real Slurm: the quick main study as a 4-task array plus
 * merge gives the local run's results; a task cancelled leaves its points in failures.csv, {@code
 * status} shows them and {@code --resume} reruns that shard alone.
 *
 * <p>Needs a running Slurm whose clients see it ({@code SLURM_CONF}); {@code .ci/run} starts one on
 * loopback with {@code scripts/slurm-local.sh} and sets {@code XTSIM_REQUIRE_SLURM=1}, which turns
 * a Slurm that cannot be reached into a failure rather than a skip.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SlurmSubmitTest {
  /** Longest a submission may take to merge here. */
  static final long WAIT_SECONDS = 300;

  static final String FILE = "redstorm-virtualization.yaml";

  @TempDir static Path tmp;

  private static PointRunner runner;
  private static ExperimentSpec quick;
  private static Path whole;
  private static Path launcher;
  private static final SlurmCommands SLURM = new SlurmCommands();
  private static final List<String> SUBMITTED = new ArrayList<>();

  @BeforeAll
  static void needSlurmAndALocalRun() throws IOException {
    String why = slurmMissing();
    if (why != null) {
      String message =
          "Slurm is not reachable here ("
              + why
              + "); start one with scripts/slurm-local.sh start and export SLURM_CONF";
      if ("1".equals(System.getenv("XTSIM_REQUIRE_SLURM"))) {
        fail(message);
      }
      System.err.println("SlurmSubmitTest SKIPPED: " + message);
      Assumptions.abort(message);
    }
    runner = PointRunners.installed();
    quick = new ExperimentParser(runner.registry()).parse(Path.of(FILE)).quick();
    whole = tmp.resolve("whole");
    new ExperimentRunner(
            runner, new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()))
        .run(quick, new RunOptions(whole, 1, false, false, false, List.of("test")));
    launcher = tmp.resolve("xtsim");
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Files.writeString(
        launcher,
        "#!/bin/bash\n# xtsim from the test's classes, as a compute node would run it\n"
            + "exec '"
            + java
            + "' $XTSIM_JAVA_OPTS -cp '"
            + System.getProperty("java.class.path")
            + "' org.xtsim.cli.Xtsim \"$@\"\n");
    Files.setPosixFilePermissions(launcher, PosixFilePermissions.fromString("rwxr-xr-x"));
  }

  @AfterAll
  static void noJobOutlivesTheTest() {
    if (!SUBMITTED.isEmpty()) {
      try {
        SLURM.scancel(SUBMITTED);
      } catch (RuntimeException e) {
        // they have ended
      }
    }
  }

  /** Null when sbatch and a node answer, else why not. */
  private static String slurmMissing() {
    if (System.getenv("SLURM_CONF") == null && !Files.exists(Path.of("/etc/slurm/slurm.conf"))) {
      return "no SLURM_CONF and no /etc/slurm/slurm.conf";
    }
    try {
      SlurmCommands.Output o = SLURM.run(List.of("sinfo", "--noheader", "--format=%t"));
      if (o.exitCode() != 0) {
        return "sinfo: " + o.stderr().trim();
      }
      String s = o.stdout();
      return s.contains("idle") || s.contains("mix") || s.contains("alloc")
          ? null
          : "no node up (sinfo: " + s.trim() + ")";
    } catch (IllegalStateException e) {
      return e.getMessage();
    }
  }

  private static int xtsim(StringWriter out, String... args) {
    StringWriter err = new StringWriter();
    int code = Xtsim.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
    out.append(err.toString());
    return code;
  }

  private static Submission submit(Path out, String... extra) throws IOException {
    List<String> args =
        new ArrayList<>(
            List.of(
                "submit",
                FILE,
                "--slurm",
                "--quick",
                "--shards",
                "4",
                "--out",
                out.toString(),
                "--xtsim",
                launcher.toString(),
                "--mem",
                "1280M",
                "--time",
                "10"));
    args.addAll(List.of(extra));
    StringWriter said = new StringWriter();
    assertEquals(0, xtsim(said, args.toArray(String[]::new)), said.toString());
    Submission s = Submission.read(JobScripts.slurmDir(out));
    Submission.Round last = s.rounds().get(s.rounds().size() - 1);
    SUBMITTED.add(last.mergeJob());
    if (!last.arrayJob().isEmpty()) {
      SUBMITTED.add(last.arrayJob());
    }
    return s;
  }

  /** Waits until the last merge job has left the queue's active states. */
  private static void awaitMerge(Submission s, Path out) throws InterruptedException {
    String merge = s.rounds().get(s.rounds().size() - 1).mergeJob();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
    while (System.nanoTime() < deadline) {
      String state = SLURM.states(List.of(merge)).get(merge);
      if (state == null || !SlurmSubmitter.ACTIVE.contains(state)) {
        return;
      }
      Thread.sleep(500);
    }
    fail("merge job " + merge + " still queued after " + WAIT_SECONDS + " s; logs in " + out);
  }

  private static void assertSameAsLocal(Path out) throws IOException {
    assertEquals(
        CsvColumns.without(whole.resolve("results.csv"), "wall_seconds"),
        CsvColumns.without(out.resolve("results.csv"), "wall_seconds"),
        "results.csv of the cluster run");
    assertArrayEquals(
        Files.readAllBytes(whole.resolve("distributions.csv")),
        Files.readAllBytes(out.resolve("distributions.csv")),
        "distributions.csv of the cluster run");
  }

  @Test
  @Order(1)
  void shouldGiveTheLocalRunsResultsFromAFourTaskArrayAndItsMerge() throws Exception {
    Path out = tmp.resolve("cluster");
    Submission s = submit(out);
    awaitMerge(s, out);
    assertEquals(
        "complete",
        Json.readObject(out.resolve("manifest.json")).get("status"),
        "manifest of the merge; logs in " + out.resolve("slurm/logs"));
    assertSameAsLocal(out);
    for (int i = 1; i <= 4; i++) {
      assertEquals(
          "exit_code=0",
          Files.readAllLines(JobScripts.partDir(out, i, 4).resolve("task-exit.txt")).get(0));
    }
    StringWriter status = new StringWriter();
    assertEquals(0, xtsim(status, "status", out.toString()), status.toString());
    assertTrue(status.toString().contains(" 0 failed"), status.toString());
  }

  @Test
  @Order(2)
  void shouldNameACancelledTasksPointsAndRerunThatShardAloneOnResume() throws Exception {
    Path out = tmp.resolve("cancelled");
    // Held, so that task 2 is cancelled before it starts, whatever the machine's speed.
    Submission s = submit(out, "--sbatch-arg=--hold");
    Submission.Round round = s.rounds().get(0);
    SLURM.scancel(List.of(round.taskId(2)));
    SlurmCommands.Output released =
        SLURM.run(List.of("scontrol", "release", round.arrayJob() + "," + round.mergeJob()));
    assertEquals(0, released.exitCode(), released.stderr());
    awaitMerge(s, out);

    List<RunPoint> points = SweepExpander.expand(quick);
    ShardPlan plan = ShardPlan.of(points, 4, PointCosts.recorded()::seconds);
    Set<String> shard2 = new TreeSet<>();
    plan.pointsOf(new Shard(2, 4), points).forEach(p -> shard2.add(p.id()));
    Set<String> failed = new TreeSet<>();
    for (FailuresCsv.Failure f : FailuresCsv.read(out.resolve(FailuresCsv.FILE))) {
      assertEquals(2, f.shard(), f.toString());
      failed.add(f.point());
    }
    assertEquals(shard2, failed, "failures.csv names the cancelled shard's points");
    assertEquals("incomplete", Json.readObject(out.resolve("manifest.json")).get("status"));

    StringWriter status = new StringWriter();
    assertEquals(1, xtsim(status, "status", out.toString()), status.toString());
    assertTrue(
        status.toString().contains(shard2.size() + " failed")
            && status.toString().contains("shard 2: 0/" + shard2.size() + " done, failed"),
        status.toString());

    Submission again = submit(out, "--resume");
    assertEquals(List.of(2), again.rounds().get(1).shards(), "only the cancelled shard reruns");
    awaitMerge(again, out);
    assertEquals("complete", Json.readObject(out.resolve("manifest.json")).get("status"));
    assertFalse(Files.exists(out.resolve(FailuresCsv.FILE)));
    assertSameAsLocal(out);
    Map<String, Object> part1 =
        Json.readObject(JobScripts.partDir(out, 1, 4).resolve("manifest.json"));
    assertEquals("complete", part1.get("status"), "shard 1 was not rerun");
  }
}
