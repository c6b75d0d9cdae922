"""Updates and their engine events: a finished update, and a running one followed to its end."""

from __future__ import annotations

import time
from typing import List

import grpc
import pytest

from conftest import Emulator
from pulumi_gateway_client import PulumiClient, PulumiGatewayError, updates_pb2

PROD_UPDATE_ID = "3b9e4f1a-6c2d-4e8f-a0b1-c2d3e4f5a6b7"
PROD_EVENT_TYPES = [
    "preludeEvent",
    "progressEvent",
    "resourcePreEvent",
    "diagnosticEvent",
    "policyEvent",
    "resOutputsEvent",
    "stdoutEvent",
    "summaryEvent",
    "cancelEvent",
]


class _RecordingSleep:
    def __init__(self) -> None:
        self.calls: List[float] = []

    def __call__(self, seconds: float) -> None:
        self.calls.append(seconds)
        time.sleep(seconds)


def test_latest_update_of_prod(client: PulumiClient) -> None:
    update = client.updates.GetLatestUpdate(
        updates_pb2.GetLatestUpdateRequest(
            org_name="acme-corp", project_name="payments-api", stack_name="prod"
        )
    ).update
    assert update.version == 42
    assert update.update_id == PROD_UPDATE_ID
    assert update.info.kind == "update"
    assert update.info.result == "succeeded"


def test_events_of_the_finished_update_in_order(client: PulumiClient) -> None:
    sleep = _RecordingSleep()
    events = list(
        client.iter_update_events("acme-corp", "payments-api", "prod", PROD_UPDATE_ID, sleep=sleep)
    )
    assert [e.type for e in events] == PROD_EVENT_TYPES
    assert [e.WhichOneof("payload") for e in events][:2] == ["prelude_event", "progress_event"]
    timestamps = [e.timestamp for e in events]
    assert timestamps == sorted(timestamps)
    assert sleep.calls == []  # finished: one page, no polling


def test_events_filtered_by_type(client: PulumiClient) -> None:
    events = list(
        client.iter_update_events(
            "acme-corp", "payments-api", "prod", PROD_UPDATE_ID, types=["diagnosticEvent"]
        )
    )
    assert [e.type for e in events] == ["diagnosticEvent"]
    assert "severity" in events[0].diagnostic_event


def test_finished_update_ends_with_an_empty_token(client: PulumiClient) -> None:
    response = client.updates.ListUpdateEvents(
        updates_pb2.ListUpdateEventsRequest(
            org_name="acme-corp",
            project_name="payments-api",
            stack_name="prod",
            kind="update",
            update_id=PROD_UPDATE_ID,
        )
    )
    assert len(response.events) == 9
    assert response.continuation_token == ""


def test_unknown_update_kind_is_invalid_argument(client: PulumiClient) -> None:
    with pytest.raises(PulumiGatewayError) as caught:
        next(
            client.iter_update_events(
                "acme-corp", "payments-api", "prod", PROD_UPDATE_ID, kind="deploy"
            )
        )
    assert caught.value.code is grpc.StatusCode.INVALID_ARGUMENT


def test_follows_a_running_update_to_its_end(client: PulumiClient, emulator: Emulator) -> None:
    # A fresh running update: 10 events, one every 100 ms, then it finishes.
    started = emulator.admin(
        "POST",
        "/live-updates",
        {
            "org": "acme-corp",
            "project": "web-frontend",
            "stack": "staging",
            "kind": "update",
            "intervalMs": 100,
            "eventCount": 10,
        },
    )
    sleep = _RecordingSleep()
    events = list(
        client.iter_update_events(
            "acme-corp",
            "web-frontend",
            "staging",
            started["updateID"],
            poll_interval=0.05,
            sleep=sleep,
        )
    )
    assert len(events) == 10
    assert events[0].type == "preludeEvent"
    assert events[-1].type == "summaryEvent"
    assert sleep.calls and set(sleep.calls) == {0.05}  # it polled while the update ran
    update = client.updates.GetLatestUpdate(
        updates_pb2.GetLatestUpdateRequest(
            org_name="acme-corp", project_name="web-frontend", stack_name="staging"
        )
    ).update
    assert update.update_id == started["updateID"]
    assert update.info.result == "succeeded"
