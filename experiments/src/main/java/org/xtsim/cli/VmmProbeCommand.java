package org.xtsim.cli;

import java.io.PrintWriter;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import org.xtsim.node.AccessKind;
import org.xtsim.node.AccessPattern;
import org.xtsim.node.NodePresets;
import org.xtsim.node.NodeSpec;
import org.xtsim.node.PageSize;
import org.xtsim.vmm.PagingMode;
import org.xtsim.vmm.SwapConfig;
import org.xtsim.vmm.VmmConfig;
import org.xtsim.vmm.VmmProbe;
import org.xtsim.vmm.tlb.SimulationOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code xtsim vmm-probe}: one address stream through the cycle-level TLB and VMM simulator. */
@Command(
    name = "vmm-probe",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Runs a synthetic address stream through a node's TLB hierarchy and the page walker of a"
          + " paging mode (native, nested, shadow, shadow-cached, swapbypass) from a cold start,"
          + " and prints TLB hits and misses, references per walk, cycles per access, VM exits by"
          + " type and the cycle breakdown, plus the simulator's translation rate.",
      "The rate is timed after an untimed warm-up (--warmup) on a separate simulator, so it is"
          + " the compiled simulator's; the counts are the cold-start run's alone.",
      "Sizes take binary units: 4096, 4KiB, 512MiB, 1GiB."
    })
