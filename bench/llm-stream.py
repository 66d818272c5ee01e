#!/usr/bin/env python3
"""LLM engine and stream figures against a zero-latency fake OpenAI-compatible model (docs/BENCHMARKS.md,
"LLM engine and streamed notes"). Run by bench/llm-stream.sh, which starts the server pointed at
FAKE_PORT; this process serves the fake model on FAKE_PORT and measures from the client side:

  overhead   POST /v1/note engine=llm, sequential: client latency minus the fake model's own time, once
             with the fake's handler time (after Python parsed the request) and once with its whole time
             (first request byte to last answer byte, Python's request parsing included)
  first      POST /v1/stream/note engine=llm: the fake sends its first content chunk (the first headed
             section, complete) at t0 and the rest 300 ms later; t(first `event: section` line) - t0
  streams    200 concurrent /v1/stream/note engine=llm held open while the fake writes slowly
             (~8 s each); errors, and the server's RSS before and at the peak

Client and fake are in one process, so t0 and the client's clock are the same monotonic clock.
"""
import http.client
import json
import os
import socket
import statistics
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

BASE_PORT = int(os.environ["BENCH_PORT"])
KEY = os.environ["BENCH_KEY"]
PID = int(os.environ["BENCH_PID"])
TRANSCRIPT = open(os.environ.get("BENCH_LLM_TRANSCRIPT", "src/test/resources/fixtures/low-back-pain-np.txt")).read()


def section(heading, text, quote):
    return {"heading": heading, "text": text, "evidence": [quote]}


ANSWER = json.dumps({"sections": {
    "subjective": [section("Chief Complaint", "Low back pain for about three weeks.", "my lower back"),
                   section("History of Present Illness", "Pain started after lifting boxes; worse with bending, "
                           "better with rest and a heating pad. No numbness, tingling or weakness.", "lifting")],
    "objective": [section("Physical Exam", "Lumbar paraspinal tenderness. Forward flexion limited by pain. "
                          "Straight leg raise negative bilaterally.", "flexion")],
    "assessment": [section("Assessment", "Acute mechanical low back pain without radicular features.", "back")],
    "plan": [section("Plan", "Ibuprofen with food, heat, gentle activity; physical therapy referral; "
                     "return if numbness or weakness develops.", "therapy")]}, "icd10": []})


def chunk(delta, finish=None):
    return ("data: " + json.dumps({"id": "chatcmpl-bench", "object": "chat.completion.chunk", "created": 1,
                                   "model": "bench", "choices": [{"index": 0, "delta": delta,
                                                                  "finish_reason": finish}]}) + "\n\n").encode()


FIRST_SECTION_END = ANSWER.index("}", ANSWER.index("Chief Complaint")) + 1
state = {"mode": "fast", "t0": {}, "handler_ms": [], "whole_ms": []}


class FakeModel(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def setup(self):
        super().setup()
        # without it, a chunk written right after another waits for the reader's delayed ACK (~40 ms, Nagle)
        self.connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)

    def handle_one_request(self):
        # The fake's whole cost of a call, from its request's first byte to the last of its answer: Python's
        # own request parsing is the fake's time, not the server's (handler_ms starts after it).
        if not self.rfile.peek(1):
            self.close_connection = True
            return
        started = time.monotonic()
        super().handle_one_request()
        if state["mode"] == "fast":
            state["whole_ms"].append((time.monotonic() - started) * 1000)

    def do_POST(self):
        started = time.monotonic()
        body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        if not body.get("stream"):
            out = json.dumps({"id": "chatcmpl-bench", "object": "chat.completion", "created": 1, "model": "bench",
                              "choices": [{"index": 0, "message": {"role": "assistant", "content": ANSWER},
                                           "finish_reason": "stop"}],
                              "usage": {"prompt_tokens": 1, "completion_tokens": 1, "total_tokens": 2}}).encode()
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(out)))
            self.end_headers()
            self.wfile.write(out)
            state["handler_ms"].append((time.monotonic() - started) * 1000)
            return
        self.send_response(200)
        self.send_header("Content-Type", "text/event-stream")
        self.send_header("Transfer-Encoding", "chunked")
        self.end_headers()
        marker = self.headers.get("X-Bench-Id")

        def send(data):
            self.wfile.write(b"%x\r\n%s\r\n" % (len(data), data))
            self.wfile.flush()

        send(chunk({"role": "assistant", "content": ""}))
        if state["mode"] == "first":
            state["t0"][threading.get_ident()] = time.monotonic()
            state["t0_last"] = time.monotonic()
            send(chunk({"content": ANSWER[:FIRST_SECTION_END]}))
            time.sleep(0.3)
            send(chunk({"content": ANSWER[FIRST_SECTION_END:]}))
        else:  # slow: ~8 s per answer
            pieces = [ANSWER[i:i + 8] for i in range(0, len(ANSWER), 8)]
            pause = 8.0 / len(pieces)
            for p in pieces:
                send(chunk({"content": p}))
                time.sleep(pause)
        send(chunk({}, "stop"))
        send(b"data: [DONE]\n\n")
        self.wfile.write(b"0\r\n\r\n")
        self.wfile.flush()


