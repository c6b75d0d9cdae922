#!/usr/bin/env python3
"""Turns one tests/bench/run.sh work directory into the results table, the results JSON and
(with --record) tests/bench/results.md.

    report.py WORK_DIR --out results/latest.json [--record results.md]

WORK_DIR holds facts.txt ("key value" lines written by run.sh), raw/ghz-*.json (ghz --format json),
raw/wrk-*.txt (report.lua's WRK_JSON line), raw/curl-*.json (curl_floor), raw/export.json (export_client),
raw/direct-export.txt, raw/hold-stats.json and the gateway's /metrics text around the export. Exit status 1 when any call failed or any expected
output is missing; target misses alone do not fail (the targets are not gates).
"""
import argparse
import json
import os
import re
import statistics
import sys

MB = 1024 * 1024
ALL_SCENARIOS = "latency,throughput,openloop,allocs,instructions,reuse,held,export"


class Results:
    def __init__(self, work):
        self.work = work
        self.raw = os.path.join(work, "raw")
        self.facts = {}
        with open(os.path.join(work, "facts.txt"), encoding="utf-8") as f:
            for line in f:
                key, _, value = line.rstrip("\n").partition(" ")
                self.facts[key] = value
        self.errors = []
        self.runs = {}
        for name in sorted(os.listdir(self.raw)):
            if name.startswith("ghz-") and name.endswith(".json"):
                self.runs[name[4:-5]] = self._ghz(name)
            elif name.startswith("wrk-") and name.endswith(".txt"):
                self.runs[name[4:-4]] = self._wrk(name)
            elif name.startswith("curl-") and name.endswith(".json"):
                self.runs[name[5:-5]] = self._curl(name)

    def num(self, key):
        value = self.facts.get(key, "")
        try:
            return float(value)
        except ValueError:
            self.errors.append(f"measurement {key} is missing")
            return None

    def _ghz(self, name):
        with open(os.path.join(self.raw, name), encoding="utf-8") as f:
            report = json.load(f)
        codes = report.get("statusCodeDistribution") or {}
        percentiles = {int(p["percentage"]): p["latency"] for p in report.get("latencyDistribution") or []}
        run = {
            "tool": "ghz",
            "count": report.get("count", 0),
            "ok": codes.get("OK", 0),
            "codes": codes,
            "errors": report.get("errorDistribution") or {},
            "rps": report.get("rps", 0.0),
            "total_ns": report.get("total", 0),
            "mean_ns": report.get("average", 0),
            "p50_ns": percentiles.get(50),
            "p90_ns": percentiles.get(90),
            "p99_ns": percentiles.get(99),
        }
        label = name[4:-5]
        if run["count"] == 0 or run["ok"] != run["count"] or run["errors"]:
            self.errors.append(f"ghz {label}: {run['ok']} of {run['count']} calls OK; codes {codes}; "
                               f"errors {run['errors']}")
        return run

    def _wrk(self, name):
        label = name[4:-4]
        with open(os.path.join(self.raw, name), encoding="utf-8") as f:
            lines = [l for l in f if l.startswith("WRK_JSON ")]
        if not lines:
            self.errors.append(f"wrk {label}: no result")
            return {"tool": "wrk", "count": 0}
        r = json.loads(lines[-1][len("WRK_JSON "):])
        errors = {k: v for k, v in r["errors"].items() if v}
        run = {
            "tool": "wrk",
            "count": r["requests"],
            "errors": errors,
            "rps": r["requests"] / (r["duration_us"] / 1e6) if r["duration_us"] else 0.0,
            "mean_ns": r["mean_us"] * 1e3,
            "p50_ns": r["p50_us"] * 1e3,
            "p90_ns": r["p90_us"] * 1e3,
            "p99_ns": r["p99_us"] * 1e3,
        }
        if run["count"] == 0 or errors:
            self.errors.append(f"wrk {label}: {run['count']} requests, errors {errors}")
        return run

    def _curl(self, name):
        label = name[5:-5]
        with open(os.path.join(self.raw, name), encoding="utf-8") as f:
            text = f.read().strip()
        if not text:
            self.errors.append(f"curl_floor {label}: no result")
            return {"tool": "curl_floor", "count": 0}
        r = json.loads(text.splitlines()[-1])
        run = {
            "tool": "curl_floor",
            "count": r["requests"],
            "errors": r["errors"],
            "rps": r["requests"] / (r["duration_us"] / 1e6) if r["duration_us"] else 0.0,
            "cpu_us_per_request": r["cpu_us"] / r["requests"] if r["requests"] else None,
            "p50_ns": r["p50_us"] * 1e3,
            "p90_ns": r["p90_us"] * 1e3,
            "p99_ns": r["p99_us"] * 1e3,
        }
        if run["count"] == 0 or r["errors"]:
            self.errors.append(f"curl_floor {label}: {run['count']} requests, {r['errors']} errors")
        return run

    def run(self, label):
        run = self.runs.get(label)
        if run is None:
            self.errors.append(f"{label}: no result (the tool failed; see its log)")
        return run

    def metrics_sum(self, which, name, label):
        """Sum of the samples of metric `name` carrying `label` (e.g. 'route="X"') in a /metrics dump."""
        path = os.path.join(self.raw, f"export-metrics-{which}.txt")
        if not os.path.exists(path):
            return None
        total = 0.0
        with open(path, encoding="utf-8") as f:
            for line in f:
                m = re.match(r"^(\w+)(\{[^}]*\})?\s+(\S+)", line)
                if m and m.group(1) == name and label in (m.group(2) or ""):
                    total += float(m.group(3))
        return total


