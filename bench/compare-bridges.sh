#!/usr/bin/env bash
# Runs three TCP-to-serial bridges one after the other, in one run, on the same pseudo-terminal pair
# with an echo "meter" on its far end, and measures each from the same TCP client:
#   socat (TCP-LISTEN <-> the pty), ser2net 4 (Debian), and ./modem run --meter-port.
# Prints 64-byte round trip p50/p99 and bulk echo throughput, and the ratios of ours to theirs.
# Environment: REPEAT (runs of each bridge, default 3; medians are reported), ROUNDS, WARMUP,
# BULK_BYTES, MODEM_JAVA_OPTS.
# Needs: socat, ser2net, python3 (apt-get install -y socat ser2net python3). Not part of the tests.
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=${ROUNDS:-3000}
bulk=${BULK_BYTES:-1048576}
warmup=${WARMUP:-10000}  # unmeasured round trips first, the same for all three bridges
# The bridge's JVM options: the launcher's default (-Xmx64m) unless MODEM_JAVA_OPTS says otherwise.
work=$(mktemp -d)
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT

for tool in socat ser2net python3; do
  command -v "$tool" >/dev/null || { echo "missing $tool: apt-get install -y socat ser2net python3" >&2; exit 1; }
done
./modem --version >/dev/null   # builds the CLI first, outside the measurements

socat pty,raw,echo=0,link="$work/modem-side" pty,raw,echo=0,link="$work/meter-side" 2>"$work/socat-pty.log" &
pids+=($!)
for _ in $(seq 100); do [ -e "$work/meter-side" ] && [ -e "$work/modem-side" ] && break; sleep 0.05; done
# Start the echo meter and make sure it answers before anything is measured (retry: a pty pair
# that socat is still configuring can swallow the meter's first settings).
echo_pid=
for attempt in 1 2 3 4 5; do
  python3 bench/echo_meter.py "$work/meter-side" 2>"$work/echo.log" &
  echo_pid=$!
  sleep 0.3
  if python3 bench/probe_echo.py "$work/modem-side"; then break; fi
  kill "$echo_pid" 2>/dev/null || true
  echo_pid=
done
[ -n "$echo_pid" ] || { echo "the echo meter does not answer on the pty pair" >&2; cat "$work/echo.log" >&2; exit 1; }
pids+=("$echo_pid")

measure() { # name port command...
  local name=$1 port=$2; shift 2
  "$@" >"$work/$name.log" 2>&1 &
  local pid=$!
  local result
  result=$(python3 bench/rtt_client.py 127.0.0.1 "$port" "$rounds" "$bulk" "$warmup") || { echo "$name failed; log:" >&2; cat "$work/$name.log" "$work/echo.log" >&2; kill $pid; exit 1; }
  kill $pid 2>/dev/null || true
  wait $pid 2>/dev/null || true
  echo "$name $result"
}

cat >"$work/ser2net.yaml" <<YAML
connection: &bench
  accepter: tcp,127.0.0.1,47102
  connector: serialdev,$work/modem-side,115200n81,local
  options:
    kickolduser: true
YAML

repeat=${REPEAT:-3}
for run in $(seq "$repeat"); do
  measure socat 47101 socat TCP-LISTEN:47101,bind=127.0.0.1,reuseaddr,nodelay FILE:"$work/modem-side",raw,echo=0,b115200
  measure ser2net 47102 ser2net -n -c "$work/ser2net.yaml" -P "$work/ser2net.pid"
  measure metermodem 47103 ./modem run --state "$work/state" --meter-port "$work/modem-side" --meter-baud 115200 \
      --meter-format 8N1 --transparent-port 47103 --no-customer-port --bind 127.0.0.1
done | tee "$work/results.txt"

python3 - "$work/results.txt" <<'PY'
import json, statistics, sys
rows = {}
for line in open(sys.argv[1]):
    name, payload = line.split(" ", 1)
    rows.setdefault(name, []).append(json.loads(payload))
med = {name: {k: statistics.median(r[k] for r in runs) for k in ("p50_us", "p99_us", "bulk_MBps")}
       for name, runs in rows.items()}
print()
print("medians of %d runs each" % len(rows["socat"]))
print("%-11s %10s %10s %12s" % ("bridge", "p50 us", "p99 us", "bulk MB/s"))
for name in ("socat", "ser2net", "metermodem"):
    r = med[name]
    print("%-11s %10.1f %10.1f %12.3f" % (name, r["p50_us"], r["p99_us"], r["bulk_MBps"]))
ours = med["metermodem"]
print()
print("round trip p50, metermodem / socat : %.2fx  (target <= 1.2x)" % (ours["p50_us"] / med["socat"]["p50_us"]))
print("round trip p99, metermodem / socat : %.2fx" % (ours["p99_us"] / med["socat"]["p99_us"]))
print("bulk, metermodem / ser2net         : %.2fx  (target >= 1.0x)" % (ours["bulk_MBps"] / med["ser2net"]["bulk_MBps"]))
PY
