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

  /**
   * DRAM latency: <em>assumption</em>, 80 ns, the middle of the measured range: McCalpin's
   * pointer-chasing table (Dr. Bandwidth blog, 2010) gives 60 ns for K8 (1 and 2 sockets), 85 ns
   * for a 2-socket family 10h rev B3 and 54 ns for a 1-socket rev C2; AnandTech 2978 measured
   * 98–113 ns on family 10h Opterons with Sandra. A walk reference that misses every cache costs
   * this.
   */
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
   * Page-walk cache of family 10h: <em>assumption</em>, 24 entries. Bhargava et al., ASPLOS 2008
   * describe the family 10h ("Barcelona") page-walk cache, which holds upper-level entries of both
   * dimensions of a nested walk, without its size in the sources at hand; AMD documents a 16-entry
   * page-directory cache for the later family 16h (optimisation guide 52128, §2.6.3).
   */
  public static final int K10_PWC_ENTRIES = 24;

  /** Nested TLB (gPA to hPA) of family 10h: <em>assumption</em>, 16 entries. */
  public static final int K10_NESTED_TLB_ENTRIES = 16;

  /** Data-cache line, K8 and family 10h (AMD family 10h optimisation guide, 40546). */
  public static final int CACHE_LINE_BYTES = CacheLevel.LINE_BYTES;

  /**
   * L1 data cache, K8 and family 10h: 64 KB, 2-way (Tom's Hardware UK, "AMD K10 architecture", p.
   * 9; AnandTech, "Barcelona" review 2322, p. 4: unchanged from K8).
   */
  public static final long L1D_BYTES = 64L << 10;

  /** L1 data cache associativity (same sources). */
  public static final int L1D_WAYS = 2;

  /**
   * L1 data cache load-to-use latency, 3 cycles on K8 and family 10h (Tom's Hardware UK, K10 review
   * p. 9; AnandTech 2322 p. 4 "accessed in three cycles"; AnandTech 2978, Sandra 2010 on the family
   * 10h Opteron 2435: 3 clocks).
   */
  public static final int L1D_HIT_CYCLES = 3;

  /** K8 L2 associativity: 16-way (AMD K8 documentation; Hennessy and Patterson 5th ed., B.28). */
  public static final int K8_L2_WAYS = 16;

  /**
   * K8 L2 load-to-use latency: <em>assumption</em>, 12 cycles (no K8 measurement in the sources at
   * hand; family 10h figures below are 11–16).
   */
  public static final int K8_L2_HIT_CYCLES = 12;

  /** Family 10h L2: 512 KB per core, 16-way, exclusive of L1 (Hardware Secrets, K10 p. 2). */
  public static final long K10_L2_BYTES = 512L << 10;

  /** Family 10h L2 associativity (AMD family 10h optimisation guide, 40546). */
  public static final int K10_L2_WAYS = 16;

  /**
   * Family 10h L2 load-to-use latency, 16 cycles: measured with Sandra 2010 on the family 10h
   * Opteron 2435 and 6174 (AnandTech 2978, "Magny-Cours", p. 5: L2 16 clocks, L3 56–57 clocks).
   * CSC's Vuori guide (family 10h Istanbul) quotes 11 cycles; AMD's 40546 was not at hand. Range
   * 11–16: sweep it.
   */
  public static final int K10_L2_HIT_CYCLES = 16;

  /**
   * Family 10h L3: 2 MB shared by the four cores, exclusive of L2 (The Tech Report, "AMD quad-core
   * Opteron 2300", p. 3). A core's share when all four run the same workload: a quarter
   * (<em>assumption</em>, the same share as {@link #K10_CACHE_BYTES_PER_CORE}).
   */
  public static final long K10_L3_BYTES_PER_CORE = (2L << 20) / 4;

  /** Family 10h L3 associativity: 32-way (AMD family 10h optimisation guide, 40546). */
  public static final int K10_L3_WAYS = 32;

  /**
   * Family 10h L3 latency, 21 ns: The Tech Report measured about 23 ns on the Opteron 2350 and 19
   * ns on the 2360 SE (L3 clocked with the north bridge, 1.8–2.0 GHz); AnandTech 2978 measured 56
   * clocks at 2.6 GHz (21.5 ns) on the Opteron 2435. 46 cycles at the XT4's 2.2 GHz.
   */
  public static final double K10_L3_LATENCY_NS = 21.0;

  /** The K8 data caches: L1 and the exclusive L2. */
  public static CacheHierarchy k8Caches() {
    return CacheHierarchy.of(
        new CacheLevel("L1D", L1D_BYTES, L1D_WAYS, L1D_HIT_CYCLES),
        new CacheLevel("L2", K8_L2_BYTES, K8_L2_WAYS, K8_L2_HIT_CYCLES));
  }

  /** The family 10h data caches at {@code clockHz}: L1, exclusive L2, a core's share of L3. */
  public static CacheHierarchy k10Caches(double clockHz) {
    return CacheHierarchy.of(
        new CacheLevel("L1D", L1D_BYTES, L1D_WAYS, L1D_HIT_CYCLES),
        new CacheLevel("L2", K10_L2_BYTES, K10_L2_WAYS, K10_L2_HIT_CYCLES),
        new CacheLevel(
            "L3 share",
            K10_L3_BYTES_PER_CORE,
            K10_L3_WAYS,
            (int) Math.round(K10_L3_LATENCY_NS * 1e-9 * clockHz)));
  }

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
        k8Caches());
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
        k8Caches());
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
        k10Caches(XT4_CLOCK_HZ));
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
