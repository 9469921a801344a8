package org.xtsim.experiments.results;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

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
    List<String> header = Csv.header(LEADING, axisColumns, TRAILING);
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
    List<DistributionRow> rows = new ArrayList<>();
    for (Csv.Line c : Csv.read(file, LEADING, TRAILING)) {
      rows.add(
          new DistributionRow(
              c.lead(0),
              c.lead(1),
              c.lead(2),
              Integer.parseInt(c.lead(3)),
              Integer.parseInt(c.lead(4)),
              c.axes(),
              c.trail(0),
              c.trail(1),
              Csv.parseNumber(c.trail(2)),
              Csv.parseNumber(c.trail(3)),
              Long.parseLong(c.trail(4))));
    }
    return rows;
  }
}
