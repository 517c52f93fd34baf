#!/usr/bin/env bash
# Round trip latency of socat, ser2net and ./modem run --meter-port measured in alternation: each
# bridge has its own pseudo-terminal pair with an echo meter on the far end (all three set up the
# same way), all three run at once, and one client sends 64-byte round trip i to each bridge in
# turn before round trip i+1. A busy host then slows all three alike, which a sequential comparison
# (compare-bridges.sh) cannot promise. Prints the p50/p99 of each run and the medians and ratios.
# Environment: REPEAT (default 5), ROUNDS (default 3000), WARMUP (default 10000), MODEM_JAVA_OPTS.
# Needs: socat, ser2net, python3. Not part of the tests.
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=${ROUNDS:-3000}
warmup=${WARMUP:-10000}
repeat=${REPEAT:-5}
work=$(mktemp -d)
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT

for tool in socat ser2net python3; do
  command -v "$tool" >/dev/null || { echo "missing $tool: apt-get install -y socat ser2net python3" >&2; exit 1; }
done
./modem --version >/dev/null   # builds the CLI first, outside the measurements

pty_pair() { # name: $work/<name>-modem is the bridge's device, an echo meter answers on the other end
  local name=$1
  socat pty,raw,echo=0,link="$work/$name-modem" pty,raw,echo=0,link="$work/$name-meter" >/dev/null 2>&1 &
  pids+=($!)
  for _ in $(seq 100); do [ -e "$work/$name-meter" ] && [ -e "$work/$name-modem" ] && break; sleep 0.05; done
  local echo_pid=
  for attempt in 1 2 3 4 5; do
    python3 bench/echo_meter.py "$work/$name-meter" >/dev/null 2>"$work/$name-echo.log" &
    echo_pid=$!
    sleep 0.3
    if python3 bench/probe_echo.py "$work/$name-modem"; then break; fi
    kill "$echo_pid" 2>/dev/null || true
    echo_pid=
  done
  [ -n "$echo_pid" ] || { echo "the echo meter of $name does not answer" >&2; exit 1; }
  pids+=("$echo_pid")
}

for run in $(seq "$repeat"); do
  started=()
  pty_pair socat
  socat TCP-LISTEN:47111,bind=127.0.0.1,reuseaddr,nodelay FILE:"$work/socat-modem",raw,echo=0,b115200 \
      >"$work/socat.log" 2>&1 &
  started+=($!)
  pty_pair ser2net
  cat >"$work/ser2net.yaml" <<YAML
connection: &bench
  accepter: tcp,127.0.0.1,47112
  connector: serialdev,$work/ser2net-modem,115200n81,local
  options:
    kickolduser: true
YAML
  ser2net -n -c "$work/ser2net.yaml" -P "$work/ser2net.pid" >"$work/ser2net.log" 2>&1 &
  started+=($!)
  pty_pair metermodem
  ./modem run --state "$work/state" --meter-port "$work/metermodem-modem" --meter-baud 115200 \
      --meter-format 8N1 --transparent-port 47113 --no-customer-port --bind 127.0.0.1 >"$work/metermodem.log" 2>&1 &
  started+=($!)
  python3 bench/alternate_client.py "$rounds" "$warmup" socat=47111 ser2net=47112 metermodem=47113 \
      | tee -a "$work/results.txt"
  for p in "${started[@]}"; do kill "$p" 2>/dev/null || true; wait "$p" 2>/dev/null || true; done
  # the pty pairs and echo meters of this run stay until the end; each run makes new ones
done

python3 - "$work/results.txt" <<'PY'
import json, statistics, sys
runs = [json.loads(line) for line in open(sys.argv[1]) if line.startswith("{")]
med = {name: {k: statistics.median(r[name][k] for r in runs) for k in ("p50_us", "p99_us")}
       for name in ("socat", "ser2net", "metermodem")}
ratio = [r["metermodem"]["p50_us"] / r["socat"]["p50_us"] for r in runs]
print()
print("medians of %d alternating runs" % len(runs))
print("%-11s %10s %10s" % ("bridge", "p50 us", "p99 us"))
for name in ("socat", "ser2net", "metermodem"):
    print("%-11s %10.1f %10.1f" % (name, med[name]["p50_us"], med[name]["p99_us"]))
print()
print("round trip p50, metermodem / socat: median of the runs' ratios %.2fx (runs: %s)  (target <= 1.2x)"
      % (statistics.median(ratio), ", ".join("%.2f" % x for x in ratio)))
print("round trip p99, metermodem / socat: %.2fx" % (med["metermodem"]["p99_us"] / med["socat"]["p99_us"]))
PY
