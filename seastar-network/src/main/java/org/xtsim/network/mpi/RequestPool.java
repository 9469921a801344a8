package org.xtsim.network.mpi;

import java.util.Arrays;

/**
 * The requests and unexpected messages of one engine partition, in pooled primitive arrays that
 * grow by doubling and are recycled through free lists: steady state allocates nothing. Lists
 * (posted receives, unexpected messages, a rank's active requests) are intrusive, through the
 * {@code next} arrays. Only the partition's thread touches it.
 */
final class RequestPool {
  static final byte SEND = 0;
  static final byte RECV = 1;

  static final byte PENDING = 0;
  static final byte COMPLETE = 1;

  // ---- requests
  byte[] kind;
  byte[] status;
  boolean[] waited;
  boolean[] collective;
  int[] rank;
  int[] peer;
  int[] tag;
  long[] bytes;
  long[] donePs;

  /** Next in the posted-receive queue, or in the free list. */
  int[] next;

  int[] activeNext;
  int[] activePrev;
  private int freeRequest = -1;
  private int requests;

  // ---- unexpected messages
  int[] msgSource;
  int[] msgTag;
  boolean[] msgRendezvous;
  long[] msgReadyPs;

  /** Bytes of an eager message, or the sender's request of a rendezvous one. */
  long[] msgValue;

  int[] msgNext;
  private int freeMessage = -1;
  private int messages;

  RequestPool(int initialCapacity) {
    int n = Math.max(16, initialCapacity);
    kind = new byte[n];
    status = new byte[n];
    waited = new boolean[n];
    collective = new boolean[n];
    rank = new int[n];
    peer = new int[n];
    tag = new int[n];
    bytes = new long[n];
    donePs = new long[n];
    next = new int[n];
    activeNext = new int[n];
    activePrev = new int[n];
    msgSource = new int[n];
    msgTag = new int[n];
    msgRendezvous = new boolean[n];
    msgReadyPs = new long[n];
    msgValue = new long[n];
    msgNext = new int[n];
  }

  int allocRequest(byte k, int r, int p, int t, long b, boolean coll) {
    int id = freeRequest;
    if (id >= 0) {
      freeRequest = next[id];
    } else {
      if (requests == kind.length) {
        growRequests();
      }
      id = requests++;
    }
    kind[id] = k;
    status[id] = PENDING;
    waited[id] = false;
    collective[id] = coll;
    rank[id] = r;
    peer[id] = p;
    tag[id] = t;
    bytes[id] = b;
    donePs[id] = 0;
    next[id] = -1;
    activeNext[id] = -1;
    activePrev[id] = -1;
    return id;
  }

  void freeRequest(int id) {
    next[id] = freeRequest;
    freeRequest = id;
  }

  private void growRequests() {
    int n = kind.length * 2;
    kind = Arrays.copyOf(kind, n);
    status = Arrays.copyOf(status, n);
    waited = Arrays.copyOf(waited, n);
    collective = Arrays.copyOf(collective, n);
    rank = Arrays.copyOf(rank, n);
    peer = Arrays.copyOf(peer, n);
    tag = Arrays.copyOf(tag, n);
    bytes = Arrays.copyOf(bytes, n);
    donePs = Arrays.copyOf(donePs, n);
    next = Arrays.copyOf(next, n);
    activeNext = Arrays.copyOf(activeNext, n);
    activePrev = Arrays.copyOf(activePrev, n);
  }

  int allocMessage(int source, int t, boolean rendezvous, long readyPs, long value) {
    int id = freeMessage;
    if (id >= 0) {
      freeMessage = msgNext[id];
    } else {
      if (messages == msgSource.length) {
        growMessages();
      }
      id = messages++;
    }
    msgSource[id] = source;
    msgTag[id] = t;
    msgRendezvous[id] = rendezvous;
    msgReadyPs[id] = readyPs;
    msgValue[id] = value;
    msgNext[id] = -1;
    return id;
  }

  void freeMessage(int id) {
    msgNext[id] = freeMessage;
    freeMessage = id;
  }

  private void growMessages() {
    int n = msgSource.length * 2;
    msgSource = Arrays.copyOf(msgSource, n);
    msgTag = Arrays.copyOf(msgTag, n);
    msgRendezvous = Arrays.copyOf(msgRendezvous, n);
    msgReadyPs = Arrays.copyOf(msgReadyPs, n);
    msgValue = Arrays.copyOf(msgValue, n);
    msgNext = Arrays.copyOf(msgNext, n);
  }

  /** Requests allocated at the high-water mark (for memory reports). */
  int requestCapacity() {
    return kind.length;
  }
}
