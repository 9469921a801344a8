package org.xtsim.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class SimTimeTest {
  @Test
  void shouldConvertUnitsToPicoseconds() {
    assertEquals(1_000L, SimTime.ns(1));
    assertEquals(1_500L, SimTime.ns(1.5));
    assertEquals(2_500_000L, SimTime.us(2.5));
    assertEquals(3_000_000_000L, SimTime.ms(3));
    assertEquals(1_000_000_000_000L, SimTime.seconds(1));
  }

  @Test
  void shouldConvertCyclesAtAClock() {
    // 2,200 cycles at 2.2 GHz is exactly 1 us.
    assertEquals(SimTime.us(1), SimTime.fromCycles(2_200, 2.2e9));
    assertEquals(2_200.0, SimTime.toCycles(SimTime.us(1), 2.2e9), 1e-9);
    assertThrows(IllegalArgumentException.class, () -> SimTime.fromCycles(1, 0));
  }

  @Test
  void shouldSaturateInsteadOfOverflowing() {
    assertEquals(SimTime.NEVER, SimTime.saturatingAdd(SimTime.NEVER - 5, 10));
    assertEquals(15, SimTime.saturatingAdd(5, 10));
  }

  @Test
  void shouldFormatWithAUnitForTheMagnitude() {
    assertEquals("1.500 us", SimTime.format(SimTime.ns(1500)));
    assertEquals("never", SimTime.format(SimTime.NEVER));
  }
}
