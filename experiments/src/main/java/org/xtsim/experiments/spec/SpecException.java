package org.xtsim.experiments.spec;

/**
 * A bad experiment file: where ({@link #location()}), which key ({@link #key()}, a path such as
 * {@code configurations[2].vmm}) and what is wrong, with the allowed values. The message reads
 * {@code file:line:column: key: problem}.
 */
public final class SpecException extends IllegalArgumentException {
  private final SourceLocation location;
  private final String key;
  private final String problem;

  /**
   * @param location where in the file
   * @param key the key path
   * @param problem what is wrong and what is allowed
   */
  public SpecException(SourceLocation location, String key, String problem) {
    super(location + ": " + (key.isEmpty() ? "" : key + ": ") + problem);
    this.location = location;
    this.key = key;
    this.problem = problem;
  }

  /** Where in the file. */
  public SourceLocation location() {
    return location;
  }

  /** The key path, e.g. {@code workloads[0].params.nx}; empty for the document itself. */
  public String key() {
    return key;
  }

  /** What is wrong, without the location. */
  public String problem() {
    return problem;
  }
}
