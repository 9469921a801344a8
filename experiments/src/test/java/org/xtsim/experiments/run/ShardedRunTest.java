package org.xtsim.experiments.run;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xtsim.experiments.PointRunner;
import org.xtsim.experiments.RunPoint;
import org.xtsim.experiments.merge.ResultMerger;
import org.xtsim.experiments.results.FailuresCsv;
import org.xtsim.experiments.results.Json;
import org.xtsim.experiments.shard.Shard;
import org.xtsim.experiments.spec.ExperimentParser;
import org.xtsim.experiments.spec.ExperimentSpec;
import org.xtsim.experiments.sweep.SweepExpander;

/**
 * The quick main study run whole, and run as 1, 3 and 7 shards then merged, gives the same {@code
 * results.csv} in every column but {@code wall_seconds} and a byte-identical {@code
 * distributions.csv}, with the installed models; merging refuses mixtures.
 */
class ShardedRunTest {
  @TempDir static Path tmp;

  private static PointRunner runner;
  private static ExperimentSpec quick;
  private static Path whole;

  @BeforeAll
  static void runWhole() throws IOException {
    runner = PointRunners.installed();
    assumeFalse(runner instanceof PointRunners.NotInstalled, "no simulation model installed");
    quick =
        new ExperimentParser(runner.registry())
            .parse(Path.of("redstorm-virtualization.yaml"))
            .quick();
    whole = tmp.resolve("whole");
    run(quick, whole, null);
  }

