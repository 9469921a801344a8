package org.xtsim.experiments.run;

/**
 * The process was stopped from outside (SIGINT, SIGTERM) while the run went on: the output folder
 * already says what it holds ({@code status: interrupted}) and the user has been told how to
 * resume, so whoever catches this has nothing more to say. Thrown on the run's own thread, which
 * the JVM lets go on until its shutdown hooks have finished.
 */
public final class RunInterruptedException extends RuntimeException {
  /** Exit status of a run stopped by SIGINT, as a shell reports it: 128 + 2. */
  public static final int EXIT_STATUS = 130;

  RunInterruptedException() {
    super("interrupted; the output folder says what it holds", null, false, false);
  }
}
