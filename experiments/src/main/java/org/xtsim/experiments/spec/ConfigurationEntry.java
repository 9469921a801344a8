package org.xtsim.experiments.spec;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One system configuration compared in an experiment (native is the usual baseline).
 *
 * @param label unique label, used in results and figure legends
 * @param baseline label of the configuration its overhead is computed against (itself for a native
 *     configuration without an explicit baseline), or null when it has none
 * @param settings configuration keys (vmm, guest, …), declared defaults filled in; keys that are
 *     sweep axes are absent
 * @param location where the entry is in the file
 */
public record ConfigurationEntry(
    String label, String baseline, Map<String, Object> settings, SourceLocation location) {
  /** Copies the settings. */
  public ConfigurationEntry {
    settings = Collections.unmodifiableMap(new LinkedHashMap<>(settings));
  }
}
