package org.xtsim.workloads;

import java.util.ArrayList;
import java.util.List;
import org.xtsim.network.mpi.Mpi;
import org.xtsim.network.mpi.RankProgram;

/**
 * Drives one rank of a program in isolation and records the operations it issues, as text like
 * {@code compute:3x1}, {@code isend:4:1:80000}, {@code allreduce:8}. Time stands still.
 */
final class RecordingMpi implements Mpi {
  final List<String> ops = new ArrayList<>();
  private final int rank;
  private final int size;
  private int requests;

  RecordingMpi(int rank, int size) {
    this.rank = rank;
    this.size = size;
  }

  /** Runs {@code rank}'s program to its end and returns its operations. */
  static List<String> trace(RankProgram program, int rank, int size) {
    RecordingMpi mpi = new RecordingMpi(rank, size);
    int guard = 0;
    while (program.next(rank, mpi)) {
      if (++guard > 10_000_000) {
        throw new AssertionError("program does not end");
      }
    }
    return mpi.ops;
  }

  long count(String prefix) {
    return ops.stream().filter(o -> o.startsWith(prefix)).count();
  }

  @Override
  public int rank() {
    return rank;
  }

  @Override
  public int size() {
    return size;
  }

  @Override
  public long nowPs() {
    return 0;
  }

  @Override
  public void compute(int phaseId, long amount) {
    ops.add("compute:" + phaseId + "x" + amount);
  }

  @Override
  public int isend(int dest, int tag, long bytes) {
    ops.add("isend:" + dest + ":" + tag + ":" + bytes);
    return requests++;
  }

  @Override
  public int irecv(int source, int tag, long bytes) {
    ops.add("irecv:" + source + ":" + tag + ":" + bytes);
    return requests++;
  }

  @Override
  public void send(int dest, int tag, long bytes) {
    ops.add("send:" + dest + ":" + tag + ":" + bytes);
  }

  @Override
  public void recv(int source, int tag, long bytes) {
    ops.add("recv:" + source + ":" + tag + ":" + bytes);
  }

  @Override
  public void await(int request) {
    ops.add("wait");
  }

  @Override
  public void waitall() {
    ops.add("waitall");
  }

  @Override
  public void allreduce(long bytes) {
    ops.add("allreduce:" + bytes);
  }

  @Override
  public void barrier() {
    ops.add("barrier");
  }

  @Override
  public void bcast(int root, long bytes) {
    ops.add("bcast:" + root + ":" + bytes);
  }

  @Override
  public void reduce(int root, long bytes) {
    ops.add("reduce:" + root + ":" + bytes);
  }

  @Override
  public void allgather(long bytesPerRank) {
    ops.add("allgather:" + bytesPerRank);
  }

  @Override
  public void alltoall(long bytesPerPair) {
    ops.add("alltoall:" + bytesPerPair);
  }
}
