package org.xtsim.experiments.results;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.xtsim.experiments.Metric;

/**
 * {@code results.csv}: a header, then one row per point and metric. Columns, in order: {@code
 * point, fingerprint, workload, config, nodes, guest, vmm, large_pages, preemption, nic, replicate,
 * seed}, one column per sweep axis other than nodes, then {@code metric, value, unit, better,
 * overhead_pct, baseline, wall_seconds, events}.
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
          "events");

  private ResultsCsv() {}

  /** The header for these axis columns. */
  public static List<String> header(List<String> axisColumns) {
    List<String> h = new ArrayList<>(LEADING);
    h.addAll(axisColumns);
    h.addAll(TRAILING);
    return h;
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
      Csv.appendRow(sb, cells);
    }
    return sb.toString();
  }

  /** Reads a file written by {@link #format}; columns between the fixed ones are axes. */
  public static List<ResultRow> read(Path file) throws IOException {
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    if (lines.isEmpty()) {
      return List.of();
    }
    List<String> header = Csv.split(lines.get(0));
    int axisCount = header.size() - LEADING.size() - TRAILING.size();
    if (axisCount < 0
        || !header.subList(0, LEADING.size()).equals(LEADING)
        || !header.subList(header.size() - TRAILING.size(), header.size()).equals(TRAILING)) {
      throw new IOException(
          file + ": not a results file of this xtsim version (header " + header + ")");
    }
    List<String> axisNames = header.subList(LEADING.size(), LEADING.size() + axisCount);
    List<ResultRow> rows = new ArrayList<>();
    for (int n = 1; n < lines.size(); n++) {
      List<String> c = Csv.split(lines.get(n));
      if (c.size() != header.size()) {
        throw new IOException(file + ":" + (n + 1) + ": expected " + header.size() + " cells");
      }
      Map<String, String> axes = new LinkedHashMap<>();
      for (int a = 0; a < axisCount; a++) {
        axes.put(axisNames.get(a), c.get(LEADING.size() + a));
      }
      int t = LEADING.size() + axisCount;
      rows.add(
          new ResultRow(
              c.get(0),
              c.get(1),
              c.get(2),
              c.get(3),
              c.get(t + 5),
              Integer.parseInt(c.get(4)),
              c.get(5),
              c.get(6),
              c.get(7),
              c.get(8),
              c.get(9),
              Integer.parseInt(c.get(10)),
              Long.parseLong(c.get(11)),
              axes,
              c.get(t),
              Csv.parseNumber(c.get(t + 1)),
              c.get(t + 2),
              Metric.Better.valueOf(c.get(t + 3).toUpperCase(Locale.ROOT)),
              Csv.parseNumber(c.get(t + 4)),
              Csv.parseNumber(c.get(t + 6)),
              Long.parseLong(c.get(t + 7))));
    }
    return rows;
  }
}
