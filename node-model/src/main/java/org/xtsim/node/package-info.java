/**
 * A Cray XT compute node (to be filled by the node-model issue): cores, clock, memory, TLB
 * hierarchy, compute phases turned into cycles, and OS personalities (Catamount, Compute Node
 * Linux, Kitten) with their noise.
 */
package org.xtsim.node;
