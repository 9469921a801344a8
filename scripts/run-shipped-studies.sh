#!/usr/bin/env bash
# Runs every shipped study (experiments/*.yaml) end to end with the built jar and checks that each
# wrote its results, manifest and figures. Usage: scripts/run-shipped-studies.sh [--quick] [OUTDIR]
# Without --quick it runs the full sweeps (see results/benchmarks/ for their times).
set -euo pipefail
cd "$(dirname "$0")/.."
quick=()
if [ "${1:-}" = "--quick" ]; then quick=(--quick); shift; fi
out=${1:-$(mktemp -d)}
mkdir -p "$out"
mvn -B -ntp -q package -DskipTests -pl experiments -am
for f in experiments/*.yaml; do
  name=$(basename "$f" .yaml)
  start=$(date +%s)
  scripts/xtsim run "$f" "${quick[@]}" --out "$out/$name" > "$out/$name.log" 2>&1 || {
    echo "FAILED: $f (log: $out/$name.log)"; tail -n 20 "$out/$name.log"; exit 1; }
  for want in results.csv distributions.csv manifest.json; do
    [ -s "$out/$name/$want" ] || { echo "FAILED: $f wrote no $want"; exit 1; }
  done
  grep -q '"status": "complete"' "$out/$name/manifest.json" || {
    echo "FAILED: $f: manifest is not complete"; exit 1; }
  ls "$out/$name/figures/"*.png > /dev/null 2>&1 || { echo "FAILED: $f drew no figures"; exit 1; }
  echo "ok: $f ${quick[*]} in $(( $(date +%s) - start )) s -> $out/$name"
done
