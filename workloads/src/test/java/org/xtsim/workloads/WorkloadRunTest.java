package org.xtsim.workloads;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.xtsim.engine.SimTime;
import org.xtsim.network.seastar.SeastarSpec;
import org.xtsim.node.os.NoiseInjection;
import org.xtsim.vmm.PreemptionPolicy;

/** Whole runs: determinism, and that each mechanism moves the workload's figures as it should. */
class WorkloadRunTest {
  private static final Map<String, Object> SMALL_HPCCG =
      Map.of("nx", 24, "ny", 24, "nz", 24, "iterations", 12);

  @Test
  void shouldGiveIdenticalResultsWithOneTwoAndFourThreads() {
    String[] results = new String[3];
    int[] threads = {1, 2, 4};
    for (int i = 0; i < 3; i++) {
      WorkloadResult r =
          Runs.run(
              "hpccg",
              SMALL_HPCCG,
              "cnl",
              Runs.withPreemption(Runs.SHADOW_4K, PreemptionPolicy.UNCONTROLLED),
              16,
              threads[i],
              SeastarSpec.preset("redstorm"),
              null);
      results[i] = r.metrics().toString() + r.statistics().committedEvents();
    }
    assertEquals(results[0], results[1]);
    assertEquals(results[0], results[2]);
  }

  @Test
  void shouldCostLittleUnderNestedPagingWithLargePagesForALightweightGuest() {
    double nativeMflops =
        Runs.value(Runs.run("hpccg", SMALL_HPCCG, "catamount", Runs.NATIVE, 8), "mflops_per_node");
    double nestedMflops =
        Runs.value(
            Runs.run("hpccg", SMALL_HPCCG, "catamount", Runs.NESTED_2M, 8), "mflops_per_node");
    double overheadPct = 100 * (nativeMflops - nestedMflops) / nativeMflops;
    assertTrue(overheadPct > 0, "virtualization is never free: " + overheadPct);
    assertTrue(overheadPct < 5, "the VEE 2011 result, under 5 %: " + overheadPct);
  }

  @Test
  void shouldMakeShadowPagingCostlierThanNestedForAGuestThatSwitchesAddressSpaces() {
    // Compute Node Linux writes CR3 on context switches: every write discards the shadow tables
    // (virtual-TLB strategy), which #PF exits refill; nested paging does not care.
    WorkloadResult shadow = Runs.run("hpccg", SMALL_HPCCG, "cnl", Runs.SHADOW_4K, 4);
    WorkloadResult nested =
        Runs.run(
            "hpccg",
            SMALL_HPCCG,
            "cnl",
            org.xtsim.vmm.VmmConfig.nested(org.xtsim.node.PageSize.SIZE_4K),
            4);
    assertTrue(
        Runs.value(shadow, "completion_time") > Runs.value(nested, "completion_time"),
        "shadow " + shadow.metrics() + " nested " + nested.metrics());
    assertTrue(Runs.value(shadow, "page_fault_exits_per_node") > 0);
    assertEquals(0, Runs.value(nested, "page_fault_exits_per_node"));
  }

  @Test
  void shouldHurtMoreWithLowFrequencyLongNoiseThanHighFrequencyShortAtTheSameNetNoise() {
    // Ferreira, Bridges, Brightwell (SC08): 2.5 % net noise, very different slowdowns at scale.
    int nodes = 32;
    double base =
        Runs.value(
            Runs.run("hpccg", SMALL_HPCCG, "catamount", Runs.NATIVE, nodes), "completion_time");
    double shortNoise = slowdown(base, new NoiseInjection(1000, SimTime.us(25), false), nodes);
    double longNoise = slowdown(base, new NoiseInjection(10, SimTime.us(2500), false), nodes);
    assertTrue(shortNoise > 0, "any noise slows down: " + shortNoise);
    assertTrue(longNoise > shortNoise, "long " + longNoise + " vs short " + shortNoise);
  }

  private static double slowdown(double base, NoiseInjection noise, int nodes) {
    double t =
        Runs.value(
            Runs.run(
                "hpccg",
                SMALL_HPCCG,
                "catamount",
                Runs.NATIVE,
                nodes,
                1,
                org.xtsim.network.loggp.LogGopsParams.defaults(),
                noise),
            "completion_time");
    return t / base - 1;
  }

