package org.xtsim.experiments.sweep;

import java.util.Locale;
import java.util.Map;
import org.xtsim.experiments.RunPoint;

/**
 * The text identities of a point.
 *
 * <ul>
 *   <li>{@link #id}: what the point is, readable, unique in an experiment: {@code
 *       hpccg/nested-large/nodes=64/noise_frequency_hz=100/r0}. {@code --resume} keys on it.
 *   <li>{@link #seedKey}: what decides its seed: the id without the configuration and without
 *       configuration-key axes, plus the workload parameters and the machine, less the machine keys
 *       that only choose how the model is evaluated ({@link #EVALUATION_KEYS}).
 *   <li>{@link #fingerprint}: a hash of everything the point resolves to (parameters, settings,
 *       machine, seed), so that {@code --resume} never reuses a result made from different inputs.
 * </ul>
 */
public final class PointIdentity {
  /**
   * Machine keys that choose how the model is evaluated, not what is simulated: points that differ
   * only in them get the same seed, so the evaluations are compared on the same noise.
   */
  public static final java.util.Set<String> EVALUATION_KEYS = java.util.Set.of("collective_timing");

  private PointIdentity() {}

  /** The readable id of a point. */
  public static String id(
      String workload, String configuration, Map<String, Object> swept, int replicate) {
    StringBuilder sb = new StringBuilder(workload).append('/').append(configuration);
    swept.forEach((k, v) -> sb.append('/').append(k).append('=').append(text(v)));
    return sb.append("/r").append(replicate).toString();
  }

  /** The text the seed is derived from. */
  static String seedKey(
      String workload,
      Map<String, Object> params,
      Map<String, Object> machine,
      Map<String, Object> nonConfigurationAxes,
      int replicate) {
    StringBuilder sb = new StringBuilder(workload);
    params.forEach((k, v) -> sb.append('|').append(k).append('=').append(text(v)));
    machine.forEach(
        (k, v) -> {
          if (!EVALUATION_KEYS.contains(k)) {
            sb.append("|machine.").append(k).append('=').append(text(v));
          }
        });
    nonConfigurationAxes.forEach((k, v) -> sb.append("|@").append(k).append('=').append(text(v)));
    return sb.append("|r").append(replicate).toString();
  }

  /** 16 hex digits over everything the point resolves to. */
  public static String fingerprint(RunPoint p) {
    StringBuilder sb = new StringBuilder(p.id()).append('|').append(p.seed());
    p.params().forEach((k, v) -> sb.append("|p.").append(k).append('=').append(text(v)));
    p.settings().forEach((k, v) -> sb.append("|s.").append(k).append('=').append(text(v)));
    p.machine().forEach((k, v) -> sb.append("|m.").append(k).append('=').append(text(v)));
    return String.format(Locale.ROOT, "%016x", PointSeeds.fnv1a(sb.toString()));
  }

  /** A value as it appears in ids and CSV cells: integers without ".0", doubles shortest. */
  public static String text(Object v) {
    if (v instanceof Double d) {
      return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString(d.longValue()) : d.toString();
    }
    return String.valueOf(v);
  }
}
