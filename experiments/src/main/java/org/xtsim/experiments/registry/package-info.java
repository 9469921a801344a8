/**
 * What an experiment file may say: the configuration keys, machine keys and workloads (with their
 * parameters) that the model layer accepts, each with its {@link
 * org.xtsim.experiments.registry.ValueDomain} (allowed values, default, description). The validator
 * of experiment files reads only this registry, so it follows the models as they grow; {@link
 * org.xtsim.experiments.registry.ModelRegistry#defaults()} holds today's known values.
 */
package org.xtsim.experiments.registry;
