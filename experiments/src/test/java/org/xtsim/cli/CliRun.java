package org.xtsim.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/** One run of the {@code xtsim} command line in this JVM: its exit status and what it printed. */
record CliRun(int status, String out, String err) {
  /** Runs {@code xtsim args...} with captured output streams. */
  static CliRun of(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int status = Xtsim.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
    return new CliRun(status, out.toString(), err.toString());
  }
}
