package org.xtsim.experiments.slurm;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.xtsim.experiments.merge.TaskExit;
import org.xtsim.experiments.run.Shell;
import org.xtsim.experiments.shard.Shard;

/**
 * The two batch scripts of a sweep on Slurm: the array task, which runs one shard into {@code
 * OUT/parts/shard-I-of-N} and records how it ended ({@link TaskExit}) from an exit trap, and the
 * merge, which joins the shards into {@code OUT}. Both say in {@code #SBATCH} lines what they ask
 * for, so that they can be read and resubmitted by hand.
 */
public final class JobScripts {
  /** Exit status of a JVM that ran out of heap ({@code -XX:+ExitOnOutOfMemoryError}). */
  static final int OUT_OF_MEMORY_EXIT = 3;

  /** Seconds before its time limit that Slurm warns a task (SIGUSR1 to the batch shell). */
  static final int WARN_SECONDS = 90;

  /**
   * What the scripts need.
   *
   * @param jobName the Slurm job name
   * @param experimentFile the experiment file, absolute
   * @param quick whether to run the quick sweep
   * @param shards how many shards
   * @param out the result folder, absolute
   * @param workDir the folder the jobs run in, absolute
   * @param xtsim the command that runs xtsim on a compute node
   * @param memMiB memory per task
   * @param time time limit per task, as Slurm reads it
   * @param threads threads per simulation
   * @param partition the partition, or null
   * @param account the account, or null
   */
  public record Settings(
      String jobName,
      Path experimentFile,
      boolean quick,
      int shards,
      Path out,
      Path workDir,
      String xtsim,
      long memMiB,
      String time,
      int threads,
      String partition,
      String account) {}

  private JobScripts() {}

  /** The folder of the scripts and logs. */
  public static Path slurmDir(Path out) {
    return out.resolve("slurm");
  }

  /** The folder of shard {@code index}'s result. */
  public static Path partDir(Path out, int index, int count) {
    return out.resolve("parts").resolve(new Shard(index, count).folderName());
  }

  /** The array task's script. */
  public static String arrayScript(Settings s) {
    List<String> lines = header(s, s.jobName(), "%A_%a.out", s.threads());
    lines.add("#SBATCH --signal=B:USR1@" + WARN_SECONDS);
    lines.add("");
    lines.add("# One shard of the sweep: task I of the array runs shard I of " + s.shards() + ".");
    lines.add("set -u");
    lines.add("shard=\"${SLURM_ARRAY_TASK_ID:?submit this script with sbatch --array}\"");
    lines.add("count=" + s.shards());
    lines.add(
        "part=" + Shell.quote(s.out().resolve("parts").toString()) + "/shard-${shard}-of-${count}");
    lines.add("mkdir -p \"$part\"");
    lines.add("rm -f \"$part/" + TaskExit.FILE + "\"");
    lines.add("reason=\"\"");
    lines.add("child=0");
    lines.add("# Slurm warns before the time limit (USR1) and cancels with TERM: the run writes");
    lines.add("# the points done (status interrupted) and the trap records why it ended.");
    lines.add(
        "stop() { reason=\"$1\"; [ \"$child\" -ne 0 ] && kill -TERM \"$child\" 2>/dev/null; }");
    lines.add("trap 'stop \"time limit\"' USR1");
    lines.add("trap 'stop \"cancelled (SIGTERM from Slurm)\"' TERM");
    lines.add("record() {");
    lines.add("  local code=$1");
    lines.add("  if [ -z \"$reason\" ]; then");
    lines.add("    case $code in");
    lines.add("      0) reason=ok ;;");
    lines.add("      " + OUT_OF_MEMORY_EXIT + ") reason=\"out of memory (Java heap)\" ;;");
    lines.add("      137) reason=\"killed (SIGKILL: out of memory, or scancel --signal=KILL)\" ;;");
    lines.add("      143) reason=\"stopped (SIGTERM)\" ;;");
    lines.add("      *) reason=\"exit status $code\" ;;");
    lines.add("    esac");
    lines.add("  fi");
    lines.add(
        "  printf 'exit_code=%s\\nreason=%s\\njob=%s_%s\\nhost=%s\\nfinished=%s\\n' \"$code\""
            + " \"$reason\" \"${SLURM_ARRAY_JOB_ID:-}\" \"$shard\" \"$(hostname)\""
            + " \"$(date -u +%Y-%m-%dT%H:%M:%SZ)\" >\"$part/"
            + TaskExit.FILE
            + ".tmp\"");
    lines.add("  mv \"$part/" + TaskExit.FILE + ".tmp\" \"$part/" + TaskExit.FILE + "\"");
    lines.add("}");
    lines.add(javaOptions(s));
    lines.add("export XTSIM_NO_BUILD=1");
    lines.add("cd " + Shell.quote(s.workDir().toString()) + " || { record 1; exit 1; }");
    List<String> run = new ArrayList<>(List.of(s.xtsim(), "run", s.experimentFile().toString()));
    if (s.quick()) {
      run.add("--quick");
    }
    run.addAll(List.of("--threads", Integer.toString(s.threads()), "--resume", "--no-figures"));
    lines.add(Shell.quote(run) + " --shard \"$shard/$count\" --out \"$part\" </dev/null &");
    lines.add("child=$!");
    lines.add("# wait returns early when a trapped signal arrives: wait until the run has ended");
    lines.add("while :; do");
    lines.add("  wait \"$child\"");
    lines.add("  code=$?");
    lines.add("  kill -0 \"$child\" 2>/dev/null || break");
    lines.add("done");
    lines.add("record \"$code\"");
    lines.add("exit \"$code\"");
    return String.join("\n", lines) + "\n";
  }