def fmt_ns(ns):
    if ns is None:
        return "?"
    if ns < 1e6:
        return f"{ns / 1e3:.0f} µs"
    if ns < 1e9:
        return f"{ns / 1e6:.2f} ms"
    return f"{ns / 1e9:.2f} s"


def fmt_mb(kb):
    return "?" if kb is None else f"{kb / 1024:.1f} MB"


def check(value, limit, lower_is_better=True):
    if value is None:
        return None
    return value <= limit if lower_is_better else value >= limit


def build_rows(res):
    """Each row: scenario, gateway, baselines, ratio, target, pass (True/False; None: info; or a
    probe's own word)."""
    rows = []
    targets = []
    f = res.facts
    small_kb = res.num("small_bytes") / 1024
    large_kb = res.num("large_bytes") / 1024

    def target(tid, name, value, limit, unit, passed):
        targets.append({"id": tid, "name": name, "value": value, "limit": limit, "unit": unit,
                        "pass": passed})
        return passed

    # run.sh --only runs some scenarios: the others get no rows (and are not errors).
    ran = set(f.get("scenarios", ALL_SCENARIOS).split(","))

    if "latency" in ran:
        latency_rows(res, rows, target, small_kb, large_kb)
    if "throughput" in ran:
        throughput_rows(res, rows, target, small_kb, large_kb)
    if "openloop" in ran:
        open_loop_rows(res, rows, small_kb)
    if "allocs" in ran:
        alloc_rows(res, rows, small_kb)
    if "instructions" in ran:
        instruction_rows(res, rows, small_kb)
    if ran & {"latency", "throughput", "openloop"}:
        memory_rows(res, rows, target, small_kb, large_kb, "throughput" in ran)
    if "reuse" in ran:
        reuse_rows(res, rows, target)
    if "held" in ran:
        held_rows(res, rows, target)
    if "export" in ran:
        export_rows(res, rows, target)
    return rows, targets


def median_of(values):
    """The median of one value per round; None when any round's is missing."""
    values = list(values)
    return None if not values or None in values else statistics.median(values)


def spread(ratios):
    """' (median of N rounds: min–max)' for a ratio taken in rounds; empty for a single round."""
    if len(ratios) < 2 or None in ratios:
        return ""
    return f" (median of {len(ratios)} rounds: {min(ratios):.2f}–{max(ratios):.2f})"


