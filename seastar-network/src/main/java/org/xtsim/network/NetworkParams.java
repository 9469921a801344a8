package org.xtsim.network;

import java.util.List;
import org.xtsim.network.loggp.LogGopsParams;
import org.xtsim.network.mpi.CollectiveTiming;
import org.xtsim.network.seastar.SeastarParams;
import org.xtsim.network.seastar.SeastarSpec;
import org.xtsim.network.topology.TopologyGrammar;
import org.xtsim.network.topology.Torus;
import org.xtsim.params.Dimension;
import org.xtsim.params.Param;
import org.xtsim.params.ParamValues;

/**
 * The network and MPI parameters a study may set (the {@code machine} section of an experiment
 * file, and the same options of {@code xtsim imb}), declared once, with the model they build.
 */
public final class NetworkParams {
  /** Which network model. */
  public static final Param NETWORK =
      Param.choice("network", "seastar", "loggp")
          .defaultValue("seastar")
          .meaning(
              "network model: cycle-level SeaStar routers and NICs (seastar) or the analytic"
                  + " LogGOPS model (loggp)")
          .source(
              "SeaStar: Brightwell et al., Portals 3.3 on Red Storm; LogGOPS: Hoefler et al., HPDC 2010");

  /** The mesh or torus. */
  public static final Param TOPOLOGY =
      Param.text("topology", TopologyGrammar.DESCRIPTION, TopologyGrammar::check)
          .defaultValue(Torus.REDSTORM)
          .meaning("the SeaStar mesh or torus, with per-axis wrap-around")
          .source(
              "Red Storm 27x20x24 after 2006 (assumption from the node count, parameters.md);"
                  + " mesh or torus per dimension: Abts & Kim, High Performance Datacenter Networks, 8.2.1");

  /** Whether packets share links. */
  public static final Param LINK_CONTENTION =
      Param.bool("link_contention")
          .defaultValue(true)
          .meaning(
              "SeaStar: packets move router by router and share links (true), or reach their"
                  + " destination with idle-link timing, one event per packet (false: faster)")
          .source("model choice; true is the SeaStar as built");

  /** SeaStar packet size. */
  public static final Param PACKET_BYTES =
      Param.integer("packet_bytes", 64, 1 << 20)
          .in(Dimension.SIZE, "B")
          .defaultValue((long) SeastarParams.DEFAULT_PACKET_BYTES)
          .meaning("SeaStar: bytes per packet in which messages cross the network")
          .source(Param.ASSUMPTION + " (SeaStar DMA granularity not published; 4 KiB)");

  /** How collectives are timed. */
  public static final Param COLLECTIVE_TIMING =
      Param.choice("collective_timing", "messages", "dataflow")
          .defaultValue("messages")
          .meaning(
              "messages: every message of every collective is simulated (receipt interrupts a"
                  + " computing rank); dataflow: small allreduces and barriers timed round by round"
                  + " in one pass once every rank has entered (needs link_contention: false)")
          .source("MPICH collective algorithms (Thakur, Rabenseifner, Gropp, IJHPCA 2005)");

  /** Every network parameter, in the order to document them. */
  public static final List<Param> ALL =
      List.of(NETWORK, TOPOLOGY, LINK_CONTENTION, PACKET_BYTES, COLLECTIVE_TIMING);

  /**
   * Parameters that choose how the model is evaluated, not what is simulated: points that differ
   * only in them get the same seed, so the evaluations are compared on the same noise.
   */
  public static final List<Param> EVALUATION_ONLY = List.of(COLLECTIVE_TIMING);

  private NetworkParams() {}

  /**
   * The network {@code values} describe for a job of {@code nodes} nodes: SeaStar on the named
   * topology with the given packet size and link model, or LogGOPS.
   *
   * @throws IllegalArgumentException when the values do not go together
   */
  public static NetworkSpec spec(ParamValues values, int nodes) {
    if (values.text(NETWORK).equals("loggp")) {
      return LogGopsParams.defaults();
    }
    Torus torus = TopologyGrammar.resolve(values.text(TOPOLOGY), nodes);
    String preset =
        values.text(TOPOLOGY).equals(Torus.REDSTORM_2005) ? Torus.REDSTORM_2005 : Torus.REDSTORM;
    SeastarSpec spec = SeastarSpec.preset(preset).withTorus(torus);
    SeastarParams params =
        spec.params()
            .withLinkContention(values.bool(LINK_CONTENTION))
            .withPacketBytes(values.intValue(PACKET_BYTES));
    return spec.withParams(params);
  }

  /**
   * How collectives are timed.
   *
   * @throws IllegalArgumentException for dataflow timing on a network that cannot do it
   */
  public static CollectiveTiming collectiveTiming(ParamValues values) {
    if (values.text(COLLECTIVE_TIMING).equals("messages")) {
      return CollectiveTiming.MESSAGES;
    }
    if (!values.text(NETWORK).equals("seastar") || values.bool(LINK_CONTENTION)) {
      throw new IllegalArgumentException(
          "collective_timing: dataflow needs SeaStar with idle-link timing: set network: seastar"
              + " and link_contention: false");
    }
    return CollectiveTiming.DATAFLOW;
  }
}
