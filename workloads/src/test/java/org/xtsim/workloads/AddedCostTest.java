package org.xtsim.workloads;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.xtsim.network.NetworkSpec;
import org.xtsim.network.seastar.SeastarSpec;
import org.xtsim.node.NodePresets;
import org.xtsim.node.NodeSpec;
import org.xtsim.node.os.OsParams;
import org.xtsim.params.Param;
import org.xtsim.params.ParamValues;
import org.xtsim.vmm.ExitCosts;
import org.xtsim.vmm.ExitType;
import org.xtsim.vmm.VmmConfig;
import org.xtsim.vmm.VmmParams;

/**
 * Adding a cost never makes a run faster (issue 18): the cases of the main study that broke the
 * rule, a property over random small configurations, and the virtualized run whose every VMM cost
 * is switched off, which must take exactly the native time. Configurations are built from the
 * configuration keys of an experiment file through {@link VmmParams} and {@link OsParams}, as the
 * runner builds them.
 */
class AddedCostTest {
  private static final NodeSpec XT4 = NodePresets.xt4();

  /** The main study's base seed (experiments/redstorm-virtualization.yaml). */
  private static final long STUDY_SEED = 20110309L;

  /**
   * The seeds of the main study's CTH points (results/redstorm-virtualization/results.csv), shared
   * by every configuration of a node count, so that these are the table's points exactly.
   */
  private static long studyCthSeed(int nodes) {
    return switch (nodes) {
      case 4 -> -8524328143834848181L;
      case 8 -> -6463813614164799671L;
      case 32 -> -859993089274922012L;
      case 256 -> 2853132260079234302L;
      default -> throw new IllegalArgumentException("no study point at " + nodes + " nodes");
    };
  }

  /** The main study's machine: the Red Storm mesh, SeaStar, 64 KiB packets, idle-link timing. */
  private static NetworkSpec studyNetwork(boolean linkContention) {
    SeastarSpec redstorm = SeastarSpec.preset("redstorm");
    return redstorm.withParams(
        redstorm.params().withPacketBytes(65_536).withLinkContention(linkContention));
  }

  private static final Map<String, Object> NATIVE = Map.of("vmm", "native");

  /** A configuration of the main study: Palacios with controlled preemption, passthrough NIC. */
  private static Map<String, Object> palacios(String vmm, boolean largePages, Object... more) {
    Map<String, Object> keys = new LinkedHashMap<>();
    keys.put("vmm", vmm);
    keys.put("large_pages", largePages);
    keys.put("preemption", "controlled");
    keys.put("nic", "passthrough");
    for (int i = 0; i < more.length; i += 2) {
      keys.put((String) more[i], more[i + 1]);
    }
    return keys;
  }

  private static ParamValues values(List<Param> declared, Map<String, Object> keys) {
    Map<String, Object> mine = new LinkedHashMap<>();
    for (Param p : declared) {
      if (keys.containsKey(p.key())) {
        mine.put(p.key(), keys.get(p.key()));
      }
    }
    return ParamValues.parse(declared, mine);
  }

  /** Run time of {@code workload} under the configuration keys {@code keys}, guest Catamount. */
  private static double runTime(
      Workload workload,
      Map<String, Object> keys,
      int nodes,
      long seed,
      NetworkSpec network,
      VmmConfig override) {
    ParamValues os = values(OsParams.ALL, keys);
    VmmConfig vmm =
        override != null ? override : VmmParams.config(values(VmmParams.ALL, keys), XT4.clockHz());
    return WorkloadRun.builder()
        .workload(workload)
        .system(XT4, OsParams.guest(os), vmm)
        .noise(OsParams.noise(os))
        .network(network)
        .nodes(nodes)
        .seed(seed)
        .run()
        .metric("completion_time")
        .value();
  }

  private static double cth(Map<String, Object> keys, int nodes) {
    return runTime(
        WorkloadCatalog.standard().create("cth", Map.of()),
        keys,
        nodes,
        studyCthSeed(nodes),
        studyNetwork(false),
        null);
  }

  private static double overheadPct(double virtualized, double nativeTime) {
    return 100 * (virtualized / nativeTime - 1);
  }

  // ------------------------------------------------------------------ the study's cases

  /**
   * The input the shadow-paging cost under CNL rests on: each guest context switch writes CR3,
   * discarding the shadow tables that #PF exits then refill, so shadow paging pays in proportion;
   * nested paging does not refill anything.
   */
  @Test
  void shouldMakeShadowPagingPayForEachGuestContextSwitch() {
    Workload hpccg =
        WorkloadCatalog.standard()
            .create("hpccg", Map.of("nx", 40, "ny", 40, "nz", 40, "iterations", 10));
    double[] rates = {0, 20, 80};
    double[] shadow = runTimes(hpccg, "shadow", rates);
    double[] nested = runTimes(hpccg, "nested", rates);
    String all =
        String.format(
            "shadow %s s, nested %s s at %s switches/s",
            java.util.Arrays.toString(shadow),
            java.util.Arrays.toString(nested),
            java.util.Arrays.toString(rates));
    assertTrue(shadow[0] < shadow[1] && shadow[1] < shadow[2], "shadow pays per switch: " + all);
    double shadowCost = shadow[2] - shadow[0];
    double nestedCost = nested[2] - nested[0];
    assertTrue(nestedCost < 0.1 * shadowCost, "nested barely notices: " + all);
  }

