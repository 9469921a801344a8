package org.xtsim.experiments.sweep;

import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.xtsim.experiments.RunPoint;
import org.xtsim.network.NetworkParams;
import org.xtsim.params.Param;

/**
 * The text identities of a point.
 *
 * <ul>
 *   <li>{@link #id}: what the point is, readable, unique in an experiment: {@code
 *       hpccg/nested-large/nodes=64/noise_frequency_hz=100/r0}. {@code --resume} keys on it.
 *   <li>{@link #seedKey}: what decides its seed: the id without the configuration and without
 *       configuration-key axes, plus the workload parameters and the machine, less the machine keys
 *       that only choose how the model is evaluated ({@link NetworkParams#EVALUATION_ONLY}). It is
 *       the canonical form of the typed values: each key by its stable identity ({@link
 *       Param#identity()}, the key before any rename), each value in its key's unit ({@link
 *       Param#text}), so neither a rename nor the spelling of a value ({@code 2.5us} or {@code
 *       2500ns}) moves a seed.
 *   <li>{@link #fingerprint}: a hash of everything the point resolves to (parameters, settings,
 *       machine, seed), so that {@code --resume} never reuses a result made from different inputs.
 * </ul>
 */
public final class PointIdentity {
  /**
   * Machine keys that choose how the model is evaluated, not what is simulated, as the network
   * declares them: points that differ only in them get the same seed.
   */
  private static final Set<String> EVALUATION_KEYS = evaluationKeys();

  private static Set<String> evaluationKeys() {
    Set<String> keys = new HashSet<>();
    NetworkParams.EVALUATION_ONLY.forEach(p -> keys.add(p.key()));
    return Set.copyOf(keys);
  }

  private PointIdentity() {}

  /** The readable id of a point. */
  public static String id(
      String workload, String configuration, Map<String, Object> swept, int replicate) {
    StringBuilder sb = new StringBuilder(workload).append('/').append(configuration);
    swept.forEach((k, v) -> sb.append('/').append(k).append('=').append(text(v)));
    return sb.append("/r").append(replicate).toString();
  }

  /**
   * The text the seed is derived from; {@code identity} maps a key of the point's name space
   * ({@code nx}, {@code machine.preset}, {@code nodes}) to its stable identity.
   */
  static String seedKey(
      String workload,
      Map<String, Object> params,
      Map<String, Object> machine,
      Map<String, Object> nonConfigurationAxes,
      int replicate,
      UnaryOperator<String> identity) {
    StringBuilder sb = new StringBuilder(workload);
    params.forEach(
        (k, v) ->
            sb.append('|')
                .append(
                    identity
                        .apply(RunPoint.PARAMS_PREFIX + k)
                        .substring(RunPoint.PARAMS_PREFIX.length()))
                .append('=')
                .append(text(v)));
    machine.forEach(
        (k, v) -> {
          if (!EVALUATION_KEYS.contains(k)) {
            sb.append('|')
                .append(identity.apply(RunPoint.MACHINE_PREFIX + k))
                .append('=')
                .append(text(v));
          }
        });
    nonConfigurationAxes.forEach(
        (k, v) -> sb.append("|@").append(identity.apply(k)).append('=').append(text(v)));
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
    return Param.text(v);
  }
}
