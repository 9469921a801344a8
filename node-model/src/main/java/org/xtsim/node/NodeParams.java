package org.xtsim.node;

import java.util.List;
import org.xtsim.params.Param;
import org.xtsim.params.ParamValues;

/** The node hardware a study may choose (the {@code machine.preset} key), declared once. */
public final class NodeParams {
  /** The node hardware preset. */
  public static final Param PRESET =
      Param.choice("preset", NodePresets.NAMES)
          .defaultValue("xt4")
          .meaning(
              "node hardware: xt3 (2.0 GHz single-core, K8 TLBs), xt3-dual (2.4 GHz), xt4"
                  + " (2.2 GHz quad-core, family 10h TLBs and page-walk cache)")
          .source(
              "Camp & Tomkins (XT3); Brightwell et al., Red Storm upgrade (dual-core); XT4 clock"
                  + " 2.2 GHz is an assumption (parameters.md)");

  /** Every node parameter. */
  public static final List<Param> ALL = List.of(PRESET);

  private NodeParams() {}

  /** The node {@code values} describe. */
  public static NodeSpec node(ParamValues values) {
    return NodePresets.byName(values.text(PRESET));
  }
}
