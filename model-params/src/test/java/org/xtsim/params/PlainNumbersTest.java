package org.xtsim.params;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PlainNumbersTest {
  private static Param size(String key) {
    return Param.integer(key, 0, 1L << 30).in(Dimension.SIZE, "B");
  }

  @Test
  void shouldTakeAPlainNumberOfBytesWhereTheKeyNamesTheUnit() {
    assertTrue(size("bytes").acceptsPlainNumbers());
    assertTrue(size("packet_bytes").acceptsPlainNumbers());
    assertEquals(0L, size("bytes").parse(0L));
    assertEquals(0L, size("bytes").parse("0"));
    assertEquals(65536L, size("bytes").parse("64KiB"));
    assertEquals(64000L, size("bytes").parse("64KB"));
  }

  @Test
  void shouldRefuseAPlainNumberWhereTheKeyDoesNotNameTheUnit() {
    Param footprint = size("footprint");
    assertFalse(footprint.acceptsPlainNumbers());
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> footprint.parse(4096L));
    assertTrue(e.getMessage().contains("needs a unit: footprint is a size"), e.getMessage());
  }
}
