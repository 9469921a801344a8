package org.xtsim.network.seastar;

import org.xtsim.engine.SimTime;

/**
 * Timing of the SeaStar router, links and NIC, and of the host's part of a message. Defaults are
 * SeaStar 1.2 on Red Storm ({@link #seastar()}); {@link #seastar2()} raises the NIC rate.
 *
 * @param hopLatencyPs head latency through one router and link (the engine's lookahead)
 * @param linkBandwidthBytesPerSecond bandwidth of one link, per direction
 * @param nicBandwidthBytesPerSecond sustained NIC DMA rate, at injection and at ejection
 * @param hyperTransportBytesPerSecond host link; injection and ejection run at the lower of the two
 * @param nicSendProcessingPs NIC firmware (Portals) time per message sent
 * @param nicReceiveProcessingPs NIC firmware time per message received
 * @param hostSendOverheadPs host CPU time to post a send (MPI and Portals library)
 * @param hostReceiveOverheadPs host CPU time to complete a receive (MPI library)
 * @param hostInterruptPs host CPU time of the interrupt that announces a received message
 * @param packetBytes packet size in which messages cross the network, &gt; 0
 * @param switching cut-through or store-and-forward
 * @param eagerThresholdBytes messages above this use rendezvous
 * @param sharedMemoryLatencyPs latency of a message between ranks on one node
 * @param sharedMemoryBytesPerSecond copy rate between ranks on one node
 * @param linkContention true: packets move router by router and share links (one event per hop);
 *     false: a packet goes straight to its destination's router with the same uncontended timing
 *     (one event per packet), contention only at the NICs — for large runs where links are not the
 *     bottleneck
 */
