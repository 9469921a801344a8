package org.xtsim.experiments.validation;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.xtsim.experiments.results.AtomicFiles;
import org.xtsim.experiments.run.BuildInfo;

/**
 * Runs every check and writes {@code validation.csv} (one row per check: finding, source, what we
 * measure, the published value, ours with its 95 % interval, pass or fail, why) and {@code
 * validation.md} (the same as a table, for the README), beside the runs the checks measured.
 */
public final class ValidationReport {
  /** A check and what it found. */
  public record Line(Check check, Check.Outcome outcome) {}

  private ValidationReport() {}

  /** Runs {@code checks} through {@code studies}; a check that throws fails with the error. */
  public static List<Line> run(List<Check> checks, Studies studies) {
    List<Line> lines = new ArrayList<>();
    for (Check c : checks) {
      Check.Outcome o;
      try {
        o = c.evaluation().evaluate(studies);
      } catch (IOException | RuntimeException e) {
        o = new Check.Outcome(Double.NaN, Double.NaN, Double.NaN, "", false, "error: " + e);
      }
      lines.add(new Line(c, o));
    }
    return lines;
  }

  /** Writes the report into {@code dir}. */
  public static void write(Path dir, List<Line> lines, boolean quick, BuildInfo build)
      throws IOException {
    Files.createDirectories(dir);
    StringBuilder csv = new StringBuilder();
    csv.append(
        "check,finding,source,measure,published,value,ci95_low,ci95_high,unit,result,reason\n");
    for (Line l : lines) {
      Check c = l.check();
      Check.Outcome o = l.outcome();
      csv.append(
          String.join(
              ",",
              List.of(
                  cell(c.id()),
                  cell(c.finding()),
                  cell(c.source()),
                  cell(c.measure()),
                  cell(c.published()),
                  number(o.value()),
                  number(o.low()),
                  number(o.high()),
                  cell(o.unit()),
                  o.pass() ? "pass" : "fail",
                  cell(o.reason()))));
      csv.append('\n');
    }
    AtomicFiles.writeString(dir.resolve("validation.csv"), csv.toString());
    AtomicFiles.writeString(dir.resolve("validation.md"), markdown(lines, quick, build));
  }

  /** The table as markdown. */
  static String markdown(List<Line> lines, boolean quick, BuildInfo build) {
    long passed = lines.stream().filter(l -> l.outcome().pass()).count();
    StringBuilder md = new StringBuilder();
    md.append("# xtsim validate: published findings checked against the model\n\n");
    md.append(
        String.format(
            Locale.ROOT,
            "%d of %d checks pass%s. xtsim %s at %s%s. Made by `xtsim validate%s`; the runs the"
                + " checks measured are in `runs/`.%n%n",
            passed,
            lines.size(),
            quick ? " (QUICK: smaller scale than published, not a validation)" : "",
            build.version(),
            build.gitCommit() == null ? "an unknown commit" : build.gitCommit(),
            Boolean.TRUE.equals(build.gitDirty()) ? " (uncommitted changes)" : "",
            quick ? " --quick" : ""));
    md.append("| check | finding | source | we measure | published | ours (95 % CI) | result |\n");
    md.append("|---|---|---|---|---|---|---|\n");
    for (Line l : lines) {
      Check c = l.check();
      Check.Outcome o = l.outcome();
      String ours =
          Double.isNaN(o.value())
              ? "—"
              : format(o.value())
                  + " "
                  + o.unit()
                  + (Double.isNaN(o.low())
                      ? ""
                      : " (" + format(o.low()) + " to " + format(o.high()) + ")");
      md.append(
          String.format(
              Locale.ROOT,
              "| `%s` | %s | %s | %s | %s | %s | **%s**: %s |%n",
              c.id(),
              c.finding(),
              c.source(),
              c.measure(),
              c.published(),
              ours,
              o.pass() ? "pass" : "FAIL",
              o.reason().replace("|", "/")));
    }
    return md.toString();
  }

  private static String format(double v) {
    return Math.abs(v) >= 100
        ? String.format(Locale.ROOT, "%,.0f", v)
        : String.format(Locale.ROOT, "%.2f", v);
  }

  private static String number(double v) {
    return Double.isNaN(v) ? "" : Double.toString(v);
  }

  private static String cell(String s) {
    String t = s.replace('\n', ' ');
    return t.contains(",") || t.contains("\"") ? '"' + t.replace("\"", "\"\"") + '"' : t;
  }
}
