package org.xtsim.experiments.registry;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Today's known keys and values, before the model modules declare their own: the virtualization
 * modes, guests, preemption policies, NIC modes, machine presets, networks and topologies of the
 * Red Storm study (see {@code shared/reference/parameters.md}), and the workloads of issue 5.
 *
 * <p>Workload parameters here are <b>provisional</b>: the workloads module owns them and replaces
 * these declarations (through {@link ModelRegistry#toBuilder()}) when it lands. Optional keys
 * without a default mean "the model's own documented default".
 */
final class DefaultModelRegistry {
  static final ModelRegistry REGISTRY = build();

  private DefaultModelRegistry() {}

  private static ModelRegistry build() {
    ModelRegistry.Builder b = ModelRegistry.builder();
    b.configurationKey(
            "vmm",
            ValueDomain.choice("native", "nested", "shadow", "shadow-cached", "swapbypass")
                .withDefault("native")
                .describedAs(
                    "virtualization: native (no VMM), Palacios nested paging, shadow paging"
                        + " (virtual TLB), shadow with shadow-page cache, shadow with SwapBypass"))
        .configurationKey(
            "guest",
            ValueDomain.choice("catamount", "cnl", "kitten")
                .withDefault("catamount")
                .describedAs("guest (or native) OS: Catamount, Compute Node Linux, Kitten"))
        .configurationKey(
            "large_pages",
            ValueDomain.bool()
                .withDefault(false)
                .describedAs("back guest memory with large pages (size: large_page_size)"))
        .configurationKey(
            "large_page_size",
            ValueDomain.choice("2m", "1g").withDefault("2m").describedAs("large page size"))
        .configurationKey(
            "preemption",
            ValueDomain.choice("controlled", "uncontrolled", "none")
                .withDefault("none")
                .describedAs("host preemption of the guest: controlled, uncontrolled, none"))
        .configurationKey(
            "preemption_hz",
            ValueDomain.decimal(0.001, 1e6)
                .describedAs("host scheduler rate in Hz (model default: Palacios 100 Hz)"))
        .configurationKey(
            "nic",
            ValueDomain.choice("passthrough", "emulated")
                .withDefault("passthrough")
                .describedAs("SeaStar mapped into the guest (passthrough) or emulated by the VMM"))
        .configurationKey(
            "exit_cost_cycles",
            ValueDomain.integer(0, 10_000_000)
                .describedAs("direct cost of one VM exit and re-entry, cycles (model default)"))
        .configurationKey(
            "noise_pct",
            ValueDomain.decimal(0, 99)
                .withDefault(0.0)
                .describedAs("net injected OS noise, percent of CPU time"))
        .configurationKey(
            "noise_frequency_hz",
            ValueDomain.decimal(1e-3, 1e6)
                .describedAs("frequency of noise events; duration = noise_pct / 100 / frequency"));
    b.machineKey(
            "preset",
            ValueDomain.choice("xt3", "xt3-dual", "xt4")
                .withDefault("xt4")
                .describedAs("node hardware preset"))
        .machineKey(
            "network",
            ValueDomain.choice("seastar", "loggp")
                .withDefault("seastar")
                .describedAs("network model: cycle-level SeaStar or analytic LogGP"))
        .machineKey(
            "topology",
            ValueDomain.choiceOrPattern(
                    "(torus-)?[1-9][0-9]*x[1-9][0-9]*x[1-9][0-9]*",
                    "mesh dimensions XxYxZ such as 8x8x8, or a torus torus-XxYxZ",
                    "redstorm",
                    "redstorm-2005",
                    "auto")
                .withDefault("redstorm")
                .describedAs(
                    "Red Storm after 2006 (27x20x24 mesh), Red Storm 2005, explicit mesh XxYxZ"
                        + " or torus torus-XxYxZ, or auto: Red Storm when the job fits on it,"
                        + " else the smallest near-cubic torus that holds it"))
        .machineKey(
            "link_contention",
            ValueDomain.bool()
                .describedAs(
                    "SeaStar: packets move router by router and share links (true, the model's"
                        + " default), or reach their destination with idle-link timing, one event"
                        + " per packet (false: faster)"))
        .machineKey(
            "packet_bytes",
            ValueDomain.integer(64, 1 << 20)
                .describedAs("SeaStar: bytes per packet (model default: 4 KiB)"))
        .machineKey(
            "collective_timing",
            ValueDomain.choice("messages", "dataflow")
                .describedAs(
                    "messages (the default): every message of every collective is simulated (receipt interrupts"
                        + " a computing rank); dataflow: small allreduces and barriers are timed"
                        + " round by round in one pass once every rank has entered, with the same"
                        + " per-message costs but taken in round order while the rank is in the"
                        + " collective (needs link_contention=false; far fewer events at scale)"));
    workloads(b);
    return b.build();
  }

  private static void workloads(ModelRegistry.Builder b) {
    ValueDomain edge = ValueDomain.integer(1, 10_000);
    ValueDomain steps = ValueDomain.integer(1, 1_000_000);
    b.workload(
        def(
            "hpccg",
            "Mantevo HPCCG conjugate gradient, 150 iterations, 1-D decomposition in z",
            Map.of(
                "nx", edge.withDefault(100L).describedAs("local grid points in x"),
                "ny", edge.withDefault(100L).describedAs("local grid points in y"),
                "nz", edge.withDefault(100L).describedAs("local grid points in z"))));
    b.workload(
        def(
            "cth",
            "CTH-like shock physics proxy: 3-D decomposition, 6-neighbour face exchange",
            Map.of(
                "nx", edge.withDefault(64L).describedAs("cells per rank in x"),
                "ny", edge.withDefault(64L).describedAs("cells per rank in y"),
                "nz", edge.withDefault(64L).describedAs("cells per rank in z"),
                "time_steps", steps.withDefault(50L).describedAs("time steps"))));
    b.workload(
        def(
            "sage",
            "Sage-like adaptive-mesh hydro proxy: irregular gather/scatter, allreduces",
            Map.of(
                "cells_per_rank",
                ValueDomain.integer(1, 100_000_000)
                    .withDefault(20_000L)
                    .describedAs("cells per rank"),
                "time_steps",
                steps.withDefault(50L).describedAs("time steps"))));
    b.workload(
        def(
            "imb",
            "Intel MPI Benchmarks: PingPong, Allreduce, Barrier, Bcast, Alltoall",
            Map.of(
                "benchmark",
                ValueDomain.choice("pingpong", "allreduce", "barrier", "bcast", "alltoall")
                    .withDefault("pingpong")
                    .describedAs("which IMB benchmark"),
                "message_bytes",
                ValueDomain.integerList(0, 1L << 30)
                    .withDefault(List.of(0L, 8L, 1024L, 65_536L, 1_048_576L))
                    .describedAs("message sizes in bytes"),
                "repetitions",
                steps.withDefault(100L).describedAs("repetitions per size"))));
    b.workload(
        def(
            "fwq",
            "fixed work quanta: time to do a fixed amount of work, repeatedly",
            Map.of(
                "work_us",
                    ValueDomain.decimal(0.001, 1e9)
                        .withDefault(1000.0)
                        .describedAs("work per quantum in microseconds of undisturbed CPU"),
                "samples", steps.withDefault(10_000L).describedAs("quanta"))));
    b.workload(
        def(
            "ftq",
            "fixed time quanta: work done in each fixed time quantum",
            Map.of(
                "quantum_us",
                    ValueDomain.decimal(0.001, 1e9)
                        .withDefault(1000.0)
                        .describedAs("quantum length in microseconds"),
                "samples", steps.withDefault(10_000L).describedAs("quanta"))));
    b.workload(
        def(
            "memory-pressure",
            "working set larger than guest memory: paging and swap (for SwapBypass)",
            Map.of(
                "working_set_mib",
                ValueDomain.integer(1, 1L << 20)
                    .withDefault(3072L)
                    .describedAs("working set in MiB"),
                "guest_memory_mib",
                ValueDomain.integer(1, 1L << 20)
                    .withDefault(2048L)
                    .describedAs("guest physical memory in MiB"),
                "page_table_updates_per_s",
                ValueDomain.decimal(0, 1e9)
                    .withDefault(0.0)
                    .describedAs("guest page-table updates (mmap/munmap, CR3 writes) per second"),
                "passes",
                steps.withDefault(10L).describedAs("passes over the working set"))));
  }

  private static WorkloadDefinition def(
      String name, String description, Map<String, ValueDomain> params) {
    // Map.of has no order: document parameters alphabetically.
    Map<String, ValueDomain> sorted = new LinkedHashMap<>();
    params.keySet().stream().sorted().forEach(k -> sorted.put(k, params.get(k)));
    return new WorkloadDefinition(name, description, sorted);
  }
}
