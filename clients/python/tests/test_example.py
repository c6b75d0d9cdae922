"""The example program, run as a subprocess against the real gateway."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from conftest import JDOE_TOKEN, System

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "list_stacks.py"


def _run(*args: str, token: str) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if not k.startswith("PULUMI_")}
    env["PULUMI_ACCESS_TOKEN"] = token
    return subprocess.run(
        [sys.executable, str(EXAMPLE), *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_example_lists_stacks_and_events(system: System) -> None:
    result = _run("--address", system.gateway_address, token=JDOE_TOKEN)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == "Stacks of acme-corp (12):"  # the default organization
    stack_lines = [line for line in lines[1:13] if line.startswith("  acme-corp/")]
    assert len(stack_lines) == 12
    assert any(line.split()[0] == "acme-corp/payments-api/prod" for line in stack_lines)
    # The first stack with an update is auth-service/dev (a destroy with 4 events).
    assert (
        "Latest update of acme-corp/auth-service/dev: version 2 (destroy, succeeded), "
        "id 6740fd35-4e8d-55a7-8345-77f2851a4c99" in lines
    )
    assert lines[-1] == "4 events"
    assert "preludeEvent" in lines[-5]


def test_example_other_org_via_flag(system: System) -> None:
    result = _run("--address", system.gateway_address, "--org", "globex", token=JDOE_TOKEN)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("Stacks of globex (2):\n  globex/inventory/dev ")


def test_example_reports_gateway_errors(system: System) -> None:
    result = _run("--address", system.gateway_address, token="not-a-token")
    assert result.returncode == 1
    assert result.stdout == ""
    assert result.stderr.startswith("error: UNAUTHENTICATED: ")
    assert "http_status=401" in result.stderr
