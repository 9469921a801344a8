package org.xtsim.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class NodePresetsTest {
  private static final long MIB = 1L << 20;

  @Test
  void shouldDeriveTlbReachFromEntryCounts() {
    TlbHierarchy k10 = NodePresets.xt4().tlb();
    assertEquals(512 * 4096L, k10.reachBytes(PageSize.SIZE_4K));
    assertEquals(128 * 2 * MIB, k10.reachBytes(PageSize.SIZE_2M));
    assertEquals(48 * 1024 * MIB, k10.reachBytes(PageSize.SIZE_1G), "48 L1 entries beat 16 in L2");
    TlbHierarchy k8 = NodePresets.xt3().tlb();
    assertEquals(8 * 2 * MIB, k8.reachBytes(PageSize.SIZE_2M), "K8 keeps 2 MB pages in L1 only");
    assertFalse(k8.supports(PageSize.SIZE_1G));
    assertTrue(k10.supports(PageSize.SIZE_1G));
  }

  @Test
  void shouldDescribeTheThreeRedStormGenerations() {
    assertEquals(1, NodePresets.xt3().cores());
    assertEquals(2.0e9, NodePresets.xt3().clockHz());
    assertEquals(2, NodePresets.xt3DualCore().cores());
    assertEquals(2.4e9, NodePresets.xt3DualCore().clockHz());
    assertEquals(4, NodePresets.xt4().cores());
    assertEquals(8L << 30, NodePresets.xt4().memoryBytes(), "2 GB per core");
    assertEquals(176.0, NodePresets.xt4().memoryLatencyCycles(), 1e-9, "80 ns at 2.2 GHz");
  }

  @Test
  void shouldRejectUnknownPresetsAndPageSizesNamingWhatIsAllowed() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> NodePresets.byName("xt5"));
    assertTrue(e.getMessage().contains("xt3, xt3-dual, xt4"));
    assertEquals(PageSize.SIZE_2M, PageSize.parse("2MiB"));
    assertEquals(PageSize.SIZE_4K, PageSize.parse("4K"));
    assertThrows(IllegalArgumentException.class, () -> PageSize.parse("8KiB"));
  }

  @Test
  void shouldCountNestedWalkLevelsFromPageSizes() {
    assertEquals(4, PageSize.SIZE_4K.walkLevels());
    assertEquals(3, PageSize.SIZE_2M.walkLevels());
    assertEquals(2, PageSize.SIZE_1G.walkLevels());
    assertEquals(PageSize.SIZE_4K, PageSize.min(PageSize.SIZE_2M, PageSize.SIZE_4K));
  }
}
