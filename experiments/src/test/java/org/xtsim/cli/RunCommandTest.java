package org.xtsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunCommandTest {
  @TempDir Path tmp;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int xtsim(String... args) {
    return Xtsim.execute(args, new PrintWriter(out), new PrintWriter(err));
  }

  @Test
  void shouldExplainEveryOptionInHelp() {
    assertEquals(0, xtsim("run", "--help"));
    for (String option : new String[] {"--threads", "--out", "--quick", "--resume", "--dry-run"}) {
      assertTrue(out.toString().contains(option), option);
    }
  }

  @Test
  void shouldListTheQuickSweepOfTheMainJobInADryRun() {
    assertEquals(
        0,
        xtsim(
            "run",
            "redstorm-virtualization.yaml",
            "--quick",
            "--dry-run",
            "--out",
            tmp.resolve("o").toString()));
    String listing = out.toString();
    assertTrue(
        listing.startsWith("redstorm-virtualization (quick): 216 points, 2 threads per point"),
        listing);
    assertTrue(listing.contains("sage/nested-large-cnl-uncontrolled/nodes=16/r1"), listing);
    assertTrue(Files.notExists(tmp.resolve("o")));
  }

  @Test
  void shouldRejectABadFileWithOneLineNamingFileLineKeyAndAllowedValues() throws IOException {
    Path bad = tmp.resolve("bad.yaml");
    Files.writeString(
        bad,
        "name: x\nworkloads: [hpccg]\nconfigurations:\n  - {label: a, vmm: nestd}\n"
            + "sweep: {nodes: [1]}\n");
    assertEquals(2, xtsim("run", bad.toString()));
    String line = err.toString().trim();
    assertEquals(1, line.lines().count(), line);
    assertTrue(
        line.startsWith(
            "xtsim run: " + bad + ":4:21: configurations[0].vmm: 'nestd' is not allowed"),
        line);
    assertTrue(line.contains("allowed: one of native, nested"), line);
  }

  @Test
  void shouldRejectMissingFilesAndBadThreads() {
    assertEquals(2, xtsim("run", tmp.resolve("none.yaml").toString()));
    assertTrue(err.toString().contains("no such experiment file"), err.toString());
    assertEquals(2, xtsim("run", "paging-whatif.yaml", "--threads", "0"));
    assertTrue(err.toString().contains("--threads must be in [1, 1,024], was 0"), err.toString());
  }

  @Test
  void shouldRedrawFiguresFromTheResultFilesOfADirectory() throws IOException {
    assertEquals(2, xtsim("figures", tmp.toString()));
    assertTrue(err.toString().contains("no results.csv in"), err.toString());
    Files.writeString(
        tmp.resolve("results.csv"),
        String.join(",", org.xtsim.experiments.results.ResultsCsv.header(java.util.List.of()))
            + "\n"
            + "hpccg/native/nodes=1/r0,f,hpccg,native,1,catamount,native,false,none,passthrough,0,7,"
            + "mflops,300.0,MFLOPS,higher,0.0,native,1.000,10,,,,\n"
            + "hpccg/native/nodes=2/r0,f,hpccg,native,2,catamount,native,false,none,passthrough,0,7,"
            + "mflops,590.0,MFLOPS,higher,0.0,native,1.000,10,,,,\n");
    assertEquals(0, xtsim("figures", tmp.toString()));
    assertTrue(out.toString().startsWith("2 figure files in"), out.toString());
    assertTrue(Files.size(tmp.resolve("figures/scaling-hpccg.png")) > 1000);

    out.getBuffer().setLength(0);
    assertEquals(0, xtsim("figures", tmp.toString(), "--style", "paper"));
    assertTrue(out.toString().startsWith("4 figure files in"), out.toString());
    assertTrue(
        out.toString().contains("figures" + java.io.File.separator + "paper"), out.toString());
    for (String file : List.of("scaling-hpccg-3.5in.pdf", "scaling-hpccg-7in.svg")) {
      assertTrue(Files.size(tmp.resolve("figures/paper").resolve(file)) > 1000, file);
    }
    assertEquals(2, xtsim("figures", tmp.toString(), "--style", "poster"));
    assertTrue(err.toString().contains("--style: 'poster' is not a style; use paper or slides"));
  }

  @Test
  void shouldPrintTheUsageOnStderrAndExitWith2WithoutACommand() {
    assertEquals(2, xtsim());
    assertEquals("", out.toString());
    assertTrue(err.toString().startsWith("Usage: xtsim"), err.toString());
    StringWriter benchErr = new StringWriter();
    assertEquals(
        2, Xtsim.execute(new String[] {"bench"}, new PrintWriter(out), new PrintWriter(benchErr)));
    assertTrue(benchErr.toString().startsWith("Usage: xtsim bench"), benchErr.toString());
  }

  /** One line on stderr naming {@code what}, exit status 2, and {@code tmp} as it was. */
  private void assertRefused(String what, String... args) throws IOException {
    List<Path> before = listing();
    StringWriter e = new StringWriter();
    int status = Xtsim.execute(args, new PrintWriter(out), new PrintWriter(e));
    assertEquals(2, status, e.toString());
    assertEquals(1, e.toString().lines().count(), e.toString());
    assertTrue(e.toString().startsWith("xtsim run: " + what), e.toString());
    assertEquals(before, listing(), "nothing created");
  }

  private List<Path> listing() throws IOException {
    try (var files = Files.walk(tmp)) {
      return files.sorted().toList();
    }
  }

  @Test
  void shouldRefuseAnOutputFolderThatCannotBeBeforeWritingAnything() throws IOException {
    Path file = tmp.resolve("a-file");
    Files.writeString(file, "not a folder");
    String experiment = "paging-whatif.yaml";
    assertRefused("--out: empty path; allowed: a folder", "run", experiment, "--out", "");
    assertRefused(
        "--out " + file + ": exists and is not a folder",
        "run",
        experiment,
        "--out",
        file.toString());
    assertRefused(
        "--out " + file.resolve("sub") + ": " + file + " exists and is not a folder",
        "run",
        experiment,
        "--out",
        file.resolve("sub").toString());
    assertRefused(
        "--out " + tmp.resolve("x".repeat(300)).toString().substring(0, 40),
        "run",
        experiment,
        "--out",
        tmp.resolve("x".repeat(300)).toString());
    assertTrue(err.toString().isEmpty());
    StringWriter e = new StringWriter();
    assertEquals(
        2,
        Xtsim.execute(
            new String[] {"run", experiment, "--out", "/proc/xtsim-out"},
            new PrintWriter(out),
            new PrintWriter(e)));
    assertTrue(
        e.toString().startsWith("xtsim run: --out /proc/xtsim-out: cannot write in /proc"),
        e.toString());
  }

  @Test
  void shouldRefuseANameTooLongForItsOutputFolderBeforeCreatingIt() throws IOException {
    Path file = tmp.resolve("long.yaml");
    String name = "n".repeat(300);
    Files.writeString(
        file,
        "name: "
            + name
            + "\nworkloads: [hpccg]\nconfigurations:\n  - {label: a, vmm: native}\n"
            + "sweep: {nodes: [1]}\n");
    assertRefused(
        file
            + ":1:7: name: '"
            + "n".repeat(40)
            + "…' is not allowed; allowed: letters, digits, . _ + -, at most 100 characters",
        "run",
        file.toString());
    assertTrue(Files.notExists(Path.of("results", name)));
  }
}
