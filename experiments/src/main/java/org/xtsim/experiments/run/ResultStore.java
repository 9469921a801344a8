package org.xtsim.experiments.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.xtsim.experiments.RunPoint;
import org.xtsim.experiments.results.AtomicFiles;
import org.xtsim.experiments.results.DistributionRow;
import org.xtsim.experiments.results.DistributionsCsv;
import org.xtsim.experiments.results.ReplicateIntervals;
import org.xtsim.experiments.results.ResultRow;
import org.xtsim.experiments.results.ResultsCsv;
import org.xtsim.experiments.sweep.PointIdentity;

/**
 * The result rows of the points done so far, kept in sweep order whatever order they finish in;
 * reads the rows of finished points back for {@code --resume} and writes both CSV files atomically.
 */
final class ResultStore {
  private final Map<String, List<ResultRow>> rows = new LinkedHashMap<>();
  private final Map<String, List<DistributionRow>> distributions = new LinkedHashMap<>();
  private final List<String> axisColumns;

  ResultStore(List<RunPoint> points, List<String> axisColumns) {
    this.axisColumns = axisColumns;
    for (RunPoint p : points) {
      rows.put(p.id(), null);
      distributions.put(p.id(), null);
    }
  }

  void add(RunPoint p, List<ResultRow> r, List<DistributionRow> d) {
    rows.put(p.id(), r);
    distributions.put(p.id(), d);
  }

  /** Takes the rows of points already done from the files in {@code dir}. */
  void resume(Path dir, List<RunPoint> points, Map<String, Manifest.PointRecord> records)
      throws IOException {
    Path csv = dir.resolve(ResultsCsv.FILE);
    if (!Files.exists(csv)) {
      return;
    }
    Map<String, RunPoint> byId = new LinkedHashMap<>();
    points.forEach(p -> byId.put(p.id(), p));
    Map<String, List<ResultRow>> old = new LinkedHashMap<>();
    for (ResultRow r : ResultsCsv.read(csv)) {
      old.computeIfAbsent(r.point(), k -> new ArrayList<>()).add(r);
    }
    Map<String, List<DistributionRow>> oldDist = new HashMap<>();
    for (DistributionRow r : DistributionsCsv.read(dir.resolve(DistributionsCsv.FILE))) {
      oldDist.computeIfAbsent(r.point(), k -> new ArrayList<>()).add(r);
    }
    for (Map.Entry<String, List<ResultRow>> e : old.entrySet()) {
      RunPoint p = byId.get(e.getKey());
      if (p == null) {
        continue;
      }
      ResultRow first = e.getValue().get(0);
      if (!first.fingerprint().equals(PointIdentity.fingerprint(p))) {
        throw new IllegalArgumentException(
            "--resume: "
                + csv
                + " holds point "
                + p.id()
                + " made with other parameters or seed; use another --out or run without"
                + " --resume");
      }
      add(p, e.getValue(), oldDist.getOrDefault(p.id(), List.of()));
      records.put(p.id(), new Manifest.PointRecord(first.wallSeconds(), first.events(), true));
    }
    Set<String> dropped = new java.util.TreeSet<>(old.keySet());
    dropped.removeAll(byId.keySet());
    if (!dropped.isEmpty()) {
      throw new IllegalArgumentException(
          "--resume: "
              + csv
              + " holds "
              + dropped.size()
              + " points that are not in this sweep (e.g. "
              + dropped.iterator().next()
              + "); use another --out");
    }
  }

  List<ResultRow> rows() {
    List<ResultRow> all = new ArrayList<>();
    rows.values()
        .forEach(
            r -> {
              if (r != null) {
                all.addAll(r);
              }
            });
    return ReplicateIntervals.derive(all);
  }

  List<DistributionRow> distributionRows() {
    List<DistributionRow> all = new ArrayList<>();
    distributions
        .values()
        .forEach(
            r -> {
              if (r != null) {
                all.addAll(r);
              }
            });
    return all;
  }

  void write(Path dir) throws IOException {
    AtomicFiles.writeString(dir.resolve(ResultsCsv.FILE), ResultsCsv.format(rows(), axisColumns));
    AtomicFiles.writeString(
        dir.resolve(DistributionsCsv.FILE),
        DistributionsCsv.format(distributionRows(), axisColumns));
  }
}
