package org.xtsim.engine.internal;

/** A preallocated ring-buffer slot carrying one event to another partition. */
final class CrossEvent {
  long timePs;
  long sequence;
  int source;
  int target;
  int type;
  long arg0;
  long arg1;
  long arg2;
}
