/**
 * How models declare their parameters and how users write values.
 *
 * <p>A model declares each parameter once, as a {@link org.xtsim.params.Param} constant next to the
 * code that uses it: key, type, unit, default, allowed range or choices, meaning and source. The
 * experiments module assembles the declarations into the registry that validates experiment files;
 * {@code xtsim params} and the README's reference section print them. A model reads its values back
 * from a {@link org.xtsim.params.ParamValues} by declaration, never by key string.
 *
 * <pre>
 *   node-model   vmm-model   seastar-network   workloads      (declare Params)
 *         \          |            |             /
 *          experiments: registry, parser, xtsim params         (assemble, validate, document)
 * </pre>
 *
 * <p>{@link org.xtsim.params.Units} is the one unit grammar of files and commands.
 */
package org.xtsim.params;