def latency_rows(res, rows, target, small_kb, large_kb):
    # T1 and F2 round by round: round 1 is the ping-pong runs above, rounds 2 to latency_rounds
    # shorter runs of the same four in alternating order. Each ratio is the median of its
    # per-round ratios, each p50 shown the median of its rounds'.
    suffixes = [""] + [f"-r{n}" for n in range(2, int(res.facts.get("latency_rounds", "1")) + 1)]
    rounds = [{name: res.run(f"pingpong-small-{name}{suffix}")
               for name in ("gw_h1", "gw_h2", "echo", "direct", "curl")
               if suffix == "" or name != "gw_h2"} for suffix in suffixes]

    def p50(name, key="p50_ns"):
        return median_of(r[name] and r[name].get(key) for r in rounds if name in r)

    def per_round(ratio_of, *names):
        ratios = []
        for r in rounds:
            if names[0] not in r:
                continue  # the HTTP/2 gateway runs in round 1 only
            values = {name: r[name] and r[name].get("p50_ns") for name in names}
            ratios.append(None if None in values.values() else ratio_of(values))
        return ratios

    direct, echo = p50("direct"), p50("echo")
    for name, title in (("gw_h1", f"Ping-pong {small_kb:.1f} KB, c=1"),
                        ("gw_h2", f"Ping-pong {small_kb:.1f} KB, c=1, HTTP/2+TLS upstream")):
        ratios = per_round(lambda v: (v[name] - v["direct"]) / v["echo"], name, "direct", "echo")
        ratio = median_of(ratios)
        passed = None
        tgt = "info"
        if name == "gw_h1":
            tgt = "T1 ≤ 1.3"
            passed = target("T1", "added latency (p50 gw − p50 direct) / p50 echo", ratio, 1.3, "×",
                            check(ratio, 1.3))
        rows.append([title,
                     f"p50 {fmt_ns(p50(name))}, p99 {fmt_ns(p50(name, 'p99_ns'))}",
                     f"direct p50 {fmt_ns(direct)}; echo p50 {fmt_ns(echo)}",
                     "?" if ratio is None else f"(gw−direct)/echo {ratio:.2f}{spread(ratios)}", tgt,
                     passed])
    # The floor at c=1: a gateway call is at least a gRPC call (echo) plus an HTTP exchange with the
    # answer parsed (curl_floor); both added to the direct HTTP round trip, which the gateway pays too.
    curl = p50("curl")
    curl_added = None if None in (curl, direct) else curl - direct
    floor_added = None if None in (curl_added, echo) else echo + curl_added
    gw = p50("gw_h1")
    ratios = per_round(lambda v: (v["gw_h1"] - v["direct"]) / (v["echo"] + v["curl"] - v["direct"]),
                       "gw_h1", "direct", "echo", "curl")
    ratio = median_of(ratios)
    rows.append([f"HTTP client floor {small_kb:.1f} KB, c=1 (libcurl + nlohmann parse)",
                 f"p50 {fmt_ns(curl)}, p99 {fmt_ns(p50('curl', 'p99_ns'))}",
                 f"direct p50 {fmt_ns(direct)}",
                 "?" if curl_added is None else f"curl added {fmt_ns(curl_added)}", "info", None])
    rows.append([f"Added latency vs floor {small_kb:.1f} KB, c=1",
                 "?" if None in (gw, direct) else f"gw added {fmt_ns(gw - direct)}",
                 "?" if floor_added is None else f"floor added {fmt_ns(floor_added)} (echo + curl added)",
                 "?" if ratio is None else f"gw/floor {ratio:.2f}{spread(ratios)}", "F2 ≤ 1.3",
                 target("F2", "added p50 latency, gateway / floor", ratio, 1.3, "×", check(ratio, 1.3))])
    # What one thread hop (the gateway answers from its upstream loop) costs gRPC alone.
    # Against round 1's echo run, which ran just before it.
    hop, echo_run = res.run("pingpong-small-echo_thread"), rounds[0]["echo"]
    added = None
    if hop and echo_run and hop.get("p50_ns") and echo_run.get("p50_ns"):
        added = hop["p50_ns"] - echo_run["p50_ns"]
    rows.append([f"Ping-pong {small_kb:.1f} KB, c=1, echo answering from a second thread",
                 f"p50 {fmt_ns(hop and hop['p50_ns'])}, p99 {fmt_ns(hop and hop['p99_ns'])}",
                 f"echo p50 {fmt_ns(echo_run and echo_run['p50_ns'])}",
                 "?" if added is None else f"hop {'+' if added >= 0 else '−'}{fmt_ns(abs(added))}",
                 "info", None])
    gw, direct, echo = (res.run("pingpong-large-gw_h1"), res.run("pingpong-large-direct"),
                        res.run("pingpong-large-echo"))
    ratio = None
    if gw and direct and echo and gw.get("p50_ns") and echo.get("p50_ns"):
        ratio = (gw["p50_ns"] - direct["p50_ns"]) / echo["p50_ns"]
    rows.append([f"Ping-pong {large_kb:.0f} KB, c=1",
                 f"p50 {fmt_ns(gw and gw['p50_ns'])}, p99 {fmt_ns(gw and gw['p99_ns'])}",
                 f"direct p50 {fmt_ns(direct and direct['p50_ns'])}; echo p50 {fmt_ns(echo and echo['p50_ns'])}",
                 "?" if ratio is None else f"(gw−direct)/echo {ratio:.2f}", "info", None])



