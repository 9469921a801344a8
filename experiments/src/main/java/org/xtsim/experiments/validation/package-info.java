/**
 * {@code xtsim validate}: every published finding the project holds, run as a check of the model
 * with the same parameters for every check ({@link org.xtsim.experiments.validation.Findings}), and
 * the report of what passed and what did not ({@link
 * org.xtsim.experiments.validation.ValidationReport}).
 */
package org.xtsim.experiments.validation;
