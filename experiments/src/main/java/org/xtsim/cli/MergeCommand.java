package org.xtsim.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.xtsim.experiments.merge.ResultMerger;
import org.xtsim.experiments.results.FailuresCsv;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code xtsim merge}: joins the shards of a sweep into the result of one run. */
@Command(
    name = "merge",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Merges the result folders of a sweep's shards ('xtsim run FILE --shard I/N', or the tasks"
          + " of 'xtsim submit') into the files one 'xtsim run' writes: results.csv and"
          + " distributions.csv in sweep order, with overheads computed across shards,"
          + " manifest.json and figures.",
      "Before writing anything it checks that every folder comes from the same experiment (the"
          + " fingerprint of the resolved file, in each manifest) and the same build (version, git"
          + " commit and dirty flag), and that no point is in two folders; a mismatch is one line"
          + " naming both folders and what differs (exit status 2).",
      "Points no folder holds are listed in OUT/failures.csv (point, shard, reason) and the"
          + " manifest says 'incomplete' (exit status 1): rerun those shards (xtsim submit"
          + " --resume, or xtsim run FILE --shard I/N --resume) and merge again."
    })
final class MergeCommand implements Callable<Integer> {
  /** Points named on stderr when some are missing; failures.csv has them all. */
  static final int MISSING_SHOWN = 5;

  @Spec CommandSpec spec;

  @Parameters(
      arity = "1..*",
      paramLabel = "DIR",
      description = "Result folders of the shards, e.g. results/redstorm-virtualization/parts/*.")
  List<Path> parts;

  @Option(
      names = "--out",
      required = true,
      paramLabel = "DIR",
      description =
          "Where the merged result goes: a new folder, or one holding an earlier merge of the same"
              + " experiment (required).")
  Path out;

  @Option(
      names = "--no-figures",
      description = "Do not draw figures (default: draw them, as 'xtsim run' does).")
  boolean noFigures;

  @Override
  public Integer call() throws IOException {
    Path dir = OutputFolders.check("--out", out);
    ResultMerger.Summary s =
        new ResultMerger().merge(parts, dir, CommandLines.recorded(spec), !noFigures);
    PrintWriter print = spec.commandLine().getOut();
    print.printf(
        java.util.Locale.ROOT,
        "merged %d folders: %d/%d points; results in %s%n",
        parts.size(),
        s.pointsDone(),
        s.pointsTotal(),
        dir);
    print.flush();
    if (s.complete()) {
      return 0;
    }
    PrintWriter err = spec.commandLine().getErr();
    err.printf(
        java.util.Locale.ROOT,
        "xtsim merge: %d points missing, listed with their shard and reason in %s:%n",
        s.missing().size(),
        dir.resolve(FailuresCsv.FILE));
    s.missing().stream()
        .limit(MISSING_SHOWN)
        .forEach(f -> err.println("  " + f.point() + " (shard " + f.shard() + "): " + f.reason()));
    if (s.missing().size() > MISSING_SHOWN) {
      err.println("  ... and " + (s.missing().size() - MISSING_SHOWN) + " more");
    }
    err.flush();
    return OneLineErrors.FAILED;
  }
}