def throughput_rows(res, rows, target, small_kb, large_kb):
    f = res.facts
    tick_us = 1e6 / res.num("clk_tck")
    conc = f.get("concurrency", "64")

    def cpu_per_call(label):
        run = res.runs.get(label)
        ticks = res.facts.get(f"cpu_ticks.{label}")
        if not run or ticks is None or not run.get("count"):
            return None
        return float(ticks) * tick_us / run["count"]

    for size, kb in (("small", small_kb), ("large", large_kb)):
        size_title = f"{kb:.1f} KB" if size == "small" else f"{kb:.0f} KB"
        gw, direct, echo = (res.run(f"throughput-{size}-gw_h1"), res.run(f"throughput-{size}-direct"),
                            res.run(f"throughput-{size}-echo"))
        curl = res.run(f"throughput-{size}-curl")
        busiest = f.get(f"busiest_thread.throughput-{size}-gw_h1", "").split(" ", 1)
        busiest_text = f"; busiest thread {busiest[0]} % ({busiest[1]})" if len(busiest) == 2 else ""
        rows.append([f"Throughput {size_title}, c={conc}",
                     f"{gw['rps']:.0f} calls/s, p50 {fmt_ns(gw['p50_ns'])}{busiest_text}" if gw else "?",
                     f"direct {direct['rps']:.0f}/s; echo {echo['rps']:.0f}/s"
                     + (f"; curl {curl['rps']:.0f}/s" if curl else "") if direct and echo else "?",
                     f"gw/echo {gw['rps'] / echo['rps']:.2f}" if gw and echo and echo["rps"] else "?",
                     "info", None])
        # CPU per call of the gateway, the echo server and curl_floor, round by round (the small
        # payload runs cpu_rounds alternating rounds; round 1 is the throughput run above). Each
        # ratio is the median of its per-round ratios: a round's three runs are back to back.
        suffixes = [""]
        if size == "small":
            suffixes += [f"-r{n}" for n in range(2, int(f.get("cpu_rounds", "1")) + 1)]
        rounds = []
        for suffix in suffixes:
            if suffix:  # round 1's runs were looked up (and reported when missing) above
                res.run(f"throughput-{size}-gw_h1{suffix}")
                res.run(f"throughput-{size}-echo{suffix}")
            curl_round = res.run(f"throughput-{size}-curl{suffix}") if suffix else curl
            if size == "small":
                res.run(f"throughput-small-echo_thread{suffix}")
            rounds.append((cpu_per_call(f"throughput-{size}-gw_h1{suffix}"),
                           cpu_per_call(f"throughput-{size}-echo{suffix}"),
                           curl_round and curl_round.get("cpu_us_per_request"),
                           cpu_per_call(f"throughput-{size}-echo_thread{suffix}")))

        gw_cpu, echo_cpu, curl_cpu, thread_cpu = (median_of(r[i] for r in rounds) for i in range(4))
        echo_ratios = [g / e if g and e else None for g, e, _, _ in rounds]
        ratio = median_of(echo_ratios)
        passed, tgt = None, "info"
        if size == "small":
            tgt = "T2 ≤ 2.5"
            passed = target("T2", "CPU per call, gateway / echo", ratio, 2.5, "×", check(ratio, 2.5))
        rows.append([f"CPU per call {size_title}, c={conc}",
                     "?" if gw_cpu is None else f"{gw_cpu:.0f} µs/call",
                     "?" if echo_cpu is None else f"echo {echo_cpu:.0f} µs/call",
                     "?" if ratio is None else f"gw/echo {ratio:.2f}{spread(echo_ratios)}", tgt, passed])
        # The floor: what a gRPC call (echo) plus an HTTP exchange with its answer parsed
        # (curl_floor) cost, each measured alone.
        floor = echo_cpu + curl_cpu if echo_cpu and curl_cpu else None
        floor_ratios = [g / (e + c) if g and e and c else None for g, e, c, _ in rounds]
        floor_ratio = median_of(floor_ratios)
        passed, tgt = None, "info"
        if size == "small":
            tgt = "F1 ≤ 1.3"
            passed = target("F1", "CPU per call, gateway / (echo + curl)", floor_ratio, 1.3, "×",
                            check(floor_ratio, 1.3))
        rows.append([f"CPU per call vs floor {size_title}, c={conc}",
                     "?" if gw_cpu is None else f"{gw_cpu:.0f} µs/call",
                     "?" if floor is None else f"floor {floor:.0f} µs = echo {echo_cpu:.0f} + curl {curl_cpu:.0f}",
                     "?" if floor_ratio is None else f"gw/floor {floor_ratio:.2f}{spread(floor_ratios)}",
                     tgt, passed])
        if size == "small":
            # The echo server finishing each call from a second thread, as the gateway finishes
            # calls from its upstream loops: the hop's cost in gRPC alone, and the floor with it.
            hop_ratios = [t / e if t and e else None for _, e, _, t in rounds]
            hop_floor_ratios = [g / (t + c) if g and t and c else None for g, _, c, t in rounds]
            hop, hop_floor = median_of(hop_ratios), median_of(hop_floor_ratios)
            rows.append([f"CPU per call {size_title}, c={conc}, echo answering from a second thread",
                         "?" if thread_cpu is None else f"{thread_cpu:.0f} µs/call",
                         "?" if echo_cpu is None else f"echo {echo_cpu:.0f} µs/call",
                         "?" if hop is None or hop_floor is None else
                         f"hop ×{hop:.2f}{spread(hop_ratios)}; gw/(hop + curl) {hop_floor:.2f}"
                         f"{spread(hop_floor_ratios)}", "info", None])
        if size == "small":
            h2_cpu = cpu_per_call("throughput-small-gw_h2")
            h2 = res.run("throughput-small-gw_h2")
            rows.append([f"Throughput + CPU {size_title}, c={conc}, HTTP/2+TLS upstream",
                         f"{h2['rps']:.0f} calls/s, {h2_cpu:.0f} µs/call" if h2 and h2_cpu else "?",
                         "?" if echo_cpu is None else f"echo {echo_cpu:.0f} µs/call",
                         f"gw/echo {h2_cpu / echo_cpu:.2f}" if h2_cpu and echo_cpu else "?", "info", None])



