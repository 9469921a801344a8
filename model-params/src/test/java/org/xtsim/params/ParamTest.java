package org.xtsim.params;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ParamTest {
  private static final Param FOOTPRINT =
      Param.integer("footprint", 1L << 20, 1L << 40).in(Dimension.SIZE, "B").defaultValue(1L << 30);
  private static final Param QUANTUM_US =
      Param.integer("quantum_us", 1, 10_000_000).in(Dimension.DURATION, "us").defaultValue(1000L);
  private static final Param RATE_HZ =
      Param.decimal("noise_frequency_hz", 0.001, 1e6)
          .in(Dimension.FREQUENCY, "Hz")
          .noDefault("off");
  private static final Param SWITCH =
      Param.integer("world_switch_cycles", 0, 10_000_000)
          .in(Dimension.CYCLES, "cycles")
          .formerly("exit_cost_cycles")
          .defaultValue(1500);

  @Test
  void shouldReadSizesWithDecimalAndBinaryUnits() {
    assertEquals(3L << 30, FOOTPRINT.parse("3GiB"));
    assertEquals(1_500_000_000L, FOOTPRINT.parse("1.5GB"));
    assertEquals(1792L << 20, FOOTPRINT.parse("1792MiB"));
    assertEquals(64_000L * 1000, FOOTPRINT.parse("64000KB"));
  }

  @Test
  void shouldRefuseAPlainNumberWhereTheNameDoesNotCarryTheUnit() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> FOOTPRINT.parse(3L));
    assertTrue(
        e.getMessage().contains("needs a unit: footprint is a size such as 64KiB"), e.getMessage());
    assertTrue(e.getMessage().contains("64KiB"), e.getMessage());
  }

  @Test
  void shouldTakeAPlainNumberInTheUnitTheNameCarries() {
    assertEquals(250L, QUANTUM_US.parse(250L));
    assertEquals(2500L, QUANTUM_US.parse("2.5ms"));
    assertEquals(100.0, RATE_HZ.parse(100L));
    assertEquals(
        2.2e9,
        (Double) Param.decimal("clock_hz", 1, 1e10).in(Dimension.FREQUENCY, "Hz").parse("2.2GHz"),
        1);
  }

  @Test
  void shouldCheckTheDimensionOfTheUnit() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> QUANTUM_US.parse("64KiB"));
    assertTrue(e.getMessage().contains("a duration such as 2.5us"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> QUANTUM_US.parse("2.5us"), "not whole us");
    assertThrows(IllegalArgumentException.class, () -> FOOTPRINT.parse("2TiB"), "above the range");
  }

  @Test
  void shouldTakeACostInCyclesOrAsADurationAtTheNodesClock() {
    assertEquals(CycleCost.ofCycles(1000), SWITCH.parse(1000L));
    assertEquals(CycleCost.ofCycles(1000), SWITCH.parse("1000cycles"));
    CycleCost ns = (CycleCost) SWITCH.parse("450ns");
    assertEquals(990, ns.cycles(2.2e9));
    assertEquals(900, ns.cycles(2.0e9));
    ParamValues v = ParamValues.of(List.of(SWITCH), Map.of());
    assertEquals(1500, v.cycles(SWITCH, 2.2e9), "the declared default");
  }

  @Test
  void shouldGiveTheSameCanonicalTextWhateverTheSpelling() {
    assertEquals(Param.text(QUANTUM_US.parse("2500us")), Param.text(QUANTUM_US.parse("2.5ms")));
    assertEquals(Param.text(FOOTPRINT.parse("1GiB")), Param.text(FOOTPRINT.parse("1024MiB")));
    assertEquals("exit_cost_cycles", SWITCH.identity(), "seeds keep the key before the rename");
  }

  @Test
  void shouldRefuseUnknownKeysAndFillDefaults() {
    ParamValues v = ParamValues.parse(List.of(FOOTPRINT, QUANTUM_US), Map.of("footprint", "2GiB"));
    assertEquals(2L << 30, v.longValue(FOOTPRINT));
    assertEquals(1000L, v.longValue(QUANTUM_US));
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> ParamValues.parse(List.of(FOOTPRINT), Map.of("footprnt", "2GiB")));
    assertTrue(
        e.getMessage().startsWith("footprnt: unknown key; allowed: footprint"), e.getMessage());
  }

  @Test
  void shouldRefuseAKeyDeclaredTwice() {
    assertThrows(IllegalStateException.class, () -> Param.keys(List.of(FOOTPRINT, FOOTPRINT)));
  }
}
