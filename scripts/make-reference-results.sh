#!/usr/bin/env bash
# Regenerates the committed reference outputs of the main job (results/redstorm-virtualization/)
# and records how long the full and the --quick sweeps take on this machine
# (results/benchmarks/main-job.md). Run from anywhere; takes the options of `xtsim run` after it
# (e.g. --threads 2). Needs the simulation models installed (the workloads layer).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
file=experiments/redstorm-virtualization.yaml
out=results/redstorm-virtualization
quick_out="$(mktemp -d "${TMPDIR:-/tmp}/xtsim-quick.XXXXXX")"
trap 'rm -rf "$quick_out"' EXIT

seconds() { date +%s.%N; }

t0=$(seconds)
scripts/xtsim run "$file" --out "$out" "$@"
t1=$(seconds)
scripts/xtsim run "$file" --quick --out "$quick_out" "$@"
t2=$(seconds)

full=$(echo "$t1 - $t0" | bc)
quick=$(echo "$t2 - $t1" | bc)
{
  echo "# Main job timings"
  echo
  echo "Made by \`scripts/make-reference-results.sh $*\` on $(date -u +%Y-%m-%dT%H:%MZ)."
  echo
  echo "- machine: $(nproc) cores, $(lscpu 2>/dev/null | sed -n 's/^Model name: *//p' | head -1)," \
       "load average before the run: $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo unknown)"
  echo "- commit: $(git rev-parse HEAD 2>/dev/null || echo unknown)"
  echo "- points: $(grep -c '"id"' "$out/manifest.json") (full)"
  echo
  echo "| sweep | wall time (s, including JVM start) | target |"
  echo "|---|---|---|"
  printf '| full (`xtsim run %s`) | %.1f | <= 300 |\n' "$file" "$full"
  printf '| quick (`--quick`) | %.1f | < 60 |\n' "$quick"
} > results/benchmarks/main-job.md
cat results/benchmarks/main-job.md
