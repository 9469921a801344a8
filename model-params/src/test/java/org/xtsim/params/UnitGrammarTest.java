package org.xtsim.params;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class UnitGrammarTest {
  @Test
  void shouldParseTimesInEveryUnit() {
    assertEquals(2_500_000, Units.timePs("2.5us", "--L"));
    assertEquals(44_800, Units.timePs("44.8ns", "--hop"));
    assertEquals(6, Units.timePs("6ps", "--G"));
    assertEquals(1_000_000_000, Units.timePs("1ms", "--x"));
    assertEquals(1_000_000_000_000L, Units.timePs("1s", "--x"));
  }

  @Test
  void shouldReadKbAsDecimalAndKibAsBinary() {
    assertEquals(8, Units.bytes("8", "--sizes"));
    assertEquals(8, Units.bytes("8B", "--sizes"));
    assertEquals(1024, Units.bytes("1KiB", "--sizes"));
    assertEquals(1 << 20, Units.bytes("1MiB", "--sizes"));
    assertEquals(1L << 30, Units.bytes("1GiB", "--sizes"));
    assertEquals(1000, Units.bytes("1KB", "--sizes"));
    assertEquals(1_000_000_000, Units.bytes("1GB", "--sizes"));
    assertEquals(1.1e9, Units.bytesPerSecond("1.1GB/s", "--nic"), 1e-3);
    assertEquals(0x1p30, Units.bytesPerSecond("1GiB/s", "--nic"), 1e-3);
  }

  @Test
  void shouldRefuseATimeWithoutItsUnitNamingTheOptionAndTheUnits() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Units.timePs("2.5", "--L"));
    assertEquals(
        "--L: '2.5' needs a unit; expected a duration such as 2.5us"
            + " (units: ps, ns, us, µs, ms, s, min)",
        e.getMessage());
  }

  @Test
  void shouldNameTheOptionWhenAValueIsBad() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Units.timePs("fast", "--L"));
    assertEquals(
        "--L: 'fast' is not a duration such as 2.5us (units: ps, ns, us, µs, ms, s, min)",
        e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> Units.bytes("1.5B", "--sizes"));
    assertThrows(IllegalArgumentException.class, () -> Units.bytesPerSecond("1GB", "--nic"));
    assertThrows(IllegalArgumentException.class, () -> Units.bytesPerSecond("1.1", "--nic"));
  }
}
