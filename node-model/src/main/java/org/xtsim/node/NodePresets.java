package org.xtsim.node;

import static org.xtsim.node.PageSize.SIZE_1G;
import static org.xtsim.node.PageSize.SIZE_2M;
import static org.xtsim.node.PageSize.SIZE_4K;

import java.util.List;
import java.util.Locale;

/**
 * The Cray XT node presets of Red Storm's three generations. Figures come from {@code
 * shared/reference/parameters.md}; those marked <em>assumption</em> there are kept as named
 * defaults here and should be swept by experiments.
 */
public final class NodePresets {
  /** Red Storm 2005: single-core Opteron at 2.0 GHz (Camp and Tomkins). */
  public static final double XT3_CLOCK_HZ = 2.0e9;

  /** The preset names {@link #byName} knows. */
  public static final java.util.List<String> NAMES = java.util.List.of("xt3", "xt3-dual", "xt4");

  /** Red Storm 2006 upgrade: dual-core at 2.4 GHz (Brightwell, Underwood, Vaughan). */
  public static final double XT3_DUAL_CLOCK_HZ = 2.4e9;

  /** XT4 quad-core clock: <em>assumption</em> (parameters.md), 2.2 GHz. */
  public static final double XT4_CLOCK_HZ = 2.2e9;

  /** DRAM latency: <em>assumption</em>, middle of the 60–100 ns range in parameters.md. */
  public static final double DRAM_LATENCY_NS = 80.0;

  /** XT3 node memory: <em>assumption</em>, 2 GiB per node (one DDR-400 channel pair). */
  public static final long XT3_MEMORY_BYTES = 2L << 30;

  /** XT4: 2 GB per core (Wikipedia, Red Storm 2008 upgrade), 4 cores. */
  public static final long XT4_MEMORY_BYTES = 8L << 30;

  /** XT3 DRAM bandwidth: <em>assumption</em>, dual-channel DDR-400 peak 6.4 GB/s. */
  public static final double XT3_BANDWIDTH_BYTES_PER_SECOND = 6.4e9;

  /** XT4 DRAM bandwidth: <em>assumption</em>, dual-channel DDR2-800 peak 12.8 GB/s. */
  public static final double XT4_BANDWIDTH_BYTES_PER_SECOND = 12.8e9;

  /** K8: one SSE2 add and one multiply per cycle, 2 DP flops (2.0 GHz gives Red Storm's 4 GF). */
  public static final double K8_FLOPS_PER_CYCLE = 2.0;

  /** Family 10h: 128-bit SSE add and multiply, 4 DP flops per cycle (AMD 10h guide). */
  public static final double K10_FLOPS_PER_CYCLE = 4.0;

  /** K8 L2 cache per core, 1 MB (Hennessy and Patterson 5th ed., Opteron case study). */
  public static final long K8_L2_BYTES = 1L << 20;

  /** Family 10h: 512 KB L2 per core plus a share of the 2 MB L3 (quarter): 1 MB per core. */
  public static final long K10_CACHE_BYTES_PER_CORE = 1L << 20;

  /** Misses a core overlaps: <em>assumption</em> (K8 and 10h have 8 miss buffers; 4 used). */
  public static final int OUTSTANDING_MISSES = 4;

  /**
   * K8 L1 DTLB: 32 entries for 4 KB and 8 for 2 MB pages, fully associative (40 entries in all:
   * Hennessy and Patterson, 5th ed., Fig. B.24/B.28, "This TLB has 40 entries").
   */
  public static final int K8_L1_4K_ENTRIES = 32;

  /** K8 L1 DTLB entries for 2 MB pages (see {@link #K8_L1_4K_ENTRIES}). */
  public static final int K8_L1_2M_ENTRIES = 8;

  /** K8 L2 DTLB: 512 entries for 4 KB pages, 4-way (AMD K8 docs; H and P Fig. B.28). */
  public static final int K8_L2_4K_ENTRIES = 512;

  /** L2 TLB associativity for 4 KB pages, K8 and 10h. */
  public static final int L2_4K_WAYS = 4;

  /**
   * Family 10h L1 DTLB: 48 entries, fully associative, any page size (AnandTech "Barcelona TLBs",
   * 2008; RAMCloud wiki "Modern TLB characteristics" — checked, matches parameters.md).
   */
  public static final int K10_L1_ENTRIES = 48;

  /** Family 10h L2 DTLB: 512 entries 4 KB, 4-way (same sources). */
  public static final int K10_L2_4K_ENTRIES = 512;

  /** Family 10h L2 DTLB: 128 entries 2 MB, 2-way (same sources). */
  public static final int K10_L2_2M_ENTRIES = 128;

  /** Family 10h L2 DTLB 2 MB associativity. */
  public static final int K10_L2_2M_WAYS = 2;

  /** Family 10h L2 DTLB: 16 entries 1 GB, 8-way (RAMCloud wiki; later 10h revisions). */
  public static final int K10_L2_1G_ENTRIES = 16;

