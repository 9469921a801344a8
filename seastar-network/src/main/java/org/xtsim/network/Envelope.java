package org.xtsim.network;

/**
 * A message header packed into one {@code long}, so that network events carry it without
 * allocating: destination rank (24 bits), source rank (24 bits), protocol kind (2 bits) and a
 * last-segment flag used by packetised backends.
 *
 * <p>The second word of a message, its payload, is the MPI layer's business: the network carries it
 * unchanged. Its low 32 bits hold the message's byte count for kinds that carry data ({@link
 * #EAGER}, {@link #DATA}).
 */
public final class Envelope {
  /** Eager message: data sent without asking; payload = tag (high 32) | bytes (low 32). */
  public static final int EAGER = 0;

  /** Rendezvous request to send; payload = tag (high 32) | sender request (low 32). */
  public static final int RTS = 1;

  /** Rendezvous clear to send; payload = sender request (high 32) | receiver request (low 32). */
  public static final int CTS = 2;

  /** Rendezvous data; payload = receiver request (high 32) | bytes (low 32). */
  public static final int DATA = 3;

  /** Largest rank (exclusive) a header can name. */
  public static final int MAX_RANKS = 1 << 24;

  private static final long RANK_MASK = MAX_RANKS - 1;
  private static final long LAST = 1L << 50;

  private Envelope() {}

  /** Packs a header. */
  public static long header(int destRank, int sourceRank, int kind) {
    return destRank | ((long) sourceRank << 24) | ((long) kind << 48);
  }

  /** The destination rank. */
  public static int destRank(long header) {
    return (int) (header & RANK_MASK);
  }

  /** The source rank. */
  public static int sourceRank(long header) {
    return (int) ((header >>> 24) & RANK_MASK);
  }

  /** The protocol kind ({@link #EAGER}, {@link #RTS}, {@link #CTS} or {@link #DATA}). */
  public static int kind(long header) {
    return (int) ((header >>> 48) & 3);
  }

  /** The header with the last-segment flag set. */
  public static long withLast(long header) {
    return header | LAST;
  }

  /** The header without the last-segment flag. */
  public static long withoutLast(long header) {
    return header & ~LAST;
  }

  /** Whether the last-segment flag is set. */
  public static boolean isLast(long header) {
    return (header & LAST) != 0;
  }

  /** Packs two 32-bit halves into a payload. */
  public static long payload(long high, long low) {
    return (high << 32) | (low & 0xFFFF_FFFFL);
  }

  /** The high 32 bits of a payload, as a signed int. */
  public static int high(long payload) {
    return (int) (payload >> 32);
  }

  /** The low 32 bits of a payload, unsigned. */
  public static long low(long payload) {
    return payload & 0xFFFF_FFFFL;
  }

  /** Bytes of data a message carries (zero for control messages). */
  public static long bytes(long header, long payload) {
    int kind = kind(header);
    return kind == EAGER || kind == DATA ? low(payload) : 0;
  }
}
