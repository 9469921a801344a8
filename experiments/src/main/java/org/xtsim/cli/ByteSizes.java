package org.xtsim.cli;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses sizes such as {@code 1GiB}, {@code 512MiB}, {@code 4KiB}, {@code 64K}, {@code 4096}. */
final class ByteSizes {
  private static final Pattern SIZE = Pattern.compile("(\\d+)\\s*([KMGT]?)(I?B)?");

  private ByteSizes() {}

  /** Bytes in {@code text}; binary units; the message names {@code option}. */
  static long parse(String option, String text) {
    Matcher m = SIZE.matcher(text.trim().toUpperCase(Locale.ROOT));
    if (!m.matches()) {
      throw new IllegalArgumentException(
          option + " must be a size such as 4096, 4KiB, 512MiB, 1GiB, was '" + text + "'");
    }
    long value = Long.parseLong(m.group(1));
    int shift =
        switch (m.group(2)) {
          case "K" -> 10;
          case "M" -> 20;
          case "G" -> 30;
          case "T" -> 40;
          default -> 0;
        };
    if (value > (Long.MAX_VALUE >> shift)) {
      throw new IllegalArgumentException(option + " is too large: '" + text + "'");
    }
    return value << shift;
  }
}
