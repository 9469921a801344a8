package org.xtsim.experiments.spec;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.xtsim.experiments.registry.ModelRegistry;

/**
 * A validated experiment file with every default filled in: what to run (workloads × configurations
 * × sweep axes × replicates) and how (seed, threads, machine). Immutable.
 */
public final class ExperimentSpec {
  private final String file;
  private final String name;
  private final String description;
  private final long seed;
  private final int replicates;
  private final int threads;
  private final Map<String, Object> machine;
  private final SourceLocation machineLocation;
  private final List<WorkloadEntry> workloads;
  private final List<ConfigurationEntry> configurations;
  private final List<SweepAxis> axes;
  private final QuickSweep quick;
  private final boolean isQuick;

  /** The reduced sweep of {@code --quick}: replacement axis values and replicate count. */
  record QuickSweep(Map<String, SweepAxis> axes, Integer replicates) {}

  private final ModelRegistry registry;

  ExperimentSpec(
      String file,
      String name,
      String description,
      long seed,
      int replicates,
      int threads,
      Map<String, Object> machine,
      SourceLocation machineLocation,
      List<WorkloadEntry> workloads,
      List<ConfigurationEntry> configurations,
      List<SweepAxis> axes,
      QuickSweep quick,
      boolean isQuick,
      ModelRegistry registry) {
    this.registry = registry;
    this.file = file;
    this.name = name;
    this.description = description;
    this.seed = seed;
    this.replicates = replicates;
    this.threads = threads;
    this.machine = Collections.unmodifiableMap(new LinkedHashMap<>(machine));
    this.machineLocation = machineLocation;
    this.workloads = List.copyOf(workloads);
    this.configurations = List.copyOf(configurations);
    this.axes = List.copyOf(axes);
    this.quick = quick;
    this.isQuick = isQuick;
  }

  /** The file it was read from, as the user named it. */
  public String file() {
    return file;
  }

  /** Experiment name; the default output folder is {@code results/<name>}. */
  public String name() {
    return name;
  }

  /** Free text for humans. */
  public String description() {
    return description;
  }

  /** Base seed; each point's seed is derived from it and the point's identity. */
  public long seed() {
    return seed;
  }

  /** Replicates per point, &ge; 1. */
  public int replicates() {
    return replicates;
  }

  /** Threads per simulation, as the file asks (the command line may override). */
  public int threads() {
    return threads;
  }

  /** Machine keys, defaults filled in. */
  public Map<String, Object> machine() {
    return machine;
  }

  /** Workloads in file order. */
  public List<WorkloadEntry> workloads() {
    return workloads;
  }

  /** Configurations in file order. */
  public List<ConfigurationEntry> configurations() {
    return configurations;
  }

  /** Sweep axes in file order; {@code nodes} is always one of them. */
  public List<SweepAxis> axes() {
    return axes;
  }

  /** Whether this is the reduced sweep of {@code --quick}. */
  public boolean isQuick() {
    return isQuick;
  }

  /** Whether the file has a {@code quick} section. */
  public boolean hasQuick() {
    return quick != null;
  }

  /**
   * This experiment with the {@code quick} section applied: its axes replace the full sweep's and
   * its {@code replicates}, if given, the replicate count.
   *
   * @throws IllegalArgumentException when the file has no {@code quick} section
   */
  public ExperimentSpec quick() {
    if (quick == null) {
      throw new IllegalArgumentException(
          file + ": --quick needs a 'quick:' section in the experiment file");
    }
    List<SweepAxis> reduced = new ArrayList<>();
    for (SweepAxis a : axes) {
      reduced.add(quick.axes().getOrDefault(a.name(), a));
    }
    int reps = quick.replicates() == null ? replicates : quick.replicates();
    return new ExperimentSpec(
        file,
        name,
        description,
        seed,
        reps,
        threads,
        machine,
        machineLocation,
        workloads,
        configurations,
        reduced,
        quick,
        true,
        registry);
  }

  /** The registry this file was validated against: the declarations of every key it sets. */
  public ModelRegistry registry() {
    return registry;
  }

  /** A configuration by label, or null. */
  public ConfigurationEntry configuration(String label) {
    for (ConfigurationEntry c : configurations) {
      if (c.label().equals(label)) {
        return c;
      }
    }
    return null;
  }

  /**
   * Where a key of a point (in {@link org.xtsim.experiments.RunPoint}'s name space) was set, for
   * errors found after expansion: the sweep axis if it is one, else the workload entry for {@code
   * workload} and {@code params.*}, the machine section for {@code machine.*}, else the
   * configuration entry.
   */
  public SourceLocation locate(String key, String workload, String configuration) {
    for (SweepAxis a : axes) {
      if (a.name().equals(key)) {
        return a.location();
      }
    }
    if (key.startsWith("params.") || key.equals("workload")) {
      for (WorkloadEntry w : workloads) {
        if (w.name().equals(workload)) {
          return w.location();
        }
      }
    }
    if (key.startsWith("machine.")) {
      return machineLocation;
    }
    ConfigurationEntry c = configuration(configuration);
    return c != null ? c.location() : new SourceLocation(file, 1, 1);
  }

  /** The resolved experiment as nested maps and lists, for the manifest. */
  public Map<String, Object> toMap() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("file", file);
    m.put("name", name);
    m.put("description", description);
    m.put("seed", seed);
    m.put("replicates", replicates);
    m.put("threads", threads);
    m.put("quick", isQuick);
    m.put("machine", machine);
    List<Object> ws = new ArrayList<>();
    for (WorkloadEntry w : workloads) {
      Map<String, Object> e = new LinkedHashMap<>();
      e.put("name", w.name());
      e.put("params", w.params());
      ws.add(e);
    }
    m.put("workloads", ws);
    List<Object> cs = new ArrayList<>();
    for (ConfigurationEntry c : configurations) {
      Map<String, Object> e = new LinkedHashMap<>();
      e.put("label", c.label());
      e.put("baseline", c.baseline());
      e.putAll(c.settings());
      cs.add(e);
    }
    m.put("configurations", cs);
    Map<String, Object> sweep = new LinkedHashMap<>();
    for (SweepAxis a : axes) {
      sweep.put(a.name(), a.values());
    }
    m.put("sweep", sweep);
    return m;
  }
}
