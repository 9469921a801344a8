package org.xtsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class ImbCommandTest {
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    return Xtsim.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
  }

  @Test
  void shouldPrintPingPongTimeAndBandwidthPerSizeAsJson() {
    assertEquals(
        0,
        run(
            "imb",
            "pingpong",
            "--network",
            "seastar",
            "--preset",
            "redstorm",
            "--placement",
            "nearest",
            "--sizes",
            "8,1KiB",
            "--json"));
    String json = out.toString();
    assertTrue(json.contains("\"bytes\":8,\"timeUs\":4.25"), json);
    assertTrue(json.contains("\"bytes\":1024,"), json);
    assertTrue(json.contains("\"events\":") && json.contains("\"wallSeconds\":"), json);
  }

  @Test
  void shouldRunAnAllreduceOnLogGopsWithUnits() {
    assertEquals(
        0,
        run(
            "imb",
            "allreduce",
            "--ranks",
            "8",
            "--bytes",
            "8",
            "--network",
            "loggp",
            "--L",
            "2.5us",
            "--o",
            "1.5us",
            "--g",
            "1us",
            "--G",
            "6ps",
            "--reduce-cost",
            "0ps",
            "--repetitions",
            "1",
            "--json"));
    // 3 rounds of o + L + 7 G + o.
    assertTrue(out.toString().contains("\"timeUs\":16.500126"), out.toString());
  }

  @Test
  void shouldRejectBadInputWithOneLineNamingTheOption() {
    assertEquals(2, run("imb", "barrier", "--dims", "4x0x4"));
    assertEquals(
        "xtsim imb: --dims: every dimension must be > 0, was '4x0x4'", err.toString().trim());
  }

  @Test
  void shouldRejectMoreRanksThanCores() {
    assertEquals(2, run("imb", "barrier", "--dims", "2x2x2", "--ranks", "9"));
    assertTrue(err.toString().contains("more ranks than cores"), err.toString());
  }
}
