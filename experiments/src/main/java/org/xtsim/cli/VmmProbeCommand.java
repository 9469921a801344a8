package org.xtsim.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import org.xtsim.experiments.results.Json;
import org.xtsim.node.AccessKind;
import org.xtsim.node.AccessPattern;
import org.xtsim.node.NodeParams;
import org.xtsim.node.NodeSpec;
import org.xtsim.node.PageSize;
import org.xtsim.params.Param;
import org.xtsim.params.ParamValues;
import org.xtsim.params.Units;
import org.xtsim.vmm.PagingMode;
import org.xtsim.vmm.SwapConfig;
import org.xtsim.vmm.VmmConfig;
import org.xtsim.vmm.VmmParams;
import org.xtsim.vmm.VmmProbe;
import org.xtsim.vmm.tlb.SimulationOptions;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code xtsim vmm-probe}: one address stream through the cycle-level TLB and VMM simulator. The
 * node and VMM options are the keys of an experiment file ({@code machine.preset}, and the
 * configuration keys {@code vmm}, {@code large_pages}, {@code large_page_size}, {@code
 * world_switch_cycles}), with their declared values and defaults ({@link NodeParams}, {@link
 * VmmParams}); the VMM is built as {@code xtsim run} builds it ({@link VmmParams#config}). Sizes
 * follow {@link Units#bytes}: {@code KB} is 1,000 bytes and {@code KiB} 1,024, as in every command.
 */
@Command(
    name = "vmm-probe",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    modelTransformer = VmmProbeCommand.DeclaredOptions.class,
    description = {
      "Runs a synthetic address stream through a node's TLB hierarchy and the page walker of a"
          + " paging mode (native, nested, shadow, shadow-cached, swapbypass) from a cold start,"
          + " or of the mode automatic paging chooses (automatic: the SymSpy policy, after a run"
          + " under nested paging that it observes; automatic-oracle: the cheaper of nested and"
          + " shadow),"
          + " and prints TLB hits and misses, references per walk, cycles per access, VM exits by"
          + " type and the cycle breakdown, plus the simulator's translation rate.",
      "The rate is timed after an untimed warm-up (--warmup) on a separate simulator, so it is"
          + " the compiled simulator's; the counts are the cold-start run's alone.",
      "Sizes: KB, MB, GB are decimal (1GB = 10^9 bytes), KiB, MiB, GiB binary (1GiB = 2^30"
          + " bytes), as in every command and experiment file; a bare number is bytes. (Earlier"
          + " versions read 1GB as 2^30 bytes: write 1GiB for that.)"
    })
final class VmmProbeCommand implements Callable<Integer> {
  /** The node and VMM options, as in an experiment file. */
  static final ParamOptions NODE_AND_VMM =
      new ParamOptions(
          "Node and VMM (machine.preset and the configuration keys of an experiment file, same"
              + " values and defaults):",
          1,
          List.of(
              NodeParams.PRESET,
              VmmParams.VMM,
              VmmParams.LARGE_PAGES,
              VmmParams.LARGE_PAGE_SIZE,
              VmmParams.WORLD_SWITCH_CYCLES,
              VmmParams.AUTO_MAX_UPDATES,
              VmmParams.AUTO_MIN_TLB_MISSES));

  /** Adds the declared node and VMM options to the command's model. */
  static final class DeclaredOptions implements CommandLine.IModelTransformer {
    @Override
    public CommandSpec transform(CommandSpec spec) {
      return NODE_AND_VMM.addTo(spec);
    }
  }

  @Spec CommandSpec spec;

  @Option(
      names = "--pattern",
      description =
          "Access pattern: sequential, strided, stencil, random (default: ${DEFAULT-VALUE}).")
  String pattern = "random";

  @Option(
      names = "--footprint",
      paramLabel = "SIZE",
      description = "Memory the references cover, >= 4KiB (default: ${DEFAULT-VALUE}).")
  String footprint = "1GiB";

  @Option(
      names = "--stride",
      paramLabel = "SIZE",
      description = "Stride of the strided pattern, > 0 (default: ${DEFAULT-VALUE}).")
  String stride = "4KiB";

  @Option(
      names = "--accesses",
      description = "References to simulate, > 0 (default: ${DEFAULT-VALUE}).")
  long accesses = 10_000_000;

  @Option(
      names = "--guest-page",
      paramLabel = "SIZE",
      description =
          "Page size of the guest's (or, with --vmm native, the OS's) page tables: 4KiB, 2MiB or"
              + " 1GiB (default: ${DEFAULT-VALUE}). The host side is --large-pages.")
  String guestPage = "4KiB";

  @Option(
      names = "--asid",
      description = "Use ASIDs: no TLB flush on VMRUN (default: flush, as Palacios does).")
  boolean asid;

  /**
   * Most entries of a walk cache the probe simulates: far above any real page-walk cache (family
   * 10h: tens of entries), and small enough that a fully associative LRU of this size fits.
   */
  static final int MAX_WALK_CACHE_ENTRIES = 1 << 16;

  /** Most references one probe simulates: 10^10, hours of simulator time. */
  static final long MAX_ACCESSES = 10_000_000_000L;

  @Option(
      names = "--pwc-entries",
      description = "Page-walk cache entries, 0 to 65,536; 0 disables (default: the preset's).")
  Integer pwcEntries;

  @Option(
      names = "--nested-tlb-entries",
      description = "Nested TLB entries, 0 to 65,536; 0 disables (default: the preset's).")
  Integer nestedTlbEntries;

  @Option(
      names = "--cr3-interval",
      description =
          "A guest CR3 write every this many references, >= 0; 0 for none (default: ${DEFAULT-VALUE}).")
  long cr3Interval;

  @Option(
      names = "--guest-memory",
      paramLabel = "SIZE",
      description =
          "Guest memory; a larger --footprint swaps, which is modelled for 4KiB guest pages only"
              + " (--guest-page 4KiB); 0 for unlimited (default: ${DEFAULT-VALUE}).")
  String guestMemory = "0";

  @Option(
      names = "--bypass-cache",
      paramLabel = "SIZE",
      description = "SwapBypass cache size, used by --vmm swapbypass (default: ${DEFAULT-VALUE}).")
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

  @Option(
      names = "--json",
      description = "Print one JSON object per run, one per line, instead of a summary.")
  boolean json;

  @Mixin RenamedOptions renamed;

  /** Options of earlier versions: each is refused with the options that replaced it. */
  static final class RenamedOptions {
    @Option(names = "--mode", hidden = true, description = "Now --vmm.")
    String mode;

    @Option(
        names = "--host-page",
        hidden = true,
        description = "Now --large-pages and --large-page-size.")
    String hostPage;

    void refuse() {
      if (mode != null) {
        throw new IllegalArgumentException(
            "--mode is now --vmm (the configuration key vmm), e.g. --vmm " + mode);
      }
      if (hostPage != null) {
        throw new IllegalArgumentException(
            "--host-page is now --large-pages (false: 4KiB host pages) with --large-page-size"
                + " (2m or 1g), e.g. --large-pages true --large-page-size 2m");
      }
    }
  }

  @Override
  public Integer call() {
    renamed.refuse();
    // Every VMM parameter, the probe's and the defaults of those it does not simulate (preemption,
    // NIC), as VmmParams.config reads them.
    List<Param> declared = new ArrayList<>(NodeParams.ALL);
    declared.addAll(VmmParams.ALL);
    ParamValues values = NODE_AND_VMM.values(spec, declared);
    NodeSpec node = NodeParams.node(values);
    if (pwcEntries != null || nestedTlbEntries != null) {
      int pwc = pwcEntries != null ? pwcEntries : node.tlb().pageWalkCacheEntries();
      int ntlb = nestedTlbEntries != null ? nestedTlbEntries : node.tlb().nestedTlbEntries();
      CommandLimits.count("--pwc-entries", pwc, 0, MAX_WALK_CACHE_ENTRIES);
      CommandLimits.count("--nested-tlb-entries", ntlb, 0, MAX_WALK_CACHE_ENTRIES);
      node = node.withTlb(node.tlb().withWalkCaches(pwc, ntlb));
    }
    AccessKind kind = parse("--pattern", () -> AccessKind.parse(pattern));
    long footprintBytes = Units.bytes(footprint, "--footprint");
    if (footprintBytes < 4096) {
      throw new IllegalArgumentException("--footprint must be >= 4KiB, was " + footprint);
    }
    long strideBytes = Units.bytes(stride, "--stride");
    if (strideBytes <= 0) {
      throw new IllegalArgumentException("--stride must be > 0, was " + stride);
    }
    if (accesses <= 0 || accesses > MAX_ACCESSES) {
      throw new IllegalArgumentException(
          String.format(
              Locale.ROOT, "--accesses must be in [1, %,d], was %,d", MAX_ACCESSES, accesses));
    }
    PageSize guest = pageSize(guestPage, "--guest-page");
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
            Units.bytes(guestMemory, "--guest-memory"), Units.bytes(bypassCache, "--bypass-cache"));
    if (swap.swaps(footprintBytes) && guest != PageSize.SIZE_4K) {
      // The guest swaps 4 KiB pages (SwapConfig); the simulator cannot tell a 2 MiB guest page
      // backed by 4 KiB host pages from a 4 KiB one, so the command refuses it here.
      throw new IllegalArgumentException(
          "--guest-page "
              + guest
              + ": swapping (--footprint "
              + footprint
              + " > --guest-memory "
              + guestMemory
              + ") is modelled for 4KiB guest pages only");
    }
    VmmConfig vmm = VmmParams.config(values, node.clockHz()).withAsid(asid).withSwap(swap);
    PagingMode pagingMode = PagingMode.parse(values.text(VmmParams.VMM));
    // An automatic VMM starts under nested paging (VmmProbe.runSelecting picks the mode).
    PagingMode simulated = pagingMode.selectsPerPhase() ? PagingMode.NESTED : pagingMode;
    SimulationOptions options =
        new SimulationOptions(simulated, guest, vmm.hostPage(), !asid, cr3Interval, swap);
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
          parse(
              "--preset/--vmm/--guest-page/--large-pages",
              () -> VmmProbe.runSelecting(probe, untimed));
      rates[r] = result.translationsPerCpuSecond();
      if (json) {
        out.print(Json.line(result.report()));
      } else {
        out.println(summary(result));
      }
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

  /** A page size written as a size ({@link Units#bytes}): 4KiB, 2MiB or 1GiB. */
  private static PageSize pageSize(String text, String option) {
    long bytes = Units.bytes(text, option);
    for (PageSize p : PageSize.values()) {
      if (p.bytes() == bytes) {
        return p;
      }
    }
    throw new IllegalArgumentException(
        option + ": '" + text + "' is " + bytes + " B; a page is 4KiB, 2MiB or 1GiB");
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
        "vmm-probe  preset=%s pattern=%s footprint=%d vmm=%s guest-page=%s host-page=%s asid=%s%n"
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
        r.spec().vmm().mode().selectsPerPhase()
            ? r.spec().vmm().mode() + " (chose " + o.mode() + ")"
            : o.mode(),
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
        s.exits(),
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