def open_loop_rows(res, rows, small_kb):
    f = res.facts
    rate = f.get("open_loop_rate", "?")
    gw, echo = res.run("openloop-gw_h1"), res.run("openloop-echo_small")
    rows.append([f"Open loop {rate} calls/s, {small_kb:.1f} KB",
                 f"p50 {fmt_ns(gw['p50_ns'])}, p99 {fmt_ns(gw['p99_ns'])}" if gw else "?",
                 f"echo p50 {fmt_ns(echo['p50_ns'])}, p99 {fmt_ns(echo['p99_ns'])}" if echo else "?",
                 f"p99 gw/echo {gw['p99_ns'] / echo['p99_ns']:.1f}" if gw and echo and echo["p99_ns"] else "?",
                 "info", None])



def alloc_rows(res, rows, small_kb):
    conc = res.facts.get("concurrency", "64")

    def per_call(server):
        counts = res.facts.get(f"allocs.{server}", "").split()
        run = res.run(f"allocs-{server}")
        if len(counts) != 2 or not all(c.isdigit() for c in counts) or not run or not run["count"]:
            res.errors.append(f"heap allocation count of {server} is missing")
            return None
        return (int(counts[1]) - int(counts[0])) / run["count"]

    gw, echo = per_call("gw"), per_call("echo")
    rows.append([f"Heap allocations per call {small_kb:.1f} KB, c={conc}",
                 "?" if gw is None else f"{gw:.1f}",
                 "?" if echo is None else f"echo {echo:.1f}",
                 f"gw−echo {gw - echo:.1f}" if gw is not None and echo is not None else "?",
                 "info", None])


