package org.xtsim.network.topology;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one way topologies are written, in experiment files ({@code machine.topology}) and on every
 * command ({@code --topology}):
 *
 * <ul>
 *   <li>{@code redstorm} (27 × 20 × 24 mesh, after 2006), {@code redstorm-2005} (27 × 16 × 24
 *       mesh);
 *   <li>{@code XxYxZ}: a mesh (no dimension wraps), e.g. {@code 8x8x8};
 *   <li>{@code torus-XxYxZ}: every dimension wraps, e.g. {@code torus-64x64x32};
 *   <li>{@code XxYxZ:wrap=AXES}: the named dimensions wrap, e.g. {@code 27x20x24:wrap=z} (AXES is
 *       any of x, y, z in that order, or {@code none});
 *   <li>{@code auto}: Red Storm when the job fits on it, else the smallest near-cubic torus that
 *       holds it ({@link Torus#fitting}).
 * </ul>
 *
 * XT routers could be cabled as a mesh or a torus per dimension (Abts &amp; Kim, §8.2.1), so wrap
 * is per axis.
 */
public final class TopologyGrammar {
  /** Red Storm when the job fits on it, else {@link Torus#fitting}. */
  public static final String AUTO = "auto";

  /** The grammar in one line, for messages and documentation. */
  public static final String DESCRIPTION =
      "redstorm, redstorm-2005, auto, a mesh XxYxZ (8x8x8), a torus torus-XxYxZ, or per-axis wrap"
          + " XxYxZ:wrap=AXES (27x20x24:wrap=z; AXES: x, y, z, xy, xz, yz, xyz or none)";

  private static final Pattern DIMS =
      Pattern.compile(
          "(torus-)?([1-9][0-9]{0,5})x([1-9][0-9]{0,5})x([1-9][0-9]{0,5})(?::wrap=(none|x?y?z?))?");

  private TopologyGrammar() {}

  /**
   * Checks {@code text} without a node count.
   *
   * @throws IllegalArgumentException saying what is wrong
   */
  public static void check(String text) {
    if (text.equals(AUTO)) {
      return;
    }
    resolve(text, 1);
  }

  /**
   * The mesh or torus {@code text} names, for a job of {@code nodes} nodes (which only {@code auto}
   * looks at).
   *
   * @throws IllegalArgumentException saying what is wrong
   */
  public static Torus resolve(String text, int nodes) {
    String t = text.trim().toLowerCase(Locale.ROOT);
    switch (t) {
      case Torus.REDSTORM:
      case Torus.REDSTORM_2005:
        return Torus.preset(t);
      case AUTO:
        Torus redstorm = Torus.preset(Torus.REDSTORM);
        return nodes > redstorm.nodes() ? Torus.fitting(nodes) : redstorm;
      default:
        break;
    }
    Matcher m = DIMS.matcher(t);
    if (!m.matches() || (m.group(1) != null && m.group(5) != null) || "".equals(m.group(5))) {
      throw new IllegalArgumentException(
          "'" + text + "' is not a topology; allowed: " + DESCRIPTION);
    }
    int x = Integer.parseInt(m.group(2));
    int y = Integer.parseInt(m.group(3));
    int z = Integer.parseInt(m.group(4));
    if ((long) x * y * z > (1L << 24)) {
      throw new IllegalArgumentException(
          "'" + text + "' has " + (long) x * y * z + " routers; at most 2^24 = 16,777,216");
    }
    if (m.group(1) != null) {
      return Torus.torus(x, y, z);
    }
    String wrap = m.group(5) == null || m.group(5).equals("none") ? "" : m.group(5);
    return new Torus(x, y, z, wrap.contains("x"), wrap.contains("y"), wrap.contains("z"));
  }

  /** How {@code torus} is written: {@code 8x8x8}, {@code torus-8x8x8} or {@code 8x8x8:wrap=z}. */
  public static String format(Torus torus) {
    String dims = torus.size(0) + "x" + torus.size(1) + "x" + torus.size(2);
    String wrap =
        (torus.wraps(0) ? "x" : "") + (torus.wraps(1) ? "y" : "") + (torus.wraps(2) ? "z" : "");
    return wrap.isEmpty() ? dims : wrap.equals("xyz") ? "torus-" + dims : dims + ":wrap=" + wrap;
  }
}
