package org.xtsim.experiments;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The fully resolved parameters of one run: workload and its parameters, node count, the system
 * configuration (guest, vmm, large pages, preemption, nic and any other configuration key), the
 * machine, the replicate and its seed. Values are canonical as the parameters' declarations make
 * them ({@link String}, {@link Long}, {@link Double}, {@link Boolean} or {@link
 * org.xtsim.params.CycleCost}), defaults filled in. Immutable. This is how the experiment framework
 * (ids, seeds, CSV columns, overheads) sees a point; the simulation types it once into its models
 * ({@code org.xtsim.experiments.simulation.PointConfig}) and reads no key from these maps again.
 *
 * <p>Keys form one name space, used by {@link #get(String)} and by {@link InvalidPointException}:
 * {@code nodes}, configuration keys as they are ({@code vmm}, {@code guest}, …), {@code
 * params.<name>} for workload parameters and {@code machine.<key>} for the machine.
 */
public final class RunPoint {
  /** Configuration key of the virtualization mode. */
  public static final String VMM = "vmm";

  /** Configuration key of the guest operating system. */
  public static final String GUEST = "guest";

  /** Configuration key of large pages (Boolean). */
  public static final String LARGE_PAGES = "large_pages";

  /** Configuration key of the host preemption policy. */
  public static final String PREEMPTION = "preemption";

  /** Configuration key of the NIC mode. */
  public static final String NIC = "nic";

  /** Key of the node count. */
  public static final String NODES = "nodes";

  /** Prefix of workload parameter keys. */
  public static final String PARAMS_PREFIX = "params.";

  /** Prefix of machine keys. */
  public static final String MACHINE_PREFIX = "machine.";

  private final String id;
  private final String workload;
  private final String configuration;
  private final int nodes;
  private final int replicate;
  private final long seed;
  private final Map<String, Object> params;
  private final Map<String, Object> settings;
  private final Map<String, Object> machine;
  private final Map<String, Object> swept;

  /**
   * @param id stable identity of the point (see {@code org.xtsim.experiments.sweep.PointIdentity})
   * @param workload workload name
   * @param configuration configuration label
   * @param nodes node count, &ge; 1
   * @param replicate replicate index, &ge; 0
   * @param seed the point's seed
   * @param params workload parameters
   * @param settings configuration keys (vmm, guest, …)
   * @param machine machine keys (preset, network, topology)
   * @param swept the sweep-axis values of this point, by axis name, in axis order
   */
  public RunPoint(
      String id,
      String workload,
      String configuration,
      int nodes,
      int replicate,
      long seed,
      Map<String, Object> params,
      Map<String, Object> settings,
      Map<String, Object> machine,
      Map<String, Object> swept) {
    this.id = Objects.requireNonNull(id, "id");
    this.workload = Objects.requireNonNull(workload, "workload");
    this.configuration = Objects.requireNonNull(configuration, "configuration");
    if (nodes < 1) {
      throw new IllegalArgumentException("nodes must be >= 1, was " + nodes);
    }
    if (replicate < 0) {
      throw new IllegalArgumentException("replicate must be >= 0, was " + replicate);
    }
    this.nodes = nodes;
    this.replicate = replicate;
    this.seed = seed;
    this.params = frozen(params);
    this.settings = frozen(settings);
    this.machine = frozen(machine);
    this.swept = frozen(swept);
  }

  private static Map<String, Object> frozen(Map<String, Object> m) {
    return Collections.unmodifiableMap(new LinkedHashMap<>(m));
  }

  /** Stable identity: the same point in any run of any version of the file has the same id. */
  public String id() {
    return id;
  }

  /** Workload name. */
  public String workload() {
    return workload;
  }

  /** Label of the configuration. */
  public String configuration() {
    return configuration;
  }

  /** Node count. */
  public int nodes() {
    return nodes;
  }

  /** Replicate index, from 0. */
  public int replicate() {
    return replicate;
  }

  /** The point's seed, derived from the experiment's base seed and the point's identity. */
  public long seed() {
    return seed;
  }

  /** Workload parameters (declared defaults filled in). */
  public Map<String, Object> params() {
    return params;
  }

  /** Configuration keys (declared defaults filled in). */
  public Map<String, Object> settings() {
    return settings;
  }

  /** Machine keys. */
  public Map<String, Object> machine() {
    return machine;
  }

  /** This point's value of every sweep axis, by axis name. */
  public Map<String, Object> swept() {
    return swept;
  }

  /** Virtualization mode: {@code native}, {@code nested}, {@code shadow}, … */
  public String vmm() {
    return (String) settings.get(VMM);
  }

  /** Guest operating system. */
  public String guest() {
    return (String) settings.get(GUEST);
  }

  /** Whether large pages are used. */
  public boolean largePages() {
    return Boolean.TRUE.equals(settings.get(LARGE_PAGES));
  }

  /** Host preemption policy. */
  public String preemption() {
    return (String) settings.get(PREEMPTION);
  }

  /** NIC mode. */
  public String nic() {
    return (String) settings.get(NIC);
  }

  /**
   * The value of a key in the point's name space ({@code nodes}, {@code vmm}, {@code params.nx},
   * {@code machine.preset}), or null when unset.
   */
  public Object get(String key) {
    if (NODES.equals(key)) {
      return (long) nodes;
    }
    if (key.startsWith(PARAMS_PREFIX)) {
      return params.get(key.substring(PARAMS_PREFIX.length()));
    }
    if (key.startsWith(MACHINE_PREFIX)) {
      return machine.get(key.substring(MACHINE_PREFIX.length()));
    }
    return settings.get(key);
  }

  @Override
  public String toString() {
    return id;
  }
}