final class VmmProbeCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--preset",
      description = "Node preset: xt3, xt3-dual, xt4 (default: ${DEFAULT-VALUE}).")
  String preset = "xt4";

  @Option(
      names = "--pattern",
      description =
          "Access pattern: sequential, strided, stencil, random (default: ${DEFAULT-VALUE}).")
  String pattern = "random";

  @Option(
      names = "--footprint",
      description = "Memory the references cover, >= 4KiB (default: ${DEFAULT-VALUE}).")
  String footprint = "1GiB";

  @Option(
      names = "--stride",
      description = "Stride of the strided pattern, > 0 (default: ${DEFAULT-VALUE}).")
  String stride = "4KiB";

  @Option(
      names = "--accesses",
      description = "References to simulate, > 0 (default: ${DEFAULT-VALUE}).")
  long accesses = 10_000_000;

  @Option(
      names = "--mode",
      description =
          "Paging mode: native, nested, shadow, shadow-cached, swapbypass (default: ${DEFAULT-VALUE}).")
  String mode = "nested";

  @Option(
      names = "--guest-page",
      description = "Guest (or native) page size: 4KiB, 2MiB, 1GiB (default: ${DEFAULT-VALUE}).")
  String guestPage = "4KiB";

  @Option(
      names = "--host-page",
      description = "Host page size: 4KiB, 2MiB, 1GiB (default: ${DEFAULT-VALUE}).")
  String hostPage = "4KiB";

  @Option(
      names = "--asid",
      description = "Use ASIDs: no TLB flush on VMRUN (default: flush, as Palacios does).")
  boolean asid;

  @Option(
      names = "--pwc-entries",
      description = "Page-walk cache entries, >= 0; 0 disables (default: the preset's).")
  Integer pwcEntries;

  @Option(
      names = "--nested-tlb-entries",
      description = "Nested TLB entries, >= 0; 0 disables (default: the preset's).")
  Integer nestedTlbEntries;

  @Option(
      names = "--cr3-interval",
      description =
          "A guest CR3 write every this many references, >= 0; 0 for none (default: ${DEFAULT-VALUE}).")
  long cr3Interval;

  @Option(
      names = "--guest-memory",
      description =
          "Guest memory; a smaller footprint swaps (4KiB pages only); 0 for unlimited (default: ${DEFAULT-VALUE}).")
  String guestMemory = "0";

  @Option(
      names = "--bypass-cache",
      description = "SwapBypass cache size, used by --mode swapbypass (default: ${DEFAULT-VALUE}).")
  String bypassCache = "1GiB";

  @Option(names = "--seed", description = "Seed of the address stream (default: ${DEFAULT-VALUE}).")
  long seed = 1;

  @Option(
      names = "--warmup",
      description =
          "References simulated, untimed, on a separate simulator before the first timed run, so"
              + " that the rate is that of the compiled simulator, not of the JVM warming up;"
              + " >= 0, 0 times a cold JVM (default: ${DEFAULT-VALUE}).")
  long warmup = 3_000_000;

  @Option(
      names = "--repeat",
      description =
          "Run this many times and report the median rate, >= 1 (default: ${DEFAULT-VALUE}).")
  int repeat = 1;

  @Option(names = "--json", description = "Print one JSON object per run instead of a summary.")
  boolean json;

  @Override
  public Integer call() {
    NodeSpec node = parse("--preset", () -> NodePresets.byName(preset));
    if (pwcEntries != null || nestedTlbEntries != null) {
      int pwc = pwcEntries != null ? pwcEntries : node.tlb().pageWalkCacheEntries();
      int ntlb = nestedTlbEntries != null ? nestedTlbEntries : node.tlb().nestedTlbEntries();
      if (pwc < 0 || ntlb < 0) {
        throw new IllegalArgumentException("--pwc-entries and --nested-tlb-entries must be >= 0");
      }
      node = node.withTlb(node.tlb().withWalkCaches(pwc, ntlb));
    }
    AccessKind kind = parse("--pattern", () -> AccessKind.parse(pattern));
    long footprintBytes = ByteSizes.parse("--footprint", footprint);
    if (footprintBytes < 4096) {
      throw new IllegalArgumentException("--footprint must be >= 4KiB, was " + footprint);
    }
    long strideBytes = ByteSizes.parse("--stride", stride);
    if (strideBytes <= 0) {
      throw new IllegalArgumentException("--stride must be > 0, was " + stride);
    }
    if (accesses <= 0) {
      throw new IllegalArgumentException("--accesses must be > 0, was " + accesses);
    }
    PagingMode pagingMode = parse("--mode", () -> PagingMode.parse(mode));
    if (pagingMode == PagingMode.AUTOMATIC) {
      throw new IllegalArgumentException(
          "--mode must be one of native, nested, shadow, shadow-cached, swapbypass, was 'automatic'");
    }
    PageSize guest = parse("--guest-page", () -> PageSize.parse(guestPage));
    PageSize host = parse("--host-page", () -> PageSize.parse(hostPage));
    if (cr3Interval < 0) {
      throw new IllegalArgumentException("--cr3-interval must be >= 0, was " + cr3Interval);
    }
    if (repeat < 1) {
      throw new IllegalArgumentException("--repeat must be >= 1, was " + repeat);
    }
    if (warmup < 0) {
      throw new IllegalArgumentException("--warmup must be >= 0, was " + warmup);
    }
    SwapConfig swap =
        SwapConfig.pressured(
            ByteSizes.parse("--guest-memory", guestMemory),
            ByteSizes.parse("--bypass-cache", bypassCache));
    VmmConfig vmm = VmmConfig.of(pagingMode, host).withAsid(asid).withSwap(swap);
    SimulationOptions options =
        new SimulationOptions(pagingMode, guest, host, !asid, cr3Interval, swap);
    VmmProbe.Spec probe =
        new VmmProbe.Spec(
            node,
            new AccessPattern(kind, footprintBytes, strideBytes),
            accesses,
            options,
            vmm,
            seed);

    PrintWriter out = spec.commandLine().getOut();
    double[] rates = new double[repeat];
    for (int r = 0; r < repeat; r++) {
      long untimed = r == 0 ? warmup : 0;
      VmmProbe.Result result =
          parse("--preset/--mode/--guest-page/--host-page", () -> VmmProbe.run(probe, untimed));
      rates[r] = result.translationsPerCpuSecond();
      out.println(json ? result.toJson() : summary(result));
    }
    if (repeat > 1 && !json) {
      Arrays.sort(rates);
      out.printf(
          Locale.ROOT,
          "median of %d runs: %.2f M translations per CPU second%n",
          repeat,
          rates[repeat / 2] / 1e6);
    }
    out.flush();
    return 0;
  }

  private static <T> T parse(String option, Supplier<T> parser) {
    try {
      return parser.get();
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(option + ": " + e.getMessage(), e);
    }
  }

  private static String summary(VmmProbe.Result r) {
    var s = r.stats();
    var c = r.cycles();
    var o = r.spec().options();
    return String.format(
        Locale.ROOT,
        "vmm-probe  preset=%s pattern=%s footprint=%d mode=%s guest-page=%s host-page=%s asid=%s%n"
            + "  accesses              %,d%n"
            + "  L1 / L2 hits          %,d / %,d%n"
            + "  TLB misses (walks)    %,d  (%.4f%% of accesses)%n"
            + "  references per walk   %.3f%n"
            + "  translation cyc/acc   %.4f%n"
            + "  exits                 %s%n"
            + "  swap                  faults %,d  disk reads %,d  writes %,d  bypass %,d%n"
            + "  cycles                compute %.0f  memory %.0f  tlb %.0f  vmm %.0f  io %.0f%n"
            + "  cycles per access     %.3f%n"
            + "  simulation            %.3f s, %.2f M translations/s (%.2f M per CPU second)%s",
        r.spec().node().name(),
        r.spec().pattern().kind().name().toLowerCase(Locale.ROOT),
        r.spec().pattern().footprintBytes(),
        o.mode(),
        o.guestPage(),
        o.hostPage(),
        !o.flushTlbOnVmrun(),
        s.accesses(),
        s.l1Hits(),
        s.l2Hits(),
        s.tlbMisses(),
        100.0 * s.tlbMisses() / s.accesses(),
        s.referencesPerWalk(),
        s.cyclesPerAccess(),
        s.exits().toJson(),
        s.guestSwapFaults(),
        s.diskReads(),
        s.diskWrites(),
        s.bypassHits(),
        c.compute(),
        c.memory(),
        c.tlb(),
        c.vmm(),
        c.io(),
        c.total() / s.accesses(),
        r.wallNanos() / 1e9,
        r.translationsPerSecond() / 1e6,
        r.translationsPerCpuSecond() / 1e6,
        r.warmupAccesses() > 0
            ? String.format(
                Locale.ROOT, ", after %,d untimed warm-up references", r.warmupAccesses())
            : "");
  }
}
