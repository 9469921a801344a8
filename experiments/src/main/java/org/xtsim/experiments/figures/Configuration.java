package org.xtsim.experiments.figures;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.xtsim.experiments.results.ResultRow;

/**
 * What the result rows say about one configuration: its guest OS and the settings that decide how
 * it is drawn.
 *
 * @param name configuration label
 * @param guest guest OS ("" when unknown, e.g. a configuration seen only in distributions)
 * @param pagingMode virtualization mode and large pages, e.g. "nested" or "nested, large pages"
 * @param hostSettings the configuration without its guest: paging mode, preemption, NIC
 * @param baseline the configuration its overheads are against ("" when none)
 */
record Configuration(
    String name, String guest, String pagingMode, String hostSettings, String baseline) {

  /** The configurations of {@code rows} in order of first appearance. */
  static List<Configuration> of(List<ResultRow> rows) {
    Map<String, Configuration> out = new LinkedHashMap<>();
    for (ResultRow r : rows) {
      out.computeIfAbsent(r.config(), k -> of(r));
    }
    return new ArrayList<>(out.values());
  }

  /** A configuration known only by name. */
  static Configuration unknown(String name) {
    return new Configuration(name, "", name, name, "");
  }

  private static Configuration of(ResultRow r) {
    String paging = r.vmm() + (Boolean.parseBoolean(r.largePages()) ? ", large pages" : "");
    return new Configuration(
        r.config(),
        r.guest(),
        paging,
        paging + ", preemption " + r.preemption() + ", NIC " + r.nic(),
        r.baseline());
  }
}
