package org.xtsim.engine.internal;

import java.util.Arrays;
import org.xtsim.engine.SimTime;

/**
 * A partition's pending events: a binary min-heap of (time, slot) over a slot pool. Each slot is
 * one 64-byte stride of a {@code long[]} holding the whole event, so reading an event touches one
 * cache line. Ties in time are broken by (source id, source sequence), a key that does not depend
 * on threads. The pool and heap grow by doubling and are reused: steady state allocates nothing.
 *
 * <p>Removal can be deferred: {@link #takeEarliest()} leaves a hole at the root, the next {@link
 * #push} fills it with one sift-down (instead of a sift-down for the removal and a sift-up for the
 * insertion), and {@link #settle()} closes a hole no push filled. Most events schedule exactly one
 * successor, so this halves the heap work of a typical event.
 */
public final class EventQueue {
  static final int STRIDE = 8;
  static final int TIME = 0;
  static final int SEQ = 1;
  static final int SOURCE = 2;
  static final int TARGET = 3;
  static final int TYPE = 4;
  static final int ARG0 = 5;
  static final int ARG1 = 6;
  static final int ARG2 = 7;

  private long[] slots;
  private int[] freeSlots;
  private int freeCount;

  private long[] heapTime;
  private int[] heapSlot;
  private int size;
  private boolean holeAtRoot;
  private long touched;

  /** A queue with room for {@code initialCapacity} events before it first grows. */
  public EventQueue(int initialCapacity) {
    int capacity = Math.max(16, initialCapacity);
    slots = new long[capacity * STRIDE];
    freeSlots = new int[capacity];
    for (int i = 0; i < capacity; i++) {
      freeSlots[i] = capacity - 1 - i;
    }
    freeCount = capacity;
    heapTime = new long[capacity];
    heapSlot = new int[capacity];
  }

  /** Number of pending events. */
  public int size() {
    return size;
  }

  /** True when no event is pending. */
  public boolean isEmpty() {
    return size == 0;
  }

  /** The earliest pending time, or {@link SimTime#NEVER} when empty. */
  public long peekTime() {
    return size == 0 ? SimTime.NEVER : heapTime[0];
  }

  /** Adds an event. */
  public void push(
      long timePs,
      int source,
      long sequence,
      int target,
      int type,
      long arg0,
      long arg1,
      long arg2) {
    if (freeCount == 0) {
      grow();
    }
    int slot = freeSlots[--freeCount];
    long[] s = slots;
    int base = slot * STRIDE;
    s[base + TIME] = timePs;
    s[base + SEQ] = sequence;
    s[base + SOURCE] = source;
    s[base + TARGET] = target;
    s[base + TYPE] = type;
    s[base + ARG0] = arg0;
    s[base + ARG1] = arg1;
    s[base + ARG2] = arg2;
    if (holeAtRoot) {
      holeAtRoot = false;
      siftDown(timePs, slot, size);
    } else {
      siftUp(size++, timePs, slot);
    }
  }

  /**
   * Removes the earliest event, leaving its heap position open for the next {@link #push}; returns
   * its slot. Call {@link #settle()} before the next peek or take.
   */
  public int takeEarliest() {
    holeAtRoot = true;
    return heapSlot[0];
  }

  /**
   * Reads the event that will most likely be taken next (the earlier child of the root, valid after
   * {@link #takeEarliest()}), so that its cache miss overlaps the current event's work instead of
   * stalling the next event. The value read is kept in a field only so that the load cannot be
   * optimized away.
   */
  public void touchLikelyNext() {
    int n = size;
    if (n > 2) {
      int child = heapTime[2] < heapTime[1] ? 2 : 1;
      touched = slots[heapSlot[child] * STRIDE + TARGET];
    }
  }

  /** Closes a hole left by {@link #takeEarliest()} that no push has filled. */
  public void settle() {
    if (holeAtRoot) {
      holeAtRoot = false;
      int last = --size;
      if (last > 0) {
        siftDown(heapTime[last], heapSlot[last], last);
      }
    }
  }

  /**
   * Removes the earliest event and returns its slot; read it with the accessors, then {@link
   * #release} it.
   */
  public int pop() {
    int slot = takeEarliest();
    settle();
    return slot;
  }

  /** Returns a popped slot to the pool. */
  public void release(int slot) {
    freeSlots[freeCount++] = slot;
  }

  long field(int slot, int field) {
    return slots[slot * STRIDE + field];
  }

  /** The slot storage, for callers that read several fields of a popped slot. */
  long[] slots() {
    return slots;
  }

  private boolean before(long time, int slot, long otherTime, int otherSlot) {
    if (time != otherTime) {
      return time < otherTime;
    }
    long[] s = slots;
    long source = s[slot * STRIDE + SOURCE];
    long otherSource = s[otherSlot * STRIDE + SOURCE];
    if (source != otherSource) {
      return source < otherSource;
    }
    return s[slot * STRIDE + SEQ] < s[otherSlot * STRIDE + SEQ];
  }

  private void siftUp(int index, long time, int slot) {
    long[] ht = heapTime;
    int[] hs = heapSlot;
    int i = index;
    while (i > 0) {
      int parent = (i - 1) >>> 1;
      long parentTime = ht[parent];
      if (parentTime < time
          || (parentTime == time && !before(time, slot, parentTime, hs[parent]))) {
        break;
      }
      ht[i] = parentTime;
      hs[i] = hs[parent];
      i = parent;
    }
    ht[i] = time;
    hs[i] = slot;
  }

  private void siftDown(long time, int slot, int n) {
    long[] ht = heapTime;
    int[] hs = heapSlot;
    int i = 0;
    int half = n >>> 1;
    while (i < half) {
      int child = 2 * i + 1;
      long childTime = ht[child];
      int right = child + 1;
      if (right < n) {
        long rightTime = ht[right];
        if (rightTime < childTime
            || (rightTime == childTime && before(rightTime, hs[right], childTime, hs[child]))) {
          child = right;
          childTime = rightTime;
        }
      }
      if (time < childTime || (time == childTime && before(time, slot, childTime, hs[child]))) {
        break;
      }
      ht[i] = childTime;
      hs[i] = hs[child];
      i = child;
    }
    ht[i] = time;
    hs[i] = slot;
  }

  private void grow() {
    int capacity = heapSlot.length;
    int newCapacity = Math.multiplyExact(capacity, 2);
    slots = Arrays.copyOf(slots, newCapacity * STRIDE);
    heapTime = Arrays.copyOf(heapTime, newCapacity);
    heapSlot = Arrays.copyOf(heapSlot, newCapacity);
    freeSlots = Arrays.copyOf(freeSlots, newCapacity);
    for (int i = 0; i < newCapacity - capacity; i++) {
      freeSlots[freeCount++] = newCapacity - 1 - i;
    }
  }
}
