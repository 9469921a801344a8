package org.xtsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.xtsim.params.Param;
import org.xtsim.vmm.VmmParams;

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
            "--vmm",
            "nested",
            "--guest-page",
            "4KiB",
            "--large-pages",
            "false",
            "--pwc-entries",
            "0",
            "--nested-tlb-entries",
            "0",
            "--asid",
            "--json");
    assertEquals(0, r.status(), r.err());
    Map<String, Object> json = JsonText.object(r.out());
    // The fields of the hand-written JSON this replaced, in the same places.
    assertEquals(
        List.of(
            "preset",
            "pattern",
            "footprintBytes",
            "accesses",
            "mode",
            "guestPage",
            "hostPage",
            "asid",
            "cr3IntervalAccesses",
            "tlb",
            "exits",
            "exitsTotal",
            "shadowFills",
            "nestedFaults",
            "swap",
            "cycles",
            "simulation"),
        List.copyOf(json.keySet()));
    assertEquals("xt4", json.get("preset"));
    assertEquals(256L << 20, json.get("footprintBytes"));
    assertEquals("nested", json.get("mode"));
    assertEquals("4KiB", json.get("hostPage"));
    assertEquals(true, json.get("asid"));
    Map<String, Object> tlb = map(json, "tlb");
    assertEquals(
        List.of(
            "l1Hits",
            "l2Hits",
            "misses",
            "missRate",
            "walkReferences",
            "referencesPerWalk",
            "flushes",
            "translationCyclesPerAccess"),
        List.copyOf(tlb.keySet()));
    // Without walk caches a 4 KiB nested walk reads 24 references.
    assertEquals(24.0, (Double) tlb.get("referencesPerWalk"), 1e-12);
    assertTrue(map(json, "exits").get("npf") instanceof Long, r.out());
    assertEquals(
        List.of("compute", "memory", "tlb", "vmm", "io", "total", "perAccess"),
        List.copyOf(map(json, "cycles").keySet()));
    assertEquals(
        List.of("guestFaults", "zeroFills", "diskReads", "diskWrites", "bypassHits", "symCalls"),
        List.copyOf(map(json, "swap").keySet()));
    assertEquals(
        List.of(
            "warmupAccesses",
            "wallSeconds",
            "translationsPerSecond",
            "cpuSeconds",
            "translationsPerCpuSecond"),
        List.copyOf(map(json, "simulation").keySet()));
  }

  @Test
  void shouldTakeTheDeclaredVmmOptionsAndTheirUnits() {
    String[] common = {
      "vmm-probe", "--footprint", "64MiB", "--accesses", "20000", "--warmup", "0", "--json"
    };
    // The declared default is native, as in an experiment file.
    Map<String, Object> nativeRun = run(common);
    assertEquals("native", nativeRun.get("mode"));
    // Large host pages through large_pages / large_page_size, as VmmParams.config builds them.
    Map<String, Object> large =
        run(concat(common, "--vmm", "nested", "--large-pages", "true", "--large-page-size", "2m"));
    assertEquals("2MiB", large.get("hostPage"));
    // The world switch as a cost in cycles or as a duration (at the xt4's 2.2 GHz: 500ns is
    // 1,100 cycles): the same exit prices either way.
    Map<String, Object> cycles =
        run(concat(common, "--vmm", "shadow", "--world-switch-cycles", "1100"));
    Map<String, Object> duration =
        run(concat(common, "--vmm", "shadow", "--world-switch-cycles", "500ns"));
    assertEquals(map(cycles, "cycles").get("vmm"), map(duration, "cycles").get("vmm"));
    Map<String, Object> defaults = run(concat(common, "--vmm", "shadow"));
    assertTrue(
        (Double) map(defaults, "cycles").get("vmm") > (Double) map(cycles, "cycles").get("vmm"),
        "the declared 1,500-cycle world switch costs more than 1,100");

    String help = CliRun.of("vmm-probe", "--help").out().replaceAll("\\s+", "");
    for (Param p : List.of(VmmParams.VMM, VmmParams.WORLD_SWITCH_CYCLES)) {
      assertTrue(
          help.contains(ParamOptions.description(p).replace("%%", "%").replaceAll("\\s+", "")),
          p.key());
    }
    assertTrue(help.contains("1GB=10^9bytes"), "the help says KB/MB/GB are decimal now");
  }

  @Test
  void shouldProbeTheModeAutomaticPagingChooses() {
    String[] common = {
      "vmm-probe", "--footprint", "64MiB", "--accesses", "20000", "--warmup", "0", "--json"
    };
    // No CR3 writes and a random stream that misses the TLB: the SymSpy policy runs shadow.
    Map<String, Object> still = run(concat(common, "--vmm", "automatic"));
    assertEquals("shadow", still.get("mode"));
    assertEquals("automatic", still.get("selectedBy"));
    // A CR3 write every 1,000 references (thousands a second): nested.
    Map<String, Object> switching =
        run(concat(common, "--vmm", "automatic", "--cr3-interval", "1000"));
    assertEquals("nested", switching.get("mode"));
    // The policy's threshold is a declared option: raised above the rate, shadow again.
    Map<String, Object> tolerant =
        run(
            concat(
                common,
                "--vmm",
                "automatic",
                "--cr3-interval",
                "1000",
                "--automatic-max-updates-hz",
                "1MHz"));
    assertEquals("shadow", tolerant.get("mode"));
    // The oracle keeps the cheaper of the two; the policy's choice never beats it.
    Map<String, Object> oracle =
        run(concat(common, "--vmm", "automatic-oracle", "--cr3-interval", "1000"));
    assertEquals("automatic-oracle", oracle.get("selectedBy"));
    for (Map<String, Object> auto : List.of(switching, tolerant)) {
      assertTrue(
          (Double) map(oracle, "cycles").get("total") <= (Double) map(auto, "cycles").get("total"));
    }
  }

  @Test
  void shouldReadSizesAsEveryCommandDoesKbDecimalKibBinary() {
    String[] common = {"vmm-probe", "--accesses", "1000", "--warmup", "0", "--json"};
    assertEquals(1_000_000_000L, run(concat(common, "--footprint", "1GB")).get("footprintBytes"));
    assertEquals(1L << 30, run(concat(common, "--footprint", "1GiB")).get("footprintBytes"));
    CliRun page = CliRun.of("vmm-probe", "--guest-page", "2MB");
    assertEquals(2, page.status());
    assertTrue(page.err().contains("--guest-page: '2MB' is 2000000 B"), page.err());
  }

  @Test
  void shouldRefuseLargeGuestPagesWhenTheGuestSwaps() {
    CliRun r =
        CliRun.of(
            "vmm-probe",
            "--vmm",
            "nested",
            "--guest-page",
            "2MiB",
            "--footprint",
            "1GiB",
            "--guest-memory",
            "512MiB");
    assertEquals(2, r.status());
    assertEquals(
        "xtsim vmm-probe: --guest-page 2MiB: swapping (--footprint 1GiB > --guest-memory 512MiB)"
            + " is modelled for 4KiB guest pages only",
        r.err().strip());
    // Guest memory the footprint fits in does not swap: large pages are fine.
    CliRun fits =
        CliRun.of(
            "vmm-probe",
            "--vmm",
            "nested",
            "--guest-page",
            "2MiB",
            "--footprint",
            "256MiB",
            "--guest-memory",
            "512MiB",
            "--accesses",
            "1000",
            "--warmup",
            "0");
    assertEquals(0, fits.status(), fits.err());
  }

  @Test
  void shouldRejectBadValuesWithOneLineNamingTheOption() {
    CliRun mode = CliRun.of("vmm-probe", "--vmm", "paravirt");
    assertEquals(2, mode.status());
    assertTrue(mode.err().contains("--vmm") && mode.err().contains("shadow-cached"), mode.err());
    CliRun size = CliRun.of("vmm-probe", "--footprint", "lots");
    assertEquals(2, size.status());
    assertTrue(size.err().contains("--footprint"), size.err());
    CliRun page =
        CliRun.of("vmm-probe", "--preset", "xt3", "--guest-page", "1GiB", "--vmm", "native");
    assertEquals(2, page.status());
    assertTrue(page.err().contains("1GiB"), page.err());
    assertEquals(1, page.err().strip().lines().count());
    CliRun warmup = CliRun.of("vmm-probe", "--warmup", "-1");
    assertEquals(2, warmup.status());
    assertTrue(warmup.err().contains("--warmup must be >= 0"), warmup.err());
    CliRun former = CliRun.of("vmm-probe", "--mode", "nested");
    assertEquals(2, former.status());
    assertTrue(former.err().contains("--mode is now --vmm"), former.err());
    CliRun hostPage = CliRun.of("vmm-probe", "--host-page", "2MiB");
    assertEquals(2, hostPage.status());
    assertTrue(hostPage.err().contains("--large-pages"), hostPage.err());
  }

  @Test
  void shouldCountTheTimedRunAloneWhateverTheWarmUp() {
    String[] common = {
      "vmm-probe", "--footprint", "64MiB", "--accesses", "30000", "--vmm", "shadow", "--json"
    };
    Map<String, Object> cold = run(concat(common, "--warmup", "0"));
    Map<String, Object> warm = run(concat(common, "--warmup", "50000"));
    assertEquals(0L, map(cold, "simulation").get("warmupAccesses"));
    assertEquals(50000L, map(warm, "simulation").get("warmupAccesses"));
    // Everything but the timing is the same: the warm-up ran on a simulator of its own.
    cold.remove("simulation");
    warm.remove("simulation");
    assertEquals(cold, warm);
    assertEquals(30000L, cold.get("accesses"));
  }

  @Test
  void shouldPrintOneObjectPerLineForRepeatedRuns() {
    CliRun r =
        CliRun.of(
            "vmm-probe",
            "--footprint",
            "64MiB",
            "--accesses",
            "1000",
            "--warmup",
            "0",
            "--repeat",
            "3",
            "--json");
    assertEquals(0, r.status(), r.err());
    assertEquals(3, JsonText.parseLines(r.out()).size());
  }

  private static Map<String, Object> run(String... args) {
    CliRun r = CliRun.of(args);
    assertEquals(0, r.status(), r.err());
    return JsonText.object(r.out());
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Map<String, Object> json, String key) {
    return (Map<String, Object>) json.get(key);
  }

  private static String[] concat(String[] head, String... tail) {
    String[] all = java.util.Arrays.copyOf(head, head.length + tail.length);
    System.arraycopy(tail, 0, all, head.length, tail.length);
    return all;
  }
}
