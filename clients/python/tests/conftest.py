"""Session fixtures: the real emulator and gateway binaries, started once for all tests.

The binaries come from PULUMI_EMULATOR_BIN and PULUMI_GATEWAY_BIN, defaulting to the Bazel outputs
<repo>/bazel-bin/emulator/pulumi_emulator and <repo>/bazel-bin/gateway/pulumi_gateway (this
suite never builds them). Both listen on 127.0.0.1 port 0 and print `listening on HOST:PORT` on
stderr; they are stopped with SIGTERM when the session ends.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import signal
import subprocess
import threading
import urllib.error
import urllib.request
from pathlib import Path
from typing import Any, Dict, Iterator, List, Optional

import pytest

from pulumi_gateway_client import PulumiClient

REPO_ROOT = Path(__file__).resolve().parents[3]
JDOE_TOKEN = "pul-demo-jdoe-7f3a9c2e41b85d60f1e2a3b4c5d6e7f8"
EVE_TOKEN = "pul-demo-eve-4f5e6d7c8b9a0f1e2d3c4b5a69788796"

START_TIMEOUT_S = 20.0
STOP_TIMEOUT_S = 25.0
_LISTENING = re.compile(r"^listening on (\S+:\d+)\s*$")


def _binary(env_var: str, default: Path) -> Path:
    path = Path(os.environ.get(env_var) or default)
    if not (path.is_file() and os.access(path, os.X_OK)):
        pytest.fail(
            f"{env_var}: no executable at {path}. Build it first (bazel build //...) or set "
            f"{env_var} to the binary.",
            pytrace=False,
        )
    return path


class Process:
    """A child process that announces `listening on HOST:PORT` on stderr.

    A thread keeps draining stderr (so the child never blocks on a full pipe) and keeps the lines
    for failure messages.
    """

    def __init__(self, name: str, argv: List[str]) -> None:
        self.name = name
        self.lines: List[str] = []
        self.address: Optional[str] = None
        self._ready = threading.Event()
        self.proc = subprocess.Popen(
            argv,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
        )
        self._reader = threading.Thread(target=self._drain, name=f"{name}-stderr", daemon=True)
        self._reader.start()

    def _drain(self) -> None:
        assert self.proc.stderr is not None
        for line in self.proc.stderr:
            self.lines.append(line.rstrip("\n"))
            match = _LISTENING.match(line)
            if match and self.address is None:
                self.address = match.group(1)
                self._ready.set()
        self._ready.set()  # EOF: the process exited; wait_listening reports it

    def wait_listening(self, timeout: float) -> str:
        if not self._ready.wait(timeout) or self.address is None:
            self.stop()
            output = "\n".join(self.lines[-30:])
            pytest.fail(
                f"{self.name} did not print 'listening on HOST:PORT' within {timeout:g}s "
                f"(exit code {self.proc.poll()}); stderr:\n{output}",
                pytrace=False,
            )
        return self.address

    def stop(self) -> Optional[int]:
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(STOP_TIMEOUT_S)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(5)
        self._reader.join(5)
        return self.proc.returncode


class Emulator:
    """The emulator's address and its admin API (`/_emulator/...`), for fault injection."""

    def __init__(self, address: str) -> None:
        self.address = address
        self.base_url = f"http://{address}"

    def admin(self, method: str, path: str, body: Optional[Dict[str, Any]] = None) -> Any:
        data = json.dumps(body).encode() if body is not None else None
        request = urllib.request.Request(
            f"{self.base_url}/_emulator{path}",
            data=data,
            method=method,
            headers={"Content-Type": "application/json"},
        )
        with urllib.request.urlopen(request, timeout=10) as response:
            text = response.read()
        return json.loads(text) if text else None

    @contextlib.contextmanager
    def fault(self, **rule: Any) -> Iterator[str]:
        """Installs a fault rule for the duration of a `with` block; yields its id."""
        fault_id = str(self.admin("POST", "/faults", rule)["id"])
        try:
            yield fault_id
        finally:
            try:
                self.admin("DELETE", f"/faults/{fault_id}")
            except urllib.error.HTTPError as error:
                if error.code != 404:  # a rule with a count is gone once used up
                    raise


class System:
    def __init__(self, emulator: Emulator, gateway_address: str) -> None:
        self.emulator = emulator
        self.gateway_address = gateway_address


@pytest.fixture(scope="session")
def system() -> Iterator[System]:
    emulator_bin = _binary(
        "PULUMI_EMULATOR_BIN", REPO_ROOT / "bazel-bin" / "emulator" / "pulumi_emulator"
    )
    gateway_bin = _binary(
        "PULUMI_GATEWAY_BIN", REPO_ROOT / "bazel-bin" / "gateway" / "pulumi_gateway"
    )
    emulator = Process("emulator", [str(emulator_bin), "--listen=127.0.0.1:0"])
    gateway: Optional[Process] = None
    try:
        emulator_address = emulator.wait_listening(START_TIMEOUT_S)
        gateway = Process(
            "gateway",
            [
                str(gateway_bin),
                "--listen=127.0.0.1:0",
                "--metrics_listen=",
                "--log_level=warning",
                # The suite injects 429s and goes on with the same token: no fleet-wide pause.
                "--throttle_max_pause=0",
                f"--upstream=http://{emulator_address}",
            ],
        )
        gateway_address = gateway.wait_listening(START_TIMEOUT_S)
        yield System(Emulator(emulator_address), gateway_address)
    finally:
        if gateway is not None:
            gateway.stop()
        emulator.stop()


@pytest.fixture(scope="session")
def client(system: System) -> Iterator[PulumiClient]:
    """A client for jdoe (admin of acme-corp, member of globex), default deadline 10 s."""
    with PulumiClient(system.gateway_address, JDOE_TOKEN, timeout=10.0) as c:
        yield c


@pytest.fixture
def emulator(system: System) -> Emulator:
    return system.emulator
