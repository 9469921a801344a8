/**
 * JMH micro-benchmarks of the event core (the event queue and the cross-thread exchange) and of the
 * cycle-level TLB and page-walk simulator. Build and run with {@code scripts/bench-jmh} (see the
 * README).
 */
package org.xtsim.bench;