  private static void run(ExperimentSpec spec, Path dir, Shard shard) throws IOException {
    RunOptions options = new RunOptions(dir, 1, false, false, false, List.of("test"));
    new ExperimentRunner(
            runner, new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()))
        .run(spec, shard == null ? options : options.withShard(shard));
  }

  private static List<Path> shards(String name, int count) throws IOException {
    List<Path> dirs = new ArrayList<>();
    for (int i = 1; i <= count; i++) {
      Path d = tmp.resolve(name).resolve(new Shard(i, count).folderName());
      run(quick, d, new Shard(i, count));
      dirs.add(d);
    }
    return dirs;
  }

  @Test
  void shouldMergeOneThreeAndSevenShardsIntoTheWholeRun() throws IOException {
    for (int count : new int[] {1, 3, 7}) {
      List<Path> parts = shards("split" + count, count);
      Path merged = tmp.resolve("merged" + count);
      ResultMerger.Summary s = new ResultMerger().merge(parts, merged, List.of("test"), false);
      assertTrue(s.complete(), count + " shards: missing " + s.missing());
      assertEquals(
          CsvColumns.without(whole.resolve("results.csv"), "wall_seconds"),
          CsvColumns.without(merged.resolve("results.csv"), "wall_seconds"),
          count + " shards");
      assertArrayEquals(
          Files.readAllBytes(whole.resolve("distributions.csv")),
          Files.readAllBytes(merged.resolve("distributions.csv")),
          count + " shards: distributions.csv");
      assertEquals("complete", Json.readObject(merged.resolve("manifest.json")).get("status"));
      assertFalse(Files.exists(merged.resolve(FailuresCsv.FILE)));
    }
  }

  @Test
  void shouldGiveEveryPointToExactlyOneShardAndEveryShardSomeWork() throws IOException {
    List<RunPoint> points = SweepExpander.expand(quick);
    Set<String> seen = new HashSet<>();
    int count = 7;
    for (int i = 1; i <= count; i++) {
      Path d = tmp.resolve("split" + count).resolve(new Shard(i, count).folderName());
      if (!Files.exists(d)) {
        run(quick, d, new Shard(i, count));
      }
      List<?> listed = (List<?>) Json.readObject(d.resolve("manifest.json")).get("points");
      int mine = 0;
      for (Object o : listed) {
        java.util.Map<?, ?> e = (java.util.Map<?, ?>) o;
        if (Boolean.TRUE.equals(e.get("done"))) {
          assertEquals(i, ((Number) e.get("shard")).intValue(), "point done by another shard");
          assertTrue(seen.add((String) e.get("id")), "point run twice: " + e.get("id"));
          mine++;
        }
      }
      assertTrue(mine > 0, "shard " + i + " got nothing to do");
    }
    assertEquals(points.size(), seen.size());
  }

  @Test
  void shouldListMissingPointsWithTheirShardWhenAShardIsAbsent() throws IOException {
    List<Path> parts = shards("missing", 3);
    Path merged = tmp.resolve("merged-missing");
    ResultMerger.Summary s =
        new ResultMerger().merge(parts.subList(0, 2), merged, List.of("test"), false);
    assertFalse(s.complete());
    List<FailuresCsv.Failure> failures = FailuresCsv.read(merged.resolve(FailuresCsv.FILE));
    assertEquals(s.missing(), failures);
    assertTrue(failures.stream().allMatch(f -> f.shard() == 3), failures.toString());
    assertEquals("incomplete", Json.readObject(merged.resolve("manifest.json")).get("status"));
    // The missing shard arrives: the merge is complete and the failures are gone.
    ResultMerger.Summary again = new ResultMerger().merge(parts, merged, List.of("test"), false);
    assertTrue(again.complete());
    assertFalse(Files.exists(merged.resolve(FailuresCsv.FILE)));
  }

  @Test
  void shouldRefuseAShardTwiceAnotherExperimentAndAnotherBuild() throws IOException {
    List<Path> parts = shards("refuse", 2);
    Path out = tmp.resolve("refused");
    IllegalArgumentException twice =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                new ResultMerger()
                    .merge(List.of(parts.get(0), parts.get(0)), out, List.of(), false));
    assertTrue(twice.getMessage().contains("is in both"), twice.getMessage());

    Path full = tmp.resolve("full-shard");
    ExperimentSpec fullSpec =
        new ExperimentParser(runner.registry()).parse(Path.of("redstorm-virtualization.yaml"));
    RunOptions dry = new RunOptions(full, 1, false, false, false, List.of("test"));
    // A shard of the full sweep: run only its manifest's opening (no point needs to finish).
    Files.createDirectories(full);
    Files.copy(parts.get(1).resolve("manifest.json"), full.resolve("manifest.json"));
    String other =
        Files.readString(full.resolve("manifest.json"))
            .replace(
                (String)
                    Json.readObject(parts.get(1).resolve("manifest.json"))
                        .get("experiment_fingerprint"),
                ExperimentFingerprint.of(fullSpec));
    Files.writeString(full.resolve("manifest.json"), other);
    IllegalArgumentException experiment =
        assertThrows(
            IllegalArgumentException.class,
            () -> new ResultMerger().merge(List.of(parts.get(0), full), out, List.of(), false));
    assertTrue(experiment.getMessage().contains("another experiment"), experiment.getMessage());
    assertFalse(dry.dryRun());

    Path otherBuild = tmp.resolve("other-build");
    Files.createDirectories(otherBuild);
    for (String f : List.of("results.csv", "distributions.csv")) {
      Files.copy(parts.get(1).resolve(f), otherBuild.resolve(f));
    }
    String manifest = Files.readString(parts.get(1).resolve("manifest.json"));
    Object commit = Json.readObject(parts.get(1).resolve("manifest.json")).get("git_commit");
    String changed =
        commit == null
            ? manifest.replace("\"git_commit\": null", "\"git_commit\": \"0123456789abcdef\"")
            : manifest.replace((String) commit, "0123456789abcdef0123456789abcdef01234567");
    Files.writeString(otherBuild.resolve("manifest.json"), changed);
    IllegalArgumentException build =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                new ResultMerger().merge(List.of(parts.get(0), otherBuild), out, List.of(), false));
    assertTrue(build.getMessage().contains("merge parts of one build"), build.getMessage());
    assertFalse(Files.exists(out.resolve("results.csv")), "a refused merge writes nothing");
  }
}
