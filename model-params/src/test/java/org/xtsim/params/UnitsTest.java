package org.xtsim.params;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class UnitsTest {
  @Test
  void shouldReadEveryDimensionInItsBaseUnit() {
    assertEquals(2_500_000, Units.timePs("2.5us", "--L"));
    assertEquals(44_800, Units.timePs("44.8ns", "--L"));
    assertEquals(1024, Units.bytes("1KiB", "--size"));
    assertEquals(1000, Units.bytes("1KB", "--size"));
    assertEquals(1000, Units.bytes("1kb", "--size"), "case as users type it");
    assertEquals(4096, Units.bytes("4096", "--size"), "a bare size is bytes");
    assertEquals(1.1e9, Units.bytesPerSecond("1.1GB/s", "--bw"), 1e-3);
    assertEquals(2.2e9, Units.hertz("2.2GHz", "--clock"), 1e-3);
  }

  @Test
  void shouldRequireATimesUnit() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Units.timePs("2.5", "--L"));
    assertTrue(e.getMessage().startsWith("--L: '2.5' needs a unit"), e.getMessage());
    assertTrue(e.getMessage().contains("2.5us"), e.getMessage());
  }

  @Test
  void shouldRefuseNegativeAndMalformedValues() {
    assertThrows(IllegalArgumentException.class, () -> Units.bytes("-1KiB", "--size"));
    assertThrows(IllegalArgumentException.class, () -> Units.bytes("KiB", "--size"));
    assertThrows(IllegalArgumentException.class, () -> Units.bytes("1.5B", "--size"));
    assertThrows(IllegalArgumentException.class, () -> Units.timePs("", "--L"));
  }
}
