/**
 * Proxies of the Sandia production codes of the Red Storm virtualization study: a CTH-like
 * structured shock-physics code and a Sage-like adaptive-mesh hydrodynamics code; and a POP-like
 * ocean model, the application most sensitive to OS noise in Ferreira et al.'s SC08 study.
 */
package org.xtsim.workloads.proxies;
