#!/usr/bin/env python3
"""Measures a TCP-to-serial bridge against an echo meter: 64-byte request/response round trips
(p50, p99) and bulk throughput (bytes echoed back per second). Prints one JSON line.
Usage: rtt_client.py HOST PORT [ROUNDS [BULK_BYTES [WARMUP_ROUNDS]]]. The warm-up round trips
(default 3000 here; the scripts pass 10000, the same for every bridge) are not measured: a bridge in service runs for months,
so the first seconds of a JVM (classes loading, the JIT compiling the path) are not its steady
state."""
import json, select, socket, sys, time

host, port = sys.argv[1], int(sys.argv[2])
rounds = int(sys.argv[3]) if len(sys.argv) > 3 else 2000
bulk_bytes = int(sys.argv[4]) if len(sys.argv) > 4 else 4 * 1024 * 1024
warmup = int(sys.argv[5]) if len(sys.argv) > 5 else 3000


def connect():
    deadline = time.monotonic() + 20
    while True:
        try:
            s = socket.create_connection((host, port), timeout=10)
            s.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
            return s
        except OSError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.05)


def recv_exactly(s, n):
    buf = bytearray()
    while len(buf) < n:
        chunk = s.recv(n - len(buf))
        if not chunk:
            raise IOError("bridge closed the connection")
        buf += chunk
    return bytes(buf)


s = connect()
request = bytes(range(64))
for _ in range(warmup):
    s.sendall(request)
    assert recv_exactly(s, 64) == request
samples = []
for i in range(rounds):
    payload = bytes(((i + k) & 0xFF) for k in range(64))
    t0 = time.perf_counter_ns()
    s.sendall(payload)
    got = recv_exactly(s, 64)
    samples.append(time.perf_counter_ns() - t0)
    if got != payload:
        raise SystemExit("round trip %d corrupted" % i)
samples.sort()
p50 = samples[len(samples) // 2] / 1000.0
p99 = samples[int(len(samples) * 0.99)] / 1000.0

# Bulk: a stream of 512-byte blocks with at most WINDOW bytes in flight, as a head-end pipelining
# requests would. Unbounded sending would only measure the pty's buffers (and deadlock a relay
# that writes with blocking calls).
WINDOW = 2048
block = bytes(i & 0xFF for i in range(512))
s.setblocking(False)
sent = received = 0
mismatch = False
t0 = time.perf_counter()
deadline = time.monotonic() + 120
while received < bulk_bytes:
    if time.monotonic() > deadline:
        raise SystemExit("bulk transfer stalled after %d of %d bytes" % (received, bulk_bytes))
    want_write = sent < bulk_bytes and sent - received <= WINDOW - len(block)
    r, w, _ = select.select([s], [s] if want_write else [], [], 1.0)
    if w:
        n = s.send(block)
        sent += n
        if n < len(block):
            block = block[n:] + block[:n]
    if r:
        chunk = s.recv(65536)
        if not chunk:
            raise SystemExit("bridge closed the connection during the bulk transfer")
        received += len(chunk)
elapsed = time.perf_counter() - t0
ok = [True]
received = [received]
s.close()
print(json.dumps({"p50_us": round(p50, 1), "p99_us": round(p99, 1),
                  "bulk_MBps": round(received[0] / elapsed / 1e6, 3) if ok[0] else 0.0,
                  "bulk_bytes": received[0]}))
