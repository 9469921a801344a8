package org.xtsim.experiments;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;

class RunPointTest {
  private final RunPoint point =
      new RunPoint(
          "hpccg/nested/nodes=8/r0",
          "hpccg",
          "nested",
          8,
          0,
          42,
          Map.of("nx", 100L),
          Map.of("vmm", "nested", "large_pages", true, "noise_pct", 2.5),
          Map.of("preset", "xt4"),
          Map.of("nodes", 8L));

  @Test
  void shouldAnswerEveryKeyOfItsNameSpace() {
    assertEquals(8L, point.get("nodes"));
    assertEquals("nested", point.vmm());
    assertEquals(true, point.largePages());
    assertEquals(100L, point.get("params.nx"));
    assertEquals("xt4", point.get("machine.preset"));
    assertEquals(2.5, point.get("noise_pct"));
    assertEquals(null, point.get("params.ny"), "unset");
  }
}