public record SeastarParams(
    long hopLatencyPs,
    double linkBandwidthBytesPerSecond,
    double nicBandwidthBytesPerSecond,
    double hyperTransportBytesPerSecond,
    long nicSendProcessingPs,
    long nicReceiveProcessingPs,
    long hostSendOverheadPs,
    long hostReceiveOverheadPs,
    long hostInterruptPs,
    int packetBytes,
    Switching switching,
    long eagerThresholdBytes,
    long sharedMemoryLatencyPs,
    double sharedMemoryBytesPerSecond,
    boolean linkContention) {

  /**
   * Router hop latency 44.8 ns: the value of Charm++ BigSim's Red Storm network model
   * (<b>assumption</b>, no measurement found).
   */
  public static final long DEFAULT_HOP_LATENCY_PS = 44_800;

  /** Link peak 3.8 GB/s per direction (vendor figure, euroben.nl XT3 report). */
  public static final double DEFAULT_LINK_BANDWIDTH = 3.8e9;

  /**
   * SeaStar 1.2 NIC: 1.125 GB/s sustained. Two sources bound it: the unidirectional Portals put
   * reached "over 1.1 GB/s asymptotically" (Brightwell, Pedretti, Underwood, "Initial performance
   * evaluation of the Cray SeaStar interconnect", 2005; "Implementation and Performance of Portals
   * 3.3 on the Cray XT3"), and the Red Storm upgrade took the NIC from "a sustained rate of 1.1
   * GB/s" to 2.0 GB/s (Brightwell, Underwood, Vaughan, "Performance impact of the Red Storm
   * upgrade"), a figure given to two digits, so below 1.15 GB/s. The rate is the middle of that
   * interval [1.10, 1.15) GB/s; an asymptote of exactly 1.1 GB/s would not be "over" it.
   */
  public static final double SEASTAR_NIC_BANDWIDTH = 1.125e9;

  /**
   * SeaStar 2.1 NIC: sustained rate 2.0 GB/s ("An Evaluation of the Impacts of Network Bandwidth
   * and Dual-Core Processors on Scalability").
   */
  public static final double SEASTAR2_NIC_BANDWIDTH = 2.0e9;

  /** HyperTransport to the host: 6.4 GB/s (euroben.nl XT3 report). */
  public static final double DEFAULT_HYPERTRANSPORT_BANDWIDTH = 6.4e9;

  /**
   * NIC firmware per message sent: 0.9 µs (<b>assumption</b>: the embedded PowerPC 440 runs
   * Portals; chosen so that the one-way latency lies in the measured range, below 6 µs).
   */
  public static final long DEFAULT_NIC_SEND_PROCESSING_PS = SimTime.us(0.9);

  /** NIC firmware per message received: 0.9 µs (<b>assumption</b>, as above). */
  public static final long DEFAULT_NIC_RECEIVE_PROCESSING_PS = SimTime.us(0.9);

  /** Host MPI/Portals send overhead: 0.4 µs (<b>assumption</b>). */
  public static final long DEFAULT_HOST_SEND_OVERHEAD_PS = SimTime.us(0.4);

  /** Host MPI receive overhead: 0.4 µs (<b>assumption</b>). */
  public static final long DEFAULT_HOST_RECEIVE_OVERHEAD_PS = SimTime.us(0.4);

  /**
   * Host interrupt per received message: 1.6 µs (<b>assumption</b>; "interrupt handling dominates"
   * the under-6 µs Portals latency of SeaStar 1.2).
   */
  public static final long DEFAULT_HOST_INTERRUPT_PS = SimTime.us(1.6);

  /**
   * Packet size of the simulation: 4 KiB (a modelling granularity, not the hardware's 64-byte
   * packets: smaller is more exact under contention and costs more events).
   */
  public static final int DEFAULT_PACKET_BYTES = 4096;

  /**
   * Eager limit 128,000 bytes: Cray MPT's default {@code MPICH_MAX_SHORT_MSG_SIZE}
   * (<b>assumption</b> for the Red Storm MPI of the time).
   */
  public static final long DEFAULT_EAGER_THRESHOLD_BYTES = 128_000;

  /** Shared-memory latency between ranks on one node: 0.5 µs (<b>assumption</b>). */
  public static final long DEFAULT_SHARED_MEMORY_LATENCY_PS = SimTime.us(0.5);

  /** Shared-memory copy rate: 2 GB/s (<b>assumption</b>). */
  public static final double DEFAULT_SHARED_MEMORY_BANDWIDTH = 2.0e9;

  /** Validates. */
  public SeastarParams {
    if (hopLatencyPs <= 0) {
      throw new IllegalArgumentException("hop latency must be > 0 ps, was " + hopLatencyPs);
    }
    positive("link bandwidth", linkBandwidthBytesPerSecond);
    positive("NIC bandwidth", nicBandwidthBytesPerSecond);
    positive("HyperTransport bandwidth", hyperTransportBytesPerSecond);
    positive("shared-memory bandwidth", sharedMemoryBytesPerSecond);
    if (nicSendProcessingPs < 0
        || nicReceiveProcessingPs < 0
        || hostSendOverheadPs < 0
        || hostReceiveOverheadPs < 0
        || hostInterruptPs < 0
        || sharedMemoryLatencyPs < 0
        || eagerThresholdBytes < 0) {
      throw new IllegalArgumentException("SeaStar costs and thresholds must be >= 0");
    }
    if (packetBytes <= 0 || packetBytes >= (1 << 24)) {
      throw new IllegalArgumentException(
          "packet size must be in [1, 2^24) bytes, was " + packetBytes);
    }
    if (switching == null) {
      throw new IllegalArgumentException("switching must be given");
    }
  }

  private static void positive(String what, double bytesPerSecond) {
    if (!(bytesPerSecond > 0) || Double.isInfinite(bytesPerSecond)) {
      throw new IllegalArgumentException(what + " must be > 0 B/s, was " + bytesPerSecond);
    }
  }

  /** SeaStar 1.2 (Red Storm 2005/2006): the defaults above. */
  public static SeastarParams seastar() {
    return new SeastarParams(
        DEFAULT_HOP_LATENCY_PS,
        DEFAULT_LINK_BANDWIDTH,
        SEASTAR_NIC_BANDWIDTH,
        DEFAULT_HYPERTRANSPORT_BANDWIDTH,
        DEFAULT_NIC_SEND_PROCESSING_PS,
        DEFAULT_NIC_RECEIVE_PROCESSING_PS,
        DEFAULT_HOST_SEND_OVERHEAD_PS,
        DEFAULT_HOST_RECEIVE_OVERHEAD_PS,
        DEFAULT_HOST_INTERRUPT_PS,
        DEFAULT_PACKET_BYTES,
        Switching.CUT_THROUGH,
        DEFAULT_EAGER_THRESHOLD_BYTES,
        DEFAULT_SHARED_MEMORY_LATENCY_PS,
        DEFAULT_SHARED_MEMORY_BANDWIDTH,
        true);
  }

  /** SeaStar 2.1: the NIC sustains 2.0 GB/s, router links unchanged. */
  public static SeastarParams seastar2() {
    return seastar().withNicBandwidth(SEASTAR2_NIC_BANDWIDTH);
  }

  /** Injection and ejection rate: the lower of the NIC and HyperTransport rates. */
  public double injectionBytesPerSecond() {
    return Math.min(nicBandwidthBytesPerSecond, hyperTransportBytesPerSecond);
  }

  /** Host time to receive one message natively: interrupt plus MPI receive overhead. */
  public long hostReceivePs() {
    return hostInterruptPs + hostReceiveOverheadPs;
  }

  /** A copy with another hop latency. */
  public SeastarParams withHopLatencyPs(long v) {
    return new Builder(this).hopLatencyPs(v).build();
  }

  /** A copy with another link bandwidth. */
  public SeastarParams withLinkBandwidth(double v) {
    return new Builder(this).linkBandwidth(v).build();
  }

  /** A copy with another NIC bandwidth. */
  public SeastarParams withNicBandwidth(double v) {
    return new Builder(this).nicBandwidth(v).build();
  }

  /** A copy with another packet size. */
  public SeastarParams withPacketBytes(int v) {
    return new Builder(this).packetBytes(v).build();
  }

  /** A copy with another switching mode. */
  public SeastarParams withSwitching(Switching v) {
    return new Builder(this).switching(v).build();
  }

  /** A copy with another eager threshold. */
  public SeastarParams withEagerThresholdBytes(long v) {
    return new Builder(this).eagerThresholdBytes(v).build();
  }

  /** A copy with link contention modelled or not. */
  public SeastarParams withLinkContention(boolean v) {
    return new Builder(this).linkContention(v).build();
  }

  /** Copies the parameters, changes some, builds a new record. */
  private static final class Builder {
    private long hopLatencyPs;
    private double linkBandwidth;
    private double nicBandwidth;
    private final double hyperTransport;
    private final long nicSend;
    private final long nicReceive;
    private final long hostSend;
    private final long hostReceive;
    private final long hostInterrupt;
    private int packetBytes;
    private Switching switching;
    private long eagerThresholdBytes;
    private final long sharedMemoryLatency;
    private final double sharedMemoryBandwidth;
    private boolean linkContention;

    Builder(SeastarParams p) {
      hopLatencyPs = p.hopLatencyPs;
      linkBandwidth = p.linkBandwidthBytesPerSecond;
      nicBandwidth = p.nicBandwidthBytesPerSecond;
      hyperTransport = p.hyperTransportBytesPerSecond;
      nicSend = p.nicSendProcessingPs;
      nicReceive = p.nicReceiveProcessingPs;
      hostSend = p.hostSendOverheadPs;
      hostReceive = p.hostReceiveOverheadPs;
      hostInterrupt = p.hostInterruptPs;
      packetBytes = p.packetBytes;
      switching = p.switching;
      eagerThresholdBytes = p.eagerThresholdBytes;
      sharedMemoryLatency = p.sharedMemoryLatencyPs;
      sharedMemoryBandwidth = p.sharedMemoryBytesPerSecond;
      linkContention = p.linkContention;
    }

    Builder hopLatencyPs(long v) {
      hopLatencyPs = v;
      return this;
    }

    Builder linkBandwidth(double v) {
      linkBandwidth = v;
      return this;
    }

    Builder nicBandwidth(double v) {
      nicBandwidth = v;
      return this;
    }

    Builder packetBytes(int v) {
      packetBytes = v;
      return this;
    }

    Builder switching(Switching v) {
      switching = v;
      return this;
    }

    Builder eagerThresholdBytes(long v) {
      eagerThresholdBytes = v;
      return this;
    }

    Builder linkContention(boolean v) {
      linkContention = v;
      return this;
    }

    SeastarParams build() {
      return new SeastarParams(
          hopLatencyPs,
          linkBandwidth,
          nicBandwidth,
          hyperTransport,
          nicSend,
          nicReceive,
          hostSend,
          hostReceive,
          hostInterrupt,
          packetBytes,
          switching,
          eagerThresholdBytes,
          sharedMemoryLatency,
          sharedMemoryBandwidth,
          linkContention);
    }
  }
}
