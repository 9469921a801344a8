package org.xtsim.experiments.spec;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.xtsim.experiments.registry.ModelRegistry;
import org.xtsim.experiments.registry.ValueDomain;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads sweep axes ({@code sweep:} and {@code quick:} sections): which keys may be axes ({@code
 * nodes}, configuration keys except vmm and guest, {@code params.<name>} of every workload, {@code
 * machine.<key>}) and their values: a list, a single value, or a range {@code {from, to, factor}}
 * (geometric) / {@code {from, to, step}} (arithmetic).
 */
final class SweepAxisReader {
  /** Configuration keys compared through configurations, never swept. */
  static final Set<String> NOT_SWEEPABLE = Set.of("vmm", "guest");

  /** Node counts a sweep may name: 1 to 2^24. */
  static final ValueDomain NODES = ValueDomain.integer(1, 1L << 24);

  /** Most values one axis range may produce. */
  static final int MAX_AXIS_VALUES = 10_000;

  private final String file;
  private final ModelRegistry registry;

  SweepAxisReader(String file, ModelRegistry registry) {
    this.file = file;
    this.registry = registry;
  }

  /**
   * The domains the values of axis {@code key} must fit (one per workload for a workload parameter,
   * else one), or an error naming the allowed axes.
   */
  List<ValueDomain> domains(YamlMap sweep, String key, List<WorkloadEntry> workloads) {
    if (key.equals("nodes")) {
      return List.of(NODES);
    }
    if (key.startsWith("params.")) {
      String p = key.substring("params.".length());
      List<ValueDomain> domains = new ArrayList<>();
      for (WorkloadEntry w : workloads) {
        Map<String, ValueDomain> declared = registry.workloads().get(w.name()).params();
        if (!declared.containsKey(p)) {
          throw unknownAxis(
              sweep,
              key,
              "workload '"
                  + w.name()
                  + "' has no parameter '"
                  + p
                  + "'"
                  + Suggestions.didYouMean(p, declared.keySet())
                  + "; its parameters: "
                  + String.join(", ", declared.keySet()));
        }
        domains.add(declared.get(p));
      }
      return domains;
    }
    if (key.startsWith("machine.")) {
      String m = key.substring("machine.".length());
      ValueDomain domain = registry.machineKeys().get(m);
      if (domain == null) {
        throw unknownAxis(
            sweep,
            key,
            "unknown machine key '"
                + m
                + "'"
                + Suggestions.didYouMean(m, registry.machineKeys().keySet())
                + "; allowed: "
                + String.join(", ", registry.machineKeys().keySet()));
      }
      return List.of(domain);
    }
    ValueDomain domain = registry.configurationKeys().get(key);
    if (domain == null || NOT_SWEEPABLE.contains(key)) {
      Set<String> allowed = new LinkedHashSet<>();
      allowed.add("nodes");
      for (String k : registry.configurationKeys().keySet()) {
        if (!NOT_SWEEPABLE.contains(k)) {
          allowed.add(k);
        }
      }
      String why =
          NOT_SWEEPABLE.contains(key)
              ? "'" + key + "' is compared through configurations, not swept"
              : "unknown sweep axis" + Suggestions.didYouMean(key, allowed);
      throw unknownAxis(
          sweep,
          key,
          why
              + "; allowed: "
              + String.join(", ", allowed)
              + ", params.<workload parameter>, machine.<key>");
    }
    return List.of(domain);
  }

  private SpecException unknownAxis(YamlMap sweep, String key, String problem) {
    return new SpecException(sweep.keyLocation(key), sweep.child(key), problem);
  }

  /**
   * The values of axis {@code key}: a list, one value, or a range; each checked against the domain.
   */
  SweepAxis axis(YamlMap sweep, String key, List<ValueDomain> domains) {
    ValueDomain domain = domains.get(0);
    Node node = sweep.node(key);
    String path = sweep.child(key);
    List<Object> raws = new ArrayList<>();
    if (node instanceof SequenceNode) {
      raws.addAll((List<?>) sweep.raw(key));
    } else if (node instanceof ScalarNode) {
      raws.add(sweep.raw(key));
    } else {
      raws.addAll(range(YamlMap.of(file, path, node), domain));
    }
    if (raws.isEmpty()) {
      throw sweep.error(key, "needs at least one value");
    }
    List<Object> values = new ArrayList<>();
    SequenceNode seq = node instanceof SequenceNode s ? s : null;
    for (int i = 0; i < raws.size(); i++) {
      Node at = seq == null ? node : seq.getValue().get(i);
      SourceLocation where = SourceLocation.of(file, at.getStartMark());
      Object v = ExperimentParser.convertValue(where, path, raws.get(i), domain);
      for (ValueDomain other : domains) {
        ExperimentParser.convertValue(where, path, raws.get(i), other);
      }
      if (values.contains(v)) {
        throw new SpecException(
            SourceLocation.of(file, at.getStartMark()), path, "value '" + v + "' is listed twice");
      }
      values.add(v);
    }
    return new SweepAxis(key, values, domain.isNumeric(), sweep.valueLocation(key));
  }

  /** {@code {from: a, to: b, factor: f}} (geometric) or {@code {from, to, step}} (arithmetic). */
  private List<Object> range(YamlMap r, ValueDomain domain) {
    r.allowOnly(List.of("from", "to", "factor", "step")).require("from", "to");
    if (r.has("factor") == r.has("step")) {
      throw new SpecException(
          r.location(), r.path(), "a range needs exactly one of 'factor' or 'step'");
    }
    if (!domain.isNumeric()) {
      throw new SpecException(r.location(), r.path(), "ranges need a numeric axis; give a list");
    }
    double from = number(r, "from");
    double to = number(r, "to");
    boolean geometric = r.has("factor");
    double by = number(r, geometric ? "factor" : "step");
    if (geometric ? by <= 1 : by <= 0) {
      throw r.error(geometric ? "factor" : "step", geometric ? "must be > 1" : "must be > 0");
    }
    if (from > to || (geometric && from <= 0)) {
      throw r.error("from", "must be <= 'to'" + (geometric ? " and > 0" : ""));
    }
    boolean integers =
        r.raw("from") instanceof Long && r.raw(geometric ? "factor" : "step") instanceof Long;
    List<Object> out = new ArrayList<>();
    for (int i = 0; ; i++) {
      double v = geometric ? from * Math.pow(by, i) : from + by * i;
      if (v > to * (1 + 1e-12)) {
        break;
      }
      if (out.size() == MAX_AXIS_VALUES) {
        throw new SpecException(
            r.location(), r.path(), "range gives more than " + MAX_AXIS_VALUES + " values");
      }
      out.add(integers ? (Object) Math.round(v) : (Object) v);
    }
    return out;
  }

  private double number(YamlMap r, String key) {
    if (!(r.raw(key) instanceof Number n)) {
      throw r.error(key, "must be a number");
    }
    return n.doubleValue();
  }
}
