#!/usr/bin/env python3
"""Starts the gateway with each rendered Deployment's flags, proving the binary accepts them.

    flags_smoke.py ARGS_FILE BINARY

ARGS_FILE holds one JSON object a line, {"args": [...], "memoryLimit": BYTES or null}: a gateway
container's args, $(VAR)s already expanded from the ConfigMap, and its memory limit
(validate_manifests.mjs --emit-args). Each set is run as rendered, followed by overrides
that keep the run on this machine: listen and metrics on 127.0.0.1:0, an upstream on 127.0.0.1
that is never called, a throwaway token file when the set uses service auth (the real one is
a Secret), and with --quota_store an unreachable Redis on 127.0.0.1 and throwaway secret files. absl takes the last value of a repeated flag, so every rendered value is still parsed:
an unknown flag, a malformed duration or number, or an invalid value stops start-up with exit 2.
The gateway must print "listening on", then drain on SIGTERM and exit 0.

Where this process may create a cgroup v1 memory cgroup (as root on a host with that hierarchy),
each set runs in one limited to its container's memory limit, so the gateway's own start-up check
(--memory_fit, which the manifests set to refuse) proves its settings fit the limit they ship
with; elsewhere the line says the limit was not applied.
"""

import json
import os
import queue
import signal
import subprocess
import sys
import tempfile
import threading
import time

START_TIMEOUT_S = 15
STOP_TIMEOUT_S = 30


def flag(args, name):
    values = [a.split("=", 1)[1] for a in args if a.startswith(f"--{name}=")]
    return values[-1] if values else None


def wait_for_sigwait(pid, deadline):
    """Waits until the main thread blocks in sigwait (it logs "listening on" just before).

    Until then a SIGTERM may land on a thread that does not block it and end the process without
    a drain, which is not what this test is about. The gateway blocks SIGTERM before it listens;
    sigwait unblocks it while waiting, which the main thread's SigBlk shows. False if the deadline
    passes first.
    """
    sigterm_bit = 1 << (signal.SIGTERM - 1)
    while time.monotonic() < deadline:
        try:
            with open(f"/proc/{pid}/task/{pid}/status", encoding="ascii") as f:
                status = f.read()
        except OSError:
            return False
        blocked = int(status.split("SigBlk:")[1].split()[0], 16)
        if not blocked & sigterm_bit:
            return True
        time.sleep(0.01)
    return False


class MemoryCgroup:
    """A cgroup v1 memory cgroup under this process's, limited to `limit` bytes; `error` says why
    there is none. `enter` moves the calling process into it (for a child before its exec)."""

    def __init__(self, limit):
        self.dir, self.error = None, None
        own = None
        with open("/proc/self/cgroup", encoding="ascii") as f:
            for line in f:
                fields = line.rstrip("\n").split(":", 2)
                if len(fields) == 3 and fields[1] == "memory":
                    own = "/sys/fs/cgroup/memory" + fields[2]
        if own is None:
            self.error = "no cgroup v1 memory hierarchy"
            return
        path = os.path.join(own, f"flags-smoke-{os.getpid()}")
        try:
            os.mkdir(path)
        except OSError as e:
            self.error = f"cannot create a memory cgroup ({e.strerror})"
            return
        self.dir = path
        try:
            with open(os.path.join(path, "memory.limit_in_bytes"), "w", encoding="ascii") as f:
                f.write(str(limit))
        except OSError as e:
            self.error = f"cannot set its memory limit ({e.strerror})"

    def enter(self):
        with open(os.path.join(self.dir, "cgroup.procs"), "w", encoding="ascii") as f:
            f.write(str(os.getpid()))

    def close(self):
        if self.dir:
            os.rmdir(self.dir)


def run_once(binary, args, token_file, cgroup=None):
    """None when the gateway started and drained cleanly, else what went wrong. With `cgroup`
    the gateway runs in it."""
    overrides = ["--listen=127.0.0.1:0", "--metrics_listen=127.0.0.1:0",
                 "--upstream=http://127.0.0.1:9"]
    if flag(args, "auth_mode") == "service":
        overrides.append(f"--token_file={token_file}")
    if flag(args, "quota_store"):
        # The store's Secret files are throwaway ones here, and nothing listens on port 9: the
        # gateway must start on its fair share and drain as usual.
        overrides += ["--quota_store=redis://127.0.0.1:9",
                      f"--quota_store_password_file={token_file}",
                      f"--fleet_secret_file={token_file}"]
    # A sanitizer build (bazel-bin after an ASan run) must not fail this on leak reports.
    env = dict(os.environ, ASAN_OPTIONS=os.environ.get("ASAN_OPTIONS", "") + ":detect_leaks=0")
    proc = subprocess.Popen([binary] + args + overrides, stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE, text=True, env=env,
                            preexec_fn=cgroup.enter if cgroup else None)
    lines = queue.Queue()

    def read_stderr():
        for line in proc.stderr:
            lines.put(line.rstrip())
        lines.put(None)  # end of output: the process exited

    threading.Thread(target=read_stderr, daemon=True).start()
    seen = []
    try:
        deadline = time.monotonic() + START_TIMEOUT_S
        while True:
            try:
                line = lines.get(timeout=max(0.0, deadline - time.monotonic()))
            except queue.Empty:
                return f"no 'listening on' within {START_TIMEOUT_S} s:\n  " + "\n  ".join(seen[-10:])
            if line is None:
                return f"exited with code {proc.wait()}:\n  " + "\n  ".join(seen[-10:])
            seen.append(line)
            if line.startswith("listening on "):
                break
        if not wait_for_sigwait(proc.pid, deadline):
            return f"never reached sigwait within {START_TIMEOUT_S} s"
        proc.send_signal(signal.SIGTERM)
        try:
            code = proc.wait(timeout=STOP_TIMEOUT_S)
        except subprocess.TimeoutExpired:
            return f"still running {STOP_TIMEOUT_S} s after SIGTERM"
        return None if code == 0 else f"exit code {code} after SIGTERM"
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()


def main(argv):
    if len(argv) != 3:
        print(__doc__, file=sys.stderr)
        return 2
    args_file, binary = argv[1], argv[2]
    sets = [json.loads(line) for line in open(args_file, encoding="utf-8") if line.strip()]
    if not sets:
        print(f"{args_file}: no container args to run", file=sys.stderr)
        return 1
    failures = 0
    with tempfile.TemporaryDirectory() as tmp:
        token_file = os.path.join(tmp, "token")
        with open(token_file, "w", encoding="ascii") as f:
            f.write("pul-smoke-test-token\n")
        for rendered in sets:
            args, limit = rendered["args"], rendered["memoryLimit"]
            cgroup = MemoryCgroup(int(limit)) if limit else None
            try:
                if cgroup and cgroup.error:
                    where = f" (memory limit {int(limit)} not applied: {cgroup.error})"
                    problem = run_once(binary, args, token_file)
                else:
                    where = f" within its memory limit of {int(limit) >> 20} MiB" if cgroup else ""
                    problem = run_once(binary, args, token_file, cgroup)
            finally:
                if cgroup:
                    cgroup.close()
            shown = " ".join(args)
            if problem:
                failures += 1
                print(f"FAIL{where}: {shown}\n  {problem}")
            else:
                print(f"ok   started and drained{where}: {shown}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
