/**
 * HPCCG (Mantevo): unpreconditioned conjugate gradient on a 27-point stencil, 1-D decomposed in z.
 */
package org.xtsim.workloads.hpccg;
