package org.xtsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class VmmProbeCommandTest {

  @Test
  void shouldPrintTlbCountsWalkReferencesExitsAndCyclesAsJson() {
    CliRun r =
        CliRun.of(
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
    CliRun mode = CliRun.of("vmm-probe", "--mode", "paravirt");
    assertEquals(2, mode.status());
    assertTrue(mode.err().contains("--mode") && mode.err().contains("shadow-cached"), mode.err());
    CliRun size = CliRun.of("vmm-probe", "--footprint", "lots");
    assertEquals(2, size.status());
    assertTrue(size.err().contains("--footprint"), size.err());
    CliRun page =
        CliRun.of("vmm-probe", "--preset", "xt3", "--guest-page", "1GiB", "--mode", "native");
    assertEquals(2, page.status());
    assertTrue(page.err().contains("1GiB"), page.err());
    assertEquals(1, page.err().strip().lines().count());
    CliRun warmup = CliRun.of("vmm-probe", "--warmup", "-1");
    assertEquals(2, warmup.status());
    assertTrue(warmup.err().contains("--warmup must be >= 0"), warmup.err());
  }

  @Test
  void shouldCountTheTimedRunAloneWhateverTheWarmUp() {
    String[] common = {
      "vmm-probe", "--footprint", "64MiB", "--accesses", "30000", "--mode", "shadow", "--json"
    };
    CliRun cold = CliRun.of(concat(common, "--warmup", "0"));
    CliRun warm = CliRun.of(concat(common, "--warmup", "50000"));
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
