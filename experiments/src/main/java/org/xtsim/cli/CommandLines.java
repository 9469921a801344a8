package org.xtsim.cli;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;

/** The command line as a run records it in its results. */
final class CommandLines {
  private CommandLines() {}

  /**
   * {@code xtsim} and the arguments as given. The parse result of a subcommand holds the whole
   * command line, subcommand names included, so nothing is prefixed but the program name.
   */
  static List<String> recorded(CommandSpec spec) {
    List<String> line = new ArrayList<>(List.of("xtsim"));
    line.addAll(spec.commandLine().getParseResult().originalArgs());
    return line;
  }
}
