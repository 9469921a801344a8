package org.xtsim.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * Checks where a command will write before it writes anything, so that bad output paths get one
 * line naming the option and what is allowed (exit status 2) and the file system stays as it was. A
 * folder passes when it is an existing folder, or when it can be created: no part of it is a file,
 * no name in it is longer than a file name may be, and the nearest existing folder above it accepts
 * a new file (tried with an empty temporary file, deleted at once: permissions alone do not tell,
 * e.g. root may "write" to /proc).
 */
final class OutputFolders {
  /**
   * Longest file name, in bytes of UTF-8: NAME_MAX of Linux file systems (ext4, XFS, Btrfs, tmpfs),
   * and within the limits of APFS and NTFS.
   */
  static final int MAX_NAME_BYTES = 255;

  /** A plain file name: no separators, no leading dot or dash, nothing a shell would mangle. */
  private static final Pattern PLAIN_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._+-]*");

  private OutputFolders() {}

  /**
   * Checks an output folder.
   *
   * @param what how the user gave it, for the message, e.g. {@code "--out"}
   * @param dir the folder as given
   * @return {@code dir}
   * @throws IllegalArgumentException naming {@code what}, the problem and what is allowed
   */
  static Path check(String what, Path dir) {
    String shown = dir.toString();
    if (shown.isEmpty()) {
      throw new IllegalArgumentException(
          what
              + ": empty path; allowed: a folder to create or an existing folder, e.g. "
              + what
              + " results/my-run");
    }
    Path absolute = dir.toAbsolutePath().normalize();
    Path existing = absolute;
    while (existing != null && !Files.exists(existing, LinkOption.NOFOLLOW_LINKS)) {
      requireShortName(what, shown, existing.getFileName().toString());
      existing = existing.getParent();
    }
    if (existing == null) {
      throw new IllegalArgumentException(what + " " + shown + ": no existing folder above it");
    }
    if (!Files.isDirectory(existing)) {
      throw new IllegalArgumentException(
          what
              + " "
              + shown
              + ": "
              + (existing.equals(absolute) ? "exists" : existing + " exists")
              + " and is not a folder; allowed: a folder to create or an existing folder");
    }
    requireWritable(what, shown, existing);
    return dir;
  }

  /**
   * Checks a base name of output files ({@code NAME.csv}, {@code NAME.json}, …).
   *
   * @param what the option, e.g. {@code "--name"}
   * @param longestSuffix the longest suffix the command appends, e.g. {@code ".json"}
   * @throws IllegalArgumentException when it is not a plain file name or too long
   */
  static String checkFileName(String what, String name, String longestSuffix) {
    if (!PLAIN_NAME.matcher(name).matches()) {
      throw new IllegalArgumentException(
          what
              + " '"
              + name
              + "': not a plain file name; allowed: letters, digits, . _ + - (starting with a"
              + " letter or digit), no folders");
    }
    int max = MAX_NAME_BYTES - longestSuffix.length();
    if (name.length() > max) {
      throw new IllegalArgumentException(
          what + " '" + abbreviated(name) + "': " + name.length() + " characters; at most " + max);
    }
    return name;
  }

  private static void requireShortName(String what, String shown, String name) {
    int bytes = name.getBytes(StandardCharsets.UTF_8).length;
    if (bytes > MAX_NAME_BYTES) {
      throw new IllegalArgumentException(
          what
              + " "
              + abbreviated(shown)
              + ": a folder name of "
              + bytes
              + " bytes; allowed: names of at most "
              + MAX_NAME_BYTES
              + " bytes (the file system's limit)");
    }
  }

  private static void requireWritable(String what, String shown, Path folder) {
    try {
      Files.delete(Files.createTempFile(folder, ".xtsim-write-check-", ".tmp"));
    } catch (IOException | SecurityException | UnsupportedOperationException e) {
      throw new IllegalArgumentException(
          what
              + " "
              + shown
              + ": cannot write in "
              + folder
              + " ("
              + reason(e)
              + "); allowed: a folder you may write to");
    }
  }

  private static String reason(Exception e) {
    if (e instanceof AccessDeniedException || e instanceof SecurityException) {
      return "permission denied";
    }
    if (e instanceof FileSystemException f && f.getReason() != null) {
      return f.getReason();
    }
    return "the file system takes no new files";
  }

  /** The first 40 characters and the length, for names too long to print. */
  static String abbreviated(String s) {
    return s.length() <= 60 ? s : s.substring(0, 40) + "…(" + s.length() + " characters)";
  }
}