def instruction_rows(res, rows, small_kb):
    """User-space instructions per call (callgrind): the gateway against its floor, the echo
    server plus curl_floor. Counts, so the machine's load does not move them."""
    f = res.facts
    conc = f.get("concurrency", "64")
    calls = res.num("instruction_calls")

    def count(text):
        return int(text) if text.isdigit() else None

    def per_call(server):
        total = count(f.get(f"instructions.{server}", ""))
        run = res.run(f"instr-{server}")
        if total is None or not run or not run["count"]:
            res.errors.append(f"instruction count of {server} is missing")
            return None
        return total / run["count"]

    gw, echo = per_call("gw"), per_call("echo")
    curl_counts = [count(c) for c in f.get("instructions.curl", "").split()]
    curl = None
    if len(curl_counts) == 2 and None not in curl_counts and calls:
        curl = (curl_counts[1] - curl_counts[0]) / calls
    else:
        res.errors.append("instruction count of curl_floor is missing")
    floor = echo + curl if echo is not None and curl is not None else None

    def k(value):
        return "?" if value is None else f"{value / 1000:.0f} K"

    rows.append([f"User-space instructions per call {small_kb:.1f} KB, c={conc} (callgrind)",
                 k(gw), f"floor {k(floor)} = echo {k(echo)} + curl {k(curl)}",
                 f"gw/floor {gw / floor:.2f}" if gw is not None and floor else "?",
                 "info", None])


def memory_rows(res, rows, target, small_kb, large_kb, under_load):
    f = res.facts
    idle = res.num("idle_rss_kb")
    rows.append(["RSS idle (after the first call)",
                 f"{fmt_mb(idle)} ({res.facts.get('idle_threads', '?')} threads)",
                 f"fresh, before any call: {fmt_mb(res.num('idle_rss_kb_fresh'))}", "—", "T6 ≤ 30 MB",
                 target("T6", "idle RSS", idle and idle / 1024, 30, "MB", check(idle and idle / 1024, 30))])
    if not under_load:
        return
    conc = f.get("concurrency", "64")
    rows.append([f"RSS under load, c={conc}",
                 f"peak {fmt_mb(res.num('load_peak_rss_kb.small'))} ({small_kb:.1f} KB), "
                 f"{fmt_mb(res.num('load_peak_rss_kb.large'))} ({large_kb:.0f} KB)",
                 f"after load, idle: {fmt_mb(res.num('post_load_rss_kb'))}", "—", "info", None])



def reuse_rows(res, rows, target):
    f = res.facts
    pool = res.num("pool_size")
    calls, rconc = f.get("reuse_calls", "?"), f.get("reuse_concurrency", "?")
    for proto, limit, title, tid in (("h1", pool, "HTTP/1.1", "T4a"), ("h2", 4, "HTTP/2 over TLS", "T4b")):
        opened = res.num(f"reuse_opened.{proto}")
        run = res.run(f"reuse-{proto}")
        accepts = res.facts.get(f"reuse_nginx_accepts.{proto}", "?")
        rows.append([f"Upstream connections, {title}, {calls} calls, c={rconc}",
                     "?" if opened is None else f"{opened:.0f} opened",
                     f"nginx accepted {accepts}; pool {pool:.0f}",
                     "—", f"{tid} ≤ {limit:.0f}",
                     target(tid, f"upstream connections over {title}", opened, limit, "connections",
                            check(opened, limit) if run else False)])



def held_rows(res, rows, target):
    f = res.facts
    held_calls = res.num("held_calls")
    run = res.run("held")
    hold = {}
    hold_path = os.path.join(res.raw, "hold-stats.json")
    if os.path.exists(hold_path) and os.path.getsize(hold_path):
        with open(hold_path, encoding="utf-8") as fh:
            hold = json.loads(fh.read().strip() or "{}")
    ok = run["ok"] if run else 0
    title = f"{held_calls:.0f} calls held {f.get('held_for', '?')} upstream"
    rows.append([f"{title}: success",
                 f"{ok} of {held_calls:.0f} OK, p50 {fmt_ns(run and run['p50_ns'])}",
                 f"upstream peak held {hold.get('peak_concurrency', '?')}, "
                 f"{hold.get('accepted_connections', '?')} connections",
                 "—", "T3 all OK",
                 target("T3a", "held calls succeeded", ok, held_calls, "calls", ok == held_calls)])
    threads = res.num("held_peak_threads")
    echo_threads = res.facts.get("echo_held_peak_threads", "?")
    rows.append([f"{title}: threads", "?" if threads is None else f"peak {threads:.0f}",
                 f"idle {res.facts.get('held_idle_threads', '?')}; bare gRPC server holding the "
                 f"same calls: peak {echo_threads} (idle {res.facts.get('echo_held_idle_threads', '?')})",
                 "—", "T3 ≤ 16",
                 target("T3b", "gateway threads with calls held", threads, 16, "threads", check(threads, 16))])
    rss = res.num("held_peak_rss_kb")
    echo_rss, echo_idle = res.num("echo_held_peak_rss_kb"), res.num("echo_held_idle_rss_kb")
    rows.append([f"{title}: RSS", f"peak {fmt_mb(rss)}",
                 f"before {fmt_mb(res.num('held_idle_rss_kb'))}; bare gRPC server holding the same "
                 f"calls: peak {fmt_mb(echo_rss)} (idle {fmt_mb(echo_idle)})",
                 "—" if rss is None or not held_calls else f"{rss / held_calls:.1f} KB/call", "T3 ≤ 150 MB",
                 target("T3c", "gateway peak RSS with calls held", rss and rss / 1024, 150, "MB",
                        check(rss and rss / 1024, 150))])



