/**
 * PHOLD (Fujimoto 1990), the standard benchmark of a discrete-event engine, with the semantics of
 * ROSS's {@code models/phold}: stateless logical processes, one new event per event at {@code now +
 * lookahead + Exp(mean - lookahead)}, remote destinations uniform over all processes with
 * probability {@code remote}. One PHOLD time unit is {@link
 * org.xtsim.engine.phold.PholdConfig#PS_PER_UNIT} picoseconds (one microsecond).
 */
package org.xtsim.engine.phold;