def post(path, engine, conn=None):
    conn = conn or http.client.HTTPConnection("localhost", BASE_PORT, timeout=120)
    conn.request("POST", path, json.dumps({"transcript": TRANSCRIPT, "specialty": "nurse_practitioner",
                                            "engine": engine}),
                 {"Authorization": "Bearer " + KEY, "Content-Type": "application/json"})
    return conn, conn.getresponse()


def pct(values, p):
    values = sorted(values)
    return values[min(len(values) - 1, int(len(values) * p))]


def rss_mb():
    with open(f"/proc/{PID}/status") as f:
        return next(int(l.split()[1]) // 1024 for l in f if l.startswith("VmRSS"))


def overhead(n):
    for engine in ("llm", "embedded"):
        conn = None
        # warm-up to steady state: with 200 the JIT has not yet compiled the request path, and the
        # figure is that of a server that has handled a few hundred notes since it started
        for _ in range(int(os.environ.get("BENCH_WARMUP", "2000"))):
            conn, r = post("/v1/note", engine, conn)
            r.read()
        state["handler_ms"].clear()
        state["whole_ms"].clear()
        lat = []
        for _ in range(n):
            t = time.monotonic()
            conn, r = post("/v1/note", engine, conn)
            body = r.read()
            lat.append((time.monotonic() - t) * 1000)
            assert r.status == 200, body[:200]
        line = f"overhead engine={engine} n={n} p50_ms={statistics.median(lat):.2f} p95_ms={pct(lat, 0.95):.2f}"
        if engine == "llm":
            model = statistics.median(state["handler_ms"])
            whole = statistics.median(state["whole_ms"])
            line += (f" fake_model_p50_ms={model:.3f} server_overhead_p50_ms={statistics.median(lat) - model:.2f}"
                     f" fake_whole_p50_ms={whole:.3f} server_overhead_vs_whole_fake_p50_ms={statistics.median(lat) - whole:.2f}")
        print(line, flush=True)


def first_section(n):
    state["mode"] = "first"
    waits = []
    for i in range(n + 10):
        conn, r = post("/v1/stream/note", "llm")
        assert r.status == 200
        while True:
            line = r.readline()
            if not line:
                raise SystemExit("stream ended before a section")
            if line.startswith(b"event:section"):
                got = time.monotonic()
                break
        if i >= 10:  # the first ones warm up
            waits.append((got - state["t0_last"]) * 1000)
        r.read()
        conn.close()
    print(f"first_token_to_first_section n={n} p50_ms={statistics.median(waits):.2f} p95_ms={pct(waits, 0.95):.2f}",
          flush=True)


def streams(count):
    state["mode"] = "slow"
    results = {"done": 0, "error": 0, "other": 0}
    lock = threading.Lock()
    peak = [rss_mb()]
    before = peak[0]

    def one():
        outcome = "other"
        try:
            conn, r = post("/v1/stream/note", "llm")
            if r.status == 200:
                for line in iter(r.readline, b""):
                    if line.startswith(b"event:done"):
                        outcome = "done"
                    elif line.startswith(b"event:error"):
                        outcome = "error"
            conn.close()
        except Exception:  # noqa: BLE001 - counted
            outcome = "error"
        with lock:
            results[outcome] += 1

    threads = [threading.Thread(target=one) for _ in range(count)]
    start = time.monotonic()
    for t in threads:
        t.start()
    while any(t.is_alive() for t in threads):
        peak[0] = max(peak[0], rss_mb())
        time.sleep(0.25)
    print(f"streams concurrent={count} done={results['done']} errors={results['error'] + results['other']} "
          f"wall_s={time.monotonic() - start:.1f} rss_before_mb={before} rss_peak_mb={peak[0]}", flush=True)


def main():
    ThreadingHTTPServer.request_queue_size = 1024  # 200 streams connect at once
    server = ThreadingHTTPServer(("127.0.0.1", int(os.environ["FAKE_PORT"])), FakeModel)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    what = sys.argv[1:] or ["overhead", "first", "streams"]
    if "overhead" in what:
        overhead(int(os.environ.get("BENCH_N", "500")))
    if "first" in what:
        first_section(int(os.environ.get("BENCH_FIRST_N", "50")))
    if "streams" in what:
        streams(int(os.environ.get("BENCH_STREAMS", "200")))


if __name__ == "__main__":
    main()