def export_rows(res, rows, target):
    size = res.num("export_bytes")
    run = None
    export_path = os.path.join(res.raw, "export.json")
    if os.path.exists(export_path) and os.path.getsize(export_path):
        with open(export_path, encoding="utf-8") as fh:
            export = json.load(fh)
        run = {"tool": "export_client", "count": export["calls"], "codes": export["codes"],
               "ok": export["codes"].get("OK", 0), "bytes": export["bytes"],
               "latency_ns": export["latency_ns"],
               "p50_ns": statistics.median(export["latency_ns"]) if export["latency_ns"] else None}
        res.runs["export"] = run
        if not run["count"] or run["ok"] != run["count"]:
            res.errors.append(f"export: {run['ok']} of {run['count']} calls OK; codes {run['codes']}")
    else:
        res.errors.append("export: no result (export_client failed; see its log)")
    direct_rates = []
    direct_path = os.path.join(res.raw, "direct-export.txt")
    if os.path.exists(direct_path):
        with open(direct_path, encoding="utf-8") as fh:
            for line in fh:
                seconds, nbytes = line.split()
                if float(seconds) > 0:
                    direct_rates.append(float(nbytes) / float(seconds) / 1e6)
    rate = None
    if run and run.get("p50_ns"):
        rate = size / (run["p50_ns"] / 1e9) / 1e6
    handled = None
    method, route = 'grpc_method="ExportStack"', 'route="ExportStack"'
    before = res.metrics_sum("before", "grpc_server_handling_seconds_sum", method)
    after = res.metrics_sum("after", "grpc_server_handling_seconds_sum", method)
    up_before = res.metrics_sum("before", "pulumi_upstream_request_duration_seconds_sum", route)
    up_after = res.metrics_sum("after", "pulumi_upstream_request_duration_seconds_sum", route)
    calls = run["count"] if run else 0
    if before is not None and after is not None and calls:
        handled = (after - before) / calls
    upstream = (up_after - up_before) / calls if up_before is not None and up_after is not None and calls else None
    size_title = f"{size / 1e6:.0f} MB" if size else "?"
    rows.append([f"Export {size_title}: throughput",
                 "?" if rate is None else f"{rate:.0f} MB/s (p50 {fmt_ns(run['p50_ns'])} end to end)",
                 (f"direct {statistics.median(direct_rates):.0f} MB/s" if direct_rates else "direct ?") +
                 ("" if handled is None else f"; gateway handling, mean {handled * 1e3:.0f} ms"
                                             f" (upstream {upstream * 1e3:.0f} ms)" if upstream is not None else ""),
                 "—", "T5 ≥ 100 MB/s",
                 target("T5a", "export throughput", rate, 100, "MB/s", check(rate, 100, lower_is_better=False))])
    peak = res.num("export_peak_rss_kb")
    ratio = peak * 1024 / size if peak and size else None
    rows.append([f"Export {size_title}: peak RSS", f"{fmt_mb(peak)}",
                 f"before {fmt_mb(res.num('export_idle_rss_kb'))}",
                 "?" if ratio is None else f"{ratio:.1f} × payload", "T5 ≤ 4 × payload",
                 target("T5b", "export peak RSS / payload", ratio, 4, "×", check(ratio, 4))])


def verdict(passed, smoke):
    if isinstance(passed, str):  # a probe's own word, e.g. "BROKEN"
        return passed
    if passed is None:
        return "info" if not smoke else "—"
    if smoke:
        return "—"  # smoke sizes are tiny: the targets do not apply
    return "PASS" if passed else "FAIL"


