package org.xtsim.experiments.results;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonTest {
  @Test
  void shouldWriteNestedMapsAndListsWithEscapes() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("name", "a \"quoted\"\ttab\\");
    m.put("seed", -3L);
    m.put("ratio", 0.5);
    m.put("nan", Double.NaN);
    m.put("ok", true);
    m.put("none", null);
    m.put("list", Arrays.asList(1L, "x"));
    m.put("empty", List.of());
    assertEquals(
        "{\n"
            + "  \"name\": \"a \\\"quoted\\\"\\ttab\\\\\",\n"
            + "  \"seed\": -3,\n"
            + "  \"ratio\": 0.5,\n"
            + "  \"nan\": null,\n"
            + "  \"ok\": true,\n"
            + "  \"none\": null,\n"
            + "  \"list\": [\n"
            + "    1,\n"
            + "    \"x\"\n"
            + "  ],\n"
            + "  \"empty\": []\n"
            + "}\n",
        Json.write(m));
  }

  @Test
  void shouldWriteTheSameValuesOnOneLine() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("name", "a\nb");
    m.put("ratio", 0.25);
    m.put("inner", Map.of("n", 3L));
    m.put("list", Arrays.asList(1L, null));
    m.put("empty", Map.of());
    assertEquals(
        "{\"name\": \"a\\nb\", \"ratio\": 0.25, \"inner\": {\"n\": 3},"
            + " \"list\": [1, null], \"empty\": {}}\n",
        Json.line(m));
  }
}
