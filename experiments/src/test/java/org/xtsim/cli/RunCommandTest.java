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
        listing.startsWith("redstorm-virtualization (quick): 108 points, 2 threads per point"),
        listing);
    assertTrue(listing.contains("sage/nested-large-cnl-uncontrolled/nodes=16/r0"), listing);
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
            + "mflops,300.0,MFLOPS,higher,0.0,native,1.000,10\n"
            + "hpccg/native/nodes=2/r0,f,hpccg,native,2,catamount,native,false,none,passthrough,0,7,"
            + "mflops,590.0,MFLOPS,higher,0.0,native,1.000,10\n");
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
}
