package org.xtsim.network.topology;

/**
 * A 3-D mesh or torus of routers, one node per router: size and wrap-around per dimension, node id
 * ↔ coordinates, and dimension-order routing (x, then y, then z; on a wrapped dimension the shorter
 * way round, ties going the positive way). Immutable and shared by all threads.
 */
public final class Torus {
  /** Ports of a router towards its six neighbours, in the order of {@link #port}. */
  public static final int PORTS = 6;

  /** Returned by {@link #nextPort} when the destination is this node. */
  public static final int EJECT = -1;

  /** Red Storm in 2005: 27 × 16 × 24 = 10,368 nodes (a 2005 forum post, not authoritative). */
  public static final String REDSTORM_2005 = "redstorm-2005";

  /**
   * Red Storm after the 2006 upgrade: 27 × 20 × 24 = 12,960 nodes (assumption consistent with
   * "nearly thirteen thousand nodes", Brightwell, Underwood, Vaughan).
   */
  public static final String REDSTORM = "redstorm";

  private final int sizeX;
  private final int sizeY;
  private final int sizeZ;
  private final boolean wrapX;
  private final boolean wrapY;
  private final boolean wrapZ;

  /** Reciprocals for dividing node ids by sizeX and sizeY (see {@link #divide}). */
  private final long reciprocalX;

  private final long reciprocalY;

  /**
   * @throws IllegalArgumentException if a size is ≤ 0 or the node count overflows an int
   */
  public Torus(int sizeX, int sizeY, int sizeZ, boolean wrapX, boolean wrapY, boolean wrapZ) {
    checkSize("x", sizeX);
    checkSize("y", sizeY);
    checkSize("z", sizeZ);
    if ((long) sizeX * sizeY * sizeZ > (1 << 24)) {
      throw new IllegalArgumentException(
          "mesh " + sizeX + "x" + sizeY + "x" + sizeZ + " has more than 2^24 nodes");
    }
    this.sizeX = sizeX;
    this.sizeY = sizeY;
    this.sizeZ = sizeZ;
    this.wrapX = wrapX;
    this.wrapY = wrapY;
    this.wrapZ = wrapZ;
    this.reciprocalX = reciprocal(sizeX);
    this.reciprocalY = reciprocal(sizeY);
  }

  /** ⌈2^48 / d⌉, for {@link #divide}. */
  private static long reciprocal(int d) {
    return ((1L << 48) + d - 1) / d;
  }

  /**
   * {@code n / d} for 0 ≤ n, d ≤ 2^24, by a multiplication with {@code reciprocal(d)}: every
   * message routed asks for the coordinates of two nodes, and an integer division costs ten times
   * more. Exact: the reciprocal overshoots 2^48/d by less than 1, so n·⌈2^48/d⌉/2^48 exceeds n/d by
   * less than n/2^48 &lt; 1/d, which cannot reach the next integer.
   */
  private static int divide(int n, long reciprocal) {
    return (int) Math.multiplyHigh((long) n << 16, reciprocal);
  }

  /** A mesh (no wrap-around) of the given size. */
  public static Torus mesh(int sizeX, int sizeY, int sizeZ) {
    return new Torus(sizeX, sizeY, sizeZ, false, false, false);
  }

  /** A torus (wrap-around in every dimension) of the given size. */
  public static Torus torus(int sizeX, int sizeY, int sizeZ) {
    return new Torus(sizeX, sizeY, sizeZ, true, true, true);
  }

  /**
   * The smallest near-cubic torus with at least {@code nodes} routers: a what-if machine larger
   * than a preset. A power of two 2<sup>k</sup> splits exactly, the larger exponents first (131,072
   * = 64 × 64 × 32, 1,048,576 = 128 × 128 × 64); any other count takes z = ⌊∛n⌋ and the smallest x
   * ≥ y ≥ z that hold it, so a few routers may stay empty.
   *
   * @throws IllegalArgumentException if {@code nodes} is ≤ 0 or more than 2^24
   */
  public static Torus fitting(int nodes) {
    if (nodes <= 0 || nodes > (1 << 24)) {
      throw new IllegalArgumentException("nodes must be in [1, 2^24], was " + nodes);
    }
    if (Integer.bitCount(nodes) == 1) {
      int k = Integer.numberOfTrailingZeros(nodes);
      int a = (k + 2) / 3;
      int b = (k - a + 1) / 2;
      return torus(1 << a, 1 << b, 1 << (k - a - b));
    }
    int z = Math.max(1, (int) Math.floor(Math.cbrt(nodes)));
    while ((long) (z + 1) * (z + 1) * (z + 1) <= nodes) {
      z++;
    }
    int plane = (nodes + z - 1) / z;
    int y = (int) Math.ceil(Math.sqrt(plane));
    int x = (plane + y - 1) / y;
    return torus(Math.max(x, y), Math.min(x, y), z);
  }

  /**
   * A named machine. Red Storm is described as a "3D mesh" (Camp &amp; Tomkins); the presets are
   * therefore meshes, and wrap stays a per-dimension option of the constructor.
   *
   * @throws IllegalArgumentException for an unknown name
   */
  public static Torus preset(String name) {
    switch (name) {
      case REDSTORM_2005:
        return mesh(27, 16, 24);
      case REDSTORM:
        return mesh(27, 20, 24);
      default:
        throw new IllegalArgumentException(
            "unknown machine preset '"
                + name
                + "' (allowed: "
                + REDSTORM_2005
                + ", "
                + REDSTORM
                + ")");
    }
  }

