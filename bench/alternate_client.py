#!/usr/bin/env python3
"""Round trips through several bridges in turn: round trip i goes to every bridge, one after the
other, before round trip i+1 starts, so a busy host slows all of them alike. Each bridge has its
own pseudo-terminal pair and echo meter (set up identically by alternate-bridges.sh).
Usage: alternate_client.py ROUNDS WARMUP NAME=PORT...  Prints one JSON line: p50/p99 in us per bridge."""
import json, socket, sys, time

rounds, warmup = int(sys.argv[1]), int(sys.argv[2])
targets = [arg.split("=") for arg in sys.argv[3:]]


def connect(port):
    deadline = time.monotonic() + 30
    while True:
        try:
            s = socket.create_connection(("127.0.0.1", int(port)), timeout=10)
            s.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
            return s
        except OSError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.05)


def round_trip(s, payload):
    t0 = time.perf_counter_ns()
    s.sendall(payload)
    got = b""
    while len(got) < len(payload):
        chunk = s.recv(len(payload) - len(got))
        if not chunk:
            raise SystemExit("a bridge closed the connection")
        got += chunk
    elapsed = time.perf_counter_ns() - t0
    if got != payload:
        raise SystemExit("round trip corrupted")
    return elapsed


sockets = [connect(port) for _, port in targets]
samples = [[] for _ in targets]
for i in range(warmup + rounds):
    payload = bytes(((i + k) & 0xFF) for k in range(64))
    for j, s in enumerate(sockets):
        elapsed = round_trip(s, payload)
        if i >= warmup:
            samples[j].append(elapsed)
result = {}
for (name, _), values in zip(targets, samples):
    values.sort()
    result[name] = {"p50_us": round(values[len(values) // 2] / 1000, 1),
                    "p99_us": round(values[int(len(values) * 0.99)] / 1000, 1)}
print(json.dumps(result))
