#!/usr/bin/env bash
# Regenerates the committed reference outputs of the shipped studies (results/<study>/) and
# records how long each full and --quick sweep takes on this machine (results/benchmarks/main-job.md
# for the main study, results/benchmarks/study-<study>.md for the others).
# Usage: scripts/make-reference-results.sh [STUDY ...] [-- xtsim-run options, e.g. --threads 2]
# STUDY is a file name under experiments/ without .yaml; default: every shipped study.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
studies=()
while [ $# -gt 0 ] && [ "$1" != "--" ]; do studies+=("$1"); shift; done
[ "${1:-}" = "--" ] && shift
if [ ${#studies[@]} -eq 0 ]; then
  for f in experiments/*.yaml; do studies+=("$(basename "$f" .yaml)"); done
fi
seconds() { date +%s.%N; }

for study in "${studies[@]}"; do
  file=experiments/$study.yaml
  [ -f "$file" ] || { echo "no such study: $file" >&2; exit 2; }
  out=results/$study
  quick_out="$(mktemp -d "${TMPDIR:-/tmp}/xtsim-quick.XXXXXX")"
  load=$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo unknown)
  # figures of series a study no longer draws must not outlive it
  rm -rf "$out/figures"
  t0=$(seconds)
  scripts/xtsim run "$file" --out "$out" "$@"
  t1=$(seconds)
  scripts/xtsim run "$file" --quick --out "$quick_out" "$@"
  t2=$(seconds)
  rm -rf "$quick_out"
  # the journal figures beside the slides ones that the run drew (a redraw, not timed)
  scripts/xtsim figures "$out" --style paper > /dev/null
  full=$(echo "$t1 - $t0" | bc)
  quick=$(echo "$t2 - $t1" | bc)
  record=results/benchmarks/study-$study.md
  [ "$study" = redstorm-virtualization ] && record=results/benchmarks/main-job.md
  {
    echo "# $study: timings of the reference run"
    echo
    echo "Made by \`scripts/make-reference-results.sh $study${*:+ -- $*}\` on $(date -u +%Y-%m-%dT%H:%MZ)."
    echo
    echo "- machine: $(nproc) cores, $(lscpu 2>/dev/null | sed -n 's/^Model name: *//p' | head -1)," \
         "load average before the run: $load"
    echo "- commit: $(git rev-parse HEAD 2>/dev/null || echo unknown)$(git diff --quiet HEAD -- . ':(exclude)results' 2>/dev/null || echo ' (dirty tree)')"
    echo "- points: $(grep -c '"id"' "$out/manifest.json") (full)"
    echo
    echo "| sweep | wall time (s, including JVM start) |"
    echo "|---|---|"
    printf '| full (`xtsim run %s`) | %.1f |\n' "$file" "$full"
    printf '| quick (`--quick`) | %.1f |\n' "$quick"
  } > "$record.new"
  if [ -f "$record" ] && grep -q '^## ' "$record"; then
    # keep the notes that earlier sessions appended under their own headings
    { echo; sed -n '/^## /,$p' "$record"; } >> "$record.new"
  fi
  mv "$record.new" "$record"
  cat "$record" | head -14
done

# What a point costs (the shard planner's balance, `xtsim submit`'s time limits) is fitted from
# these references: refit it so that PointCostsTest holds.
scripts/fit-point-costs.sh
