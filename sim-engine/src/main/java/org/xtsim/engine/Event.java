package org.xtsim.engine;

/**
 * The event being executed: a read-only view, valid only during {@link EventHandler#onEvent}. The
 * engine reuses the object for the next event; copy out what must outlive the call.
 */
public interface Event {
  /** When the event happens, in picoseconds. */
  long timePs();

  /** The component that sent the event (the target itself for self-scheduled events). */
  int source();

  /** The component executing the event. */
  int target();

  /** The model-defined event type. */
  int type();

  /** First model-defined argument. */
  long arg0();

  /** Second model-defined argument. */
  long arg1();

  /** Third model-defined argument. */
  long arg2();
}
