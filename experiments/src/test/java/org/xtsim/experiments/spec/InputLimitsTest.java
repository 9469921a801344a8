package org.xtsim.experiments.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xtsim.experiments.registry.ModelRegistry;

class InputLimitsTest {
  private final ExperimentParser parser = new ExperimentParser(ModelRegistry.standard());
  @TempDir Path tmp;

  private static final String HEAD =
      "name: t\nworkloads: [hpccg]\nconfigurations: [{label: n, vmm: native}]\n";

  @Test
  void shouldRefuseASweepOfTooManyPointsBeforeExpandingIt() {
    SpecException e =
        assertThrows(
            SpecException.class,
            () ->
                parser.parse(
                    "big.yaml",
                    HEAD
                        + "sweep:\n  nodes: {from: 1, to: 10000, step: 1}\n"
                        + "  preemption_hz: {from: 1, to: 10000, step: 1}\n"));
    assertTrue(e.problem().contains("expands to 100,000,000 points"), e.problem());
    assertTrue(e.problem().contains("at most 100,000 points per file"), e.problem());
  }

  @Test
  void shouldRefuseARecursiveAliasWithItsPlace() {
    SpecException e =
        assertThrows(
            SpecException.class,
            () -> parser.parse("r.yaml", HEAD + "sweep:\n  nodes: &a [1, *a]\n"));
    assertEquals(5, e.location().line());
    assertTrue(e.problem().contains("nested lists are not allowed"), e.problem());
  }

  @Test
  void shouldNameTheLineAndColumnOfABadByte() throws IOException {
    byte[] text = (HEAD + "sweep: {nodes: [1]}\n").getBytes(StandardCharsets.UTF_8);
    text[HEAD.indexOf("hpccg") + 1] = (byte) 0xff;
    Path f = tmp.resolve("latin.yaml");
    Files.write(f, text);
    SpecException e = assertThrows(SpecException.class, () -> parser.parse(f));
    assertEquals(2, e.location().line());
    assertEquals(14, e.location().column(), "the p of hpccg");
    assertTrue(e.problem().contains("not UTF-8 text: byte 0xFF"), e.problem());
  }

  @Test
  void shouldRefuseControlCharactersAndOversizedFiles() throws IOException {
    SpecException nul =
        assertThrows(
            SpecException.class,
            () -> parser.parse("n.yaml", HEAD + "sweep: {nodes: [1\u0000]}\n"));
    assertTrue(nul.problem().contains("U+0000"), nul.problem());
    Path big = tmp.resolve("big.yaml");
    Files.writeString(big, HEAD + "#" + "x".repeat((int) InputLimits.MAX_FILE_BYTES));
    SpecException e = assertThrows(SpecException.class, () -> parser.parse(big));
    assertTrue(e.problem().contains("at most 1,048,576"), e.problem());
  }

  @Test
  void shouldRefuseAliasBombsAndDeepNesting() {
    StringBuilder laughs = new StringBuilder("a: &a [x, x, x, x, x, x, x, x, x]\n");
    for (char c = 'b'; c <= 'j'; c++) {
      laughs.append(c).append(": &").append(c).append(" [");
      for (int i = 0; i < 9; i++) {
        laughs.append(i == 0 ? "" : ", ").append('*').append((char) (c - 1));
      }
      laughs.append("]\n");
    }
    SpecException bomb =
        assertThrows(SpecException.class, () -> parser.parse("b.yaml", laughs.toString()));
    assertTrue(bomb.problem().contains("aliases"), bomb.problem());
    SpecException deep =
        assertThrows(
            SpecException.class,
            () -> parser.parse("d.yaml", "m: " + "{a: ".repeat(40) + "1" + "}".repeat(40)));
    assertTrue(deep.problem().contains("nested deeper than 20"), deep.problem());
  }
}
