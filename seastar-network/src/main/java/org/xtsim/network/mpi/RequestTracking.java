package org.xtsim.network.mpi;

import org.xtsim.engine.Context;

/**
 * Request tracking for one engine partition: each rank's list of active user requests (doubly
 * linked through {@link RequestPool}, head in {@link RankTable}) and the rank's current wait (how
 * many requests it still waits for, {@code pending}, and the latest completion time among those
 * done, {@code resumePs}). A wait is over when nothing is pending; the rank then resumes at {@code
 * resumePs}.
 */
final class RequestTracking {
  private final RankTable ranks;
  private final RequestPool pool;

  RequestTracking(RankTable ranks, RequestPool pool) {
    this.ranks = ranks;
    this.pool = pool;
  }

  /**
   * Tracks a new request: a collective's is waited for at once (counted as pending), a user's joins
   * the rank's active list.
   */
  void track(int r, int request, boolean collective) {
    if (collective) {
      pool.waited[request] = true;
      ranks.pending[r]++;
    } else {
      addActive(r, request);
    }
  }

  /** Adds a user request to the front of the active list of {@code r}. */
  void addActive(int r, int request) {
    int head = ranks.activeHead[r];
    pool.activeNext[request] = head;
    pool.activePrev[request] = -1;
    if (head >= 0) {
      pool.activePrev[head] = request;
    }
    ranks.activeHead[r] = request;
  }

  private void removeActive(int r, int request) {
    int prev = pool.activePrev[request];
    int next = pool.activeNext[request];
    if (prev >= 0) {
      pool.activeNext[prev] = next;
    } else {
      ranks.activeHead[r] = next;
    }
    if (next >= 0) {
      pool.activePrev[next] = prev;
    }
  }

  /** Starts a wait of {@code r} at the current time with nothing pending yet. */
  void beginWait(Context ctx, int r) {
    ranks.state[r] = RankTable.WAITING;
    ranks.resumePs[r] = ctx.nowPs();
    ranks.pending[r] = 0;
  }

  /** Adds one user request to the rank's current wait. */
  void waitOn(int r, int request) {
    removeActive(r, request);
    if (pool.status[request] == RequestPool.COMPLETE) {
      ranks.resumePs[r] = Math.max(ranks.resumePs[r], pool.donePs[request]);
      pool.freeRequest(request);
    } else {
      pool.waited[request] = true;
      ranks.pending[r]++;
    }
  }

  /** After a wait was set up: true if it is already over, else arranges to be resumed. */
  boolean waitResolved(Context ctx, int r) {
    if (ranks.pending[r] > 0) {
      return false;
    }
    long now = ctx.nowPs();
    if (ranks.resumePs[r] > now) {
      ctx.schedule(ranks.resumePs[r] - now, PartitionWorker.STEP, r, 0L, 0L);
      return false;
    }
    return true;
  }
}
