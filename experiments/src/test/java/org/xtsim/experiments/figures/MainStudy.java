package org.xtsim.experiments.figures;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import org.xtsim.experiments.results.DistributionRow;
import org.xtsim.experiments.results.DistributionsCsv;
import org.xtsim.experiments.results.ResultRow;
import org.xtsim.experiments.results.ResultsCsv;

/** The committed results of the main study, read once for the figure tests. */
final class MainStudy {
  static final Path DIR = Path.of("..", "results", "redstorm-virtualization");

  private static List<ResultRow> rows;
  private static List<DistributionRow> distributions;

  private MainStudy() {}

  static synchronized List<ResultRow> rows() {
    if (rows == null) {
      try {
        rows = ResultsCsv.read(DIR.resolve(ResultsCsv.FILE));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return rows;
  }

  static synchronized List<DistributionRow> distributions() {
    if (distributions == null) {
      try {
        distributions = DistributionsCsv.read(DIR.resolve(DistributionsCsv.FILE));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return distributions;
  }
}