  /** One-node run times of {@code w} under {@code vmm} with a CNL guest at each switch rate. */
  private static double[] runTimes(Workload w, String vmm, double[] switchesHz) {
    double[] out = new double[switchesHz.length];
    for (int i = 0; i < switchesHz.length; i++) {
      Map<String, Object> keys =
          palacios(vmm, false, "guest", "cnl", "guest_context_switches_hz", switchesHz[i]);
      out[i] = runTime(w, keys, 1, 1, studyNetwork(false), null);
    }
    return out;
  }

  /** Was −0.15 %: nested paging with large pages ran CTH faster than the bare machine. */
  @Test
  void shouldNotRunCthFasterUnderNestedLargePagesThanNativeAtFourNodes() {
    double nativeTime = cth(NATIVE, 4);
    double nested = cth(palacios("nested", true), 4);
    assertTrue(nested > nativeTime, "nested-large " + nested + " s, native " + nativeTime + " s");
  }

  /** Was +1.22 % with no world-switch cost against +0.77 % with the default 1,500 cycles. */
  @Test
  void shouldNotSlowCthDownWhenTheWorldSwitchCostIsRemoved() {
    double free = cth(palacios("nested", true, "world_switch_cycles", 0L), 8);
    double paid = cth(palacios("nested", true), 8);
    double dear = cth(palacios("nested", true, "world_switch_cycles", 6000L), 8);
    assertTrue(free <= paid && paid <= dear, "0: " + free + ", 1500: " + paid + ", 6000: " + dear);
  }

  /** Was −2.1 % emulated against +0.8 % passthrough: I/O exits and copies sped CTH up. */
  @Test
  void shouldRunCthSlowerWithAnEmulatedNicThanWithPassthrough() {
    double passthrough = cth(palacios("nested", true), 8);
    double emulated = cth(palacios("nested", true, "nic", "emulated"), 8);
    assertTrue(
        emulated > passthrough, "emulated " + emulated + " s, passthrough " + passthrough + " s");
  }

  /**
   * Was about +1 % in every configuration whatever its VMM costs, 0.04 % at 32 nodes and 1.39 % at
   * 256: the order in which the NIC served the face exchange decided it. Nested paging with small
   * pages now costs CTH a small overhead that varies little with the node count.
   */
  @Test
  void shouldGiveCthAnOverheadThatFollowsItsCostsAcrossNodeCounts() {
    double least = Double.MAX_VALUE;
    double most = -Double.MAX_VALUE;
    StringBuilder seen = new StringBuilder();
    for (int nodes : new int[] {8, 32, 256}) {
      double pct = overheadPct(cth(palacios("nested", false), nodes), cth(NATIVE, nodes));
      least = Math.min(least, pct);
      most = Math.max(most, pct);
      seen.append(nodes).append(" nodes: ").append(pct).append(" %; ");
    }
    assertTrue(least > 0, seen.toString());
    assertTrue(most - least < 0.2, "spread over node counts: " + seen);
  }

  // ------------------------------------------------------------------ every VMM cost off

  /**
   * Palacios with no exit costs (world switch, handlers, TLB flush on VMRUN), no host preemption,
   * passthrough NIC and the guest's translation as on the bare machine: the VMM is there (the guest
   * takes its tick and every received message through an interrupt exit) but costs nothing, so the
   * run takes exactly the native time.
   */
  @Test
  void shouldTakeExactlyTheNativeTimeWhenEveryVmmCostIsSwitchedOff() {
    VmmConfig free =
        VmmParams.config(
                values(VmmParams.ALL, palacios("nested", true, "preemption", "none")),
                XT4.clockHz())
            .withExitCosts(zeroExitCosts())
            .withNativeTranslation(true);
    for (String workload : List.of("cth", "hpccg", "sage")) {
      Workload w = WorkloadCatalog.standard().create(workload, smallParams(workload));
      for (String guest : List.of("catamount", "cnl")) {
        Map<String, Object> keys = Map.of("guest", guest);
        double nativeTime = runTime(w, keys, 8, STUDY_SEED, studyNetwork(false), NATIVE_VMM);
        double virtualized = runTime(w, keys, 8, STUDY_SEED, studyNetwork(false), free);
        assertEquals(nativeTime, virtualized, 0.0, workload + " on " + guest);
      }
    }
  }

