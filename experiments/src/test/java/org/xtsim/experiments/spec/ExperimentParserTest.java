package org.xtsim.experiments.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.xtsim.experiments.registry.ModelRegistry;
import org.xtsim.experiments.sweep.SweepExpander;
import org.xtsim.params.Param;

class ExperimentParserTest {
  private static final String VALID =
      String.join(
          "\n",
          "name: small",
          "seed: 3",
          "replicates: 2",
          "machine: {preset: xt4, topology: 8x8x8}",
          "workloads:",
          "  - name: hpccg",
          "    params: {nx: 20, ny: 20, nz: 20}",
          "  - cth",
          "configurations:",
          "  - {label: native, vmm: native}",
          "  - {label: nested, vmm: nested, large_pages: true, preemption: controlled}",
          "sweep:",
          "  nodes: [1, 2, 4]",
          "quick:",
          "  nodes: [1]",
          "  replicates: 1",
          "");

  private final ExperimentParser parser = new ExperimentParser(ModelRegistry.standard());

  private SpecException error(String text) {
    return assertThrows(SpecException.class, () -> parser.parse("exp.yaml", text));
  }

  @Test
  void shouldResolveDefaultsOfWorkloadsConfigurationsAndMachine() {
    ExperimentSpec spec = parser.parse("exp.yaml", VALID);
    assertEquals("small", spec.name());
    assertEquals(3, spec.seed());
    assertEquals(2, spec.replicates());
    assertEquals(1, spec.threads());
    assertEquals("8x8x8", spec.machine().get("topology"));
    assertEquals("seastar", spec.machine().get("network"));
    assertEquals(20L, spec.workloads().get(0).params().get("nx"));
    assertEquals(50L, spec.workloads().get(1).params().get("steps"));
    ConfigurationEntry nested = spec.configurations().get(1);
    assertEquals("catamount", nested.settings().get("guest"));
    assertEquals(true, nested.settings().get("large_pages"));
    assertEquals("passthrough", nested.settings().get("nic"));
    assertEquals(
        org.xtsim.params.CycleCost.ofCycles(1500),
        nested.settings().get("world_switch_cycles"),
        "the model's declared default");
    assertEquals("native", nested.baseline(), "the native configuration of the same guest");
    assertEquals("native", spec.configurations().get(0).baseline());
    assertEquals(List.of(1L, 2L, 4L), spec.axes().get(0).values());
  }

  @Test
  void shouldApplyTheQuickSectionOnlyWhenAsked() {
    ExperimentSpec full = parser.parse("exp.yaml", VALID);
    ExperimentSpec quick = full.quick();
    assertEquals(2 * 3 * 2 * 2, SweepExpander.expand(full).size());
    assertEquals(2 * 1 * 2 * 1, SweepExpander.expand(quick).size());
    assertTrue(quick.isQuick());
  }

  @Test
  void shouldRejectUnknownTopLevelKeyWithLineAndSuggestion() {
    SpecException e = error(VALID.replace("replicates: 2", "replicate: 2"));
    assertEquals(3, e.location().line());
    assertEquals(1, e.location().column());
    assertEquals("replicate", e.key());
    assertTrue(e.getMessage().startsWith("exp.yaml:3:1: replicate: unknown key"), e.getMessage());
    assertTrue(e.getMessage().contains("did you mean 'replicates'?"), e.getMessage());
    assertTrue(e.getMessage().contains("allowed keys: name, description, seed"), e.getMessage());
  }

  @Test
  void shouldRejectBadVmmNamingKeyAndAllowedValues() {
    SpecException e = error(VALID.replace("vmm: nested,", "vmm: nestd,"));
    assertEquals(11, e.location().line());
    assertEquals("configurations[1].vmm", e.key());
    assertTrue(
        e.problem().contains("allowed: one of native, nested, shadow, shadow-cached, swapbypass"),
        e.problem());
    assertTrue(e.problem().contains("did you mean 'nested'?"), e.problem());
  }

  @Test
  void shouldRejectUnknownWorkloadParameter() {
    SpecException e = error(VALID.replace("{nx: 20, ny: 20, nz: 20}", "{nx: 20, ny: 20, nq: 20}"));
    assertEquals(7, e.location().line());
    assertEquals("workloads[0].params.nq", e.key());
    assertTrue(e.problem().contains("allowed keys: nx, ny, nz"), e.problem());
  }

