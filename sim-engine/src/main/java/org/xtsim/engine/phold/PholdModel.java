package org.xtsim.engine.phold;

import org.xtsim.engine.Context;
import org.xtsim.engine.Event;
import org.xtsim.engine.EventHandler;
import org.xtsim.engine.RandomStream;
import org.xtsim.engine.RunStatistics;
import org.xtsim.engine.Simulation;
import org.xtsim.engine.SimulationBuilder;
import org.xtsim.engine.internal.RandomStreams;

/**
 * The PHOLD model: one handler shared by all processes, state in two primitive arrays. Processing
 * an event draws the delay, then whether it is remote, then (if remote) the destination.
 */
public final class PholdModel implements EventHandler {
  private static final int PHOLD_EVENT = 1;

  private final PholdConfig config;
  private final long lookaheadPs;
  private final double exponentialMeanPs;
  private final long[] handled;
  private final long[] lastEventPs;

  private PholdModel(PholdConfig config) {
    this.config = config;
    this.lookaheadPs = config.lookaheadPs();
    this.exponentialMeanPs = (config.mean() - config.lookahead()) * PholdConfig.PS_PER_UNIT;
    this.handled = new long[config.lps()];
    this.lastEventPs = new long[config.lps()];
  }

  /** Builds and runs PHOLD with {@code config}. */
  public static PholdResult run(PholdConfig config) {
    PholdModel model = new PholdModel(config);
    SimulationBuilder builder =
        Simulation.builder()
            .seed(config.seed())
            .threads(config.threads())
            .endTimePs(config.endPs())
            .connectAll(model.lookaheadPs);
    builder.addComponents(config.lps(), model);
    Simulation simulation = builder.build();
    RunStatistics stats = simulation.run();
    return new PholdResult(config, stats, model.digest(simulation));
  }

  @Override
  public void init(Context ctx) {
    for (int i = 0; i < config.startEvents(); i++) {
      ctx.schedule(nextDelayPs(ctx.random()), PHOLD_EVENT);
    }
  }

  @Override
  public void onEvent(Event event, Context ctx) {
    int self = ctx.self();
    handled[self]++;
    lastEventPs[self] = event.timePs();
    RandomStream random = ctx.random();
    long delayPs = nextDelayPs(random);
    if (random.nextDouble() < config.remote()) {
      ctx.sendTo(random.nextInt(handled.length), delayPs, PHOLD_EVENT);
    } else {
      ctx.schedule(delayPs, PHOLD_EVENT);
    }
  }

  private long nextDelayPs(RandomStream random) {
    return lookaheadPs + Math.round(random.nextExponential(exponentialMeanPs));
  }

  /** A hash of every process's events handled, last event time and random state, in id order. */
  private long digest(Simulation simulation) {
    long h = 0x6A09E667F3BCC909L;
    for (int id = 0; id < handled.length; id++) {
      h = RandomStreams.mix64(h ^ handled[id]);
      h = RandomStreams.mix64(h ^ lastEventPs[id]);
      h = RandomStreams.mix64(h ^ simulation.randomState(id));
    }
    return h;
  }
}
