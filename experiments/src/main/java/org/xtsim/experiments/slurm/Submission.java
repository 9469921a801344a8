package org.xtsim.experiments.slurm;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.xtsim.experiments.results.AtomicFiles;
import org.xtsim.experiments.results.Json;

/**
 * {@code OUT/slurm/submission.json}: what was submitted for a sweep, so that {@code xtsim status}
 * and {@code xtsim submit --resume} can find its jobs: the experiment, the shard count, and one
 * entry per submission (the array job, the shards it runs, the merge job).
 *
 * @param experimentFile the experiment file as given
 * @param quick whether the quick sweep
 * @param shards how many shards
 * @param experimentFingerprint the resolved experiment's fingerprint
 * @param rounds the submissions, first first
 */
public record Submission(
    String experimentFile,
    boolean quick,
    int shards,
    String experimentFingerprint,
    List<Round> rounds) {
  /** The file name, in the sweep's {@code slurm} folder. */
  public static final String FILE = "submission.json";

  /** One submission: an array of {@code shards} and the merge after it. */
  public record Round(String arrayJob, List<Integer> shards, String mergeJob, String submitted) {
    /** Copies the shards. */
    public Round {
      shards = List.copyOf(shards);
    }

    /** The Slurm id of the array task running {@code shard}. */
    public String taskId(int shard) {
      return arrayJob + "_" + shard;
    }
  }

  /** Copies the rounds. */
  public Submission {
    rounds = List.copyOf(rounds);
  }

  /** This submission with one more round. */
  public Submission with(Round round) {
    List<Round> all = new ArrayList<>(rounds);
    all.add(round);
    return new Submission(experimentFile, quick, shards, experimentFingerprint, all);
  }

  /** The round that last ran {@code shard}, or null. */
  public Round lastRoundOf(int shard) {
    for (int i = rounds.size() - 1; i >= 0; i--) {
      if (rounds.get(i).shards().contains(shard)) {
        return rounds.get(i);
      }
    }
    return null;
  }

  /** Every job id of every round: arrays and merges. */
  public List<String> jobIds() {
    List<String> ids = new ArrayList<>();
    for (Round r : rounds) {
      ids.add(r.arrayJob());
      ids.add(r.mergeJob());
    }
    return ids;
  }

  /** Writes {@code slurmDir/submission.json}. */
  public void write(Path slurmDir) throws IOException {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("experiment_file", experimentFile);
    m.put("quick", quick);
    m.put("shards", shards);
    m.put("experiment_fingerprint", experimentFingerprint);
    List<Object> list = new ArrayList<>();
    for (Round r : rounds) {
      Map<String, Object> e = new LinkedHashMap<>();
      e.put("array_job", r.arrayJob());
      e.put("shards", r.shards());
      e.put("merge_job", r.mergeJob());
      e.put("submitted", r.submitted());
      list.add(e);
    }
    m.put("submissions", list);
    Files.createDirectories(slurmDir);
    AtomicFiles.writeString(slurmDir.resolve(FILE), Json.write(m));
  }

  /** Reads {@code slurmDir/submission.json}, or null when there is none. */
  @SuppressWarnings("unchecked")
  public static Submission read(Path slurmDir) throws IOException {
    Path f = slurmDir.resolve(FILE);
    if (!Files.isRegularFile(f)) {
      return null;
    }
    Map<String, Object> m = Json.readObject(f);
    List<Round> rounds = new ArrayList<>();
    for (Object o : (List<Object>) m.get("submissions")) {
      Map<String, Object> e = (Map<String, Object>) o;
      List<Integer> shards = new ArrayList<>();
      for (Object s : (List<Object>) e.get("shards")) {
        shards.add(((Number) s).intValue());
      }
      rounds.add(
          new Round(
              String.valueOf(e.get("array_job")),
              shards,
              String.valueOf(e.get("merge_job")),
              String.valueOf(e.get("submitted"))));
    }
    return new Submission(
        String.valueOf(m.get("experiment_file")),
        Boolean.TRUE.equals(m.get("quick")),
        ((Number) m.get("shards")).intValue(),
        String.valueOf(m.get("experiment_fingerprint")),
        rounds);
  }
}
