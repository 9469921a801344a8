package org.xtsim.experiments.slurm;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Slurm's client commands, run with {@link ProcessBuilder}: the environment ({@code SLURM_CONF},
 * {@code PATH}) is the caller's.
 */
public class SlurmCommands {
  /** Longest a client command may take; Slurm's own MessageTimeout is 10 s by default. */
  static final long TIMEOUT_SECONDS = 60;

  /** What a command printed and how it ended. */
  record Output(int exitCode, String stdout, String stderr) {}

  /**
   * Submits {@code args} (options, then the script) with {@code sbatch --parsable}; returns the job
   * id.
   *
   * @throws IllegalStateException when sbatch refuses, with its message
   */
  public String sbatch(List<String> args) {
    List<String> cmd = new ArrayList<>(List.of("sbatch", "--parsable"));
    cmd.addAll(args);
    Output o = run(cmd);
    if (o.exitCode() != 0) {
      throw new IllegalStateException("sbatch refused the job: " + o.stderr().trim());
    }
    // --parsable prints "jobid" or "jobid;cluster"
    String id = o.stdout().trim();
    int semi = id.indexOf(';');
    return semi < 0 ? id : id.substring(0, semi);
  }

  /**
   * The state of every task of {@code jobIds} Slurm still knows ({@code 1234_3 → RUNNING}, {@code
   * 1235 → PENDING}); a job it has forgotten is absent.
   */
  public Map<String, String> states(List<String> jobIds) {
    Map<String, String> states = new LinkedHashMap<>();
    if (jobIds.isEmpty()) {
      return states;
    }
    Output o =
        run(
            List.of(
                "squeue",
                "--noheader",
                "--array",
                "--states=all",
                "--jobs=" + String.join(",", jobIds),
                "--format=%i|%T"));
    if (o.exitCode() != 0) {
      // squeue refuses a list in which every job is unknown: they have all left the queue
      if (o.stderr().contains("Invalid job id")) {
        return states;
      }
      throw new IllegalStateException("squeue failed: " + o.stderr().trim());
    }
    for (String line : o.stdout().split("\n")) {
      int bar = line.indexOf('|');
      if (bar > 0) {
        states.put(line.substring(0, bar).trim(), line.substring(bar + 1).trim());
      }
    }
    return states;
  }

  /** Cancels {@code jobIds} (jobs or tasks such as {@code 1234_3}). */
  public void scancel(List<String> jobIds) {
    List<String> cmd = new ArrayList<>(List.of("scancel"));
    cmd.addAll(jobIds);
    Output o = run(cmd);
    if (o.exitCode() != 0) {
      throw new IllegalStateException("scancel failed: " + o.stderr().trim());
    }
  }

  /** Runs {@code cmd} and collects what it printed. */
  Output run(List<String> cmd) {
    Path errFile = null;
    try {
      // stderr to a file: reading two pipes one after the other can block on the second
      errFile = Files.createTempFile("xtsim-slurm", ".err");
      Process p = new ProcessBuilder(cmd).redirectError(errFile.toFile()).start();
      p.getOutputStream().close();
      String out;
      try (InputStream o = p.getInputStream()) {
        out = new String(o.readAllBytes(), StandardCharsets.UTF_8);
      }
      if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new IllegalStateException(
            cmd.get(0) + " did not answer within " + TIMEOUT_SECONDS + " s");
      }
      return new Output(p.exitValue(), out, Files.readString(errFile, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new IllegalStateException(
          cmd.get(0)
              + " could not be run ("
              + e.getMessage()
              + "): is Slurm's client installed and on PATH?",
          e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(cmd.get(0) + " was interrupted", e);
    } finally {
      if (errFile != null) {
        try {
          Files.deleteIfExists(errFile);
        } catch (IOException e) {
          // a temporary file left behind harms nothing
        }
      }
    }
  }
}
