package org.xtsim.experiments;

import org.xtsim.experiments.registry.ModelRegistry;
import org.xtsim.experiments.spec.ExperimentParser;
import org.xtsim.experiments.spec.ExperimentSpec;

/** Small experiment files for tests. */
public final class TestExperiments {
  private TestExperiments() {}

  /**
   * Two workloads, a native and two virtualized configurations per guest, nodes 1, 2, 4, with a
   * quick section of nodes 1 and 4.
   */
  public static final String SMALL =
      String.join(
          "\n",
          "name: small",
          "seed: 11",
          "replicates: 1",
          "machine: {topology: 4x4x4}",
          "workloads:",
          "  - {name: hpccg, params: {nx: 10, ny: 10, nz: 10}}",
          "  - {name: cth, params: {cells: 8}}",
          "configurations:",
          "  - {label: native-cat, vmm: native, guest: catamount}",
          "  - {label: nested-cat, vmm: nested, guest: catamount, preemption: controlled}",
          "  - {label: shadow-large-cat, vmm: shadow, large_pages: true, guest: catamount}",
          "  - {label: native-cnl, vmm: native, guest: cnl}",
          "  - {label: nested-cnl, vmm: nested, guest: cnl}",
          "sweep:",
          "  nodes: [1, 2, 4]",
          "quick:",
          "  nodes: [1, 4]",
          "");

  /** Parses text against the default registry. */
  public static ExperimentSpec parse(String text) {
    return new ExperimentParser(ModelRegistry.standard()).parse("test.yaml", text);
  }
}
