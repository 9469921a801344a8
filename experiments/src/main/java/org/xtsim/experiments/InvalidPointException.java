package org.xtsim.experiments;

/**
 * A point that a {@link PointRunner} refuses to run. The framework reports it against the place in
 * the experiment file where {@link #key()} was set.
 */
public final class InvalidPointException extends IllegalArgumentException {
  private final String key;

  /**
   * @param key the offending key in the point's key space ({@code nodes}, {@code vmm}, {@code
   *     params.nx}, {@code machine.topology}, …)
   * @param message what is wrong and what is allowed
   */
  public InvalidPointException(String key, String message) {
    super(message);
    this.key = key;
  }

  /** The offending key. */
  public String key() {
    return key;
  }
}
