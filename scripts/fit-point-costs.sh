#!/usr/bin/env bash
# Refits the table of what a point costs (the shard planner's balance, `xtsim submit`'s time
# limits) from the committed reference results, and writes it where the build packs it:
#   scripts/fit-point-costs.sh [results/STUDY/results.csv ...]   (default: every results/*/)
# scripts/make-reference-results.sh runs it after regenerating the references; PointCostsTest
# fails when the committed table is not the fit of the committed results.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
table="experiments/src/main/resources/org/xtsim/experiments/shard/point-costs.tsv"
if [ "$#" -eq 0 ]; then
  set -- results/*/results.csv
fi
scripts/xtsim --version >/dev/null # builds the jar when a source is newer
java -cp experiments/target/xtsim.jar org.xtsim.experiments.shard.PointCosts "$@" >"$table.tmp"
mv "$table.tmp" "$table"
echo "wrote $table"
