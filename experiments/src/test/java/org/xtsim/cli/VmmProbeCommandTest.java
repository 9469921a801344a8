package org.xtsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class VmmProbeCommandTest {
  private record Run(int status, String out, String err) {}

  private static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int status = Xtsim.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
    return new Run(status, out.toString(), err.toString());
  }

  @Test
  void shouldPrintTlbCountsWalkReferencesExitsAndCyclesAsJson() {
    Run r =
        run(
            "vmm-probe",
            "--preset",
            "xt4",
            "--pattern",
            "random",
            "--footprint",
            "256MiB",
            "--accesses",
            "20000",
            "--mode",
            "nested",
            "--guest-page",
            "4KiB",
            "--host-page",
            "4KiB",
            "--pwc-entries",
            "0",
            "--nested-tlb-entries",
            "0",
            "--asid",
            "--json");
    assertEquals(0, r.status(), r.err());
    for (String key :
        new String[] {
          "\"misses\"",
          "\"referencesPerWalk\": 24.0000",
          "\"translationCyclesPerAccess\"",
          "\"exits\": {\"npf\"",
          "\"cycles\": {\"compute\"",
          "\"vmm\"",
          "\"translationsPerSecond\""
        }) {
      assertTrue(r.out().contains(key), key + " in " + r.out());
    }
  }

  @Test
  void shouldRejectBadValuesWithOneLineNamingTheOption() {
    Run mode = run("vmm-probe", "--mode", "paravirt");
    assertEquals(2, mode.status());
    assertTrue(mode.err().contains("--mode") && mode.err().contains("shadow-cached"), mode.err());
    Run size = run("vmm-probe", "--footprint", "lots");
    assertEquals(2, size.status());
    assertTrue(size.err().contains("--footprint"), size.err());
    Run page = run("vmm-probe", "--preset", "xt3", "--guest-page", "1GiB", "--mode", "native");
    assertEquals(2, page.status());
    assertTrue(page.err().contains("1GiB"), page.err());
    assertEquals(1, page.err().strip().lines().count());
    Run warmup = run("vmm-probe", "--warmup", "-1");
    assertEquals(2, warmup.status());
    assertTrue(warmup.err().contains("--warmup must be >= 0"), warmup.err());
  }

  @Test
  void shouldCountTheTimedRunAloneWhateverTheWarmUp() {
    String[] common = {
      "vmm-probe", "--footprint", "64MiB", "--accesses", "30000", "--mode", "shadow", "--json"
    };
    Run cold = run(concat(common, "--warmup", "0"));
    Run warm = run(concat(common, "--warmup", "50000"));
    assertEquals(0, cold.status(), cold.err());
    assertEquals(0, warm.status(), warm.err());
    assertTrue(cold.out().contains("\"warmupAccesses\": 0,"), cold.out());
    assertTrue(warm.out().contains("\"warmupAccesses\": 50000,"), warm.out());
    // Everything before the timing is the same: the warm-up ran on a simulator of its own.
    assertEquals(beforeTiming(cold.out()), beforeTiming(warm.out()));
    assertTrue(beforeTiming(cold.out()).contains("\"accesses\": 30000,"), cold.out());
  }

  private static String beforeTiming(String json) {
    return json.substring(0, json.indexOf("\"simulation\""));
  }

  private static String[] concat(String[] head, String... tail) {
    String[] all = java.util.Arrays.copyOf(head, head.length + tail.length);
    System.arraycopy(tail, 0, all, head.length, tail.length);
    return all;
  }
}