  private static final VmmConfig NATIVE_VMM = VmmConfig.nativeNode();

  private static ExitCosts zeroExitCosts() {
    ExitCosts costs = ExitCosts.defaults().withWorldSwitchCycles(0).withAsid(true);
    for (ExitType t : ExitType.values()) {
      costs = costs.withHandlerCycles(t, 0);
    }
    return costs;
  }

  private static Map<String, Object> smallParams(String workload) {
    return switch (workload) {
      case "cth" -> Map.of("cells", 24L, "steps", 4L);
      case "hpccg" -> Map.of("nx", 30L, "ny", 30L, "nz", 30L, "iterations", 10L);
      default -> Map.of("cells", 4000L, "steps", 4L);
    };
  }

  // ------------------------------------------------------------------ the property

  /** One cost the property adds to a configuration. */
  private enum Added {
    EXIT_COST,
    NOISE,
    PREEMPTION,
    EMULATED_NIC,
    SMALLER_PAGES,
    CONTEXT_SWITCHES
  }

  /**
   * A random small configuration (workload, size, nodes, guest, paging, pages, preemption, NIC,
   * world switch, injected noise) and the same with one more cost. CTH faces range from eager (80
   * KB) to rendezvous (512 KB) sizes, the exchanges where the NIC's service order decides the run.
   * Injected noise runs at 1 to 5 kHz so that every run of a few tens of milliseconds sees many
   * events on every node: a run shorter than the gap between noise events measures where the one
   * event fell, not what the noise costs.
   */
  private record Case(
      String workload,
      Map<String, Object> params,
      int nodes,
      Map<String, Object> base,
      Map<String, Object> costlier,
      Added added) {
    static Case random(Random rnd) {
      String workload = List.of("cth", "hpccg", "sage").get(rnd.nextInt(3));
      Map<String, Object> params =
          switch (workload) {
            case "cth" ->
                Map.of(
                    "cells", 16L + rnd.nextInt(25),
                    "steps", 3L + rnd.nextInt(4),
                    "allreduces", (long) rnd.nextInt(4));
            case "hpccg" ->
                Map.of(
                    "nx", 16L + rnd.nextInt(25),
                    "ny", 16L + rnd.nextInt(25),
                    "nz", 16L + rnd.nextInt(25),
                    "iterations", 4L + rnd.nextInt(8));
            default ->
                Map.of(
                    "cells", 1000L + rnd.nextInt(6000),
                    "message_bytes", 4096L + rnd.nextInt(200_000),
                    "partners", 1L + rnd.nextInt(3),
                    "steps", 3L + rnd.nextInt(4));
          };
      int nodes = 3 + rnd.nextInt(10);
      Map<String, Object> base = new LinkedHashMap<>();
      base.put("guest", rnd.nextBoolean() ? "catamount" : "cnl");
      base.put("vmm", rnd.nextBoolean() ? "nested" : "shadow");
      base.put("large_pages", rnd.nextBoolean());
      base.put(
          "preemption",
          List.of("none", "controlled", "uncontrolled", "aligned").get(rnd.nextInt(4)));
      base.put("preemption_hz", 100.0 * (1 + rnd.nextInt(10)));
      base.put("nic", rnd.nextInt(4) == 0 ? "emulated" : "passthrough");
      base.put("world_switch_cycles", (long) rnd.nextInt(3001));
      if (rnd.nextBoolean()) {
        base.put("noise_pct", 0.5 + rnd.nextInt(5));
        base.put("noise_frequency_hz", List.of(1000.0, 2000.0, 5000.0).get(rnd.nextInt(3)));
        base.put("noise_sync", rnd.nextBoolean());
      }
      List<Added> possible =
          new ArrayList<>(List.of(Added.EXIT_COST, Added.NOISE, Added.PREEMPTION));
      if (base.get("vmm").equals("shadow")) {
        // A guest CR3 write costs shadow paging a discarded table and its refill faults; under
        // nested paging only the guest's own TLB refill, as on the bare machine.
        possible.add(Added.CONTEXT_SWITCHES);
      }
      if (base.get("nic").equals("passthrough")) {
        possible.add(Added.EMULATED_NIC);
      }
      if (Boolean.TRUE.equals(base.get("large_pages"))) {
        possible.add(Added.SMALLER_PAGES);
      }
      Added added = possible.get(rnd.nextInt(possible.size()));
      Map<String, Object> costlier = new LinkedHashMap<>(base);
      switch (added) {
        case EXIT_COST ->
            costlier.put(
                "world_switch_cycles",
                (long) base.get("world_switch_cycles") + 100 + rnd.nextInt(3000));
        case NOISE -> {
          double pct = (double) base.getOrDefault("noise_pct", 0.0);
          costlier.put("noise_pct", pct + 0.5 + rnd.nextInt(4));
          costlier.putIfAbsent("noise_frequency_hz", 1000.0);
        }
        case PREEMPTION -> {
          if (base.get("preemption").equals("none")) {
            costlier.put("preemption", rnd.nextBoolean() ? "controlled" : "uncontrolled");
          } else {
            costlier.put(
                "preemption_hz", (double) base.get("preemption_hz") * (2 + rnd.nextInt(4)));
          }
        }
        case EMULATED_NIC -> costlier.put("nic", "emulated");
        case SMALLER_PAGES -> costlier.put("large_pages", false);
        case CONTEXT_SWITCHES ->
            costlier.put("guest_context_switches_hz", 20.0 * (2 + rnd.nextInt(10)));
        default -> throw new AssertionError(added);
      }
      return new Case(workload, params, nodes, base, costlier, added);
    }

    /** Mean run time over {@code seeds} seeds of one side of the case. */
    double meanRunTime(boolean withCost, long[] seeds, NetworkSpec network) {
      double sum = 0;
      for (double t : runTimes(withCost, seeds, network)) {
        sum += t;
      }
      return sum / seeds.length;
    }

    /** Run time at each of {@code seeds} of one side of the case. */
    double[] runTimes(boolean withCost, long[] seeds, NetworkSpec network) {
      Workload w = WorkloadCatalog.standard().create(workload, params);
      double[] out = new double[seeds.length];
      for (int i = 0; i < seeds.length; i++) {
        out[i] = runTime(w, withCost ? costlier : base, nodes, seeds[i], network, null);
      }
      return out;
    }

    @Override
    public String toString() {
      return workload + params + " on " + nodes + " nodes, " + base + " plus " + added;
    }
  }

