#!/usr/bin/env bash
# Builds a self-contained xtsim for a machine without Java (e.g. the 16-core device machine of
# issue 6): a jlink runtime holding just the modules the jar needs, the jar, and a launcher that
# takes the same XTSIM_JAVA_OPTS as scripts/xtsim. Output: DIR (default target/portable, about
# 60 MB), which git ignores; copy or carry it whole.
#   scripts/make-portable.sh [DIR]
#   DIR/xtsim bench threads --nodes 131072 --threads 1,2,4,8,16 --repeat 3
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
out="${1:-$root/target/portable}"
jar="$root/experiments/target/xtsim.jar"
(cd "$root" && mvn -q -B -DskipTests package -pl experiments -am)
# jdeps finds the modules the classes name; jdk.unsupported is used reflectively (sun.misc.Unsafe,
# LMAX Disruptor) and jdk.management gives the thread CPU times the probes report.
modules="$(jdeps --ignore-missing-deps --multi-release 17 --print-module-deps "$jar")"
modules="$modules,jdk.unsupported,jdk.management"
rm -rf "$out"
mkdir -p "$out"
jlink --add-modules "$modules" --strip-debug --no-man-pages --no-header-files --compress=2 \
  --output "$out/runtime"
cp "$jar" "$out/xtsim.jar"
cat >"$out/xtsim" <<'LAUNCHER'
#!/usr/bin/env bash
# xtsim with its own Java runtime (made by scripts/make-portable.sh).
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck disable=SC2086
exec "$here/runtime/bin/java" ${XTSIM_JAVA_OPTS:--Xmx16g -XX:+UseParallelGC -XX:-UseCompressedOops} \
  -Djava.awt.headless=true -jar "$here/xtsim.jar" "$@"
LAUNCHER
chmod +x "$out/xtsim"
echo "wrote $out ($(du -sh "$out" | cut -f1)): $out/xtsim --help"
