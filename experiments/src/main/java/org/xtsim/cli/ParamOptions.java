package org.xtsim.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.xtsim.params.Param;
import org.xtsim.params.ParamValues;
import picocli.CommandLine.Model.ArgGroupSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Command-line options that are declared model parameters: {@code --link-contention} is the key
 * {@code link_contention} of an experiment file, with its help text, allowed values and default
 * taken from the {@link Param} declaration and its value parsed by it. A command and an experiment
 * file therefore take the same words, units and defaults, and a default changes in one place.
 *
 * <p>A command adds the options to its model in a {@code modelTransformer} ({@link #addTo}): they
 * appear in {@code --help} as a section of their own, under a heading that says which part of an
 * experiment file they are. It reads them back as {@link ParamValues} ({@link #values}).
 */
final class ParamOptions {
  /** Longest list of choices written out as the option's label ({@code seastar|loggp}). */
  private static final int MAX_CHOICE_LABEL = 30;

  private final String heading;
  private final int order;
  private final List<Param> params;

  /**
   * Options for {@code params}, in that order.
   *
   * @param heading the help section's heading, e.g. "Machine (as under machine: in a file):"
   * @param order where the section goes among the command's sections (lower first)
   * @param params the declarations
   */
  ParamOptions(String heading, int order, List<Param> params) {
    Param.keys(params); // fails on a key declared twice
    this.heading = heading;
    this.order = order;
    this.params = List.copyOf(params);
  }

  /** The option of {@code param}: its key with dashes, {@code --packet-bytes} for packet_bytes. */
  static String optionName(Param param) {
    return "--" + param.key().replace('_', '-');
  }

  /** Adds one option per declaration to {@code spec}, in a help section of their own. */
  CommandSpec addTo(CommandSpec spec) {
    ArgGroupSpec.Builder group =
        ArgGroupSpec.builder()
            .heading(heading + "%n")
            .exclusive(false)
            .multiplicity("0..1")
            .validate(false)
            .order(order);
    for (Param p : params) {
      group.addArg(
          OptionSpec.builder(optionName(p))
              .paramLabel(label(p))
              .type(String.class)
              .arity("1")
              .description(description(p))
              .build());
    }
    spec.addArgGroup(group.build());
    return spec;
  }

  /**
   * The help text of {@code param}'s option: its meaning, what is allowed and the default, all from
   * the declaration.
   */
  static String description(Param param) {
    String text =
        capitalized(param.meaning())
            + ". Allowed: "
            + param.allowed()
            + " (default: "
            + param.defaultText()
            + ").";
    return text.replace("%", "%%"); // picocli reads descriptions as format strings
  }

  private static String capitalized(String s) {
    return s.isEmpty() ? s : s.substring(0, 1).toUpperCase(Locale.ROOT) + s.substring(1);
  }

  private static String label(Param param) {
    String choices =
        switch (param.kind()) {
          case BOOLEAN -> "true|false";
          case CHOICE -> String.join("|", param.choices());
          default -> null;
        };
    if (choices != null && choices.length() <= MAX_CHOICE_LABEL) {
      return choices;
    }
    return switch (param.kind()) {
      case INTEGER, DECIMAL -> param.typeName().toUpperCase(Locale.ROOT);
      default -> param.key().toUpperCase(Locale.ROOT);
    };
  }

  /**
   * The values of the declarations: each option given, parsed by its declaration; the declared
   * default for the rest.
   *
   * @throws IllegalArgumentException naming the option, what was given and what is allowed
   */
  ParamValues values(CommandSpec spec) {
    return values(spec, params);
  }

  /**
   * The values of {@code declared}, a superset of these options' declarations: the options given,
   * parsed by their declarations, and the declared default of every other parameter, for a model
   * that reads parameters the command does not offer (e.g. the VMM's preemption, which a probe of
   * the TLBs does not simulate).
   *
   * @throws IllegalArgumentException naming the option, what was given and what is allowed
   */
  ParamValues values(CommandSpec spec, List<Param> declared) {
    Map<String, Object> given = new LinkedHashMap<>();
    for (Param p : params) {
      String raw = spec.findOption(optionName(p)).getValue();
      if (raw != null) {
        try {
          given.put(p.key(), p.parse(raw));
        } catch (IllegalArgumentException e) {
          throw new IllegalArgumentException(optionName(p) + ": " + e.getMessage(), e);
        }
      }
    }
    return ParamValues.of(declared, given);
  }

  /** Whether the option of {@code param} was given on the command line. */
  static boolean given(CommandSpec spec, Param param) {
    return spec.findOption(optionName(param)).getValue() != null;
  }
}
