package org.xtsim.network.collectives;

/** Receives the operations of one step of a collective. */
public interface StepPoster {
  /** Posts a send of {@code bytes} to rank {@code peer}. */
  void send(int peer, long bytes);

  /** Posts a receive of {@code bytes} from rank {@code peer}. */
  void recv(int peer, long bytes);

  /** Reduces {@code bytes} once the step's messages have completed. */
  void reduce(long bytes);
}
