package org.xtsim.experiments.spec;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * The limits that protect the machine from an experiment file, each a number documented in {@code
 * xtsim run --help} and named in the message when a file passes it. They are checked before
 * anything is allocated for the file's content: its size before it is read, its nesting and aliases
 * while SnakeYAML composes it, its sweep size before a point is expanded.
 */
public final class InputLimits {
  /** Largest experiment file: far above any real study (the main study is 6 KB). */
  public static final long MAX_FILE_BYTES = 1L << 20;

  /** Deepest nesting of mappings and lists (an experiment file needs 4). */
  public static final int MAX_NESTING = 20;

  /** Most aliases ({@code *name}) a file may use for lists and mappings. */
  public static final int MAX_ALIASES = 50;

  /**
   * Most points one file may expand to (workloads × axis values × configurations × replicates):
   * 100,000 points of a few KB of results each; larger sweeps belong in several files.
   */
  public static final long MAX_POINTS = 100_000;

  /**
   * Longest {@code name:} (it names the output folder results/&lt;name&gt;, and most file systems
   * allow 255 bytes per name).
   */
  public static final int MAX_NAME_CHARS = 100;

  private InputLimits() {}

  /** SnakeYAML's loader with these limits. */
  static LoaderOptions loaderOptions() {
    LoaderOptions o = new LoaderOptions();
    o.setMaxAliasesForCollections(MAX_ALIASES);
    o.setNestingDepthLimit(MAX_NESTING);
    o.setCodePointLimit((int) MAX_FILE_BYTES);
    o.setAllowRecursiveKeys(false);
    return o;
  }

  /** What SnakeYAML refused, in the terms of these limits. */
  static String explain(YAMLException e) {
    String m = String.valueOf(e.getMessage());
    if (m.contains("aliases")) {
      return "more than " + MAX_ALIASES + " aliases for lists or mappings (the limit)";
    }
    if (m.contains("Nesting Depth")) {
      return "nested deeper than " + MAX_NESTING + " levels (the limit)";
    }
    if (m.contains("code points")) {
      return "longer than " + MAX_FILE_BYTES + " characters (the limit)";
    }
    return m.lines().findFirst().orElse(m);
  }

  /**
   * {@code bytes} as text.
   *
   * @throws SpecException at the line and column of the first byte that is not UTF-8
   */
  static String utf8Text(String file, byte[] bytes) {
    CharsetDecoder decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    try {
      return decoder.decode(ByteBuffer.wrap(bytes)).toString();
    } catch (CharacterCodingException e) {
      int bad = firstInvalid(bytes);
      int line = 1;
      int column = 1;
      for (int i = 0; i < bad; i++) {
        if (bytes[i] == '\n') {
          line++;
          column = 1;
        } else if ((bytes[i] & 0xC0) != 0x80) {
          column++;
        }
      }
      throw new SpecException(
          new SourceLocation(file, line, column),
          "",
          String.format(
              Locale.ROOT,
              "not UTF-8 text: byte 0x%02X; save the file as UTF-8",
              bytes[Math.min(bad, bytes.length - 1)] & 0xff));
    }
  }

  private static int firstInvalid(byte[] bytes) {
    CharsetDecoder decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes);
    java.nio.CharBuffer out = java.nio.CharBuffer.allocate(bytes.length + 1);
    decoder.decode(in, out, true);
    return in.position();
  }

  /**
   * Refuses NUL and other control characters (tabs, line ends and carriage returns are text).
   *
   * @throws SpecException at the first one
   */
  static void rejectControlCharacters(String file, String text) {
    int line = 1;
    int column = 1;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\n') {
        line++;
        column = 1;
        continue;
      }
      if ((c < 0x20 && c != '\t' && c != '\r') || c == 0x7f || (c >= 0x80 && c < 0xa0)) {
        throw new SpecException(
            new SourceLocation(file, line, column),
            "",
            String.format(Locale.ROOT, "control character U+%04X is not allowed", (int) c));
      }
      column++;
    }
  }
}
