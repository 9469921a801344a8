package org.xtsim.experiments.shard;

import java.util.Locale;

/**
 * One shard of a sweep split into {@code count}: {@code index} runs from 1 to {@code count}, as
 * Slurm numbers the tasks of an array submitted with {@code --array=1-N}.
 *
 * @param index which shard, 1 to {@code count}
 * @param count how many shards the sweep is split into
 */
public record Shard(int index, int count) {
  /** The most shards a sweep may be split into (Slurm's default MaxArraySize is 1,001). */
  public static final int MAX_COUNT = 10_000;

  /** Checks the numbers. */
  public Shard {
    if (count < 1 || count > MAX_COUNT) {
      throw new IllegalArgumentException(
          "shard count " + count + " is out of range; allowed: 1 to " + MAX_COUNT);
    }
    if (index < 1 || index > count) {
      throw new IllegalArgumentException(
          "shard " + index + "/" + count + ": the index must be 1 to " + count);
    }
  }

  /**
   * Parses {@code I/N}, e.g. {@code 3/8}.
   *
   * @param option the option's name, for the message
   */
  public static Shard parse(String option, String text) {
    String t = text.trim();
    int slash = t.indexOf('/');
    if (slash < 0) {
      throw new IllegalArgumentException(
          option + ": '" + text + "' is not a shard; write I/N, e.g. 3/8 (shard 3 of 8)");
    }
    int i;
    int n;
    try {
      i = Integer.parseInt(t.substring(0, slash).trim());
      n = Integer.parseInt(t.substring(slash + 1).trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          option + ": '" + text + "' is not a shard; write I/N with whole numbers, e.g. 3/8");
    }
    try {
      return new Shard(i, n);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(option + ": " + e.getMessage());
    }
  }

  /** {@code I/N}. */
  @Override
  public String toString() {
    return index + "/" + count;
  }

  /** The name of the shard's folder in a cluster run: {@code shard-3-of-8}. */
  public String folderName() {
    return String.format(Locale.ROOT, "shard-%d-of-%d", index, count);
  }
}
