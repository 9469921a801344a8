/**
 * What an experiment file may say: the configuration keys, machine keys and workloads (with their
 * parameters) that the models declare, each a {@link org.xtsim.params.Param} (type, unit, default,
 * allowed values, meaning, source). {@link org.xtsim.experiments.registry.ModelRegistry#standard()}
 * assembles the models' own declarations; nothing here declares a parameter a second time. The
 * parser, {@code xtsim params} and the README's reference section all read this registry.
 */
package org.xtsim.experiments.registry;
