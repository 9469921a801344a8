package org.xtsim.network.mpi;

/**
 * Per-rank MPI state, one primitive array per field, indexed by rank. Each element is touched only
 * in events of the rank's node, so the table is shared by all threads without locks. About 84 bytes
 * per rank.
 */
final class RankTable {
  static final byte READY = 0;
  static final byte COMPUTING = 1;
  static final byte WAITING = 2;
  static final byte IN_COLLECTIVE = 3;
  static final byte DONE = 4;
  static final byte IN_DATAFLOW = 5;

  final int size;
  final int[] node;
  final byte[] state;

  /** When the rank's CPU has finished its MPI overheads so far. */
  final long[] cpuFreePs;

  /** CPU time taken by message receipts while the rank computes; extends the computation. */
  final long[] stolenPs;

  /** Latest completion among the requests being waited for. */
  final long[] resumePs;

  /** Requests being waited for that have not completed. */
  final int[] pending;

  /** Head of the list of user requests not yet waited for (pool index, -1 = none). */
  final int[] activeHead;

  final int[] postedHead;
  final int[] postedTail;
  final int[] unexpectedHead;
  final int[] unexpectedTail;
  final byte[] collAlgorithm;
  final int[] collStep;
  final int[] collRoot;
  final long[] collBytes;
  final long[] collReduceBytes;
  final long[] finishPs;

  /**
   * Messages the rank has sent less messages delivered to it; summed over all ranks, zero when no
   * message is in flight between ranks that are all blocked.
   */
  final int[] messageBalance;

  RankTable(int[] rankToNode) {
    size = rankToNode.length;
    node = rankToNode;
    state = new byte[size];
    cpuFreePs = new long[size];
    stolenPs = new long[size];
    resumePs = new long[size];
    pending = new int[size];
    activeHead = filled(size);
    postedHead = filled(size);
    postedTail = filled(size);
    unexpectedHead = filled(size);
    unexpectedTail = filled(size);
    collAlgorithm = new byte[size];
    collStep = new int[size];
    collRoot = new int[size];
    collBytes = new long[size];
    collReduceBytes = new long[size];
    finishPs = new long[size];
    messageBalance = new int[size];
  }

  private static int[] filled(int n) {
    int[] a = new int[n];
    java.util.Arrays.fill(a, -1);
    return a;
  }
}
