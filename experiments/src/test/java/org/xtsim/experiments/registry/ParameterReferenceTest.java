package org.xtsim.experiments.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.xtsim.experiments.run.PointRunners;
import org.xtsim.params.Param;

/** The README's reference is the declarations' own, and no key is declared twice. */
class ParameterReferenceTest {
  private final ModelRegistry registry = PointRunners.installed().registry();

  @Test
  void shouldMatchTheReadmesReferenceSection() throws IOException {
    String readme = Files.readString(Path.of("..", "README.md"), StandardCharsets.UTF_8);
    String expected = new ParameterReference(registry).updateReadme(readme);
    assertEquals(
        expected,
        readme,
        "README.md's parameter reference is stale: run scripts/xtsim params --update-readme"
            + " README.md");
  }

  @Test
  void shouldDeclareEveryKeyOnceWithMeaningAndSource() {
    Map<String, String> seen = new HashMap<>();
    for (Param p : registry.configurationKeys().values()) {
      check(p, "configuration", seen);
    }
    for (Param p : registry.machineKeys().values()) {
      check(p, "machine", seen);
    }
    for (WorkloadDefinition w : registry.workloads().values()) {
      Map<String, String> own = new HashMap<>();
      for (Param p : w.params().values()) {
        check(p, w.name(), own);
      }
    }
  }

  private static void check(Param p, String where, Map<String, String> seen) {
    String before = seen.put(p.key(), where);
    assertTrue(before == null, p.key() + " is declared in " + before + " and " + where);
    assertFalse(p.meaning().isBlank(), p.key() + " has no meaning");
    assertFalse(p.source().isBlank(), p.key() + " has no source");
    assertTrue(
        p.defaultValue() != null || p.unsetMeaning() != null,
        p.key() + " has neither a default nor a stated meaning of unset");
  }

  @Test
  void shouldListEveryKeyInEveryFormat() {
    ParameterReference ref = new ParameterReference(registry);
    for (String key :
        new String[] {"world_switch_cycles", "topology", "page_table_updates_per_s"}) {
      assertTrue(ref.markdown().contains("`" + key), key);
      assertTrue(ref.table().contains(key), key);
      assertTrue(ref.json().contains("\"key\": \"" + key + "\""), key);
    }
  }
}
