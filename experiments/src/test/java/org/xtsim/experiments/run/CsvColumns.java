package org.xtsim.experiments.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Test helper: the lines of a CSV file without one column (e.g. wall_seconds). */
public final class CsvColumns {
  private CsvColumns() {}

  /** The lines of {@code csv} without {@code column}. */
  public static List<String> without(Path csv, String column) throws IOException {
    List<String> lines = Files.readAllLines(csv);
    int index = List.of(lines.get(0).split(",")).indexOf(column);
    List<String> out = new ArrayList<>();
    for (String l : lines) {
      List<String> cells = new ArrayList<>(List.of(l.split(",", -1)));
      cells.remove(index);
      out.add(String.join(",", cells));
    }
    return out;
  }
}
