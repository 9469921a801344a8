package org.xtsim.experiments.run;

/**
 * Where a run learns that its process is being stopped from outside (Ctrl-C sends SIGINT, {@code
 * kill} SIGTERM), so that it can leave its output folder describing what it holds before the
 * process ends. Tests fire it themselves.
 */
@FunctionalInterface
interface Interrupts {
  /**
   * Runs {@code action} if the process is stopped before the returned registration is closed. The
   * action runs on another thread while the run's own thread goes on, and the process ends when it
   * returns.
   */
  Registration onInterrupt(Runnable action);

  /** A registered action; closing it means the action will not run. */
  @FunctionalInterface
  interface Registration extends AutoCloseable {
    @Override
    void close();
  }

  /**
   * The JVM's way: a shutdown hook. It runs on SIGINT, SIGTERM and SIGHUP (and on {@code
   * System.exit}, which is why the run closes it before it returns); the JVM then exits with 128 +
   * the signal's number: 130 for SIGINT, 143 for SIGTERM.
   */
  Interrupts SHUTDOWN_HOOK =
      action -> {
        Thread hook = new Thread(action, "xtsim-interrupted");
        Runtime.getRuntime().addShutdownHook(hook);
        return () -> {
          try {
            Runtime.getRuntime().removeShutdownHook(hook);
          } catch (IllegalStateException shutdownUnderWay) {
            // The hook runs or has run; it finds the run finished and writes nothing.
          }
        };
      };
}