  @Test
  void shouldRejectOutOfRangeParameterWithRange() {
    SpecException e = error(VALID.replace("nx: 20", "nx: 0"));
    assertEquals("workloads[0].params.nx", e.key());
    assertTrue(e.problem().contains("an integer in [2, 10000]"), e.problem());
  }

  @Test
  void shouldRejectUnknownWorkloadWithSuggestion() {
    SpecException e = error(VALID.replace("  - cth", "  - cht"));
    assertEquals(8, e.location().line());
    assertTrue(e.problem().contains("did you mean 'cth'?"), e.problem());
    assertTrue(
        e.problem().contains("hpccg, cth, sage, pop, imb, fwq, ftq, memory-pressure"), e.problem());
  }

  @Test
  void shouldRejectDuplicateKeys() {
    SpecException e = error(VALID.replace("seed: 3", "seed: 3\nseed: 4"));
    assertEquals(3, e.location().line());
    assertTrue(e.problem().contains("duplicate key (first given at line 2)"), e.problem());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"redstorm", "redstorm-2005", "27x20x24", "1x1x1", "auto", "torus-64x64x32"})
  void shouldAcceptKnownTopologiesAndDimensions(String topology) {
    ExperimentSpec spec = parser.parse("exp.yaml", VALID.replace("8x8x8", topology));
    assertEquals(topology, spec.machine().get("topology"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "8x8",
        "0x8x8",
        "redstorm2006",
        "8x8x8x8",
        "torus-8x8",
        "mesh-8x8x8",
        "8x8x8:wrap=q",
        "torus-8x8x8:wrap=x"
      })
  void shouldRejectMalformedTopologies(String topology) {
    SpecException e = error(VALID.replace("8x8x8", topology));
    assertEquals("machine.topology", e.key());
    assertTrue(e.problem().contains("a mesh XxYxZ (8x8x8)"), e.problem());
  }

  @Test
  void shouldRejectASweepAxisThatAConfigurationAlsoSets() {
    String text =
        VALID.replace(
            "  nodes: [1, 2, 4]", "  nodes: [1, 2, 4]\n  preemption: [controlled, uncontrolled]");
    SpecException e = error(text);
    assertEquals("configurations[1].preemption", e.key());
    assertTrue(e.problem().contains("is a sweep axis"), e.problem());
  }

  @Test
  void shouldRejectSweepingVmmBecauseConfigurationsCompareIt() {
    SpecException e = error(VALID.replace("  nodes: [1, 2, 4]", "  nodes: [1]\n  vmm: [native]"));
    assertEquals("sweep.vmm", e.key());
    assertEquals(14, e.location().line());
  }

  @Test
  void shouldRejectAParameterAxisThatSomeWorkloadLacks() {
    SpecException e =
        error(VALID.replace("  nodes: [1, 2, 4]", "  nodes: [1]\n  params.time_steps: [10, 20]"));
    assertEquals("sweep.params.time_steps", e.key());
    assertTrue(e.problem().contains("workload 'hpccg' has no parameter 'time_steps'"), e.problem());
  }

  @Test
  void shouldExpandGeometricAndArithmeticRanges() {
    ExperimentSpec spec =
        parser.parse("exp.yaml", VALID.replace("[1, 2, 4]", "{from: 1, to: 4096, factor: 4}"));
    assertEquals(List.of(1L, 4L, 16L, 64L, 256L, 1024L, 4096L), spec.axes().get(0).values());
    ExperimentSpec linear =
        parser.parse("exp.yaml", VALID.replace("[1, 2, 4]", "{from: 2, to: 9, step: 3}"));
    assertEquals(List.of(2L, 5L, 8L), linear.axes().get(0).values());
  }

  @Test
  void shouldRequireABaselineWhenTwoNativeConfigurationsShareAGuest() {
    String text =
        VALID.replace(
            "  - {label: native, vmm: native}",
            "  - {label: native, vmm: native}\n  - {label: native2, vmm: native, noise_pct: 1}");
    SpecException e = error(text);
    assertTrue(e.problem().contains("say which with 'baseline:'"), e.problem());
    ExperimentSpec ok =
        parser.parse("exp.yaml", text.replace("noise_pct: 1}", "noise_pct: 1, baseline: native}"));
    assertEquals("native", ok.configuration("nested").baseline());
    assertEquals("native", ok.configuration("native2").baseline());
  }

  @Test
  void shouldReportYamlSyntaxErrorsWithTheirLine() {
    SpecException e = error("name: x\nworkloads: [hpccg\nsweep: {}\n");
    assertTrue(e.problem().startsWith("not valid YAML"), e.problem());
    assertTrue(e.location().line() >= 2, e.getMessage());
  }

  @Test
  void shouldRequireTheEssentialKeys() {
    SpecException e = error("name: x\nworkloads: [hpccg]\nsweep: {nodes: [1]}\n");
    assertTrue(e.problem().contains("missing required key 'configurations'"), e.problem());
  }

  @Test
  void shouldValidateAgainstWhatTheModelLayerRegisters() {
    ModelRegistry extended =
        ModelRegistry.standard().toBuilder()
            .configurationKey(
                Param.choice("vmm", "native", "nested", "agile").defaultValue("native"))
            .build();
    String agile = VALID.replace("vmm: nested,", "vmm: agile,");
    ExperimentSpec spec = new ExperimentParser(extended).parse("exp.yaml", agile);
    assertEquals("agile", spec.configurations().get(1).settings().get("vmm"));
    assertThrows(SpecException.class, () -> parser.parse("exp.yaml", agile));
  }

  @Test
  void shouldMakeTheMainJobTheStudyOfTheIssue() throws IOException {
    ExperimentSpec spec = parser.parse(Path.of("redstorm-virtualization.yaml"));
    assertEquals(
        List.of("hpccg", "cth", "sage"),
        spec.workloads().stream().map(WorkloadEntry::name).toList());
    assertEquals(4096L, spec.axes().get(0).values().get(spec.axes().get(0).values().size() - 1));
    assertEquals(13, spec.axes().get(0).values().size());
  }

  @Test
  void shouldReadExponentNumbersAsNumbers() {
    String text =
        VALID.replace(
            "{label: native, vmm: native}", "{label: native, vmm: native, preemption_hz: 1e3}");
    assertEquals(
        1000.0,
        parser.parse("exp.yaml", text).configurations().get(0).settings().get("preemption_hz"));
  }

  @Test
  void shouldAcceptTheExampleOfTheReadme() throws IOException {
    String readme = Files.readString(Path.of("..", "README.md"));
    int start = readme.indexOf("```yaml\n") + "```yaml\n".length();
    String example = readme.substring(start, readme.indexOf("```", start));
    ExperimentSpec spec = parser.parse("README.md", example);
    assertEquals("my-study", spec.name());
    assertEquals(13 * 3, spec.axes().get(0).values().size() * spec.axes().get(1).values().size());
  }

  @Test
  void shouldCheckAParameterAxisAgainstEveryWorkloadThatHasIt() {
    ModelRegistry narrowCth =
        ModelRegistry.standard().toBuilder()
            .workload(
                org.xtsim.experiments.registry.WorkloadDefinition.of(
                    "cth",
                    "test",
                    List.of(
                        Param.integer("nx", 1, 50).defaultValue(10L),
                        Param.integer("ny", 1, 50).defaultValue(10L),
                        Param.integer("nz", 1, 50).defaultValue(10L))))
            .build();
    String text =
        VALID
            .replace("  nodes: [1, 2, 4]", "  nodes: [1]\n  params.nx: [10, 80]")
            .replace("{nx: 20, ny: 20, nz: 20}", "{ny: 20, nz: 20}");
    SpecException e =
        assertThrows(
            SpecException.class, () -> new ExperimentParser(narrowCth).parse("exp.yaml", text));
    assertEquals("sweep.params.nx", e.key());
    assertTrue(e.problem().contains("an integer in [1, 50]"), e.problem());
  }

  @Test
  void shouldRejectAParameterSetBothInItsWorkloadAndAsASweepAxis() {
    SpecException e =
        error(
            VALID
                .replace("  - cth\n", "")
                .replace("  nodes: [1, 2, 4]", "  nodes: [1]\n  params.nx: [10, 20]"));
    assertEquals("workloads[0].params.nx", e.key());
    assertEquals(7, e.location().line());
    assertTrue(e.problem().contains("'params.nx' is a sweep axis"), e.problem());
  }
}
