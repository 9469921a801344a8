package org.xtsim.network.mpi;

/**
 * MPI message matching for one engine partition: each rank's queue of posted receives and queue of
 * unexpected messages (singly linked lists through {@link RequestPool}, heads and tails in {@link
 * RankTable}), and the matching rule between them. It only links and unlinks entries: it schedules
 * nothing and reads no clock, so any progress path (a message arriving, a receive being posted) can
 * call it.
 */
final class MessageMatching {
  private final RankTable ranks;
  private final RequestPool pool;

  MessageMatching(RankTable ranks, RequestPool pool) {
    this.ranks = ranks;
    this.pool = pool;
  }

  /** Whether a receive for ({@code wantSource}, {@code wantTag}) takes a message so labelled. */
  static boolean matches(int wantSource, int wantTag, int source, int tag) {
    return (wantSource == Mpi.ANY_SOURCE || wantSource == source)
        && (wantTag == tag || (wantTag == Mpi.ANY_TAG && tag >= 0));
  }

  /** Finds, unlinks and returns the first posted receive of {@code r} matching; -1 if none. */
  int matchPosted(int r, int source, int tag) {
    int prev = -1;
    for (int q = ranks.postedHead[r]; q >= 0; q = pool.next[q]) {
      if (matches(pool.peer[q], pool.tag[q], source, tag)) {
        int after = pool.next[q];
        if (prev < 0) {
          ranks.postedHead[r] = after;
        } else {
          pool.next[prev] = after;
        }
        if (ranks.postedTail[r] == q) {
          ranks.postedTail[r] = prev;
        }
        pool.next[q] = -1;
        return q;
      }
      prev = q;
    }
    return -1;
  }

  /** Finds, unlinks and returns the first unexpected message of {@code r} matching; -1 if none. */
  int matchUnexpected(int r, int wantSource, int wantTag) {
    int prev = -1;
    for (int m = ranks.unexpectedHead[r]; m >= 0; m = pool.msgNext[m]) {
      if (matches(wantSource, wantTag, pool.msgSource[m], pool.msgTag[m])) {
        int after = pool.msgNext[m];
        if (prev < 0) {
          ranks.unexpectedHead[r] = after;
        } else {
          pool.msgNext[prev] = after;
        }
        if (ranks.unexpectedTail[r] == m) {
          ranks.unexpectedTail[r] = prev;
        }
        return m;
      }
      prev = m;
    }
    return -1;
  }

  /** Appends message {@code m} to the unexpected queue of {@code r}. */
  void enqueueUnexpected(int r, int m) {
    int tail = ranks.unexpectedTail[r];
    if (tail < 0) {
      ranks.unexpectedHead[r] = m;
    } else {
      pool.msgNext[tail] = m;
    }
    ranks.unexpectedTail[r] = m;
  }

  /** Appends receive request {@code q} to the posted queue of {@code r}. */
  void enqueuePosted(int r, int q) {
    int tail = ranks.postedTail[r];
    if (tail < 0) {
      ranks.postedHead[r] = q;
    } else {
      pool.next[tail] = q;
    }
    ranks.postedTail[r] = q;
  }
}
