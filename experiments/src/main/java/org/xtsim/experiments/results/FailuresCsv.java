package org.xtsim.experiments.results;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code failures.csv} of a merged result that lacks points: columns {@code point, shard, reason},
 * one row per missing point, so that a failed cluster task leaves its points named rather than
 * silently missing rows.
 */
public final class FailuresCsv {
  /** The file name. */
  public static final String FILE = "failures.csv";

  static final List<String> HEADER = List.of("point", "shard", "reason");

  /**
   * A point the result lacks.
   *
   * @param shard the shard that should have run it, or 0 when the sweep was not split
   */
  public record Failure(String point, int shard, String reason) {}

  private FailuresCsv() {}

  /** The CSV text of {@code failures}. */
  public static String format(List<Failure> failures) {
    StringBuilder sb = new StringBuilder(64 * (failures.size() + 1));
    Csv.appendRow(sb, HEADER);
    for (Failure f : failures) {
      Csv.appendRow(sb, List.of(f.point(), Integer.toString(f.shard()), f.reason()));
    }
    return sb.toString();
  }

  /** Reads a file written by {@link #format}; an absent file has no rows. */
  public static List<Failure> read(Path file) throws IOException {
    List<Failure> failures = new ArrayList<>();
    if (!Files.isRegularFile(file)) {
      return failures;
    }
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    for (int i = 1; i < lines.size(); i++) {
      if (lines.get(i).isEmpty()) {
        continue;
      }
      List<String> c = Csv.split(lines.get(i));
      if (c.size() != HEADER.size()) {
        throw new IOException(file + ":" + (i + 1) + ": expected " + HEADER + ", got " + c);
      }
      failures.add(new Failure(c.get(0), Integer.parseInt(c.get(1)), c.get(2)));
    }
    return failures;
  }
}
