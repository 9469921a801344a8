package org.xtsim.experiments.spec;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.xtsim.experiments.registry.ModelRegistry;
import org.xtsim.experiments.registry.ValueDomain;
import org.xtsim.experiments.registry.WorkloadDefinition;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads and validates an experiment file against a {@link ModelRegistry}. Every problem is a {@link
 * SpecException} naming file, line, column, key and the allowed values; nothing runs until a file
 * has passed.
 */
public final class ExperimentParser {
  /** Top-level keys, in the order the documentation lists them. */
  static final List<String> TOP_KEYS =
      List.of(
          "name",
          "description",
          "seed",
          "replicates",
          "threads",
          "machine",
          "workloads",
          "configurations",
          "sweep",
          "quick");

  /** Keys of a configuration entry besides the registry's configuration keys. */
  static final String LABEL = "label";

  static final String BASELINE = "baseline";

  /** Configuration keys compared through configurations, never swept. */
  static final Set<String> NOT_SWEEPABLE = Set.of("vmm", "guest");

  /** Node counts a sweep may name: 1 to 2^24. */
  static final ValueDomain NODES = ValueDomain.integer(1, 1L << 24);

  /** Most values one axis range may produce. */
  static final int MAX_AXIS_VALUES = 10_000;

  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._+-]*");

  private final ModelRegistry registry;

  /** A parser that validates against {@code registry}. */
  public ExperimentParser(ModelRegistry registry) {
    this.registry = registry;
  }

  /** Reads and validates a file. */
  public ExperimentSpec parse(Path file) throws IOException {
    return parse(file.toString(), Files.readString(file, StandardCharsets.UTF_8));
  }

  /** Reads and validates text, reporting errors against {@code fileName}. */
  public ExperimentSpec parse(String fileName, String text) {
    Node root;
    try (Reader r = new StringReader(text)) {
      root = new Yaml(new LoaderOptions()).compose(r);
    } catch (MarkedYAMLException e) {
      SourceLocation at =
          e.getProblemMark() == null
              ? new SourceLocation(fileName, 1, 1)
              : SourceLocation.of(fileName, e.getProblemMark());
      throw new SpecException(at, "", "not valid YAML: " + e.getProblem());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    if (root == null) {
      throw new SpecException(new SourceLocation(fileName, 1, 1), "", "the file is empty");
    }
    return new Reading(fileName, root).spec();
  }

  /** The state of reading one file. */
  private final class Reading {
    private final String file;
    private final YamlMap top;

    Reading(String file, Node root) {
      this.file = file;
      this.top = YamlMap.of(file, "", root).allowOnly(TOP_KEYS);
      top.require("name", "workloads", "configurations", "sweep");
    }

    ExperimentSpec spec() {
      String name = top.string("name", null);
      if (!NAME.matcher(name).matches()) {
        throw top.error("name", "'" + name + "' is not allowed; allowed: letters, digits, . _ + -");
      }
      String description = top.string("description", "");
      long seed = top.integer("seed", 1, Long.MIN_VALUE, Long.MAX_VALUE);
      int replicates = (int) top.integer("replicates", 1, 1, 1000);
      int threads = (int) top.integer("threads", 1, 1, 1024);
      Map<String, Object> machine = machine();
      List<WorkloadEntry> workloads = workloads();
      List<SweepAxis> axes = axes(workloads);
      List<ConfigurationEntry> configurations = configurations(axes);
      ExperimentSpec.QuickSweep quick = quick(axes, workloads);
      return new ExperimentSpec(
          file,
          name,
          description,
          seed,
          replicates,
          threads,
          machine,
          top.has("machine") ? top.valueLocation("machine") : top.location(),
          workloads,
          configurations,
          axes,
          quick,
          false);
    }

    private Map<String, Object> machine() {
      Map<String, ValueDomain> keys = registry.machineKeys();
      Map<String, Object> out = new LinkedHashMap<>();
      if (top.has("machine")) {
        YamlMap m = YamlMap.of(file, "machine", top.node("machine")).allowOnly(keys.keySet());
        for (String k : m.keys()) {
          out.put(k, convert(m, k, keys.get(k)));
        }
      }
      fillDefaults(out, keys);
      return out;
    }

    private List<WorkloadEntry> workloads() {
      List<WorkloadEntry> out = new ArrayList<>();
      Set<String> seen = new LinkedHashSet<>();
      int i = 0;
      for (Node item : sequence("workloads")) {
        String path = "workloads[" + i++ + "]";
        WorkloadEntry w = workload(path, item);
        if (!seen.add(w.name())) {
          throw new SpecException(
              w.location(),
              path,
              "workload '" + w.name() + "' is listed twice; sweep its parameters instead");
        }
        out.add(w);
      }
      return out;
    }

    private WorkloadEntry workload(String path, Node item) {
      SourceLocation at = SourceLocation.of(file, item.getStartMark());
      if (item instanceof ScalarNode s) {
        WorkloadDefinition def = definition(at, path, s.getValue());
        return new WorkloadEntry(def.name(), defaults(def.params()), at);
      }
      YamlMap m = YamlMap.of(file, path, item).allowOnly(List.of("name", "params")).require("name");
      WorkloadDefinition def =
          definition(m.valueLocation("name"), m.child("name"), m.string("name", null));
      Map<String, Object> params = new LinkedHashMap<>();
      if (m.has("params")) {
        YamlMap p =
            YamlMap.of(file, m.child("params"), m.node("params")).allowOnly(def.params().keySet());
        for (String k : p.keys()) {
          params.put(k, convert(p, k, def.params().get(k)));
        }
      }
      fillDefaults(params, def.params());
      Map<String, Object> ordered = new LinkedHashMap<>();
      for (String k : def.params().keySet()) {
        if (params.containsKey(k)) {
          ordered.put(k, params.get(k));
        }
      }
      return new WorkloadEntry(def.name(), ordered, at);
    }

    private WorkloadDefinition definition(SourceLocation at, String path, String name) {
      WorkloadDefinition def = registry.workloads().get(name);
      if (def == null) {
        throw new SpecException(
            at,
            path,
            "unknown workload '"
                + name
                + "'"
                + Suggestions.didYouMean(name, registry.workloads().keySet())
                + "; allowed: "
                + String.join(", ", registry.workloads().keySet()));
      }
      return def;
    }

    private List<SweepAxis> axes(List<WorkloadEntry> workloads) {
      YamlMap sweep = YamlMap.of(file, "sweep", top.node("sweep")).require("nodes");
      List<SweepAxis> axes = new ArrayList<>();
      for (String k : sweep.keys()) {
        ValueDomain domain = axisDomain(sweep, k, workloads);
        axes.add(axis(sweep, k, domain));
      }
      return axes;
    }

    private ValueDomain axisDomain(YamlMap sweep, String key, List<WorkloadEntry> workloads) {
      if (key.equals("nodes")) {
        return NODES;
      }
      if (key.startsWith("params.")) {
        String p = key.substring("params.".length());
        ValueDomain domain = null;
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
          domain = declared.get(p);
        }
        return domain;
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
        return domain;
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
      return domain;
    }

    private SpecException unknownAxis(YamlMap sweep, String key, String problem) {
      return new SpecException(sweep.keyLocation(key), sweep.child(key), problem);
    }

    private SweepAxis axis(YamlMap sweep, String key, ValueDomain domain) {
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
        Object v =
            convertValue(SourceLocation.of(file, at.getStartMark()), path, raws.get(i), domain);
        if (values.contains(v)) {
          throw new SpecException(
              SourceLocation.of(file, at.getStartMark()),
              path,
              "value '" + v + "' is listed twice");
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

    private List<ConfigurationEntry> configurations(List<SweepAxis> axes) {
      Set<String> axisNames = new LinkedHashSet<>();
      axes.forEach(a -> axisNames.add(a.name()));
      Set<String> allowed = new LinkedHashSet<>(List.of(LABEL, BASELINE));
      allowed.addAll(registry.configurationKeys().keySet());
      List<ConfigurationEntry> out = new ArrayList<>();
      Map<String, String> baselines = new LinkedHashMap<>();
      Map<String, YamlMap> maps = new LinkedHashMap<>();
      int i = 0;
      for (Node item : sequence("configurations")) {
        String path = "configurations[" + i++ + "]";
        YamlMap m = YamlMap.of(file, path, item).allowOnly(allowed).require(LABEL);
        String label = m.string(LABEL, null);
        if (!NAME.matcher(label).matches()) {
          throw m.error(LABEL, "'" + label + "' is not allowed; allowed: letters, digits, . _ + -");
        }
        if (maps.containsKey(label)) {
          throw m.error(LABEL, "label '" + label + "' is used twice");
        }
        Map<String, Object> settings = new LinkedHashMap<>();
        for (String k : m.keys()) {
          if (k.equals(LABEL) || k.equals(BASELINE)) {
            continue;
          }
          if (axisNames.contains(k)) {
            throw m.error(k, "'" + k + "' is a sweep axis; set it there or here, not both");
          }
          settings.put(k, convert(m, k, registry.configurationKeys().get(k)));
        }
        for (Map.Entry<String, ValueDomain> e : registry.configurationKeys().entrySet()) {
          if (!settings.containsKey(e.getKey())
              && !axisNames.contains(e.getKey())
              && e.getValue().defaultValue() != null) {
            settings.put(e.getKey(), e.getValue().defaultValue());
          }
        }
        maps.put(label, m);
        baselines.put(label, m.string(BASELINE, null));
        out.add(new ConfigurationEntry(label, null, settings, m.location()));
      }
      return resolveBaselines(out, baselines, maps);
    }

    private List<ConfigurationEntry> resolveBaselines(
        List<ConfigurationEntry> configs, Map<String, String> explicit, Map<String, YamlMap> maps) {
      List<ConfigurationEntry> out = new ArrayList<>();
      for (ConfigurationEntry c : configs) {
        String baseline = explicit.get(c.label());
        if (baseline != null) {
          if (!maps.containsKey(baseline) || baseline.equals(c.label())) {
            Set<String> others = new LinkedHashSet<>(maps.keySet());
            others.remove(c.label());
            throw maps.get(c.label())
                .error(
                    BASELINE,
                    "'"
                        + baseline
                        + "' is not another configuration"
                        + Suggestions.didYouMean(baseline, others)
                        + "; allowed: "
                        + String.join(", ", others));
          }
        } else if ("native".equals(c.settings().get("vmm"))) {
          baseline = c.label();
        } else {
          List<String> natives = new ArrayList<>();
          for (ConfigurationEntry n : configs) {
            if ("native".equals(n.settings().get("vmm"))
                && explicit.get(n.label()) == null
                && java.util.Objects.equals(n.settings().get("guest"), c.settings().get("guest"))) {
              natives.add(n.label());
            }
          }
          if (natives.size() > 1) {
            throw new SpecException(
                c.location(),
                maps.get(c.label()).path(),
                "more than one native configuration with guest "
                    + c.settings().get("guest")
                    + " ("
                    + String.join(", ", natives)
                    + "); say which with 'baseline:'");
          }
          baseline = natives.isEmpty() ? null : natives.get(0);
        }
        out.add(new ConfigurationEntry(c.label(), baseline, c.settings(), c.location()));
      }
      return out;
    }

    private ExperimentSpec.QuickSweep quick(List<SweepAxis> axes, List<WorkloadEntry> workloads) {
      if (!top.has("quick")) {
        return null;
      }
      Set<String> allowed = new LinkedHashSet<>();
      axes.forEach(a -> allowed.add(a.name()));
      allowed.add("replicates");
      YamlMap q = YamlMap.of(file, "quick", top.node("quick")).allowOnly(allowed);
      Map<String, SweepAxis> replaced = new LinkedHashMap<>();
      for (String k : q.keys()) {
        if (!k.equals("replicates")) {
          replaced.put(k, axis(q, k, axisDomain(q, k, workloads)));
        }
      }
      Integer reps = q.has("replicates") ? (int) q.integer("replicates", 1, 1, 1000) : null;
      return new ExperimentSpec.QuickSweep(replaced, reps);
    }

    private List<Node> sequence(String key) {
      Node node = top.node(key);
      if (!(node instanceof SequenceNode seq) || seq.getValue().isEmpty()) {
        throw top.error(key, "must be a non-empty list");
      }
      return seq.getValue();
    }

    private Object convert(YamlMap m, String key, ValueDomain domain) {
      return convertValue(m.valueLocation(key), m.child(key), m.raw(key), domain);
    }
  }

  private static Object convertValue(
      SourceLocation at, String path, Object raw, ValueDomain domain) {
    try {
      return domain.convert(raw);
    } catch (IllegalArgumentException e) {
      String hint = raw instanceof String s ? Suggestions.didYouMean(s, domain.choices()) : "";
      throw new SpecException(at, path, e.getMessage() + hint);
    }
  }

  private static Map<String, Object> defaults(Map<String, ValueDomain> declared) {
    Map<String, Object> out = new LinkedHashMap<>();
    fillDefaults(out, declared);
    return out;
  }

  private static void fillDefaults(Map<String, Object> values, Map<String, ValueDomain> declared) {
    for (Map.Entry<String, ValueDomain> e : declared.entrySet()) {
      if (!values.containsKey(e.getKey()) && e.getValue().defaultValue() != null) {
        values.put(e.getKey(), e.getValue().defaultValue());
      }
    }
  }
}