  /** Paired seeds, the same on both sides of every case; random effects are paired over them. */
  private static final long[] SEEDS = {1, 2, 3};

  /** Random cases of the property with idle-link timing (half as many with link contention). */
  private static final int CASES = 24;

  /**
   * Never faster with idle-link timing: the paired differences (with cost minus without, seed by
   * seed) have a mean that is not below zero by more than its 95 % t half-width. Where nothing is
   * random the differences are all equal, the half-width is 0 and the rule is exact; where host
   * work or noise is drawn at random (heavy-tailed host work included) a lucky draw on one side is
   * not mistaken for a cost that speeds a run up.
   */
  @Test
  void shouldNeverMakeARunFasterByAddingOneCostWithIdleLinkTiming() {
    Random rnd = new Random(18);
    List<String> faster = new ArrayList<>();
    for (int i = 0; i < CASES; i++) {
      Case c = Case.random(rnd);
      double[] base = c.runTimes(false, SEEDS, studyNetwork(false));
      double[] costlier = c.runTimes(true, SEEDS, studyNetwork(false));
      double[] d = new double[SEEDS.length];
      for (int k = 0; k < d.length; k++) {
        d[k] = costlier[k] - base[k];
      }
      double mean = org.apache.commons.math3.stat.StatUtils.mean(d);
      double halfWidth =
          new org.apache.commons.math3.distribution.TDistribution(d.length - 1)
                  .inverseCumulativeProbability(0.975)
              * Math.sqrt(org.apache.commons.math3.stat.StatUtils.variance(d) / d.length);
      if (mean < -halfWidth) {
        faster.add(
            c
                + ": "
                + java.util.Arrays.toString(costlier)
                + " s < "
                + java.util.Arrays.toString(base)
                + " s");
      }
    }
    assertTrue(faster.isEmpty(), faster.size() + " of " + CASES + " faster: " + faster);
  }

  /**
   * With link contention a delayed rank can relieve a link queue that another rank's message waits
   * in, so a run may end a little sooner with a cost added; no more than {@link
   * #CONTENTION_TOLERANCE} sooner. (Over these cases none does, before or after issue 18's fix; the
   * tolerance is the rule's, stated before measuring, not a fit.)
   */
  @Test
  void shouldNotMakeARunMoreThanSlightlyFasterByAddingOneCostWithLinkContention() {
    Random rnd = new Random(1818);
    List<String> faster = new ArrayList<>();
    for (int i = 0; i < CASES / 2; i++) {
      Case c = Case.random(rnd);
      double base = c.meanRunTime(false, SEEDS, studyNetwork(true));
      double costlier = c.meanRunTime(true, SEEDS, studyNetwork(true));
      if (costlier < (1 - CONTENTION_TOLERANCE) * base) {
        faster.add(c + ": " + costlier + " s < " + base + " s");
      }
    }
    assertTrue(faster.isEmpty(), faster.size() + " of " + CASES / 2 + " faster: " + faster);
  }

  /** A run with one more cost may end at most 0.1 % sooner under link contention. */
  private static final double CONTENTION_TOLERANCE = 0.001;
}
