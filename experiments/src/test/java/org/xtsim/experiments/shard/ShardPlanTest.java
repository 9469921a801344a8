package org.xtsim.experiments.shard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.xtsim.experiments.RunPoint;

/** How a sweep is dealt out to shards. */
class ShardPlanTest {
  /** A sweep whose last axis is the node count, as the main study's. */
  private static List<RunPoint> sweep() {
    List<RunPoint> points = new ArrayList<>();
    for (String config : List.of("native", "nested", "shadow", "nested-large")) {
      for (int nodes : new int[] {1, 4, 16, 64, 256, 1024, 4096}) {
        points.add(
            new RunPoint(
                "hpccg/" + config + "/nodes=" + nodes + "/r0",
                "hpccg",
                config,
                nodes,
                0,
                nodes * 31L + config.hashCode(),
                Map.of(),
                Map.of(),
                Map.of(),
                Map.of(RunPoint.NODES, nodes)));
      }
    }
    return points;
  }

  @Test
  void shouldSpreadTheLargestPointsOverTheShards() {
    List<RunPoint> points = sweep();
    ShardPlan plan = ShardPlan.of(points, 4, RunPoint::nodes);
    for (int s = 1; s <= 4; s++) {
      long big =
          plan.pointsOf(new Shard(s, 4), points).stream().filter(p -> p.nodes() == 4096).count();
      assertEquals(1, big, "shard " + s + " gets one of the four 4,096-node points");
    }
    double[] load = plan.estimatedSeconds();
    double max = 0;
    double total = 0;
    for (double l : load) {
      max = Math.max(max, l);
      total += l;
    }
    assertTrue(max <= total / 4 * 4.0 / 3, "longest shard within 4/3 of the mean: " + max);
  }

  @Test
  void shouldBeTheSamePlanEveryTime() {
    List<RunPoint> points = sweep();
    ShardPlan a = ShardPlan.of(points, 3, RunPoint::nodes);
    ShardPlan b = ShardPlan.of(new ArrayList<>(points), 3, RunPoint::nodes);
    for (RunPoint p : points) {
      assertEquals(a.shardOf(p.id()), b.shardOf(p.id()), p.id());
    }
  }

  @Test
  void shouldParseShardsAndRefuseNonsense() {
    assertEquals(new Shard(3, 8), Shard.parse("--shard", "3/8"));
    for (String bad : List.of("3", "0/4", "5/4", "a/b", "1/0", "-1/4")) {
      IllegalArgumentException e =
          assertThrows(IllegalArgumentException.class, () -> Shard.parse("--shard", bad), bad);
      assertTrue(e.getMessage().startsWith("--shard: "), e.getMessage());
    }
  }
}
