package org.xtsim.experiments.merge;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How a cluster task ended, as its job script recorded it beside its partial result ({@value
 * #FILE}: {@code key=value} lines written by the script's exit trap): the accounting database that
 * would tell is often absent, and {@code scontrol} forgets a job minutes after it ends.
 *
 * @param exitCode the xtsim process's exit status, or -1 when unknown
 * @param reason why it ended, in words ({@code ok}, {@code time limit}, {@code cancelled}, {@code
 *     out of memory}, {@code exit status 1}, ...)
 * @param job the Slurm job and task, e.g. {@code 1234_3}
 */
public record TaskExit(int exitCode, String reason, String job) {
  /** The file name. */
  public static final String FILE = "task-exit.txt";

  /** Whether the task ended without error. */
  public boolean ok() {
    return exitCode == 0;
  }

  /** The record in {@code dir}, or null when the task wrote none (still running, or killed). */
  public static TaskExit read(Path dir) throws IOException {
    Path f = dir.resolve(FILE);
    if (!Files.isRegularFile(f)) {
      return null;
    }
    Map<String, String> kv = new LinkedHashMap<>();
    for (String line : Files.readAllLines(f, StandardCharsets.UTF_8)) {
      int eq = line.indexOf('=');
      if (eq > 0) {
        kv.put(line.substring(0, eq).trim(), line.substring(eq + 1).trim());
      }
    }
    int code;
    try {
      code = Integer.parseInt(kv.getOrDefault("exit_code", "-1"));
    } catch (NumberFormatException e) {
      code = -1;
    }
    return new TaskExit(code, kv.getOrDefault("reason", "unknown"), kv.getOrDefault("job", ""));
  }
}
