package org.xtsim.network.loggp;

import org.xtsim.engine.Context;
import org.xtsim.engine.Event;
import org.xtsim.engine.Partitioner;
import org.xtsim.engine.SimulationBuilder;
import org.xtsim.network.MessageSink;
import org.xtsim.network.NetworkModel;

/**
 * The LogGOPS rules of LogGOPSim, per message of s bytes from host a to host b:
 *
 * <pre>
 *   send    start t = max(ready, cpu[a], nicSend[a]);  cpu[a] = t + o + (s−1)·O;
 *           nicSend[a] = t + g + (s−1)·G;               arrives at b at t + o + L + (s−1)·G
 *   receive start r = max(arrival, cpu[b], nicRecv[b]); cpu[b] = r + o + (s−1)·O;
 *           nicRecv[b] = r + g + (s−1)·G;               done at cpu[b]
 * </pre>
 *
 * The CPU part ({@code cpu[]}) is the MPI layer's per-rank clock; this class keeps the NIC gaps per
 * node and moves each message with one event. Extra host time from {@link
 * org.xtsim.network.NicCosts} delays the hand-off by the same amount.
 */
public final class LogGopsNetwork implements NetworkModel {
  /** A message reaches its destination. */
  static final int ARRIVE = FIRST_EVENT_TYPE;

  private final LogGopsParams params;
  private final int nodes;
  private final long[] nicSendFreePs;
  private final long[] nicReceiveFreePs;

  /** A backend for {@code nodes} nodes. */
  public LogGopsNetwork(LogGopsParams params, int nodes) {
    this.params = params;
    this.nodes = nodes;
    this.nicSendFreePs = new long[nodes];
    this.nicReceiveFreePs = new long[nodes];
  }

  @Override
  public int nodes() {
    return nodes;
  }

  @Override
  public void declare(SimulationBuilder builder) {
    builder.connectAll(params.latencyPs());
  }

  @Override
  public Partitioner partitioner() {
    return Partitioner.blocks();
  }

  @Override
  public long eagerThresholdBytes() {
    return params.eagerThresholdBytes();
  }

  @Override
  public long sendOverheadPs(long bytes) {
    return params.cpuPs(bytes);
  }

  @Override
  public long receiveOverheadPs(long bytes) {
    return params.cpuPs(bytes);
  }

  @Override
  public long sendGatePs(int node, long earliestPs, long bytes) {
    long start = Math.max(earliestPs, nicSendFreePs[node]);
    nicSendFreePs[node] = start + params.nicPs(bytes);
    return start;
  }

  @Override
  public long receiveGatePs(int node, long earliestPs, long bytes) {
    long start = Math.max(earliestPs, nicReceiveFreePs[node]);
    nicReceiveFreePs[node] = start + params.nicPs(bytes);
    return start;
  }

  @Override
  public long transmit(
      Context ctx,
      int sourceNode,
      int destNode,
      long startPs,
      long readyPs,
      long bytes,
      long header,
      long payload) {
    // Arrival = start + o + L + (s-1)G: the per-byte CPU part O does not delay the wire.
    long perByteCpu = Math.max(0, bytes - 1) * params.overheadPerBytePs();
    long arrival = readyPs - perByteCpu + params.wirePs(bytes);
    ctx.sendTo(destNode, arrival - ctx.nowPs(), ARRIVE, header, payload, 0L);
    return readyPs;
  }

  @Override
  public void onEvent(Event event, Context ctx, MessageSink sink) {
    if (event.type() != ARRIVE) {
      throw new IllegalStateException("LogGOPS backend got event type " + event.type());
    }
    sink.deliver(ctx, event.arg0(), event.arg1(), ctx.nowPs());
  }
}
