package org.xtsim.cli;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.xtsim.experiments.registry.ModelRegistry;
import org.xtsim.experiments.registry.WorkloadDefinition;
import org.xtsim.params.Dimension;
import org.xtsim.params.Param;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * A generator of bad inputs: experiment files mutated from the shipped ones so that each is wrong
 * by construction (an unknown key, a value its declaration refuses, a broken sweep or structure, a
 * limit passed, bytes that are not UTF-8 text, broken YAML), and command lines with values their
 * options refuse. Deterministic for a seed. Every case must be refused with exit status 2 and one
 * line on stderr, with nothing written.
 */
final class BadInputs {
  /**
   * One bad input.
   *
   * @param category what kind of mistake it is, for the report
   * @param description the mistake, for a failing test's name
   * @param file the experiment file's bytes, or null when the case is a command line only
   * @param args the command line; {@code FILE} stands for the file's path, {@code OUT} for an
   *     output folder that must not be created
   */
  record Case(String category, String description, byte[] file, List<String> args) {}

  private final Random random;
  private final ModelRegistry registry = ModelRegistry.standard();
  private final List<String> bases = new ArrayList<>();
  private final List<Case> cases = new ArrayList<>();

  BadInputs(long seed, Path experiments) throws java.io.IOException {
    this.random = new Random(seed);
    try (var files = Files.list(experiments)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList()) {
        bases.add(Files.readString(f, StandardCharsets.UTF_8));
      }
    }
  }

  /** Every case, in a stable order. */
  List<Case> all() {
    for (String base : bases) {
      unknownKeys(base);
      badValues(base);
      badSweeps(base);
      badStructure(base);
      badEncoding(base);
      badYaml(base);
    }
    limits();
    commandLines();
    return cases;
  }

  // ---------------------------------------------------------------- files, as structures

  @SuppressWarnings("unchecked")
  private Map<String, Object> load(String text) {
    return (Map<String, Object>) new Yaml(new LoaderOptions()).load(text);
  }

  private static String dump(Map<String, Object> doc) {
    DumperOptions o = new DumperOptions();
    o.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
    return new Yaml(o).dump(doc);
  }

  private void file(String category, String description, String text) {
    file(category, description, text.getBytes(StandardCharsets.UTF_8));
  }

  private void file(String category, String description, byte[] bytes) {
    cases.add(new Case(category, description, bytes, List.of("run", "FILE", "--out", "OUT")));
  }

  private String misspell(String key) {
    StringBuilder sb = new StringBuilder(key);
    int i = random.nextInt(sb.length());
    switch (random.nextInt(3)) {
      case 0 -> sb.deleteCharAt(i);
      case 1 -> sb.insert(i, (char) ('a' + random.nextInt(26)));
      default -> sb.setCharAt(i, sb.charAt(i) == 'q' ? 'z' : 'q');
    }
    return sb.length() == 0 ? "x" : sb.toString();
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object o) {
    return (Map<String, Object>) o;
  }

  @SuppressWarnings("unchecked")
  private static List<Object> list(Object o) {
    return (List<Object>) o;
  }

  /** The workload entries as mappings (shorthand names expanded). */
  private static List<Map<String, Object>> workloads(Map<String, Object> doc) {
    List<Map<String, Object>> out = new ArrayList<>();
    List<Object> items = list(doc.get("workloads"));
    for (int i = 0; i < items.size(); i++) {
      if (items.get(i) instanceof String name) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", name);
        items.set(i, m);
      }
      out.add(map(items.get(i)));
    }
    return out;
  }

  private void unknownKeys(String base) {
    for (int n = 0; n < 60; n++) {
      Map<String, Object> doc = load(base);
      String where;
      Map<String, Object> target;
      List<String> known;
      switch (random.nextInt(5)) {
        case 0 -> {
          where = "top";
          target = doc;
          known = List.of("name", "description", "seed", "replicates", "threads", "machine");
        }
        case 1 -> {
          where = "machine";
          doc.putIfAbsent("machine", new LinkedHashMap<String, Object>());
          target = map(doc.get("machine"));
          known = new ArrayList<>(registry.machineKeys().keySet());
        }
        case 2 -> {
          where = "configuration";
          List<Object> configs = list(doc.get("configurations"));
          target = map(configs.get(random.nextInt(configs.size())));
          known = new ArrayList<>(registry.configurationKeys().keySet());
        }
        case 3 -> {
          where = "params";
          Map<String, Object> w = workloads(doc).get(0);
          w.putIfAbsent("params", new LinkedHashMap<String, Object>());
          target = map(w.get("params"));
          known =
              new ArrayList<>(registry.workloads().get((String) w.get("name")).params().keySet());
        }
        default -> {
          where = "sweep";
          target = map(doc.get("sweep"));
          known = new ArrayList<>(registry.configurationKeys().keySet());
        }
      }
      String key = misspell(known.get(random.nextInt(known.size())));
      if (known.contains(key) || target.containsKey(key) || key.equals("label")) {
        continue;
      }
      target.put(key, 1);
      file("unknown key", where + "." + key, dump(doc));
    }
  }

  /** Values that {@code p} refuses, each with a reason. */
  private List<Object> badValuesOf(Param p) {
    List<Object> out = new ArrayList<>();
    switch (p.kind()) {
      case CHOICE -> {
        out.add(misspell(p.choices().iterator().next()) + "x");
        out.add(7L);
      }
      case BOOLEAN -> {
        out.add("maybe");
        out.add(3L);
      }
      case TEXT -> {
        out.add("8x8");
        out.add("0x8x8");
        out.add("torus-8x8x8:wrap=x");
      }
      case INTEGER, DECIMAL -> {
        String unit = p.dimension() == Dimension.COUNT ? "" : p.unit();
        if (p.min() > -1e15) {
          out.add(
              number(
                      p,
                      p.min()
                          - (p.kind() == Param.Kind.INTEGER ? 1 : Math.max(1, Math.abs(p.min()))))
                  + unit);
        }
        if (p.max() < 1e15) {
          out.add(number(p, p.max() * 2 + 1) + unit);
        }
        out.add("many");
        if (p.dimension() != Dimension.COUNT) {
          out.add(p.dimension() == Dimension.FREQUENCY ? "3KiB" : "3Hz");
        }
        if (!p.acceptsPlainNumbers()) {
          out.add(3L);
        }
        if (p.kind() == Param.Kind.INTEGER && p.dimension() == Dimension.COUNT) {
          out.add(2.5);
        }
      }
    }
    return out;
  }

  private static String number(Param p, double v) {
    return p.kind() == Param.Kind.INTEGER ? Long.toString((long) v) : Double.toString(v);
  }

  private void badValues(String base) {
    Map<String, Object> probe = load(base);
    Map<String, Object> sweep = map(probe.get("sweep"));
    for (Param p : registry.configurationKeys().values()) {
      if (sweep.containsKey(p.key())) {
        continue;
      }
      for (Object bad : badValuesOf(p)) {
        Map<String, Object> doc = load(base);
        List<Object> configs = list(doc.get("configurations"));
        map(configs.get(random.nextInt(configs.size()))).put(p.key(), bad);
        file("bad value", "configurations." + p.key() + "=" + bad, dump(doc));
      }
    }
    for (Param p : registry.machineKeys().values()) {
      for (Object bad : badValuesOf(p)) {
        Map<String, Object> doc = load(base);
        doc.putIfAbsent("machine", new LinkedHashMap<String, Object>());
        map(doc.get("machine")).put(p.key(), bad);
        file("bad value", "machine." + p.key() + "=" + bad, dump(doc));
      }
    }
    for (Map<String, Object> w0 : workloads(probe)) {
      WorkloadDefinition def = registry.workloads().get((String) w0.get("name"));
      for (Param p : def.params().values()) {
        for (Object bad : badValuesOf(p)) {
          Map<String, Object> doc = load(base);
          for (Map<String, Object> w : workloads(doc)) {
            if (w.get("name").equals(def.name())) {
              w.putIfAbsent("params", new LinkedHashMap<String, Object>());
              map(w.get("params")).put(p.key(), bad);
            }
          }
          file("bad value", def.name() + ".params." + p.key() + "=" + bad, dump(doc));
        }
      }
    }
  }

  private void badSweeps(String base) {
    Object[][] nodes = {
      {"nodes=0", List.of(0L)},
      {"nodes empty", List.of()},
      {"nodes negative", List.of(-4L)},
      {"nodes duplicate", List.of(2L, 2L)},
      {"nodes as text", List.of("many")},
      {"nodes above 2^24", List.of(1L << 25)},
      {"range backwards", Map.of("from", 8L, "to", 1L, "factor", 2L)},
      {"range factor 1", Map.of("from", 1L, "to", 8L, "factor", 1L)},
      {"range step 0", Map.of("from", 1L, "to", 8L, "step", 0L)},
      {"range factor and step", Map.of("from", 1L, "to", 8L, "step", 1L, "factor", 2L)},
      {"range without to", Map.of("from", 1L, "factor", 2L)},
      {"range of 100,000 values", Map.of("from", 1L, "to", 100_000L, "step", 1L)},
      {"nested list", List.of(List.of(1L, 2L))},
      {"mapping of junk", Map.of("a", 1L)},
    };
    for (Object[] n : nodes) {
      Map<String, Object> doc = load(base);
      map(doc.get("sweep")).put("nodes", n[1]);
      file("bad sweep", (String) n[0], dump(doc));
    }
    String[][] axes = {
      {"unknown axis", "bogus_axis"},
      {"vmm swept", "vmm"},
      {"unknown parameter axis", "params.bogus"},
      {"unknown machine axis", "machine.bogus"},
    };
    for (String[] a : axes) {
      Map<String, Object> doc = load(base);
      map(doc.get("sweep")).put(a[1], List.of("native", "nested"));
      file("bad sweep", a[0], dump(doc));
    }
    Map<String, Object> doc = load(base);
    map(doc.get("sweep")).put("nodes", Map.of("from", 1L, "to", 10_000L, "step", 1L));
    map(doc.get("sweep")).put("preemption_hz", Map.of("from", 1L, "to", 10_000L, "step", 1L));
    list(doc.get("configurations")).forEach(c -> map(c).remove("preemption_hz"));
    file("limits", "sweep of 10^8 points and more", dump(doc));
    doc = load(base);
    map(doc.get("sweep")).put("nodes", List.of(1L, 2L));
    doc.put(
        "quick",
        Map.of("nodes", Map.of("from", 1L, "to", 10_000L, "step", 1L), "replicates", 1000L));
    file("limits", "quick sweep of millions of points", dump(doc));
  }

  private void badStructure(String base) {
    for (String required : List.of("name", "workloads", "configurations", "sweep")) {
      Map<String, Object> doc = load(base);
      doc.remove(required);
      file("structure", "missing " + required, dump(doc));
    }
    Object[][] wrong = {
      {"workloads", 3L},
      {"workloads", List.of()},
      {"configurations", Map.of("a", 1L)},
      {"sweep", List.of(1L)},
      {"machine", "xt4"},
      {"name", "a/b"},
      {"name", ""},
      {"name", "x".repeat(300)},
      {"replicates", 0L},
      {"replicates", 5000L},
      {"threads", 0L},
      {"threads", 100_000L},
      {"seed", "lucky"},
      {"quick", List.of(1L)},
    };
    for (Object[] w : wrong) {
      Map<String, Object> doc = load(base);
      doc.put((String) w[0], w[1]);
      file(
          "structure",
          w[0] + "=" + w[1].toString().substring(0, Math.min(20, w[1].toString().length())),
          dump(doc));
    }
    Map<String, Object> doc = load(base);
    List<Object> configs = list(doc.get("configurations"));
    configs.add(new LinkedHashMap<>(map(configs.get(0))));
    file("structure", "duplicate label", dump(doc));
    doc = load(base);
    map(list(doc.get("configurations")).get(0)).put("baseline", "nobody");
    file("structure", "baseline names no configuration", dump(doc));
    doc = load(base);
    map(list(doc.get("configurations")).get(0)).remove("label");
    file("structure", "configuration without label", dump(doc));
    doc = load(base);
    list(doc.get("workloads")).add("nosuchworkload");
    file("structure", "unknown workload", dump(doc));
    file("structure", "empty file", "");
    file("structure", "a list, not a mapping", "- 1\n- 2\n");
    file("structure", "duplicate key", base + "\nname: again\n");
  }

  private void badEncoding(String base) {
    byte[] text = base.getBytes(StandardCharsets.UTF_8);
    int[][] inserts = {{0xff}, {0xc3}, {0x80}, {0xe2, 0x82}, {0x00}, {0x01}, {0x1b}, {0x7f}};
    for (int[] insert : inserts) {
      for (int n = 0; n < 10; n++) {
        int at = random.nextInt(text.length + 1);
        byte[] out = new byte[text.length + insert.length];
        System.arraycopy(text, 0, out, 0, at);
        for (int i = 0; i < insert.length; i++) {
          out[at + i] = (byte) insert[i];
        }
        System.arraycopy(text, at, out, at + insert.length, text.length - at);
        file("encoding", String.format("bytes %02x... at %d", insert[0], at), out);
      }
    }
    byte[] latin1 = base.replace("# ", "# café ").getBytes(StandardCharsets.ISO_8859_1);
    file("encoding", "Latin-1 text", latin1);
  }

  private void badYaml(String base) {
    file("YAML syntax", "unclosed flow mapping", base + "\nextra: {a: [1, 2\n");
    file("YAML syntax", "unterminated quote", base.replaceFirst("name: ", "name: \"x"));
    file("YAML syntax", "tab indentation", base.replaceFirst("\n  ", "\n\t"));
    file("YAML syntax", "colon soup", base + "\n: : :\n");
    file("YAML syntax", "undefined alias", base + "\nextra: *nothing\n");
    file(
        "YAML syntax",
        "bad indentation",
        base.replaceFirst("\nsweep:\n  ", "\nsweep:\n   x: 1\n  "));
  }

  private void limits() {
    file(
        "limits",
        "recursive alias in a list",
        "name: r\nworkloads: [hpccg]\nconfigurations: [{label: n, vmm: native}]\nsweep:\n  nodes: &a [1, *a]\n");
    file(
        "limits",
        "recursive alias in a mapping",
        "name: r\nworkloads: [hpccg]\nconfigurations: [{label: n, vmm: native}]\nmachine: &m {preset: *m}\nsweep: {nodes: [1]}\n");
    StringBuilder laughs = new StringBuilder("a: &a [x, x, x, x, x, x, x, x, x]\n");
    for (char c = 'b'; c <= 'j'; c++) {
      char p = (char) (c - 1);
      laughs.append(c).append(": &").append(c).append(" [");
      for (int i = 0; i < 9; i++) {
        laughs.append(i == 0 ? "" : ", ").append('*').append(p);
      }
      laughs.append("]\n");
    }
    file("limits", "a billion laughs (aliases)", "name: l\n" + laughs);
    file(
        "limits",
        "nesting 40 deep",
        "name: n\nmachine: " + "{a: ".repeat(40) + "1" + "}".repeat(40) + "\n");
    file(
        "limits",
        "nesting 40 lists deep",
        "name: n\nsweep: {nodes: " + "[".repeat(40) + "1" + "]".repeat(40) + "}\n");
    String big = bases.get(0) + ("# " + "x".repeat(1000) + "\n").repeat(1100);
    file("limits", "file over 1 MiB", big);
  }

  // ---------------------------------------------------------------- command lines

  private void command(String category, String... args) {
    String shown = String.join(" ", args);
    cases.add(
        new Case(
            category,
            shown.length() > 80 ? shown.substring(0, 80) + "…" : shown,
            null,
            List.of(args)));
  }

  private void commandLines() {
    for (String t : List.of("0", "-1", "100000", "2147483648", "many", "")) {
      command("run options", "run", "FILE_OK", "--threads", t, "--out", "OUT");
      command("phold options", "phold", "--threads", t);
      command("bench options", "bench", "scale", "--threads", t, "--nodes", "8", "--out", "OUT");
    }
    for (String v : List.of("0", "-1", "2000000000", "67108865", "x")) {
      command("phold options", "phold", "--lps", v);
    }
    for (String v : List.of("0", "1000000000", "-3")) {
      command("phold options", "phold", "--start-events", v);
    }
    for (String v : List.of("-0.1", "1.5", "NaN", "x")) {
      command("phold options", "phold", "--remote", v);
    }
    command("phold options", "phold", "--lookahead", "3", "--mean", "2");
    command("phold options", "phold", "--lookahead", "0");
    command("phold options", "phold", "--repeat", "0");
    command("phold options", "phold", "--bogus");
    for (String v : List.of("0", "-8", "x", "16777217")) {
      command("bench options", "bench", "scale", "--nodes", v, "--out", "OUT");
    }
    command(
        "bench options", "bench", "scale", "--param", "bogus=1", "--nodes", "8", "--out", "OUT");
    command("bench options", "bench", "scale", "--param", "nx=1", "--nodes", "8", "--out", "OUT");
    command("bench options", "bench", "scale", "--set", "vmm=fast", "--nodes", "8", "--out", "OUT");
    command(
        "bench options",
        "bench",
        "scale",
        "--machine",
        "topology=8x8",
        "--nodes",
        "8",
        "--out",
        "OUT");
    command(
        "bench options", "bench", "scale", "--workload", "nope", "--nodes", "8", "--out", "OUT");
    command("bench options", "bench", "threads", "--threads", "0", "--nodes", "8", "--out", "OUT");
    command("params options", "params", "--format", "pdf");
    command("params options", "params", "--update-readme", "OUT");
    command("figures options", "figures", "OUT");
    command("run options", "run", "OUT");
    command("run options", "run", "FILE_OK", "--bogus", "--out", "OUT");
    command("unknown command", "simulate");
    for (String out : List.of("EMPTY", "OUT_FILE", "OUT_UNDER_FILE", "/proc/xtsim-fuzz/out")) {
      command("output paths", "run", "FILE_OK", "--dry-run", "--out", out);
      command("output paths", "run", "FILE_OK", "--out", out);
      command("output paths", "bench", "scale", "--nodes", "8", "--out", out);
    }
    for (String name : List.of("../../x", "a/b", "", "x".repeat(300))) {
      command("output paths", "bench", "scale", "--nodes", "8", "--out", "OUT", "--name", name);
    }
    for (String t : List.of("0", "100000", "x")) {
      command("imb options", "imb", "allreduce", "--threads", t);
    }
    for (String v : List.of("2.5", "2.5parsecs", "-1us", "fast", "")) {
      command("imb units", "imb", "pingpong", "--hop-latency", v);
      command("imb units", "imb", "pingpong", "--network", "loggp", "--L", v);
    }
    for (String v : List.of("1.1", "1.1GB", "x/s", "-1GB/s")) {
      command("imb units", "imb", "pingpong", "--nic-bandwidth", v);
    }
    for (String v : List.of("1.5B", "many", "-8", "2TiB")) {
      command("imb units", "imb", "pingpong", "--sizes", v);
    }
    for (String v : List.of("8x8", "0x8x8", "8x8x8:wrap=q", "torus-8x8x8:wrap=x", "mesh")) {
      command("imb options", "imb", "allreduce", "--topology", v);
    }
    command("imb options", "imb", "allreduce", "--ranks", "0");
    command("imb options", "imb", "allreduce", "--ranks", "100000000");
    command("imb options", "imb", "allreduce", "--ranks-per-node", "0");
    command("imb options", "imb", "allreduce", "--ranks", "64", "--ranks-per-node", "9");
    command("imb options", "imb", "allreduce", "--wrap", "q");
    command("imb options", "imb", "bogus");
    command("imb options", "imb", "pingpong", "--L", "2us");
    for (String v : List.of("-1", "2147483647", "x")) {
      command("vmm-probe options", "vmm-probe", "--pwc-entries", v);
      command("vmm-probe options", "vmm-probe", "--nested-tlb-entries", v);
    }
    for (String v : List.of("0", "-5", "100000000000", "x")) {
      command("vmm-probe options", "vmm-probe", "--accesses", v);
    }
    for (String v : List.of("3", "3Hz", "-1GiB", "many", "1.5B")) {
      command("vmm-probe units", "vmm-probe", "--footprint", v);
      command("vmm-probe units", "vmm-probe", "--guest-memory", v);
    }
    command(
        "vmm-probe options",
        "vmm-probe",
        "--guest-page",
        "2MiB",
        "--guest-memory",
        "1GiB",
        "--footprint",
        "2GiB");
    command("vmm-probe options", "vmm-probe", "--vmm", "agile");
    command("vmm-probe options", "vmm-probe", "--mode", "nested");
    command("vmm-probe options", "vmm-probe", "--world-switch-cycles", "2.5us/s");
  }
}
