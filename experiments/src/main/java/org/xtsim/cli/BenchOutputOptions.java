package org.xtsim.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * Where a benchmark of the simulator writes, and whether it runs at all, shared by {@code bench
 * scale} and {@code bench threads}. Its records under results/benchmarks are committed: a benchmark
 * never overwrites one unless told to with {@code --force}.
 */
final class BenchOutputOptions {
  /** The files a benchmark writes: {@code <name>} and each of these. */
  static final List<String> SUFFIXES = List.of(".csv", ".json", ".png", ".svg");

  @Option(
      names = "--out",
      paramLabel = "DIR",
      description =
          "Output folder: a folder to create or an existing folder (default: ${DEFAULT-VALUE}).")
  Path out = Path.of("results", "benchmarks");

  @Option(
      names = "--name",
      paramLabel = "NAME",
      description =
          "Base name of the output files, a plain file name (letters, digits, . _ + -) (default:"
              + " scale-<workload> for bench scale, threads-<workload>-<nodes> for bench threads;"
              + " when files of that name exist, the first free <name>-2, <name>-3, ...).")
  String name;

  @Option(
      names = "--force",
      description =
          "Overwrite <out>/<name>.csv, .json, .png and .svg when they exist (default: off: an"
              + " existing --name is refused, an existing default name moves on to a free one).")
  boolean force;

  @Option(
      names = "--dry-run",
      description =
          "Check the settings and print each machine and its heap estimate; run nothing"
              + " (default: off).")
  boolean dryRun;

  /**
   * The base name of files an earlier run wrote, to read them back: {@code --name}, else {@code
   * fallback}.
   */
  String existingBase(String fallback) {
    return OutputFolders.checkFileName("--name", name != null ? name : fallback, longestSuffix());
  }

  /**
   * The base name of the files to write, with {@code --out} checked, before anything runs: {@code
   * --name}, refused when its files exist; else {@code fallback}, or the first of {@code
   * fallback-2}, {@code fallback-3}, … whose files do not exist (said on {@code out}). With {@code
   * --force}, the name as given.
   *
   * @throws IllegalArgumentException naming the option, what is wrong and what is allowed
   */
  String freshBase(String fallback, PrintWriter note) {
    OutputFolders.check("--out", out);
    String base =
        OutputFolders.checkFileName("--name", name != null ? name : fallback, longestSuffix());
    if (force || !exists(base)) {
      return base;
    }
    if (name != null) {
      throw new IllegalArgumentException(
          "--name "
              + name
              + ": "
              + out.resolve(name + SUFFIXES.get(0))
              + " (or its .json, .png, .svg) exists; allowed: a name whose files do not exist,"
              + " or --force to overwrite them");
    }
    for (int n = 2; ; n++) {
      String next = base + "-" + n;
      if (!exists(next)) {
        OutputFolders.checkFileName("--name", next, longestSuffix());
        note.println(
            "note: "
                + out.resolve(base)
                + ".* exist and are kept (--force overwrites them); writing "
                + out.resolve(next)
                + ".*");
        note.flush();
        return next;
      }
    }
  }

  private boolean exists(String base) {
    for (String suffix : SUFFIXES) {
      if (Files.exists(out.resolve(base + suffix), LinkOption.NOFOLLOW_LINKS)) {
        return true;
      }
    }
    return false;
  }

  private static String longestSuffix() {
    return ".json";
  }
}
