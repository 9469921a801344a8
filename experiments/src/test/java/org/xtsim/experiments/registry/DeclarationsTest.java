package org.xtsim.experiments.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.xtsim.network.NetworkParams;
import org.xtsim.node.NodeParams;
import org.xtsim.node.os.OsParams;
import org.xtsim.params.Param;
import org.xtsim.vmm.VmmParams;
import org.xtsim.workloads.WorkloadCatalog;

/**
 * Walks every model's declarations (each {@code public static final Param} of the classes that
 * declare parameters) and the registry: every declaration reaches the registry as the very same
 * object, and the registry holds nothing the models did not declare — one declaration per fact.
 */
class DeclarationsTest {
  private static List<Param> declaredIn(Class<?> c) throws IllegalAccessException {
    List<Param> out = new ArrayList<>();
    for (Field f : c.getDeclaredFields()) {
      int m = f.getModifiers();
      if (Modifier.isStatic(m) && Modifier.isPublic(m) && f.getType() == Param.class) {
        out.add((Param) f.get(null));
      }
    }
    return out;
  }

  @Test
  void shouldRegisterEveryModelDeclarationAndNothingElse() throws IllegalAccessException {
    ModelRegistry registry = ModelRegistry.standard();
    Map<Param, String> registered = new IdentityHashMap<>();
    registry.configurationKeys().values().forEach(p -> registered.put(p, "configuration"));
    registry.machineKeys().values().forEach(p -> registered.put(p, "machine"));
    List<Param> declared = new ArrayList<>();
    for (Class<?> c :
        List.of(NodeParams.class, OsParams.class, VmmParams.class, NetworkParams.class)) {
      declared.addAll(declaredIn(c));
    }
    for (Param p : declared) {
      assertTrue(registered.containsKey(p), p.key() + " is declared but not registered");
    }
    assertEquals(declared.size(), registered.size(), "the registry holds undeclared keys");

    WorkloadCatalog catalog = WorkloadCatalog.standard();
    for (String name : catalog.names()) {
      WorkloadDefinition w = registry.workloads().get(name);
      List<Param> own = catalog.factory(name).params();
      assertEquals(own.size(), w.params().size(), name);
      for (Param p : own) {
        assertSame(p, w.params().get(p.key()), name + "." + p.key());
      }
    }
  }
}
