package org.xtsim.engine.phold;

import java.util.Locale;
import org.xtsim.engine.RunStatistics;

/**
 * What a PHOLD run produced.
 *
 * @param config the parameters
 * @param statistics the engine's statistics
 * @param digest hash of the final model state; changes if any event runs in a different order
 */
public record PholdResult(PholdConfig config, RunStatistics statistics, long digest) {

  /** The digest as 16 hex digits. */
  public String digestHex() {
    return String.format("%016x", digest);
  }

  /** One JSON object with the parameters, the figures and the digest. */
  public String toJson() {
    RunStatistics s = statistics;
    StringBuilder perThread = new StringBuilder("[");
    for (int i = 0; i < s.committedPerThread().length; i++) {
      perThread.append(i == 0 ? "" : ",").append(s.committedPerThread()[i]);
    }
    perThread.append(']');
    return String.format(
        Locale.ROOT,
        "{\"benchmark\":\"phold\",\"lps\":%d,\"startEvents\":%d,\"remote\":%s,\"lookahead\":%s,"
            + "\"mean\":%s,\"end\":%s,\"seed\":%d,\"threads\":%d,\"committedEvents\":%d,"
            + "\"committedPerThread\":%s,\"windows\":%d,\"wallSeconds\":%.6f,"
            + "\"eventsPerSecond\":%.1f,\"stopReason\":\"%s\",\"digest\":\"%s\"}",
        config.lps(),
        config.startEvents(),
        config.remote(),
        config.lookahead(),
        config.mean(),
        config.end(),
        config.seed(),
        s.threads(),
        s.committedEvents(),
        perThread,
        s.windows(),
        s.wallSeconds(),
        s.eventsPerSecond(),
        s.stopReason(),
        digestHex());
  }
}
