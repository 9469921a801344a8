package org.xtsim.network.mpi;

import org.xtsim.engine.RandomStream;

/** Every unit of work takes the same time, on every node, without noise. */
public final class FixedRateComputeTimer implements ComputeTimer {
  private final double psPerUnit;

  /** {@code psPerUnit} picoseconds per unit of work, ≥ 0. */
  public FixedRateComputeTimer(double psPerUnit) {
    if (!(psPerUnit >= 0) || Double.isInfinite(psPerUnit)) {
      throw new IllegalArgumentException("ps per unit must be >= 0, was " + psPerUnit);
    }
    this.psPerUnit = psPerUnit;
  }

  @Override
  public long computeEndPs(int node, long startPs, int phaseId, long amount, RandomStream random) {
    return startPs + Math.round(amount * psPerUnit);
  }
}
