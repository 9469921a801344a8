package org.xtsim.experiments.run;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/**
 * The xtsim version (from the jar manifest) and the git commit of the working directory, read once.
 *
 * @param version the version, or "dev" when run from classes
 * @param gitCommit {@code git rev-parse HEAD}, or null without git or a repository
 * @param gitDirty whether tracked files have uncommitted changes, or null when unknown
 */
public record BuildInfo(String version, String gitCommit, Boolean gitDirty) {
  /** Reads the build information now (runs git twice). */
  public static BuildInfo read() {
    return new BuildInfo(currentVersion(), currentCommit(), currentDirty());
  }

  /** The version, or "dev" when run from classes. */
  static String currentVersion() {
    String v = BuildInfo.class.getPackage().getImplementationVersion();
    return v == null ? "dev" : v;
  }

  /**
   * {@code git rev-parse HEAD} in the current directory, or null when git or a repository is
   * absent.
   */
  static String currentCommit() {
    String head = git("rev-parse", "HEAD");
    return head == null || head.isEmpty() ? null : head;
  }

  /**
   * Whether the working tree has uncommitted changes to anything but run outputs (files under
   * {@code results/}, which the reference runs themselves rewrite), or null when unknown.
   */
  static Boolean currentDirty() {
    String status =
        git(
            "status",
            "--porcelain",
            "--untracked-files=no",
            "--",
            ":(top)",
            ":(top,exclude)results");
    return status == null ? null : !status.isEmpty();
  }

  private static String git(String... args) {
    String[] cmd = new String[args.length + 1];
    cmd[0] = "git";
    System.arraycopy(args, 0, cmd, 1, args.length);
    try {
      Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
      p.getOutputStream().close();
      byte[] out;
      try (InputStream in = p.getInputStream()) {
        out = in.readNBytes(1 << 20);
      }
      if (!p.waitFor(10, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        return null;
      }
      return p.exitValue() == 0 ? new String(out, StandardCharsets.UTF_8).trim() : null;
    } catch (IOException e) {
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
  }
}