  private static void checkSize(String dim, int size) {
    if (size <= 0) {
      throw new IllegalArgumentException("mesh size in " + dim + " must be > 0, was " + size);
    }
  }

  /** Number of nodes. */
  public int nodes() {
    return sizeX * sizeY * sizeZ;
  }

  /** Size of dimension {@code dim} (0 = x, 1 = y, 2 = z). */
  public int size(int dim) {
    return dim == 0 ? sizeX : dim == 1 ? sizeY : sizeZ;
  }

  /** Whether dimension {@code dim} wraps around. */
  public boolean wraps(int dim) {
    return dim == 0 ? wrapX : dim == 1 ? wrapY : wrapZ;
  }

  /** Node id of coordinates (x, y, z). */
  public int node(int x, int y, int z) {
    if (x < 0 || x >= sizeX || y < 0 || y >= sizeY || z < 0 || z >= sizeZ) {
      throw new IllegalArgumentException(
          "coordinates (" + x + ", " + y + ", " + z + ") lie outside " + this);
    }
    return x + sizeX * (y + sizeY * z);
  }

  /** The x coordinate of a node. */
  public int x(int node) {
    return node - divide(node, reciprocalX) * sizeX;
  }

  /** The y coordinate of a node. */
  public int y(int node) {
    int row = divide(node, reciprocalX);
    return row - divide(row, reciprocalY) * sizeY;
  }

  /** The z coordinate of a node. */
  public int z(int node) {
    return divide(divide(node, reciprocalX), reciprocalY);
  }

  /** Coordinate {@code dim} of a node. */
  public int coordinate(int node, int dim) {
    return dim == 0 ? x(node) : dim == 1 ? y(node) : z(node);
  }

  /**
   * Signed number of steps along one dimension from {@code from} to {@code to}: the shorter way
   * round on a wrapped dimension (ties positive).
   */
  private static int offset(int from, int to, int size, boolean wrap) {
    int d = to - from;
    if (wrap) {
      if (d > size / 2) {
        d -= size;
      } else if (d < -((size - 1) / 2)) {
        d += size;
      }
    }
    return d;
  }

  /** Router-to-router hops on the dimension-order route from {@code from} to {@code to}. */
  public int hops(int from, int to) {
    int rowFrom = divide(from, reciprocalX);
    int rowTo = divide(to, reciprocalX);
    int zFrom = divide(rowFrom, reciprocalY);
    int zTo = divide(rowTo, reciprocalY);
    int dx = offset(from - rowFrom * sizeX, to - rowTo * sizeX, sizeX, wrapX);
    int dy = offset(rowFrom - zFrom * sizeY, rowTo - zTo * sizeY, sizeY, wrapY);
    int dz = offset(zFrom, zTo, sizeZ, wrapZ);
    return Math.abs(dx) + Math.abs(dy) + Math.abs(dz);
  }

  /**
   * The output port a packet at {@code at} takes towards {@code to} under dimension-order routing,
   * or {@link #EJECT} when it has arrived.
   */
  public int nextPort(int at, int to) {
    int dx = offset(x(at), x(to), sizeX, wrapX);
    if (dx != 0) {
      return dx > 0 ? 0 : 1;
    }
    int dy = offset(y(at), y(to), sizeY, wrapY);
    if (dy != 0) {
      return dy > 0 ? 2 : 3;
    }
    int dz = offset(z(at), z(to), sizeZ, wrapZ);
    if (dz != 0) {
      return dz > 0 ? 4 : 5;
    }
    return EJECT;
  }

  /**
   * The node at the other end of port {@code port} of {@code node}, or -1 where a mesh has no
   * neighbour (an edge), or where a dimension of size 1 has none.
   */
  public int neighbour(int node, int port) {
    int dim = port >> 1;
    int size = size(dim);
    if (size == 1) {
      return -1;
    }
    int c = coordinate(node, dim) + ((port & 1) == 0 ? 1 : -1);
    if (c < 0 || c >= size) {
      if (!wraps(dim)) {
        return -1;
      }
      c = (c + size) % size;
    }
    int x = dim == 0 ? c : x(node);
    int y = dim == 1 ? c : y(node);
    int z = dim == 2 ? c : z(node);
    return node(x, y, z);
  }

  /** The dimension with the most nodes (x on ties). */
  public int longestDimension() {
    int best = 0;
    for (int d = 1; d < 3; d++) {
      if (size(d) > size(best)) {
        best = d;
      }
    }
    return best;
  }

  /** The node farthest (most hops) from {@code node}; the lowest id on ties. */
  public int farthestFrom(int node) {
    int best = node;
    int bestHops = -1;
    for (int n = 0; n < nodes(); n++) {
      int h = hops(node, n);
      if (h > bestHops) {
        bestHops = h;
        best = n;
      }
    }
    return best;
  }

  @Override
  public String toString() {
    return sizeX
        + (wrapX ? "t" : "")
        + "x"
        + sizeY
        + (wrapY ? "t" : "")
        + "x"
        + sizeZ
        + (wrapZ ? "t" : "")
        + (wrapX || wrapY || wrapZ ? " (t = wraps)" : " mesh");
  }
}