  /** Family 10h L2 DTLB 1 GB associativity. */
  public static final int K10_L2_1G_WAYS = 8;

  /** Cycles of an L1 DTLB miss that hits in L2: <em>assumption</em>. */
  public static final int L2_TLB_HIT_CYCLES = 5;

  /**
   * Page-walk cache of family 10h: <em>assumption</em>, 24 entries (Bhargava et al., ASPLOS 2008
   * describe AMD's PWC; size not published in the sources at hand).
   */
  public static final int K10_PWC_ENTRIES = 24;

  /** Nested TLB (gPA to hPA) of family 10h: <em>assumption</em>, 16 entries. */
  public static final int K10_NESTED_TLB_ENTRIES = 16;

  /**
   * Cycles per page-walk memory reference: <em>assumption</em> (page-table entries mostly hit L2).
   */
  public static final int PAGE_WALK_REFERENCE_CYCLES = 20;

  private NodePresets() {}

  /** K8 TLBs: no 1 GB pages, no page-walk cache modelled, no nested paging hardware. */
  public static TlbHierarchy k8Tlbs() {
    return new TlbHierarchy(
        List.of(
            TlbStructure.fullyAssociative("L1 DTLB 4K", K8_L1_4K_ENTRIES, SIZE_4K),
            TlbStructure.fullyAssociative("L1 DTLB 2M", K8_L1_2M_ENTRIES, SIZE_2M)),
        List.of(TlbStructure.setAssociative("L2 DTLB 4K", K8_L2_4K_ENTRIES, L2_4K_WAYS, SIZE_4K)),
        L2_TLB_HIT_CYCLES,
        0,
        0);
  }

  /** Family 10h TLBs with page-walk cache and nested TLB. */
  public static TlbHierarchy k10Tlbs() {
    return new TlbHierarchy(
        List.of(
            TlbStructure.fullyAssociative("L1 DTLB", K10_L1_ENTRIES, SIZE_4K, SIZE_2M, SIZE_1G)),
        List.of(
            TlbStructure.setAssociative("L2 DTLB 4K", K10_L2_4K_ENTRIES, L2_4K_WAYS, SIZE_4K),
            TlbStructure.setAssociative("L2 DTLB 2M", K10_L2_2M_ENTRIES, K10_L2_2M_WAYS, SIZE_2M),
            TlbStructure.setAssociative("L2 DTLB 1G", K10_L2_1G_ENTRIES, K10_L2_1G_WAYS, SIZE_1G)),
        L2_TLB_HIT_CYCLES,
        K10_PWC_ENTRIES,
        K10_NESTED_TLB_ENTRIES);
  }

  /** Red Storm 2005: single-core 2.0 GHz Opteron (K8). */
  public static NodeSpec xt3() {
    return new NodeSpec(
        "xt3",
        1,
        XT3_CLOCK_HZ,
        XT3_MEMORY_BYTES,
        DRAM_LATENCY_NS,
        XT3_BANDWIDTH_BYTES_PER_SECOND,
        K8_FLOPS_PER_CYCLE,
        K8_L2_BYTES,
        OUTSTANDING_MISSES,
        k8Tlbs(),
        PAGE_WALK_REFERENCE_CYCLES);
  }

  /** Red Storm 2006: dual-core 2.4 GHz Opteron (K8), memory <em>assumed</em> 2 GiB per core. */
  public static NodeSpec xt3DualCore() {
    return new NodeSpec(
        "xt3-dual",
        2,
        XT3_DUAL_CLOCK_HZ,
        2 * XT3_MEMORY_BYTES,
        DRAM_LATENCY_NS,
        XT3_BANDWIDTH_BYTES_PER_SECOND,
        K8_FLOPS_PER_CYCLE,
        K8_L2_BYTES,
        OUTSTANDING_MISSES,
        k8Tlbs(),
        PAGE_WALK_REFERENCE_CYCLES);
  }

  /** Red Storm 2008 / XT4: quad-core 2.2 GHz Opteron (family 10h). */
  public static NodeSpec xt4() {
    return new NodeSpec(
        "xt4",
        4,
        XT4_CLOCK_HZ,
        XT4_MEMORY_BYTES,
        DRAM_LATENCY_NS,
        XT4_BANDWIDTH_BYTES_PER_SECOND,
        K10_FLOPS_PER_CYCLE,
        K10_CACHE_BYTES_PER_CORE,
        OUTSTANDING_MISSES,
        k10Tlbs(),
        PAGE_WALK_REFERENCE_CYCLES);
  }

  /** A preset by name: {@code xt3}, {@code xt3-dual}, {@code xt4}. */
  public static NodeSpec byName(String name) {
    switch (name.toLowerCase(Locale.ROOT)) {
      case "xt3":
        return xt3();
      case "xt3-dual":
        return xt3DualCore();
      case "xt4":
        return xt4();
      default:
        throw new IllegalArgumentException(
            "preset must be one of " + String.join(", ", NAMES) + ", was '" + name + "'");
    }
  }
}
