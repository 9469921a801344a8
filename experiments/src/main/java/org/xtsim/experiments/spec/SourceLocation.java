package org.xtsim.experiments.spec;

import org.yaml.snakeyaml.error.Mark;

/**
 * A place in an experiment file.
 *
 * @param file the file name as given by the user
 * @param line line, from 1
 * @param column column, from 1
 */
public record SourceLocation(String file, int line, int column) {
  /** The location of a SnakeYAML mark (which counts from 0). */
  static SourceLocation of(String file, Mark mark) {
    return new SourceLocation(file, mark.getLine() + 1, mark.getColumn() + 1);
  }

  @Override
  public String toString() {
    return file + ":" + line + ":" + column;
  }
}
