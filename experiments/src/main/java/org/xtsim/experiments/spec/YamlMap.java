package org.xtsim.experiments.spec;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * A YAML mapping read with its marks: keys in file order, duplicate and unknown keys rejected, and
 * values converted to plain Java values ({@link String}, {@link Long}, {@link Double}, {@link
 * Boolean}, {@link List}) with errors that point at the value.
 */
final class YamlMap {
  private static final java.util.regex.Pattern PLAIN_EXPONENT =
      java.util.regex.Pattern.compile("[-+]?[0-9]+(\\.[0-9]*)?[eE][-+]?[0-9]+");

  private final String file;
  private final String path;
  private final Node node;
  private final Map<String, NodeTuple> entries = new LinkedHashMap<>();

  private YamlMap(String file, String path, Node node) {
    this.file = file;
    this.path = path;
    this.node = node;
  }

  /** Reads {@code node} as a mapping whose keys are plain scalars, each at most once. */
  static YamlMap of(String file, String path, Node node) {
    if (!(node instanceof MappingNode mapping)) {
      throw new SpecException(
          SourceLocation.of(file, node.getStartMark()), path, "must be a mapping of key: value");
    }
    YamlMap map = new YamlMap(file, path, node);
    for (NodeTuple t : mapping.getValue()) {
      if (!(t.getKeyNode() instanceof ScalarNode key)) {
        throw new SpecException(
            SourceLocation.of(file, t.getKeyNode().getStartMark()),
            path,
            "keys must be plain names");
      }
      if (map.entries.containsKey(key.getValue())) {
        throw new SpecException(
            SourceLocation.of(file, key.getStartMark()),
            map.child(key.getValue()),
            "duplicate key (first given at line "
                + (map.entries.get(key.getValue()).getKeyNode().getStartMark().getLine() + 1)
                + ")");
      }
      map.entries.put(key.getValue(), t);
    }
    return map;
  }

  /** Rejects any key not in {@code allowed}, naming the allowed keys and the closest one. */
  YamlMap allowOnly(Collection<String> allowed) {
    for (Map.Entry<String, NodeTuple> e : entries.entrySet()) {
      if (!allowed.contains(e.getKey())) {
        throw new SpecException(
            SourceLocation.of(file, e.getValue().getKeyNode().getStartMark()),
            child(e.getKey()),
            "unknown key"
                + Suggestions.didYouMean(e.getKey(), allowed)
                + "; allowed keys: "
                + String.join(", ", allowed));
      }
    }
    return this;
  }

  /** Fails when a required key is missing. */
  YamlMap require(String... keys) {
    for (String k : keys) {
      if (!entries.containsKey(k)) {
        throw new SpecException(location(), path, "missing required key '" + k + "'");
      }
    }
    return this;
  }

  /** The keys, in file order. */
  Collection<String> keys() {
    return entries.keySet();
  }

  boolean has(String key) {
    return entries.containsKey(key);
  }

  /** The value node of a present key. */
  Node node(String key) {
    return entries.get(key).getValueNode();
  }

  /** The path of this map, e.g. {@code machine}. */
  String path() {
    return path;
  }

  /** The path of a key of this map, e.g. {@code machine.preset}. */
  String child(String key) {
    return path.isEmpty() ? key : path + "." + key;
  }

  /** Where this mapping starts. */
  SourceLocation location() {
    return SourceLocation.of(file, node.getStartMark());
  }

  /** Where a present key starts. */
  SourceLocation keyLocation(String key) {
    return SourceLocation.of(file, entries.get(key).getKeyNode().getStartMark());
  }

  /** Where the value of a present key starts. */
  SourceLocation valueLocation(String key) {
    return SourceLocation.of(file, node(key).getStartMark());
  }

  /** An error at {@code key} itself. */
  SpecException keyError(String key, String problem) {
    return new SpecException(keyLocation(key), child(key), problem);
  }

  /** An error at the value of {@code key}. */
  SpecException error(String key, String problem) {
    return new SpecException(valueLocation(key), child(key), problem);
  }

  /** The plain value of a present key. */
  Object raw(String key) {
    return raw(file, child(key), node(key));
  }

  /** A string value, or {@code fallback} when absent. */
  String string(String key, String fallback) {
    if (!has(key)) {
      return fallback;
    }
    Object v = raw(key);
    if (!(v instanceof String s)) {
      throw error(key, "must be text, was '" + v + "'");
    }
    return s;
  }

  /** An integer in [min, max], or {@code fallback} when absent. */
  long integer(String key, long fallback, long min, long max) {
    if (!has(key)) {
      return fallback;
    }
    Object v = raw(key);
    if (!(v instanceof Long l) || l < min || l > max) {
      throw error(
          key, "'" + v + "' is not allowed; allowed: an integer in [" + min + ", " + max + "]");
    }
    return l;
  }

  /**
   * The plain value of a scalar or sequence of scalars: Long, Double, Boolean, String or null, or a
   * List of those.
   */
  static Object raw(String file, String path, Node node) {
    if (node instanceof SequenceNode seq) {
      List<Object> out = new ArrayList<>();
      int i = 0;
      for (Node item : seq.getValue()) {
        if (item instanceof SequenceNode) {
          // checked before descending: a list that contains itself (&a [1, *a]) never recurses
          throw new SpecException(
              SourceLocation.of(file, item.getStartMark()), path, "nested lists are not allowed");
        }
        out.add(raw(file, path + "[" + i++ + "]", item));
      }
      return out;
    }
    if (!(node instanceof ScalarNode scalar)) {
      throw new SpecException(
          SourceLocation.of(file, node.getStartMark()),
          path,
          "must be a value or a list of values");
    }
    String text = scalar.getValue();
    Tag tag = scalar.getTag();
    try {
      if (Tag.INT.equals(tag)) {
        return Long.decode(text.replace("_", "").replace("+", ""));
      }
      if (Tag.FLOAT.equals(tag)) {
        double d = Double.parseDouble(text.replace("_", ""));
        return d;
      }
    } catch (NumberFormatException e) {
      throw new SpecException(
          SourceLocation.of(file, node.getStartMark()), path, "'" + text + "' is not a number");
    }
    if (Tag.BOOL.equals(tag)) {
      return Boolean.valueOf(
          text.equalsIgnoreCase("true")
              || text.equalsIgnoreCase("yes")
              || text.equalsIgnoreCase("on")
              || text.equalsIgnoreCase("y"));
    }
    if (Tag.NULL.equals(tag)) {
      return null;
    }
    if (scalar.isPlain() && PLAIN_EXPONENT.matcher(text).matches()) {
      // YAML 1.1 reads 1e6 (no dot) as text; users mean a number.
      return Double.parseDouble(text);
    }
    return text;
  }
}
