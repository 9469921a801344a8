package org.xtsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PholdCommandTest {

  @Test
  void shouldPrintOneJsonObjectWithTheRequiredFields() {
    CliRun o = CliRun.of("phold", "--lps", "256", "--end", "50", "--threads", "2", "--json");
    assertEquals(0, o.status(), o.err());
    String json = o.out().trim();
    assertTrue(json.startsWith("{") && json.endsWith("}"), json);
    for (String key :
        new String[] {"committedEvents", "wallSeconds", "eventsPerSecond", "threads", "digest"}) {
      assertTrue(json.contains("\"" + key + "\":"), key + " missing in " + json);
    }
    assertTrue(json.contains("\"threads\":2"), json);
  }

  @Test
  void shouldGiveTheSameDigestWithOneAndTwoThreads() {
    String one =
        CliRun.of("phold", "--lps", "512", "--end", "40", "--threads", "1", "--json").out();
    String two =
        CliRun.of("phold", "--lps", "512", "--end", "40", "--threads", "2", "--json").out();
    assertEquals(field(one, "digest"), field(two, "digest"));
    assertEquals(field(one, "committedEvents"), field(two, "committedEvents"));
  }

  @Test
  void shouldTakeTimesAsUnitsOrAsDurations() {
    String units =
        CliRun.of(
                "phold", "--lps", "64", "--lookahead", "1", "--mean", "2", "--end", "40", "--json")
            .out();
    String durations =
        CliRun.of(
                "phold",
                "--lps",
                "64",
                "--lookahead",
                "1us",
                "--mean",
                "2000ns",
                "--end",
                "0.04ms",
                "--json")
            .out();
    assertEquals(field(units, "digest"), field(durations, "digest"));
    assertBad("--lookahead: '1KiB' has unit 'KiB'", "phold", "--lookahead", "1KiB");
  }

  @Test
  void shouldRejectBadArgumentsWithOneLineNamingTheOption() {
    assertBad("--lps must be in [1, 67,108,864], was 0", "phold", "--lps", "0");
    assertBad("--remote must be in [0, 1]", "phold", "--remote", "1.5");
    assertBad("--lookahead must not exceed --mean", "phold", "--lookahead", "3", "--mean", "2");
    assertBad("--threads must be in [1, 1,024], was 0", "phold", "--threads", "0");
    assertBad("--threads must be in [1, 1,024], was 100,000", "phold", "--threads", "100000");
    assertBad(
        "--lps must be in [1, 67,108,864], was 2,000,000,000", "phold", "--lps", "2000000000");
    assertBad("--start-events must be in [1, 65,536]", "phold", "--start-events", "1000000000");
    assertBad("Unknown option: '--bogus'", "phold", "--bogus");
    assertBad("Invalid value for option '--lps'", "phold", "--lps", "many");
  }

  @Test
  void shouldExplainEveryOptionInHelp() {
    CliRun o = CliRun.of("phold", "--help");
    assertEquals(0, o.status());
    for (String option :
        new String[] {
          "--lps",
          "--start-events",
          "--remote",
          "--lookahead",
          "--mean",
          "--end",
          "--threads",
          "--seed",
          "--repeat",
          "--json"
        }) {
      assertTrue(o.out().contains(option), option + " missing from help");
    }
  }

  private static void assertBad(String expected, String... args) {
    CliRun o = CliRun.of(args);
    assertEquals(2, o.status(), "exit status for " + String.join(" ", args));
    assertTrue(o.err().contains(expected), o.err());
    assertEquals(1, o.err().strip().lines().count(), "one line: " + o.err());
  }

  private static String field(String json, String key) {
    int i = json.indexOf("\"" + key + "\":") + key.length() + 3;
    int end = json.indexOf(',', i);
    return json.substring(i, end < 0 ? json.indexOf('}', i) : end);
  }
}
