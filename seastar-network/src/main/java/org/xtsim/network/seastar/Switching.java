package org.xtsim.network.seastar;

/** How a router forwards a packet. */
public enum Switching {
  /** Virtual cut-through: a packet leaves as soon as its head has arrived and the port is free. */
  CUT_THROUGH,
  /** Store and forward: a packet leaves only once it has been received whole. */
  STORE_AND_FORWARD
}
