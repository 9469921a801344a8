package org.xtsim.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.xtsim.experiments.figures.Figures;
import org.xtsim.experiments.results.DistributionsCsv;
import org.xtsim.experiments.results.ResultsCsv;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code xtsim figures}: redraws the figures of a finished (or partial) run from its CSV files. */
@Command(
    name = "figures",
    mixinStandardHelpOptions = true,
    description = {
      "Redraws the figures of a run from DIR/results.csv and DIR/distributions.csv into"
          + " DIR/figures (PNG and SVG), e.g. after 'xtsim run --no-figures' or while a long"
          + " sweep is still running."
    })
final class FiguresCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(
      index = "0",
      paramLabel = "DIR",
      description = "Output folder of 'xtsim run', e.g. results/redstorm-virtualization.")
  Path dir;

  @Override
  public Integer call() throws IOException {
    Path csv = dir.resolve(ResultsCsv.FILE);
    if (!Files.isRegularFile(csv)) {
      throw new IllegalArgumentException("DIR: no " + ResultsCsv.FILE + " in " + dir);
    }
    List<Path> files =
        Figures.drawAll(
            ResultsCsv.read(csv),
            DistributionsCsv.read(dir.resolve(DistributionsCsv.FILE)),
            dir.resolve("figures"));
    PrintWriter out = spec.commandLine().getOut();
    out.println(files.size() + " figure files in " + dir.resolve("figures"));
    out.flush();
    return 0;
  }
}