  /** The merge job's script. */
  public static String mergeScript(Settings s) {
    List<String> lines = header(s, s.jobName() + "-merge", "merge_%j.out", 1);
    lines.add("");
    lines.add("# Joins the shards into the result of one run; runs after the array (afterany),");
    lines.add("# so that a failed task's points are named in failures.csv.");
    lines.add("set -u");
    lines.add(javaOptions(s));
    lines.add("export XTSIM_NO_BUILD=1");
    lines.add("cd " + Shell.quote(s.workDir().toString()) + " || exit 1");
    lines.add("shopt -s nullglob");
    lines.add(
        "parts=("
            + Shell.quote(s.out().resolve("parts").toString())
            + "/shard-*-of-"
            + s.shards()
            + ")");
    lines.add(
        "[ ${#parts[@]} -gt 0 ] || { echo 'xtsim merge: no shard wrote a result' >&2; exit 1; }");
    lines.add(
        "exec "
            + Shell.quote(List.of(s.xtsim(), "merge"))
            + " \"${parts[@]}\" --out "
            + Shell.quote(s.out().toString()));
    return String.join("\n", lines) + "\n";
  }

  private static List<String> header(Settings s, String name, String log, int cpus) {
    List<String> lines = new ArrayList<>();
    lines.add("#!/bin/bash");
    lines.add("# Written by xtsim submit; resubmit with xtsim submit --resume.");
    lines.add("#SBATCH --job-name=" + name);
    lines.add("#SBATCH --output=" + slurmDir(s.out()).resolve("logs").resolve(log));
    lines.add("#SBATCH --time=" + s.time());
    lines.add("#SBATCH --mem=" + s.memMiB() + "M");
    lines.add("#SBATCH --cpus-per-task=" + cpus);
    lines.add("#SBATCH --chdir=" + s.workDir());
    if (s.partition() != null) {
      lines.add("#SBATCH --partition=" + s.partition());
    }
    if (s.account() != null) {
      lines.add("#SBATCH --account=" + s.account());
    }
    return lines;
  }

  private static String javaOptions(Settings s) {
    return "export XTSIM_JAVA_OPTS="
        + Shell.quote(
            "-Xmx"
                + TaskSizing.heapMiB(s.memMiB())
                + "m -XX:+UseParallelGC -XX:+ExitOnOutOfMemoryError -Djava.awt.headless=true");
  }
}