  @Test
  void shouldHurtMoreWithUncontrolledThanControlledPreemption() {
    int nodes = 32;
    double controlled =
        Runs.value(
            Runs.run(
                "hpccg",
                SMALL_HPCCG,
                "catamount",
                Runs.withPreemption(Runs.NESTED_2M, PreemptionPolicy.DEFERRED),
                nodes),
            "completion_time");
    double uncontrolled =
        Runs.value(
            Runs.run(
                "hpccg",
                SMALL_HPCCG,
                "catamount",
                Runs.withPreemption(Runs.NESTED_2M, PreemptionPolicy.UNCONTROLLED),
                nodes),
            "completion_time");
    assertTrue(uncontrolled > controlled, uncontrolled + " vs " + controlled);
  }

  @Test
  void shouldRemoveDiskReadsWithSwapBypass() {
    Map<String, Object> params = Map.of("iterations", 2, "accesses", 200_000);
    WorkloadResult shadow = Runs.run("memory-pressure", params, "cnl", Runs.SHADOW_4K, 2);
    WorkloadResult bypass =
        Runs.run(
            "memory-pressure",
            params,
            "cnl",
            org.xtsim.vmm.VmmConfig.of(
                org.xtsim.vmm.PagingMode.SWAPBYPASS, org.xtsim.node.PageSize.SIZE_4K),
            2);
    assertTrue(Runs.value(shadow, "swap_disk_reads_per_node") > 0);
    assertEquals(0, Runs.value(bypass, "swap_disk_reads_per_node"), 1e-9);
    assertTrue(Runs.value(bypass, "run_time") < Runs.value(shadow, "run_time"));
  }

  @Test
  void shouldShowMoreNoiseOnLinuxThanOnCatamountInFwq() {
    Map<String, Object> params = Map.of("samples", 400);
    double catamount =
        Runs.value(Runs.run("fwq", params, "catamount", Runs.NATIVE, 1), "noise_pct");
    double linux = Runs.value(Runs.run("fwq", params, "cnl", Runs.NATIVE, 1), "noise_pct");
    assertTrue(linux > catamount, "CNL " + linux + " vs Catamount " + catamount);
  }

  @Test
  void shouldLoseWorkInFtqQuantaUnderNoise() {
    Map<String, Object> params = Map.of("samples", 50);
    double quiet =
        Runs.value(Runs.run("ftq", params, "catamount", Runs.NATIVE, 1), "lost_work_pct");
    double noisy =
        Runs.value(
            Runs.run(
                "ftq",
                params,
                "catamount",
                Runs.NATIVE,
                1,
                1,
                org.xtsim.network.loggp.LogGopsParams.defaults(),
                new NoiseInjection(100, SimTime.us(500), false)),
            "lost_work_pct");
    assertTrue(noisy > quiet, noisy + " vs " + quiet);
  }

  @Test
  void shouldRunTheProxiesAndImbOnNonPowersOfTwo() {
    assertTrue(
        Runs.value(
                Runs.run("sage", Map.of("steps", 3, "cells", 4096), "catamount", Runs.NATIVE, 7),
                "run_time")
            > 0);
    assertTrue(
        Runs.value(
                Runs.run("cth", Map.of("steps", 2, "cells", 10), "catamount", Runs.NATIVE, 12),
                "run_time")
            > 0);
    double allreduce =
        Runs.value(
            Runs.run(
                "imb",
                Map.of("benchmark", "allreduce", "repetitions", 5),
                "catamount",
                Runs.NATIVE,
                6),
            "time");
    assertTrue(allreduce > 0);
  }

  @Test
  void shouldRejectUnknownAndOutOfRangeParameters() {
    IllegalArgumentException unknown =
        assertThrows(
            IllegalArgumentException.class,
            () -> WorkloadCatalog.standard().create("hpccg", Map.of("nq", 3)));
    assertEquals(
        "params.nq: unknown key; allowed: nx, ny, nz, iterations (workload hpccg)",
        unknown.getMessage());
    IllegalArgumentException range =
        assertThrows(
            IllegalArgumentException.class,
            () -> WorkloadCatalog.standard().create("hpccg", Map.of("nx", 1)));
    assertEquals(
        "params.nx: '1' is not allowed; allowed: an integer in [2, 10000] (workload hpccg)",
        range.getMessage());
  }
}
