package org.xtsim.network.topology;

import java.util.Arrays;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * Where MPI ranks run: an order of nodes, filled {@code ranksPerNode} ranks at a time (ranks 0..k-1
 * on the first node of the order, and so on).
 *
 * <ul>
 *   <li>{@link #contiguous()}: nodes in id order (x fastest);
 *   <li>{@link #snake()}: a boustrophedon walk, so consecutive nodes are always mesh neighbours;
 *   <li>{@link #random(long)}: a seeded random permutation;
 *   <li>{@link #explicit(int...)}: rank-slot i on the given node (benchmarks such as ping-pong).
 * </ul>
 */
public abstract class Placement {
  private Placement() {}

  /** Nodes in id order. */
  public static Placement contiguous() {
    return new Placement() {
      @Override
      int[] nodeOrder(Torus torus, int slots) {
        int[] order = new int[Math.min(slots, torus.nodes())];
        Arrays.setAll(order, i -> i);
        return order;
      }

      @Override
      public String toString() {
        return "contiguous";
      }
    };
  }

  /** A boustrophedon (snake) walk: x back and forth within y, y back and forth within z. */
  public static Placement snake() {
    return new Placement() {
      @Override
      int[] nodeOrder(Torus torus, int slots) {
        int[] order = new int[Math.min(slots, torus.nodes())];
        int sx = torus.size(0);
        int sy = torus.size(1);
        for (int i = 0; i < order.length; i++) {
          int z = i / (sx * sy);
          int plane = i % (sx * sy);
          int row = plane / sx;
          int col = plane % sx;
          int y = (z & 1) == 0 ? row : sy - 1 - row;
          int x = ((i / sx) & 1) == 0 ? col : sx - 1 - col;
          order[i] = torus.node(x, y, z);
        }
        return order;
      }

      @Override
      public String toString() {
        return "snake";
      }
    };
  }

  /** A random permutation of the nodes drawn from {@code seed}. */
  public static Placement random(long seed) {
    return new Placement() {
      @Override
      int[] nodeOrder(Torus torus, int slots) {
        int n = torus.nodes();
        int[] all = new int[n];
        Arrays.setAll(all, i -> i);
        SplittableRandom rnd = new SplittableRandom(seed);
        for (int i = n - 1; i > 0; i--) {
          int j = rnd.nextInt(i + 1);
          int t = all[i];
          all[i] = all[j];
          all[j] = t;
        }
        return Arrays.copyOf(all, Math.min(slots, n));
      }

      @Override
      public String toString() {
        return "random(" + seed + ")";
      }
    };
  }

  /** Node slot i is node {@code nodes[i]} (each at most once). */
  public static Placement explicit(int... nodes) {
    int[] copy = Objects.requireNonNull(nodes, "nodes").clone();
    return new Placement() {
      @Override
      int[] nodeOrder(Torus torus, int slots) {
        boolean[] seen = new boolean[torus.nodes()];
        for (int node : copy) {
          if (node < 0 || node >= torus.nodes()) {
            throw new IllegalArgumentException(
                "placement names node " + node + ", which does not exist in " + torus);
          }
          if (seen[node]) {
            throw new IllegalArgumentException("placement names node " + node + " twice");
          }
          seen[node] = true;
        }
        return copy.clone();
      }

      @Override
      public String toString() {
        return "explicit" + Arrays.toString(copy);
      }
    };
  }

  /** Parses {@code contiguous}, {@code snake} or {@code random} (seeded with {@code seed}). */
  public static Placement parse(String name, long seed) {
    switch (name) {
      case "contiguous":
        return contiguous();
      case "snake":
        return snake();
      case "random":
        return random(seed);
      default:
        throw new IllegalArgumentException(
            "unknown placement '" + name + "' (allowed: contiguous, snake, random)");
    }
  }

  /** The first {@code min(slots, nodes)} nodes in this placement's order. */
  abstract int[] nodeOrder(Torus torus, int slots);

  /**
   * The node of every rank.
   *
   * @throws IllegalArgumentException if the ranks do not fit
   */
  public int[] rankToNode(Torus torus, int ranks, int ranksPerNode) {
    if (ranks <= 0) {
      throw new IllegalArgumentException("ranks must be > 0, was " + ranks);
    }
    if (ranksPerNode <= 0) {
      throw new IllegalArgumentException("ranks per node must be > 0, was " + ranksPerNode);
    }
    int nodesNeeded = (int) (((long) ranks + ranksPerNode - 1) / ranksPerNode);
    int[] order = nodeOrder(torus, nodesNeeded);
    if (order.length < nodesNeeded) {
      throw new IllegalArgumentException(
          ranks
              + " ranks at "
              + ranksPerNode
              + " per node need "
              + nodesNeeded
              + " nodes; placement "
              + this
              + " on "
              + torus
              + " offers "
              + order.length);
    }
    int[] rankNode = new int[ranks];
    for (int r = 0; r < ranks; r++) {
      rankNode[r] = order[r / ranksPerNode];
    }
    return rankNode;
  }
}
