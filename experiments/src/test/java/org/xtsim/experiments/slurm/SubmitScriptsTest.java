package org.xtsim.experiments.slurm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xtsim.experiments.PointRunner;
import org.xtsim.experiments.run.PointRunners;
import org.xtsim.experiments.spec.ExperimentParser;
import org.xtsim.experiments.spec.ExperimentSpec;

/** What {@code xtsim submit} writes and asks for, without a Slurm: a dry run and sizing. */
class SubmitScriptsTest {
  @TempDir Path tmp;

  /** Slurm commands that must not be reached by a dry run. */
  private static final class NoSlurm extends SlurmCommands {
    final List<List<String>> calls = new ArrayList<>();

    @Override
    Output run(List<String> cmd) {
      calls.add(cmd);
      throw new AssertionError("a dry run ran " + cmd);
    }
  }

  private SlurmSubmitter.Options options(Path out, long memMiB, boolean dryRun) {
    return new SlurmSubmitter.Options(
        Path.of("redstorm-virtualization.yaml"),
        out,
        4,
        0,
        "/opt/xtsim/xtsim",
        "batch",
        "proj42",
        null,
        memMiB,
        2,
        List.of("--qos=debug"),
        false,
        dryRun);
  }

  @Test
  void shouldWriteScriptsThatAskForWhatTheyNeedAndSubmitNothingOnADryRun() throws Exception {
    PointRunner runner = PointRunners.installed();
    ExperimentSpec quick =
        new ExperimentParser(runner.registry())
            .parse(Path.of("redstorm-virtualization.yaml"))
            .quick();
    Path out = tmp.resolve("sweep");
    StringWriter said = new StringWriter();
    NoSlurm slurm = new NoSlurm();
    new SlurmSubmitter(runner, slurm, new PrintWriter(said, true))
        .submit(quick, options(out, 0, true));
    assertTrue(slurm.calls.isEmpty());
    String array = Files.readString(out.resolve("slurm/array.sh"));
    String merge = Files.readString(out.resolve("slurm/merge.sh"));
    long mem = TaskSizing.memMiB(TaskSizing.MIN_HEAP_BYTES);
    for (String s : List.of(array, merge)) {
      assertTrue(s.contains("#SBATCH --mem=" + mem + "M"), s);
      assertTrue(s.contains("-Xmx" + TaskSizing.heapMiB(mem) + "m"), s);
      assertTrue(s.contains("#SBATCH --partition=batch"), s);
      assertTrue(s.contains("#SBATCH --account=proj42"), s);
      assertTrue(s.contains("#SBATCH --time=00:10:00"), s);
      assertEquals(0, new ProcessBuilder("bash", "-n", "-c", s).start().waitFor(), "bash -n");
    }
    assertTrue(array.contains("--shard \"$shard/$count\""), array);
    assertTrue(array.contains("trap 'stop \"time limit\"' USR1"), array);
    assertTrue(array.contains("%A_%a.out"), array);
    assertTrue(merge.contains("/shard-*-of-4"), merge);
    String text = said.toString();
    assertTrue(text.contains("--array=1-4%2"), text);
    assertTrue(text.contains("--qos=debug"), text);
    assertTrue(text.contains("--dependency=afterany:"), text);
    assertTrue(text.contains("nothing submitted"), text);
    assertEquals(null, Submission.read(out.resolve("slurm")), "a dry run records no submission");
  }

  @Test
  void shouldRefuseTooLittleMemoryForTheLargestPoint() throws IOException {
    PointRunner runner = PointRunners.installed();
    ExperimentSpec spec =
        new ExperimentParser(runner.registry()).parse(Path.of("redstorm-virtualization.yaml"));
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                new SlurmSubmitter(runner, new NoSlurm(), new PrintWriter(new StringWriter()))
                    .submit(spec, options(tmp.resolve("small"), 8, true)));
    assertTrue(e.getMessage().startsWith("--mem: 8 MiB gives a 6 MiB heap"), e.getMessage());
  }

  @Test
  void shouldSizeTasksFromTheHeapAndTheExpectedTime() {
    assertEquals(1280, TaskSizing.memMiB(1L << 30));
    assertEquals(2560, TaskSizing.memMiB(2L << 30));
    assertEquals(1024, TaskSizing.heapMiB(1280));
    assertEquals("00:10:00", TaskSizing.slurmTime(TaskSizing.timeSeconds(1)));
    assertEquals("03:05:00", TaskSizing.slurmTime(TaskSizing.timeSeconds(3600)));
    assertEquals("1-00:01:00", TaskSizing.slurmTime(24 * 3600 + 1));
    assertEquals(4096, TaskSizing.parseMemMiB("4G"));
    assertEquals(1500, TaskSizing.parseMemMiB("1500"));
    assertThrows(IllegalArgumentException.class, () -> TaskSizing.parseMemMiB("lots"));
  }

  @Test
  void shouldWriteSlurmArrayListsCompactly() {
    assertEquals("1-4", SlurmSubmitter.arraySpec(List.of(1, 2, 3, 4)));
    assertEquals("2,5-7,9", SlurmSubmitter.arraySpec(List.of(2, 5, 6, 7, 9)));
  }
}
