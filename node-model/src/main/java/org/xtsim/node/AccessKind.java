package org.xtsim.node;

/** The shape of a compute phase's memory references. */
public enum AccessKind {
  /** A unit-stride sweep over the footprint, 8-byte elements. */
  SEQUENTIAL,
  /** A sweep with a fixed stride (bytes) over the footprint, wrapping. */
  STRIDED,
  /** A 7-point 3-D stencil sweep over a cubic grid of 8-byte values filling the footprint. */
  STENCIL,
  /** Uniformly random 8-byte references over the footprint. */
  RANDOM;

  /** Parses a lower-case name ({@code sequential}, {@code strided}, {@code stencil}, ...). */
  public static AccessKind parse(String text) {
    for (AccessKind k : values()) {
      if (k.name().equalsIgnoreCase(text.trim())) {
        return k;
      }
    }
    throw new IllegalArgumentException(
        "pattern must be one of sequential, strided, stencil, random, was '" + text + "'");
  }
}
