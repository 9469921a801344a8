/**
 * The engine's machinery, not part of the API: models never see it.
 *
 * <pre>
 *  partition 0 (thread 0)                    partition 1 (thread 1)
 *  ┌──────────────────────┐   ring 0→1      ┌──────────────────────┐
 *  │ EventQueue (heap)    │ ──────────────► │ EventQueue (heap)    │
 *  │ components 0..k-1    │ ◄────────────── │ components k..n-1    │
 *  └──────────────────────┘   ring 1→0      └──────────────────────┘
 *            └──────── WindowBarrier (min-reduction) ────────┘
 * </pre>
 *
 * <p>Each {@link org.xtsim.engine.internal.Partition} owns a block of components and a priority
 * queue of their pending events, ordered by (time, source id, source sequence). Windows are
 * conservative: a window starts at the earliest pending event anywhere (skip-ahead) and is one
 * lookahead wide, so no event sent inside it can land inside it on another partition. Events for
 * another partition go through a single-producer LMAX Disruptor ring per ordered pair of
 * partitions, copied into preallocated slots by a translator. At the window's end every worker
 * reports the smallest time it still holds or has sent, one barrier reduces those to the next
 * window's start, and each worker drains its inbound rings into its queue.
 */
package org.xtsim.engine.internal;
