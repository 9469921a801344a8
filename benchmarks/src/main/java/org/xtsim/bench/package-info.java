/**
 * JMH micro-benchmarks of the event core: the event queue and the cross-thread exchange. Build and
 * run with {@code scripts/bench-jmh} (see the README).
 */
package org.xtsim.bench;
