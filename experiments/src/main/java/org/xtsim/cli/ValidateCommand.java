package org.xtsim.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.xtsim.experiments.PointRunner;
import org.xtsim.experiments.run.BuildInfo;
import org.xtsim.experiments.run.PointRunners;
import org.xtsim.experiments.validation.Findings;
import org.xtsim.experiments.validation.Studies;
import org.xtsim.experiments.validation.ValidationReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code xtsim validate}: the published findings, checked against the model. */
@Command(
    name = "validate",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Runs every published finding the project holds as a check of the model, with the same"
          + " parameters for every check (nothing is fitted per check): VEE 2011 (best"
          + " configuration within 5 %% of native at 4,096 nodes; shadow vs nested paging by guest;"
          + " uncontrolled vs controlled preemption as nodes grow), SC08 (2.5 %% net noise from"
          + " about 2.5 %% to more than 20x, most for POP), Bhargava et al. (page-walk references)"
          + " and the SeaStar's latency and bandwidth.",
      "Writes OUT/validation.csv and OUT/validation.md (finding, source, what we measure, the"
          + " published value, ours with its 95 %% interval, pass or fail and why) and the runs the"
          + " checks measured under OUT/runs/ (each a full result folder with figures).",
      "Exit status 0 when every check passes, 1 when one fails: a failing check is a finding"
          + " about the model, reported with its reason, not something to tune away."
    })
final class ValidateCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--out",
      paramLabel = "DIR",
      description =
          "Where the report goes (default: results/validation, or results/validation-quick).")
  Path out;

  @Option(
      names = "--quick",
      description =
          "Run the checks' quick sweeps (small node counts): exercises everything in seconds, but"
              + " at a smaller scale than published, so its pass or fail is not a validation"
              + " (default: off).")
  boolean quick;

  @Option(
      names = "--threads",
      paramLabel = "N",
      description = "Worker threads per simulation, 1 to 1,024 (default: each study's 'threads').")
  Integer threads;

  @Override
  public Integer call() throws IOException {
    if (threads != null) {
      CommandLimits.threads("--threads", threads);
    }
    Path dir =
        OutputFolders.check(
            "--out",
            out != null ? out : Path.of("results", quick ? "validation-quick" : "validation"));
    PointRunner runner = PointRunners.installed();
    PrintWriter err = spec.commandLine().getErr();
    Studies studies =
        new Studies(
            runner, dir, quick, threads == null ? 0 : threads, err, CommandLines.recorded(spec));
    List<ValidationReport.Line> lines = ValidationReport.run(Findings.all(), studies);
    ValidationReport.write(dir, lines, quick, BuildInfo.read());
    PrintWriter print = spec.commandLine().getOut();
    long failed = lines.stream().filter(l -> !l.outcome().pass()).count();
    for (ValidationReport.Line l : lines) {
      print.printf(
          java.util.Locale.ROOT,
          "%-34s %s  %s%n",
          l.check().id(),
          l.outcome().pass() ? "pass" : "FAIL",
          l.outcome().reason());
    }
    print.printf(
        java.util.Locale.ROOT,
        "%d of %d checks pass; report in %s%n",
        lines.size() - failed,
        lines.size(),
        dir.resolve("validation.md"));
    print.flush();
    return failed == 0 ? 0 : OneLineErrors.FAILED;
  }
}
