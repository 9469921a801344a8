package org.xtsim.experiments.spec;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
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
import org.xtsim.experiments.registry.WorkloadDefinition;
import org.xtsim.params.Param;
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

  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._+-]*");

  private final ModelRegistry registry;

  /** A parser that validates against {@code registry}. */
  public ExperimentParser(ModelRegistry registry) {
    this.registry = registry;
  }

  /**
   * Reads and validates a file: at most {@link InputLimits#MAX_FILE_BYTES}, UTF-8 text without
   * control characters.
   */
  public ExperimentSpec parse(Path file) throws IOException {
    String name = file.toString();
    if (!Files.isRegularFile(file)) {
      throw new SpecException(
          new SourceLocation(name, 1, 1),
          "",
          Files.exists(file) ? "is not a regular file" : "no such file");
    }
    long size = Files.size(file);
    if (size > InputLimits.MAX_FILE_BYTES) {
      throw new SpecException(
          new SourceLocation(name, 1, 1),
          "",
          String.format(
              java.util.Locale.ROOT,
              "the file has %,d bytes; an experiment file may have at most %,d",
              size,
              InputLimits.MAX_FILE_BYTES));
    }
    return parse(name, InputLimits.utf8Text(name, Files.readAllBytes(file)));
  }

  /** Reads and validates text, reporting errors against {@code fileName}. */
  public ExperimentSpec parse(String fileName, String text) {
    InputLimits.rejectControlCharacters(fileName, text);
    Node root;
    try (Reader r = new StringReader(text)) {
      root = new Yaml(InputLimits.loaderOptions()).compose(r);
    } catch (MarkedYAMLException e) {
      SourceLocation at =
          e.getProblemMark() == null
              ? new SourceLocation(fileName, 1, 1)
              : SourceLocation.of(fileName, e.getProblemMark());
      throw new SpecException(at, "", "not valid YAML: " + e.getProblem());
    } catch (org.yaml.snakeyaml.error.YAMLException e) {
      throw new SpecException(
          new SourceLocation(fileName, 1, 1), "", "not accepted: " + InputLimits.explain(e));
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
    private final SweepAxisReader sweepReader;
    private final List<YamlMap> explicitParams = new ArrayList<>();

    Reading(String file, Node root) {
      this.file = file;
      this.sweepReader = new SweepAxisReader(file, registry);
      this.top = YamlMap.of(file, "", root).allowOnly(TOP_KEYS);
      top.require("name", "workloads", "configurations", "sweep");
    }

    ExperimentSpec spec() {
      String name = top.string("name", null);
      if (!NAME.matcher(name).matches() || name.length() > InputLimits.MAX_NAME_CHARS) {
        throw top.error(
            "name",
            "'"
                + (name.length() > 40 ? name.substring(0, 40) + "…" : name)
                + "' is not allowed; allowed: letters, digits, . _ + -, at most "
                + InputLimits.MAX_NAME_CHARS
                + " characters");
      }
      String description = top.string("description", "");
      long seed = top.integer("seed", 1, Long.MIN_VALUE, Long.MAX_VALUE);
      int replicates = (int) top.integer("replicates", 1, 1, 1000);
      int threads = (int) top.integer("threads", 1, 1, 1024);
      Map<String, Object> machine = machine();
      List<WorkloadEntry> workloads = workloads();
      List<SweepAxis> axes = axes(workloads);
      rejectSweptParameters(axes);
      List<ConfigurationEntry> configurations = configurations(axes);
      ExperimentSpec.QuickSweep quick = quick(axes, workloads);
      rejectTooManyPoints("sweep", workloads.size(), axes, configurations.size(), replicates);
      if (quick != null) {
        List<SweepAxis> quickAxes = new ArrayList<>();
        axes.forEach(a -> quickAxes.add(quick.axes().getOrDefault(a.name(), a)));
        int quickReplicates = quick.replicates() == null ? replicates : quick.replicates();
        rejectTooManyPoints(
            "quick", workloads.size(), quickAxes, configurations.size(), quickReplicates);
      }
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
          false,
          registry);
    }

    /**
     * Refuses a sweep that expands to more than {@link InputLimits#MAX_POINTS} points, before any
     * point is made.
     */
    private void rejectTooManyPoints(
        String key, int workloads, List<SweepAxis> axes, int configurations, int replicates) {
      long points = (long) workloads * configurations * replicates;
      for (SweepAxis a : axes) {
        points = multiplyCapped(points, a.values().size());
      }
      if (points > InputLimits.MAX_POINTS) {
        throw new SpecException(
            top.valueLocation(key),
            key,
            String.format(
                java.util.Locale.ROOT,
                "expands to %s points (%d workloads x %s x %d configurations x %d replicates);"
                    + " at most %,d points per file: split the sweep into several files",
                points == Long.MAX_VALUE ? "more than 10^18" : String.format("%,d", points),
                workloads,
                axes.stream()
                    .map(a -> a.values().size() + " " + a.name())
                    .collect(java.util.stream.Collectors.joining(" x ")),
                configurations,
                replicates,
                InputLimits.MAX_POINTS));
      }
    }

    private static long multiplyCapped(long a, long b) {
      return a != 0 && b > Long.MAX_VALUE / a ? Long.MAX_VALUE : a * b;
    }

    /** A workload parameter is set in one place: its workload entry or a sweep axis. */
    private void rejectSweptParameters(List<SweepAxis> axes) {
      for (SweepAxis a : axes) {
        if (!a.name().startsWith("params.")) {
          continue;
        }
        String name = a.name().substring("params.".length());
        for (YamlMap p : explicitParams) {
          if (p.has(name)) {
            throw p.error(
                name, "'" + a.name() + "' is a sweep axis; set it there or here, not both");
          }
        }
      }
    }

    private Map<String, Object> machine() {
      Map<String, Param> keys = registry.machineKeys();
      Map<String, Object> out = new LinkedHashMap<>();
      if (top.has("machine")) {
        YamlMap m = YamlMap.of(file, "machine", top.node("machine"));
        rejectRenamed(m, keys.values());
        m.allowOnly(keys.keySet());
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
        YamlMap p = YamlMap.of(file, m.child("params"), m.node("params"));
        rejectRenamed(p, def.params().values());
        p.allowOnly(def.params().keySet());
        for (String k : p.keys()) {
          params.put(k, convert(p, k, def.params().get(k)));
        }
        explicitParams.add(p);
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
        axes.add(sweepReader.axis(sweep, k, sweepReader.domains(sweep, k, workloads)));
      }
      return axes;
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
        YamlMap m = YamlMap.of(file, path, item);
        rejectRenamed(m, registry.configurationKeys().values());
        m.allowOnly(allowed).require(LABEL);
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
        for (Map.Entry<String, Param> e : registry.configurationKeys().entrySet()) {
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
          replaced.put(k, sweepReader.axis(q, k, sweepReader.domains(q, k, workloads)));
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

    private Object convert(YamlMap m, String key, Param domain) {
      return convertValue(m.valueLocation(key), m.child(key), m.raw(key), domain);
    }
  }

  /** A key that was renamed is an error that names the new key. */
  static void rejectRenamed(YamlMap m, java.util.Collection<Param> declared) {
    for (Param p : declared) {
      if (p.formerKey() != null && m.has(p.formerKey())) {
        throw m.keyError(
            p.formerKey(),
            "renamed '" + p.key() + "' (" + p.meaning() + "); write " + p.key() + " instead");
      }
    }
  }

  static Object checkValue(SourceLocation at, String path, Object canonical, Param domain) {
    try {
      return domain.check(canonical);
    } catch (IllegalArgumentException e) {
      throw new SpecException(at, path, e.getMessage());
    }
  }

  static Object convertValue(SourceLocation at, String path, Object raw, Param domain) {
    try {
      return domain.parse(raw);
    } catch (IllegalArgumentException e) {
      String hint = raw instanceof String s ? Suggestions.didYouMean(s, domain.choices()) : "";
      throw new SpecException(at, path, e.getMessage() + hint);
    }
  }

  private static Map<String, Object> defaults(Map<String, Param> declared) {
    Map<String, Object> out = new LinkedHashMap<>();
    fillDefaults(out, declared);
    return out;
  }

  private static void fillDefaults(Map<String, Object> values, Map<String, Param> declared) {
    for (Map.Entry<String, Param> e : declared.entrySet()) {
      if (!values.containsKey(e.getKey()) && e.getValue().defaultValue() != null) {
        values.put(e.getKey(), e.getValue().defaultValue());
      }
    }
  }
}
