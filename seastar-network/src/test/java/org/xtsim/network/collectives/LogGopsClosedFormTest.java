package org.xtsim.network.collectives;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.IntStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.xtsim.engine.SimTime;
import org.xtsim.network.imb.CollectiveLoop;
import org.xtsim.network.loggp.LogGopsParams;
import org.xtsim.network.mpi.MpiJob;

class LogGopsClosedFormTest {
  private static final double GAMMA = 250;
  private static final LogGopsParams PARAMS =
      new LogGopsParams(SimTime.us(2.5), SimTime.us(1.5), SimTime.us(1), 6, 2, 1 << 20);
  private static final LogGopsClosedForms FORMS = new LogGopsClosedForms(PARAMS, GAMMA);

  static IntStream allSizes() {
    return IntStream.of(
        2, 3, 4, 5, 6, 7, 8, 12, 16, 17, 31, 32, 33, 100, 127, 128, 255, 1000, 1024, 2047, 3000,
        4096);
  }

  static IntStream powersOfTwo() {
    return IntStream.of(2, 4, 8, 16, 64, 256, 1024, 4096);
  }

  private static long simulate(Collective op, int ranks, long bytes) {
    return MpiJob.builder()
        .network(PARAMS)
        .ranks(ranks)
        .program(new CollectiveLoop(op, bytes, 1, ranks))
        .reduceCostPsPerByte(GAMMA)
        .build()
        .run()
        .completionPs();
  }

  @ParameterizedTest
  @MethodSource("allSizes")
  void shouldMatchDisseminationBarrierClosedForm(int p) {
    assertEquals(FORMS.barrier(p), simulate(Collective.BARRIER, p, 0));
  }

  @ParameterizedTest
  @MethodSource("powersOfTwo")
  void shouldMatchRecursiveDoublingAllreduceClosedForm(int p) {
    assertSame(
        MpichSelector.select(Collective.ALLREDUCE, p, 8).getClass(),
        RecursiveDoublingAllreduce.class);
    assertEquals(FORMS.allreduceRecursiveDoubling(p, 8), simulate(Collective.ALLREDUCE, p, 8));
  }

  @ParameterizedTest
  @MethodSource("powersOfTwo")
  void shouldMatchRabenseifnerAllreduceClosedForm(int p) {
    long bytes = 64L * 4096;
    assertSame(
        MpichSelector.select(Collective.ALLREDUCE, p, bytes).getClass(),
        RabenseifnerAllreduce.class);
    assertEquals(FORMS.allreduceRabenseifner(p, bytes), simulate(Collective.ALLREDUCE, p, bytes));
  }

  /**
   * Non-powers of two fold onto p' = 2^⌊lg p⌋ ranks; ranks outside the fold start early, so the
   * time is not a simple sum. It must lie between the p' closed form plus the unfold message (o + L
   * + (n−1)G + o + (n−1)O) and the closed form of 2p' plus a fold and an unfold round.
   */
  @ParameterizedTest
  @MethodSource("allSizes")
  void shouldBoundFoldedAllreduceBetweenNeighbouringPowersOfTwo(int p) {
    int floor = Integer.highestOneBit(p);
    long t = simulate(Collective.ALLREDUCE, p, 8);
    if (floor == p) {
      assertEquals(FORMS.allreduceRecursiveDoubling(p, 8), t);
      return;
    }
    long unfold = FORMS.round(8, 0);
    long lower = FORMS.allreduceRecursiveDoubling(floor, 8) + unfold;
    long upper = FORMS.allreduceRecursiveDoubling(2 * floor, 8) + 2 * FORMS.round(8, 8);
    assertTrue(t >= lower && t <= upper, t + " not in [" + lower + ", " + upper + "]");
  }

  /**
   * Binomial reduce on other counts: the root's deepest subtree has ⌊lg p⌋ levels and there are at
   * most ⌈lg p⌉, each one round R when arrivals do not collide.
   */
  @ParameterizedTest
  @MethodSource("allSizes")
  void shouldBoundBinomialReduceByTreeDepth(int p) {
    long t = simulate(Collective.REDUCE, p, 1024);
    long round = FORMS.round(1024, 1024);
    int floor = 31 - Integer.numberOfLeadingZeros(p);
    long lower = floor * round;
    long upper = CollectiveAlgorithm.ceilLog2(p) * round;
    assertTrue(t >= lower && t <= upper, t + " not in [" + lower + ", " + upper + "]");
  }

  @ParameterizedTest
  @MethodSource("powersOfTwo")
  void shouldMatchBinomialReduceClosedForm(int p) {
    assertEquals(FORMS.reduceBinomial(p, 1024), simulate(Collective.REDUCE, p, 1024));
  }

  @ParameterizedTest
  @MethodSource("allSizes")
  void shouldMatchBinomialBcastClosedForm(int p) {
    assertEquals(FORMS.bcastBinomial(p, 1000), simulate(Collective.BCAST, p, 1000));
  }

  @ParameterizedTest
  @MethodSource("allSizes")
  void shouldMatchAllgatherClosedForm(int p) {
    assertEquals(FORMS.allgather(p, 16), simulate(Collective.ALLGATHER, p, 16));
  }

  @ParameterizedTest
  @MethodSource("allSizes")
  void shouldMatchAlltoallClosedForm(int p) {
    if (p > 1024) {
      return;
    }
    assertEquals(FORMS.alltoall(p, 64), simulate(Collective.ALLTOALL, p, 64));
    assertEquals(FORMS.alltoall(p, 2000), simulate(Collective.ALLTOALL, p, 2000));
  }
}
