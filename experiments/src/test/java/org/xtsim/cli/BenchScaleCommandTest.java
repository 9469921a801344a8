package org.xtsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchScaleCommandTest {
  @TempDir Path tmp;

  @Test
  void shouldWriteOneCsvRowPerNodeCountWithTheRecordAndTheFigure() throws IOException {
    CliRun o =
        CliRun.of(
            "bench",
            "scale",
            "--nodes",
            "8,32",
            "--param",
            "nx=16",
            "--param",
            "ny=16",
            "--param",
            "nz=16",
            "--param",
            "iterations=2",
            "--threads",
            "1",
            "--out",
            tmp.toString(),
            "--name",
            "s");
    assertEquals(0, o.status(), o.err());
    assertTrue(o.out().contains("growth exponent of wall_seconds"), o.out());
    List<String> csv = Files.readAllLines(tmp.resolve("s.csv"));
    assertEquals(3, csv.size());
    assertTrue(csv.get(0).startsWith("workload,nodes,topology,threads,seed,wall_seconds"));
    assertTrue(csv.get(1).startsWith("hpccg,8,27x20x24,1,1,"), csv.get(1));
    assertTrue(csv.get(2).startsWith("hpccg,32,"), csv.get(2));
    String json = Files.readString(tmp.resolve("s.json"));
    assertTrue(json.contains("\"growth_exponents\""), json);
    assertTrue(json.contains("\"iterations\": 2"), json);
    assertTrue(json.contains("\"noise_pct\": 2.5"), json);
    assertTrue(Files.size(tmp.resolve("s.png")) > 1000);
    Files.delete(tmp.resolve("s.png"));
    CliRun redraw = CliRun.of("bench", "scale", "--redraw", "--out", tmp.toString(), "--name", "s");
    assertEquals(0, redraw.status(), redraw.err());
    assertTrue(Files.size(tmp.resolve("s.png")) > 1000);
    assertEquals(csv, Files.readAllLines(tmp.resolve("s.csv")));
  }

  @Test
  void shouldNameTheOptionKeyAndAllowedValuesOfABadSetting() {
    CliRun bad = CliRun.of("bench", "scale", "--set", "vmm=hypervisor", "--out", tmp.toString());
    assertEquals(2, bad.status());
    assertTrue(bad.err().contains("--set vmm: 'hypervisor' is not allowed"), bad.err());
    assertTrue(bad.err().contains("nested"), bad.err());
    CliRun unknown = CliRun.of("bench", "scale", "--workload", "linpack", "--out", tmp.toString());
    assertEquals(2, unknown.status());
    assertTrue(unknown.err().contains("unknown workload 'linpack'; allowed: "), unknown.err());
    assertTrue(Files.notExists(tmp.resolve("scale-linpack.csv")));
  }

  @Test
  void shouldPrintEachMachineAndItsHeapEstimateOnADryRun() {
    CliRun o = CliRun.of("bench", "scale", "--nodes", "4096,131072", "--dry-run");
    assertEquals(0, o.status(), o.err());
    assertTrue(o.out().contains("4,096 nodes on 27x20x24: about"), o.out());
    assertTrue(o.out().contains("131,072 nodes on torus-64x64x32: about"), o.out());
  }

  @Test
  void shouldRefuseANameThatIsNotAPlainFileName() throws IOException {
    CliRun up =
        CliRun.of("bench", "scale", "--out", tmp.toString(), "--name", "../../x", "--dry-run");
    assertEquals(2, up.status());
    assertEquals(
        "xtsim bench scale: --name '../../x': not a plain file name; allowed: letters, digits,"
            + " . _ + - (starting with a letter or digit), no folders",
        up.err().trim());
    CliRun empty = CliRun.of("bench", "scale", "--out", "", "--dry-run");
    assertEquals(2, empty.status());
    assertTrue(empty.err().startsWith("xtsim bench scale: --out: empty path"), empty.err());
    try (var files = Files.list(tmp)) {
      assertEquals(0, files.count(), "nothing written");
    }
  }

  @Test
  void shouldNeverOverwriteARecordUnlessForced() throws IOException {
    Files.writeString(tmp.resolve("s.json"), "committed");
    CliRun named = CliRun.of("bench", "scale", "--out", tmp.toString(), "--name", "s", "--dry-run");
    assertEquals(2, named.status());
    assertTrue(
        named
            .err()
            .contains(
                "--name s: "
                    + tmp.resolve("s.csv")
                    + " (or its .json, .png, .svg)"
                    + " exists; allowed: a name whose files do not exist, or --force to overwrite them"),
        named.err());
    CliRun forced =
        CliRun.of("bench", "scale", "--out", tmp.toString(), "--name", "s", "--force", "--dry-run");
    assertEquals(0, forced.status(), forced.err());
    assertTrue(!forced.out().contains("note:"), forced.out());

    Files.writeString(tmp.resolve("scale-hpccg.csv"), "committed");
    Files.writeString(tmp.resolve("scale-hpccg-2.png"), "committed");
    CliRun fresh =
        CliRun.of(
            "bench",
            "scale",
            "--nodes",
            "8",
            "--param",
            "nx=16",
            "--param",
            "ny=16",
            "--param",
            "nz=16",
            "--param",
            "iterations=2",
            "--threads",
            "1",
            "--out",
            tmp.toString());
    assertEquals(0, fresh.status(), fresh.err());
    assertTrue(
        fresh
            .out()
            .startsWith(
                "note: "
                    + tmp.resolve("scale-hpccg")
                    + ".* exist and are kept (--force overwrites"
                    + " them); writing "
                    + tmp.resolve("scale-hpccg-3")
                    + ".*"),
        fresh.out());
    assertTrue(Files.exists(tmp.resolve("scale-hpccg-3.csv")));
    assertEquals("committed", Files.readString(tmp.resolve("scale-hpccg.csv")));
    assertEquals("committed", Files.readString(tmp.resolve("scale-hpccg-2.png")));
    assertEquals("committed", Files.readString(tmp.resolve("s.json")));
  }
}
