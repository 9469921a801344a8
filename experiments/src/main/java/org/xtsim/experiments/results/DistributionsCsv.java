package org.xtsim.experiments.results;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code distributions.csv}: columns {@code point, workload, config, nodes, replicate}, one per
 * sweep axis other than nodes, then {@code distribution, unit, percentile, value, count}.
 */
public final class DistributionsCsv {
  /** The file name. */
  public static final String FILE = "distributions.csv";

  static final List<String> LEADING = List.of("point", "workload", "config", "nodes", "replicate");
  static final List<String> TRAILING =
      List.of("distribution", "unit", "percentile", "value", "count");

  private DistributionsCsv() {}

  /** The CSV text of {@code rows}. */
  public static String format(List<DistributionRow> rows, List<String> axisColumns) {
    StringBuilder sb = new StringBuilder(96 * (rows.size() + 1));
    List<String> header = new ArrayList<>(LEADING);
    header.addAll(axisColumns);
    header.addAll(TRAILING);
    Csv.appendRow(sb, header);
    for (DistributionRow r : rows) {
      List<String> c = new ArrayList<>(header.size());
      c.add(r.point());
      c.add(r.workload());
      c.add(r.config());
      c.add(Integer.toString(r.nodes()));
      c.add(Integer.toString(r.replicate()));
      for (String a : axisColumns) {
        c.add(r.axes().getOrDefault(a, ""));
      }
      c.add(r.distribution());
      c.add(r.unit());
      c.add(Csv.number(r.percentile()));
      c.add(Csv.number(r.value()));
      c.add(Long.toString(r.count()));
      Csv.appendRow(sb, c);
    }
    return sb.toString();
  }

  /** Reads a file written by {@link #format}; an absent file has no rows. */
  public static List<DistributionRow> read(Path file) throws IOException {
    if (!Files.exists(file)) {
      return List.of();
    }
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    if (lines.isEmpty()) {
      return List.of();
    }
    List<String> header = Csv.split(lines.get(0));
    int axisCount = header.size() - LEADING.size() - TRAILING.size();
    if (axisCount < 0 || !header.subList(0, LEADING.size()).equals(LEADING)) {
      throw new IOException(file + ": not a distributions file (header " + header + ")");
    }
    List<DistributionRow> rows = new ArrayList<>();
    for (int n = 1; n < lines.size(); n++) {
      List<String> c = Csv.split(lines.get(n));
      if (c.size() != header.size()) {
        throw new IOException(file + ":" + (n + 1) + ": expected " + header.size() + " cells");
      }
      Map<String, String> axes = new LinkedHashMap<>();
      for (int a = 0; a < axisCount; a++) {
        axes.put(header.get(LEADING.size() + a), c.get(LEADING.size() + a));
      }
      int t = LEADING.size() + axisCount;
      rows.add(
          new DistributionRow(
              c.get(0),
              c.get(1),
              c.get(2),
              Integer.parseInt(c.get(3)),
              Integer.parseInt(c.get(4)),
              axes,
              c.get(t),
              c.get(t + 1),
              Csv.parseNumber(c.get(t + 2)),
              Csv.parseNumber(c.get(t + 3)),
              Long.parseLong(c.get(t + 4))));
    }
    return rows;
  }
}
