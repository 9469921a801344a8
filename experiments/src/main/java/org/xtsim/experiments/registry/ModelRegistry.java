package org.xtsim.experiments.registry;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.xtsim.params.Param;

/**
 * The keys and values that experiment files may use, as declared by the model layer: configuration
 * keys (vmm, guest, …), machine keys (preset, network, topology) and workloads with their
 * parameters, each a {@link Param} declared by its model. Immutable; build one with {@link
 * #builder()} or start from {@link #standard()}.
 */
public final class ModelRegistry {
  private final Map<String, Param> configurationKeys;
  private final Map<String, Param> machineKeys;
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

  /**
   * The registry of the models xtsim ships, assembled from their own declarations (see {@link
   * StandardRegistry}): the one the runner validates and runs with.
   */
  public static ModelRegistry standard() {
    return StandardRegistry.REGISTRY;
  }

  /** Keys of a configuration entry (besides {@code label} and {@code baseline}). */
  public Map<String, Param> configurationKeys() {
    return configurationKeys;
  }

  /** Keys of the {@code machine} section. */
  public Map<String, Param> machineKeys() {
    return machineKeys;
  }

  /** Workloads by name. */
  public Map<String, WorkloadDefinition> workloads() {
    return workloads;
  }

  /** Fills a {@link ModelRegistry}; a later declaration of the same name replaces the earlier. */
  public static final class Builder {
    private final Map<String, Param> configurationKeys = new LinkedHashMap<>();
    private final Map<String, Param> machineKeys = new LinkedHashMap<>();
    private final Map<String, WorkloadDefinition> workloads = new LinkedHashMap<>();

    private Builder() {}

    /** Declares a configuration key. */
    public Builder configurationKey(Param param) {
      configurationKeys.put(param.key(), param);
      return this;
    }

    /** Declares a machine key. */
    public Builder machineKey(Param param) {
      machineKeys.put(param.key(), param);
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
