package org.xtsim.vmm.tlb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.xtsim.node.AccessKind;
import org.xtsim.node.AccessPattern;

/** The address streams of the workloads' memory behaviour. */
class AddressStreamTest {
  private static final int SIDE = 5;
  private static final long ROWS = SIDE * SIDE * SIDE;
  private static final long VALUES_BYTES = ROWS * 27 * 8;
  private static final long X_BASE = VALUES_BYTES + ROWS * 27 * 4;
  private static final long Y_BASE = X_BASE + ROWS * 8;

  /** The references of rows 0 .. {@code upToRow} of a 5 × 5 × 5 grid, grouped by row. */
  private static List<List<Long>> spmvRows(int upToRow) {
    AccessPattern p =
        AccessPattern.of(AccessKind.SPARSE_MATRIX_27, ROWS * AccessPattern.SPMV_BYTES_PER_ROW);
    AddressStream s = new AddressStream(p, 1);
    List<List<Long>> rows = new ArrayList<>();
    List<Long> current = new ArrayList<>();
    while (rows.size() <= upToRow) {
      long a = s.next();
      current.add(a);
      if (a >= Y_BASE) {
        rows.add(current);
        current = new ArrayList<>();
      }
    }
    return rows;
  }

  @Test
  void shouldGatherXFromTheTwentySevenNeighboursInThreePlanesForAnInteriorRow() {
    int row = 2 + SIDE * (2 + SIDE * 2); // the centre of the cube
    List<Long> refs = spmvRows(row).get(row);
    assertEquals(3 * 27 + 1, refs.size(), "value, index and x per non-zero; y per row");
    TreeSet<Long> columns = new TreeSet<>();
    TreeSet<Long> planes = new TreeSet<>();
    for (int k = 0; k < 27; k++) {
      long value = refs.get(3 * k);
      long index = refs.get(3 * k + 1);
      long x = refs.get(3 * k + 2);
      assertTrue(value < VALUES_BYTES && index >= VALUES_BYTES && index < X_BASE);
      assertEquals(value + 8, k + 1 < 27 ? refs.get(3 * k + 3) : value + 8, "values row-wise");
      long column = (x - X_BASE) / 8;
      columns.add(column);
      planes.add(column / (SIDE * SIDE));
    }
    for (int dz = -1; dz <= 1; dz++) {
      for (int dy = -1; dy <= 1; dy++) {
        for (int dx = -1; dx <= 1; dx++) {
          long neighbour = row + dx + SIDE * (dy + SIDE * (long) dz);
          assertTrue(columns.contains(neighbour), "gathers x of neighbour " + neighbour);
        }
      }
    }
    assertEquals(27, columns.size());
    assertEquals(3, planes.size(), "three z-planes");
    assertEquals(Y_BASE + 8L * row, refs.get(81), "then stores y[row]");
  }

  @Test
  void shouldSkipNeighboursOutsideTheGridAtACorner() {
    List<Long> corner = spmvRows(0).get(0);
    assertEquals(3 * 8 + 1, corner.size(), "a corner row has 8 non-zeros");
    List<List<Long>> two = spmvRows(1);
    long firstValueOfRow1 = two.get(1).get(0);
    assertEquals(8 * 8, firstValueOfRow1, "values are stored compactly, row after row");
  }

  @Test
  void shouldReadEachCellThenGatherOneWordFromEachFaceNeighbour() {
    long cellBytes = 256;
    int side = 4;
    long cells = side * side * side;
    AddressStream s =
        new AddressStream(
            new AccessPattern(AccessKind.CELL_GATHER, cells * cellBytes, cellBytes), 1);
    int cell = 1 + side * (1 + side); // (1, 1, 1)
    for (long i = 0; i < cell * (cellBytes / 8 + 6); i++) {
      s.next();
    }
    for (long w = 0; w < cellBytes / 8; w++) {
      assertEquals(cell * cellBytes + 8 * w, s.next(), "own state, word by word");
    }
    long[] offsets = {1, -1, side, -side, side * side, -side * side};
    for (int k = 0; k < 6; k++) {
      long a = s.next();
      assertEquals(cell + offsets[k], a / cellBytes, "face neighbour " + k);
    }
    assertEquals((cell + 1) * cellBytes, s.next(), "then the next cell");
    assertEquals(
        cells * (cellBytes / 8 + 6),
        AddressStream.sweepAccesses(AccessKind.CELL_GATHER, cells * cellBytes, cellBytes));
  }
}
