package org.xtsim.engine.internal;

import org.xtsim.engine.EventHandler;
import org.xtsim.engine.SimTime;

/** The declared components and links, their partitions, and the lookahead that follows. */
public final class Topology {
  final EventHandler[] handlers;
  final int[] linkFrom;
  final int[] linkTo;
  final long[] linkLatencyPs;
  final long anyToAnyLatencyPs;
  final int[] owner;
  final int partitions;
  final long lookaheadPs;

  /**
   * @param anyToAnyLatencyPs the latency of {@code connectAll}, or -1 if not declared
   * @param owner the partition of each component
   */
  public Topology(
      EventHandler[] handlers,
      int[] linkFrom,
      int[] linkTo,
      long[] linkLatencyPs,
      long anyToAnyLatencyPs,
      int[] owner,
      int partitions) {
    this.handlers = handlers;
    this.linkFrom = linkFrom;
    this.linkTo = linkTo;
    this.linkLatencyPs = linkLatencyPs;
    this.anyToAnyLatencyPs = anyToAnyLatencyPs;
    this.owner = owner;
    this.partitions = partitions;
    this.lookaheadPs = computeLookahead();
  }

  private long computeLookahead() {
    if (partitions == 1) {
      return SimTime.NEVER;
    }
    long lookahead = anyToAnyLatencyPs > 0 ? anyToAnyLatencyPs : SimTime.NEVER;
    for (int link = 0; link < linkFrom.length; link++) {
      if (owner[linkFrom[link]] != owner[linkTo[link]]) {
        if (linkLatencyPs[link] == 0) {
          throw new IllegalStateException(
              String.format(
                  "link %d from component %d (partition %d) to component %d (partition %d) has"
                      + " latency 0 ps but crosses partitions: give it a latency > 0 or keep both"
                      + " ends in one partition",
                  link, linkFrom[link], owner[linkFrom[link]], linkTo[link], owner[linkTo[link]]));
        }
        lookahead = Math.min(lookahead, linkLatencyPs[link]);
      }
    }
    return lookahead;
  }

  int componentCount() {
    return handlers.length;
  }

  String linkName(int link) {
    return "link " + link + " (" + linkFrom[link] + " -> " + linkTo[link] + ")";
  }
}
