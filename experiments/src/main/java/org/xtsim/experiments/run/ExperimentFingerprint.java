package org.xtsim.experiments.run;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import org.xtsim.experiments.results.Json;
import org.xtsim.experiments.spec.ExperimentSpec;

/**
 * A hash of the resolved experiment: every workload parameter, configuration setting, machine key
 * and sweep value (defaults included), the seed, the replicate count and whether it is the quick
 * sweep; not the file's path, so copies of one file on two machines agree. Parts of a sweep merge
 * only when their fingerprints are equal.
 */
public final class ExperimentFingerprint {
  private ExperimentFingerprint() {}

  /** 16 hex digits of SHA-256 over the resolved experiment. */
  public static String of(ExperimentSpec spec) {
    return of(spec.toMap());
  }

  /** The same over the manifest's {@code experiment} object. */
  public static String of(Map<String, Object> experiment) {
    Map<String, Object> m = new LinkedHashMap<>(experiment);
    m.remove("file");
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256")
              .digest(Json.line(m).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this Java", e);
    }
  }
}
