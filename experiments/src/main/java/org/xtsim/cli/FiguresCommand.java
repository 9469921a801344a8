package org.xtsim.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.xtsim.experiments.figures.FigureStyle;
import org.xtsim.experiments.figures.Figures;
import org.xtsim.experiments.results.DistributionsCsv;
import org.xtsim.experiments.results.ResultsCsv;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code xtsim figures}: redraws the figures of a finished (or partial) run from its CSV files. */
@Command(
    name = "figures",
    mixinStandardHelpOptions = true,
    description = {
      "Redraws the figures of a run from DIR/results.csv and DIR/distributions.csv, without"
          + " rerunning anything, e.g. after 'xtsim run --no-figures', while a long sweep is still"
          + " running, or for a paper."
    })
final class FiguresCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(
      index = "0",
      paramLabel = "DIR",
      description = "Output folder of 'xtsim run', e.g. results/redstorm-virtualization.")
  Path dir;

  @Option(
      names = "--style",
      paramLabel = "STYLE",
      description = {
        "slides: 1000 x 650 px PNG and SVG with large sans-serif type and a title, into"
            + " DIR/figures (what 'xtsim run' draws) (default).",
        "paper: vector figures for a journal, 3.5 in (one column, *-3.5in) and 7 in (two"
            + " columns, *-7in) wide, SVG and PDF (fonts embedded), small serif type, no title,"
            + " into DIR/figures/paper."
      })
  String style = "slides";

  @Override
  public Integer call() throws IOException {
    FigureStyle figureStyle = parseStyle(style);
    Path csv = dir.resolve(ResultsCsv.FILE);
    if (!Files.isRegularFile(csv)) {
      throw new IllegalArgumentException("DIR: no " + ResultsCsv.FILE + " in " + dir);
    }
    Path out = dir.resolve(figureStyle.folder());
    List<Path> files =
        Figures.drawAll(
            ResultsCsv.read(csv),
            DistributionsCsv.read(dir.resolve(DistributionsCsv.FILE)),
            out,
            figureStyle);
    PrintWriter print = spec.commandLine().getOut();
    print.println(files.size() + " figure files in " + out);
    print.flush();
    return 0;
  }

  private static FigureStyle parseStyle(String text) {
    try {
      return FigureStyle.valueOf(text.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "--style: '" + text + "' is not a style; use paper or slides");
    }
  }
}
