package org.xtsim.experiments.spec;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.xtsim.experiments.registry.ModelRegistry;
import org.xtsim.params.Param;
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
  static final Param NODES =
      Param.integer("nodes", 1, 1L << 24).meaning("simulated nodes, one MPI rank each");

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
  List<Param> domains(YamlMap sweep, String key, List<WorkloadEntry> workloads) {
    if (key.equals("nodes")) {
      return List.of(NODES);
    }
    if (key.startsWith("params.")) {
      String p = key.substring("params.".length());
      List<Param> domains = new ArrayList<>();
      for (WorkloadEntry w : workloads) {
        Map<String, Param> declared = registry.workloads().get(w.name()).params();
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
      Param domain = registry.machineKeys().get(m);
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
    Param domain = registry.configurationKeys().get(key);
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
  SweepAxis axis(YamlMap sweep, String key, List<Param> domains) {
    Param domain = domains.get(0);
    Node node = sweep.node(key);
    String path = sweep.child(key);
    List<Object> raws = new ArrayList<>();
    boolean canonical = false;
    if (node instanceof SequenceNode) {
      raws.addAll((List<?>) sweep.raw(key));
    } else if (node instanceof ScalarNode) {
      raws.add(sweep.raw(key));
    } else {
      raws.addAll(range(YamlMap.of(file, path, node), domain));
      canonical = true;
    }
    if (raws.isEmpty()) {
      throw sweep.error(key, "needs at least one value");
    }
    List<Object> values = new ArrayList<>();
    SequenceNode seq = node instanceof SequenceNode s ? s : null;
    for (int i = 0; i < raws.size(); i++) {
      Node at = seq == null ? node : seq.getValue().get(i);
      SourceLocation where = SourceLocation.of(file, at.getStartMark());
      Object v =
          canonical
              ? ExperimentParser.checkValue(where, path, raws.get(i), domain)
              : ExperimentParser.convertValue(where, path, raws.get(i), domain);
      for (Param other : domains) {
        if (canonical) {
          ExperimentParser.checkValue(where, path, raws.get(i), other);
        } else {
          ExperimentParser.convertValue(where, path, raws.get(i), other);
        }
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
  private List<Object> range(YamlMap r, Param domain) {
    r.allowOnly(List.of("from", "to", "factor", "step")).require("from", "to");
    if (r.has("factor") == r.has("step")) {
      throw new SpecException(
          r.location(), r.path(), "a range needs exactly one of 'factor' or 'step'");
    }
    if (!domain.isNumeric()) {
      throw new SpecException(r.location(), r.path(), "ranges need a numeric axis; give a list");
    }
    double from = number(r, "from", domain);
    double to = number(r, "to", domain);
    boolean geometric = r.has("factor");
    double by = geometric ? number(r, "factor", null) : number(r, "step", domain);
    if (geometric ? by <= 1 : by <= 0) {
      throw r.error(geometric ? "factor" : "step", geometric ? "must be > 1" : "must be > 0");
    }
    if (from > to || (geometric && from <= 0)) {
      throw r.error("from", "must be <= 'to'" + (geometric ? " and > 0" : ""));
    }
    boolean integers = domain.kind() == Param.Kind.INTEGER;
    if (integers && (from != Math.rint(from) || (!geometric && by != Math.rint(by)))) {
      throw r.error("from", "an integer axis needs whole 'from' and 'step' values");
    }
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
      out.add(canonical(domain, integers ? (Object) Math.round(v) : (Object) v));
    }
    return out;
  }

  /**
   * A bound or step of a range, in the unit of {@code domain} ({@code from: 1us} for a duration);
   * {@code domain} null for a plain factor.
   */
  private double number(YamlMap r, String key, Param domain) {
    Object raw = r.raw(key);
    if (domain == null || domain.dimension() == org.xtsim.params.Dimension.COUNT) {
      if (!(raw instanceof Number n)) {
        throw r.error(key, "must be a number");
      }
      return n.doubleValue();
    }
    if (domain.dimension() == org.xtsim.params.Dimension.CYCLES) {
      if (!(raw instanceof Number n)) {
        throw r.error(key, "a range of costs is written in cycles, as plain numbers");
      }
      return n.doubleValue();
    }
    try {
      double base =
          org.xtsim.params.Units.parse(
              domain.dimension(),
              raw instanceof Number n ? Param.text(n) : String.valueOf(raw),
              key,
              domain.acceptsPlainNumbers() ? domain.unit() : null);
      return base / domain.dimension().factor(domain.unit());
    } catch (IllegalArgumentException e) {
      throw r.error(key, e.getMessage());
    }
  }

  /** A generated range value in the canonical form of {@code domain}. */
  private static Object canonical(Param domain, Object v) {
    if (domain.dimension() == org.xtsim.params.Dimension.CYCLES) {
      return org.xtsim.params.CycleCost.ofCycles(((Number) v).longValue());
    }
    return v;
  }
}
