package org.xtsim.experiments.shard;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.xtsim.experiments.RunPoint;

/**
 * Which shard runs each point of a sweep split into N: a deterministic function of the expanded
 * point list, N and the points' estimated costs, so every task of a job array computes the same
 * plan on its own.
 *
 * <p>The points are dealt out largest first, each to the shard with the least estimated work so far
 * (the lowest-numbered on a tie): the "longest processing time first" rule, whose longest shard is
 * at most 4/3 of the best possible (Graham, 1969). Dealing points in sweep order instead would give
 * one shard all the 4,096-node points of a study whose last axis is the node count.
 */
public final class ShardPlan {
  private final int count;
  private final Map<String, Integer> shardOf;
  private final double[] estimatedSeconds;

  private ShardPlan(int count, Map<String, Integer> shardOf, double[] estimatedSeconds) {
    this.count = count;
    this.shardOf = shardOf;
    this.estimatedSeconds = estimatedSeconds;
  }

  /**
   * Splits {@code points} into {@code count} shards by {@code seconds}, each point's estimated
   * cost.
   */
  public static ShardPlan of(List<RunPoint> points, int count, ToDoubleFunction<RunPoint> seconds) {
    if (count < 1) {
      throw new IllegalArgumentException("shard count must be >= 1, was " + count);
    }
    double[] cost = new double[points.size()];
    List<Integer> order = new ArrayList<>(points.size());
    for (int i = 0; i < points.size(); i++) {
      cost[i] = Math.max(0, seconds.applyAsDouble(points.get(i)));
      order.add(i);
    }
    // Largest first; equal costs in sweep order (a stable sort keeps it).
    Collections.sort(order, Comparator.comparingDouble((Integer i) -> cost[i]).reversed());
    double[] load = new double[count];
    int[] shard = new int[points.size()];
    for (int i : order) {
      int least = 0;
      for (int s = 1; s < count; s++) {
        if (load[s] < load[least]) {
          least = s;
        }
      }
      load[least] += cost[i];
      shard[i] = least + 1;
    }
    Map<String, Integer> shardOf = new LinkedHashMap<>();
    for (int i = 0; i < points.size(); i++) {
      shardOf.put(points.get(i).id(), shard[i]);
    }
    return new ShardPlan(count, shardOf, load);
  }

  /**
   * The plan a run recorded ({@code shardOf}: every point's shard, as a shard's manifest lists
   * them), so that what was split once is read back the same even where the cost table has changed
   * since.
   *
   * @throws IllegalArgumentException when a shard is out of range
   */
  public static ShardPlan recorded(int count, Map<String, Integer> shardOf) {
    double[] load = new double[count];
    for (Map.Entry<String, Integer> e : shardOf.entrySet()) {
      if (e.getValue() < 1 || e.getValue() > count) {
        throw new IllegalArgumentException(
            "point " + e.getKey() + " is recorded in shard " + e.getValue() + " of " + count);
      }
    }
    java.util.Arrays.fill(load, Double.NaN);
    return new ShardPlan(count, new LinkedHashMap<>(shardOf), load);
  }

  /** How many shards. */
  public int count() {
    return count;
  }

  /** The shard (1 to {@link #count}) that runs the point with this id. */
  public int shardOf(String pointId) {
    Integer s = shardOf.get(pointId);
    if (s == null) {
      throw new IllegalArgumentException("no point " + pointId + " in this sweep");
    }
    return s;
  }

  /** Whether {@code shard} runs {@code point}. */
  public boolean runs(Shard shard, RunPoint point) {
    return shardOf(point.id()) == shard.index();
  }

  /** The points of {@code points} that {@code shard} runs, in sweep order. */
  public List<RunPoint> pointsOf(Shard shard, List<RunPoint> points) {
    List<RunPoint> mine = new ArrayList<>();
    for (RunPoint p : points) {
      if (runs(shard, p)) {
        mine.add(p);
      }
    }
    return mine;
  }

  /** The estimated seconds of each shard's points, shard 1 first (NaN for a recorded plan). */
  public double[] estimatedSeconds() {
    return Arrays.copyOf(estimatedSeconds, estimatedSeconds.length);
  }
}
