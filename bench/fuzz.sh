#!/usr/bin/env bash
# Coverage-guided fuzzing of the SDK's parsers with Jazzer, one @FuzzTest at a time.
#
#   bench/fuzz.sh --list                        every fuzz target: module Class#method
#   bench/fuzz.sh 300                           every target for 300 s each, one after the other
#   bench/fuzz.sh 60 AtLineFuzzTest#lines       one target (or several) for 60 s
#   JOBS=2 bench/fuzz.sh 300                    two targets at a time (one per core; never two of one module)
#
# Without -Pfuzz the same tests only replay their committed inputs (the seed corpus and every crash
# found so far, in src/test/resources/<package>/<Class>Inputs/<method>/), as part of ./mvnw verify.
# A crash found here is written into that directory: commit it as a regression input and fix the
# bug. Each run's log is kept in target/fuzz/<Class>#<method>.log; the summary gives executions,
# executions per second, coverage and findings. Needs a JDK 21+ (JAVA_HOME or Temurin 25).
set -euo pipefail
cd "$(dirname "$0")/.."
if [ -z "${JAVA_HOME:-}" ] && [ -x /usr/lib/jvm/temurin-25-jdk-amd64/bin/java ]; then
  export JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64
fi

targets() {  # prints "module Class#method" for every @FuzzTest in the tree
  grep -rl --include='*.java' '@FuzzTest' --exclude-dir=target . | sort | while read -r file; do
    local module class
    module=${file#./}
    module=${module%%/src/test/java/*}
    class=$(basename "$file" .java)
    awk '/@FuzzTest/ {want=1; next} want && /void [A-Za-z0-9_]+\(/ {
           match($0, /void [A-Za-z0-9_]+\(/); print substr($0, RSTART+5, RLENGTH-6); want=0 }' "$file" |
      while read -r method; do echo "$module $class#$method"; done
  done
}

if [ "${1:-}" = "--list" ]; then
  targets
  exit 0
fi
seconds=${1:-300}
shift || true
if ! [[ "$seconds" =~ ^[0-9]+$ ]]; then
  echo "usage: bench/fuzz.sh [--list | SECONDS [Class#method ...]]" >&2
  exit 2
fi
mapfile -t all < <(targets)
selected=()
if [ $# -eq 0 ]; then
  selected=("${all[@]}")
else
  for wanted in "$@"; do
    match=$(printf '%s\n' "${all[@]}" | awk -v w="$wanted" '$2 == w {print; exit}')
    if [ -z "$match" ]; then
      echo "no fuzz target $wanted (bench/fuzz.sh --list shows them)" >&2
      exit 2
    fi
    selected+=("$match")
  done
fi

echo "fuzz: building the modules once"
./mvnw -q -B -ntp install -DskipTests -Dmaven.javadoc.skip=true -Dmaven.source.skip=true
mkdir -p target/fuzz

run_one() {
  local module=$1 target=$2
  local log="target/fuzz/$target.log"
  local start end status=ok
  # Two targets of one module never run at once: they would share its target/ directory.
  exec {lock}>"target/fuzz/${module//\//_}.lock"
  flock "$lock"
  start=$(date +%s)
  if ! ./mvnw -B -ntp -Pfuzz -Dfuzz.seconds="$seconds" -pl "$module" test -Dtest="$target" \
      -Dsurefire.failIfNoSpecifiedTests=false >"$log" 2>&1; then
    status=FINDING
  fi
  end=$(date +%s)
  local runs elapsed cov
  runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | tail -1 | grep -o '[0-9]*$' || true)
  elapsed=$(grep -o 'Done [0-9]* runs in [0-9]* second' "$log" | tail -1 | awk '{print $5}' || true)
  cov=$(grep -o 'cov: [0-9]*' "$log" | tail -1 | awk '{print $2}' || true)
  local rate="?"
  if [ -n "$runs" ] && [ -n "$elapsed" ] && [ "$elapsed" -gt 0 ]; then rate=$((runs / elapsed)); fi
  printf '%-48s %-9s %8ss %12s runs %9s/s  cov %-6s (wall %ss, log %s)\n' \
    "$target" "$status" "${elapsed:-?}" "${runs:-?}" "$rate" "${cov:-?}" "$((end - start))" "$log"
  rm -rf "$module/.cifuzz-corpus"
  flock -u "$lock"
}

jobs=${JOBS:-1}
for entry in "${selected[@]}"; do
  # shellcheck disable=SC2086
  set -- $entry
  run_one "$1" "$2" &
  while [ "$(jobs -rp | wc -l)" -ge "$jobs" ]; do wait -n || true; done
done
wait
git status --short -- '*Inputs/*' | sed 's/^/new input: /'
