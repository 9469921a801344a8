package org.xtsim.engine;

/**
 * A component's behaviour. One handler object may serve many components (it learns which one from
 * {@link Context#self()}), so a model with a million nodes need not have a million objects.
 */
public interface EventHandler {
  /**
   * Called once per component before the run, in component-id order, at time 0. Schedule the
   * component's first events here.
   */
  default void init(Context ctx) {}

  /** Executes one event addressed to {@code ctx.self()}. */
  void onEvent(Event event, Context ctx);
}