def text_table(rows, smoke):
    header = ["scenario", "gateway", "baseline(s)", "ratio", "target", "result"]
    body = [r[:5] + [verdict(r[5], smoke)] for r in rows]
    widths = [max(len(str(x[i])) for x in [header] + body) for i in range(6)]
    lines = ["  ".join(str(c).ljust(w) for c, w in zip(header, widths)),
             "  ".join("-" * w for w in widths)]
    lines += ["  ".join(str(c).ljust(w) for c, w in zip(r, widths)) for r in body]
    return "\n".join(lines)


def markdown_table(rows, smoke):
    lines = ["| scenario | gateway | baseline(s) | ratio | target | result |",
             "|---|---|---|---|---|---|"]
    for r in rows:
        cells = [str(c).replace("|", "\\|") for c in r[:5]] + [verdict(r[5], smoke)]
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("work")
    parser.add_argument("--out", required=True)
    parser.add_argument("--record")
    args = parser.parse_args()

    res = Results(args.work)
    smoke = res.facts.get("mode") == "smoke"
    rows, targets = build_rows(res)
    f = res.facts
    machine = {k: f.get(k) for k in ("nproc", "cpu_model", "kernel", "date", "load_before", "load_after",
                                     "git_commit", "git_dirty_files", "nginx_version", "wrk_version")}

    print()
    print(f"Gateway benchmark ({f.get('mode')}): {machine['nproc']} × {machine['cpu_model']}, "
          f"load {machine['load_before']} before / {machine['load_after']} after, "
          f"run {f.get('run_seconds', '?')} s (build {f.get('build_seconds', '?')} s)")
    print(text_table(rows, smoke))
    failed = sorted(t["id"] for t in targets if t["pass"] is False)
    if smoke:
        print("smoke run: sizes are tiny, targets not judged")
    else:
        print(f"targets: {len(targets) - len(failed)} of {len(targets)} pass"
              + (f"; missed: {', '.join(failed)}" if failed else ""))
    calls = sum(r.get("count", 0) for r in res.runs.values())
    if res.errors:
        print(f"ERRORS ({len(res.errors)}):")
        for e in res.errors:
            print(f"  {e}")
    else:
        print(f"no errors: {calls} calls/requests over {len(res.runs)} runs, all OK")

    os.makedirs(os.path.dirname(os.path.abspath(args.out)), exist_ok=True)
    with open(args.out, "w", encoding="utf-8") as fh:
        json.dump({"mode": f.get("mode"), "machine": machine, "facts": f, "runs": res.runs,
                   "targets": targets,
                   "table": [dict(zip(["scenario", "gateway", "baselines", "ratio", "target"], r[:5]),
                                  result=verdict(r[5], smoke)) for r in rows],
                   "errors": res.errors}, fh, indent=2)
    print(f"results: {args.out}")

    if args.record:
        with open(args.record, "w", encoding="utf-8") as fh:
            fh.write("# Benchmark results\n\n")
            fh.write("Latest `tests/bench/run.sh --record` (see README.md for the scenarios and "
                     "what each number means).\n\n")
            fh.write(f"- Machine: {machine['nproc']} × {machine['cpu_model']}, Linux {machine['kernel']}\n")
            dirty = machine["git_dirty_files"] or "0"
            fh.write(f"- Date: {machine['date']}; commit {machine['git_commit']}"
                     + ("" if dirty == "0" else f" plus {dirty} uncommitted files under gateway/ and proto/")
                     + f"; mode {f.get('mode')}; run {f.get('run_seconds', '?')} s "
                     f"(build {f.get('build_seconds', '?')} s)\n")
            fh.write(f"- Load average (1/5/15 min): {machine['load_before']} before, "
                     f"{machine['load_after']} after\n")
            fh.write(f"- Tools: nginx {machine['nginx_version']}, wrk {machine['wrk_version']}, "
                     f"ghz (tools/bin)\n\n")
            fh.write(markdown_table(rows, smoke) + "\n\n")
            if failed and not smoke:
                fh.write(f"Missed targets: {', '.join(failed)}.\n")
            if res.errors:
                fh.write("\nErrors:\n\n" + "".join(f"- {e}\n" for e in res.errors))
        print(f"recorded: {args.record}")
    return 1 if res.errors else 0


if __name__ == "__main__":
    sys.exit(main())
