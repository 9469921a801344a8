package org.xtsim.experiments.results;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.xtsim.experiments.Metric;

/**
 * {@code results.csv}: a header, then one row per point and metric. Columns, in order: {@code
 * point, fingerprint, workload, config, nodes, guest, vmm, large_pages, preemption, nic, replicate,
 * seed}, one column per sweep axis other than nodes, then {@code metric, value, unit, better,
 * overhead_pct, baseline, wall_seconds, events, ci95_low, ci95_high, overhead_ci95_low_pct,
 * overhead_ci95_high_pct} (the 95 % t intervals over replicates, see {@link ReplicateIntervals}).
 */
public final class ResultsCsv {
  /** The file name. */
  public static final String FILE = "results.csv";

  static final List<String> LEADING =
      List.of(
          "point",
          "fingerprint",
          "workload",
          "config",
          "nodes",
          "guest",
          "vmm",
          "large_pages",
          "preemption",
          "nic",
          "replicate",
          "seed");
  static final List<String> TRAILING =
      List.of(
          "metric",
          "value",
          "unit",
          "better",
          "overhead_pct",
          "baseline",
          "wall_seconds",
          "events",
          "ci95_low",
          "ci95_high",
          "overhead_ci95_low_pct",
          "overhead_ci95_high_pct");

  private ResultsCsv() {}

  /** The header for these axis columns. */
  public static List<String> header(List<String> axisColumns) {
    return Csv.header(LEADING, axisColumns, TRAILING);
  }

  /** The CSV text of {@code rows}, with one column per name in {@code axisColumns}. */
  public static String format(List<ResultRow> rows, List<String> axisColumns) {
    StringBuilder sb = new StringBuilder(128 * (rows.size() + 1));
    Csv.appendRow(sb, header(axisColumns));
    for (ResultRow r : rows) {
      List<String> cells = new ArrayList<>(LEADING.size() + axisColumns.size() + TRAILING.size());
      cells.add(r.point());
      cells.add(r.fingerprint());
      cells.add(r.workload());
      cells.add(r.config());
      cells.add(Integer.toString(r.nodes()));
      cells.add(r.guest());
      cells.add(r.vmm());
      cells.add(r.largePages());
      cells.add(r.preemption());
      cells.add(r.nic());
      cells.add(Integer.toString(r.replicate()));
      cells.add(Long.toString(r.seed()));
      for (String a : axisColumns) {
        cells.add(r.axes().getOrDefault(a, ""));
      }
      cells.add(r.metric());
      cells.add(Csv.number(r.value()));
      cells.add(r.unit());
      cells.add(r.better().name().toLowerCase(Locale.ROOT));
      cells.add(Csv.number(r.overheadPct()));
      cells.add(r.baseline());
      cells.add(String.format(Locale.ROOT, "%.3f", r.wallSeconds()));
      cells.add(Long.toString(r.events()));
      cells.add(Csv.number(r.valueCi95().low()));
      cells.add(Csv.number(r.valueCi95().high()));
      cells.add(Csv.number(r.overheadCi95().low()));
      cells.add(Csv.number(r.overheadCi95().high()));
      Csv.appendRow(sb, cells);
    }
    return sb.toString();
  }

  /** Reads a file written by {@link #format}; columns between the fixed ones are axes. */
  public static List<ResultRow> read(Path file) throws IOException {
    List<ResultRow> rows = new ArrayList<>();
    for (Csv.Line c : Csv.read(file, LEADING, TRAILING)) {
      rows.add(
          new ResultRow(
              c.lead(0),
              c.lead(1),
              c.lead(2),
              c.lead(3),
              c.trail(5),
              Integer.parseInt(c.lead(4)),
              c.lead(5),
              c.lead(6),
              c.lead(7),
              c.lead(8),
              c.lead(9),
              Integer.parseInt(c.lead(10)),
              Long.parseLong(c.lead(11)),
              c.axes(),
              c.trail(0),
              Csv.parseNumber(c.trail(1)),
              c.trail(2),
              Metric.Better.valueOf(c.trail(3).toUpperCase(Locale.ROOT)),
              Csv.parseNumber(c.trail(4)),
              Csv.parseNumber(c.trail(6)),
              Long.parseLong(c.trail(7)),
              new ResultRow.Interval(Csv.parseNumber(c.trail(8)), Csv.parseNumber(c.trail(9))),
              new ResultRow.Interval(Csv.parseNumber(c.trail(10)), Csv.parseNumber(c.trail(11)))));
    }
    return rows;
  }
}
