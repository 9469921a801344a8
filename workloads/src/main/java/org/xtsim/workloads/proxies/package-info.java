/**
 * Proxies of the Sandia production codes of the Red Storm virtualization study: a CTH-like
 * structured shock-physics code and a Sage-like adaptive-mesh hydrodynamics code.
 */
package org.xtsim.workloads.proxies;
