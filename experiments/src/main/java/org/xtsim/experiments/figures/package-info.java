/**
 * Figures drawn with JFreeChart from the result files (so they can be redrawn from a finished run):
 * scaling curves (figure of merit against node count, one series per configuration), overhead
 * against native per configuration, and percentiles of recorded distributions. Each figure is
 * written as PNG and as SVG (org.jfree.svg), atomically, with one shared publication style.
 */
package org.xtsim.experiments.figures;
