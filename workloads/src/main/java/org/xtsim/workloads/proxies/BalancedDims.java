package org.xtsim.workloads.proxies;

import java.util.Arrays;

/**
 * The balanced factorisation of P ranks into a d-dimensional process grid, as {@code
 * MPI_Dims_create} makes it: prime factors, largest first, each to the currently smallest
 * dimension; the dimensions are returned largest first.
 */
final class BalancedDims {
  private BalancedDims() {}

  /** The {@code dimensions} factors of {@code ranks}, largest first. */
  static int[] of(int ranks, int dimensions) {
    int[] dims = new int[dimensions];
    Arrays.fill(dims, 1);
    int n = ranks;
    for (int f = largestFactor(n); n > 1; f = largestFactor(n)) {
      int smallest = 0;
      for (int d = 1; d < dimensions; d++) {
        if (dims[d] < dims[smallest]) {
          smallest = d;
        }
      }
      dims[smallest] *= f;
      n /= f;
    }
    Arrays.sort(dims);
    for (int i = 0; i < dimensions / 2; i++) {
      int t = dims[i];
      dims[i] = dims[dimensions - 1 - i];
      dims[dimensions - 1 - i] = t;
    }
    return dims;
  }

  private static int largestFactor(int n) {
    int largest = 1;
    int m = n;
    for (int f = 2; (long) f * f <= m; f++) {
      while (m % f == 0) {
        largest = f;
        m /= f;
      }
    }
    return m > 1 ? m : largest;
  }
}
