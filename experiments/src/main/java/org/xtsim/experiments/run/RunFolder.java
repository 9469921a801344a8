package org.xtsim.experiments.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.xtsim.experiments.RunPoint;
import org.xtsim.experiments.results.AtomicFiles;
import org.xtsim.experiments.results.DistributionRow;
import org.xtsim.experiments.results.ResultRow;

/**
 * The output folder of a run while the run writes it: the result files and the manifest, always
 * written together (each atomically, results first) under one lock, so that the manifest describes
 * the result files beside it whichever thread writes. From {@link #open} on, the manifest says
 * {@code running} with the points done, so a folder left by an earlier run is never described by
 * that run's manifest once this one has started; after {@link #interrupt} or {@link #finish},
 * nothing more is written.
 */
final class RunFolder {
  /** Writes {@code manifest.json} with a status; returns the wall seconds it records. */
  @FunctionalInterface
  interface ManifestSaver {
    double write(String status) throws IOException;
  }

  /** What an interrupt left: the points done of the total, in the folder. */
  record Kept(int pointsDone, int pointsTotal, Path dir) {}

  private final Path dir;
  private final ResultStore results;
  private final Map<String, Manifest.PointRecord> records;
  private final int pointsTotal;
  private final ManifestSaver manifest;

  private boolean opened;
  private boolean closed;

  /**
   * @param dir the output folder
   * @param results the rows of the points done (those resumed already in)
   * @param records the wall time and events of the points done, by point id
   * @param pointsTotal points in the sweep
   * @param manifest writes the manifest from {@code records}
   */
  RunFolder(
      Path dir,
      ResultStore results,
      Map<String, Manifest.PointRecord> records,
      int pointsTotal,
      ManifestSaver manifest) {
    this.dir = dir;
    this.results = results;
    this.records = records;
    this.pointsTotal = pointsTotal;
    this.manifest = manifest;
  }

  /**
   * Creates the folder, removes temporary files a killed run left, and writes the points done so
   * far (none for a fresh run) with a {@code running} manifest: an earlier run's files no longer
   * pass for this one's.
   */
  synchronized void open() throws IOException {
    if (closed) {
      return;
    }
    Files.createDirectories(dir);
    AtomicFiles.deleteLeftovers(dir);
    opened = true;
    save(Manifest.RUNNING);
  }

  /**
   * A point finished: its rows and record join the others (written at the next save); ignored once
   * the folder is closed, whose files already say what they hold.
   */
  synchronized void add(
      RunPoint point,
      List<ResultRow> rows,
      List<DistributionRow> distributions,
      Manifest.PointRecord record) {
    if (closed) {
      return;
    }
    results.add(point, rows, distributions);
    records.put(point.id(), record);
  }

  /**
   * Writes the result files and the manifest with {@code status}; returns the wall seconds the
   * manifest records, or NaN when the folder is closed and nothing was written.
   */
  synchronized double save(String status) throws IOException {
    if (closed || !opened) {
      return Double.NaN;
    }
    results.write(dir);
    return manifest.write(status);
  }

  /**
   * The last save: writes {@code status} and closes the folder (an interrupt then changes none).
   */
  synchronized double finish(String status) throws IOException {
    double wall = save(status);
    closed = true;
    return wall;
  }

  /** Whether nothing more is written: the run was interrupted or has finished. */
  synchronized boolean isClosed() {
    return closed;
  }

  /** The rows written so far, overheads computed, for the figures. */
  synchronized List<ResultRow> rows() {
    return results.rows();
  }

  /** The distribution rows written so far, for the figures. */
  synchronized List<DistributionRow> distributionRows() {
    return results.distributionRows();
  }

  /**
   * The process is being stopped: writes the points done with an {@code interrupted} manifest (the
   * running point is lost) and closes the folder, so that the run's own thread, which goes on until
   * the process ends, writes nothing more.
   *
   * @return what was kept, or null when the run had not opened the folder or had finished
   * @throws IOException when the files cannot be written (the folder is closed all the same)
   */
  synchronized Kept interrupt() throws IOException {
    if (closed || !opened) {
      closed = true;
      return null;
    }
    try {
      save(Manifest.INTERRUPTED);
    } finally {
      closed = true;
    }
    return new Kept(records.size(), pointsTotal, dir);
  }
}
