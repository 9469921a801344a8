package org.xtsim.workloads;

import java.util.List;
import org.xtsim.network.mpi.RankProgram;

/** Public access to {@link RecordingMpi} for tests in sub-packages. */
public final class RecordingMpiAccess {
  private RecordingMpiAccess() {}

  /** The operations {@code rank} of {@code size} issues, run to the end in isolation. */
  public static List<String> trace(RankProgram program, int rank, int size) {
    return RecordingMpi.trace(program, rank, size);
  }
}
