package org.xtsim.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.xtsim.experiments.registry.ParameterReference;
import org.xtsim.experiments.results.AtomicFiles;
import org.xtsim.experiments.run.PointRunners;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code xtsim params}: every key an experiment file may set, from the models' declarations. */
@Command(
    name = "params",
    mixinStandardHelpOptions = true,
    description = {
      "Lists every key an experiment file may set -- configuration keys, machine keys and each"
          + " workload's parameters -- with type, unit, default, allowed values, meaning and the"
          + " source of the default, as the models declare them. The README's parameter reference"
          + " is this command's Markdown."
    })
final class ParamsCommand implements Callable<Integer> {
  /** Output formats. */
  enum Format {
    table,
    markdown,
    json
  }

  @Spec CommandSpec spec;

  @Option(
      names = "--format",
      defaultValue = "table",
      description = "table (default), markdown or json.")
  Format format;

  @Option(
      names = "--update-readme",
      paramLabel = "FILE",
      description =
          "Rewrite the generated parameter section of FILE (the README) instead of printing.")
  Path readme;

  @Override
  public Integer call() throws IOException {
    ParameterReference reference = new ParameterReference(PointRunners.installed().registry());
    if (readme != null) {
      if (!Files.isRegularFile(readme)) {
        throw new IllegalArgumentException("--update-readme: no file " + readme);
      }
      String text = Files.readString(readme, StandardCharsets.UTF_8);
      String updated;
      try {
        updated = reference.updateReadme(text);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("--update-readme: " + readme + ": " + e.getMessage());
      }
      AtomicFiles.writeString(readme, updated);
      spec.commandLine()
          .getOut()
          .println(
              readme
                  + ": parameter reference "
                  + (updated.equals(text) ? "already current" : "updated"));
      return 0;
    }
    PrintWriter out = spec.commandLine().getOut();
    out.print(
        switch (format) {
          case table -> reference.table();
          case markdown -> reference.markdown();
          case json -> reference.json();
        });
    out.flush();
    return 0;
  }
}
