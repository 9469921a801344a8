/**
 * The {@code xtsim} command line: one picocli command per job ({@code run}, {@code figures}, {@code
 * imb}, {@code vmm-probe}, {@code phold}, {@code bench scale}, {@code bench threads}), each with
 * {@code --help} describing every option. Bad input is one line naming the option and what is
 * allowed, with exit status 2 ({@code OneLineErrors}); the options that say which job a benchmark
 * runs are shared by the benchmarks ({@code BenchJobOptions}). Options that are model parameters
 * ({@code imb}'s machine, {@code vmm-probe}'s node and VMM) are made from the parameters'
 * declarations ({@code ParamOptions}): the keys of an experiment file, with their values, units,
 * defaults and help text. Commands that print JSON use the writer of {@code manifest.json}.
 */
package org.xtsim.cli;
