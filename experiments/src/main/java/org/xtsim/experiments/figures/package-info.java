/**
 * Figures drawn from the result files (so they can be redrawn from a finished run): scaling curves
 * (figure of merit against node count), overhead against each configuration's baseline, and
 * percentiles of recorded distributions. {@link org.xtsim.experiments.figures.Figures} turns rows
 * into {@code Figure}s (panels of curves), {@code FigureCanvas} lays one out and draws it with
 * JFreeChart plots onto any Graphics2D, and {@code FigureFiles} writes PNG, SVG (JFreeSVG) and PDF
 * (PDFBox with its Graphics2D bridge, fonts embedded) in the {@link
 * org.xtsim.experiments.figures.FigureStyle} asked for.
 */
package org.xtsim.experiments.figures;
