package org.xtsim.experiments.run;

import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Command lines as a user can paste them into a POSIX shell. */
public final class Shell {
  private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9_./=:,+@%-]+");

  private Shell() {}

  /** The words joined by spaces, each in single quotes when the shell would change it. */
  public static String quote(List<String> words) {
    return words.stream().map(Shell::quote).collect(Collectors.joining(" "));
  }

  /** {@code word}, or {@code 'word'} (with {@code '\''} for each quote) when it needs quoting. */
  public static String quote(String word) {
    if (SAFE.matcher(word).matches()) {
      return word;
    }
    return "'" + word.replace("'", "'\\''") + "'";
  }
}
