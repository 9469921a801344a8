package org.xtsim.cli;

import picocli.CommandLine;

/** The version from the jar manifest ("dev" when run from classes). */
final class VersionProvider implements CommandLine.IVersionProvider {
  @Override
  public String[] getVersion() {
    return new String[] {"xtsim " + version()};
  }

  static String version() {
    String v = Xtsim.class.getPackage().getImplementationVersion();
    return v == null ? "dev" : v;
  }
}
