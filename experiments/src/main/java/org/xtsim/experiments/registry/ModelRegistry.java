package org.xtsim.experiments.registry;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The keys and values that experiment files may use, as declared by the model layer: configuration
 * keys (vmm, guest, …), machine keys (preset, network, topology) and workloads with their
 * parameters. Immutable; build one with {@link #builder()} or start from {@link #defaults()}.
 */
public final class ModelRegistry {
  private final Map<String, ValueDomain> configurationKeys;
  private final Map<String, ValueDomain> machineKeys;
  private final Map<String, WorkloadDefinition> workloads;

  private ModelRegistry(Builder b) {
    this.configurationKeys = Collections.unmodifiableMap(new LinkedHashMap<>(b.configurationKeys));
    this.machineKeys = Collections.unmodifiableMap(new LinkedHashMap<>(b.machineKeys));
    this.workloads = Collections.unmodifiableMap(new LinkedHashMap<>(b.workloads));
  }

  /** An empty builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding everything this registry holds, to extend or override. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.configurationKeys.putAll(configurationKeys);
    b.machineKeys.putAll(machineKeys);
    b.workloads.putAll(workloads);
    return b;
  }

  /** Today's known values; see {@link DefaultModelRegistry}. */
  public static ModelRegistry defaults() {
    return DefaultModelRegistry.REGISTRY;
  }

  /** Keys of a configuration entry (besides {@code label} and {@code baseline}). */
  public Map<String, ValueDomain> configurationKeys() {
    return configurationKeys;
  }

  /** Keys of the {@code machine} section. */
  public Map<String, ValueDomain> machineKeys() {
    return machineKeys;
  }

  /** Workloads by name. */
  public Map<String, WorkloadDefinition> workloads() {
    return workloads;
  }

  /** Fills a {@link ModelRegistry}; a later declaration of the same name replaces the earlier. */
  public static final class Builder {
    private final Map<String, ValueDomain> configurationKeys = new LinkedHashMap<>();
    private final Map<String, ValueDomain> machineKeys = new LinkedHashMap<>();
    private final Map<String, WorkloadDefinition> workloads = new LinkedHashMap<>();

    private Builder() {}

    /** Declares a configuration key. */
    public Builder configurationKey(String key, ValueDomain domain) {
      configurationKeys.put(key, domain);
      return this;
    }

    /** Declares a machine key. */
    public Builder machineKey(String key, ValueDomain domain) {
      machineKeys.put(key, domain);
      return this;
    }

    /** Declares a workload. */
    public Builder workload(WorkloadDefinition workload) {
      workloads.put(workload.name(), workload);
      return this;
    }

    /** The registry. */
    public ModelRegistry build() {
      return new ModelRegistry(this);
    }
  }
}
