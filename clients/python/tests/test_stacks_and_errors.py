"""Unary calls and the decoded errors, against the real gateway and emulator."""

from __future__ import annotations

import time

import grpc
import pytest

from conftest import EVE_TOKEN, JDOE_TOKEN, Emulator, System
from pulumi_gateway_client import (
    PulumiClient,
    PulumiGatewayError,
    decode_error,
    stacks_pb2,
    stacks_pb2_grpc,
    users_pb2,
)

PROD = stacks_pb2.GetStackRequest(
    org_name="acme-corp", project_name="payments-api", stack_name="prod"
)
UNKNOWN = stacks_pb2.GetStackRequest(
    org_name="acme-corp", project_name="payments-api", stack_name="no-such-stack"
)


def test_get_stack_fields(client: PulumiClient) -> None:
    stack = client.stacks.GetStack(PROD).stack
    assert stack.org_name == "acme-corp"
    assert stack.project_name == "payments-api"
    assert stack.stack_name == "prod"
    assert stack.id == "5f0d2c7e-8a1b-4c3d-9e2f-0a1b2c3d4e5f"
    assert stack.version == 42
    assert stack.active_update == "3b9e4f1a-6c2d-4e8f-a0b1-c2d3e4f5a6b7"
    assert stack.tags["pulumi:project"] == "payments-api"
    assert stack.tags["env"] == "prod"
    assert stack.config.environment == "payments-api/prod"
    assert not stack.HasField("current_operation")


def test_not_found_has_decoded_error_info(client: PulumiClient) -> None:
    with pytest.raises(PulumiGatewayError) as caught:
        client.stacks.GetStack(UNKNOWN)
    error = caught.value
    assert error.code is grpc.StatusCode.NOT_FOUND
    assert "no-such-stack" in error.message
    assert error.http_status == 404
    assert error.metadata["http_status"] == "404"
    assert error.reason == "HTTP_404"
    assert error.request_id  # the upstream's request id, non-empty
    assert error.gateway_request_id
    assert error.retry_delay is None
    assert not isinstance(error, grpc.RpcError)
    assert isinstance(error.__cause__, grpc.RpcError)
    assert error.rpc_error is error.__cause__
    assert str(error).startswith("NOT_FOUND: ")
    assert "http_status=404" in str(error)


def test_decode_error_on_a_plain_stub(client: PulumiClient) -> None:
    # The plain generated stub on the client's channel raises grpc.RpcError; decode_error reads it.
    stub = stacks_pb2_grpc.StacksServiceStub(client.channel)
    with pytest.raises(grpc.RpcError) as caught:
        stub.GetStack(UNKNOWN)
    assert not isinstance(caught.value, PulumiGatewayError)
    error = decode_error(caught.value)
    assert error.code is grpc.StatusCode.NOT_FOUND
    assert error.http_status == 404
    assert error.rpc_error is caught.value
    assert decode_error(error) is error


def test_permission_denied_for_eve(system: System) -> None:
    with PulumiClient(system.gateway_address, EVE_TOKEN) as eve:
        with pytest.raises(PulumiGatewayError) as caught:
            eve.stacks.GetStack(PROD)
        # eve does see her own organization's stacks
        assert {s.org_name for s in eve.iter_stacks()} == {"globex"}
    assert caught.value.code is grpc.StatusCode.PERMISSION_DENIED
    assert caught.value.http_status == 403
    assert "eve" in caught.value.message


def test_unauthenticated_without_token(system: System) -> None:
    with PulumiClient(system.gateway_address, None) as anonymous:
        with pytest.raises(PulumiGatewayError) as caught:
            anonymous.stacks.GetStack(PROD)
    assert caught.value.code is grpc.StatusCode.UNAUTHENTICATED
    assert "authorization" in caught.value.message
    assert caught.value.http_status is None  # rejected by the gateway, never sent upstream


def test_unauthenticated_with_unknown_token(system: System) -> None:
    with PulumiClient(system.gateway_address, "not-a-token") as stranger:
        with pytest.raises(PulumiGatewayError) as caught:
            stranger.stacks.GetStack(PROD)
    assert caught.value.code is grpc.StatusCode.UNAUTHENTICATED
    assert caught.value.http_status == 401


def test_a_calls_own_authorization_wins(system: System) -> None:
    # The client's token is jdoe's, but this call sends eve's: eve may not read acme-corp.
    with PulumiClient(system.gateway_address, JDOE_TOKEN) as client:
        with pytest.raises(PulumiGatewayError) as caught:
            client.stacks.GetStack(PROD, metadata=[("authorization", f"token {EVE_TOKEN}")])
    assert caught.value.code is grpc.StatusCode.PERMISSION_DENIED


def test_rate_limited_call_carries_retry_delay(client: PulumiClient, emulator: Emulator) -> None:
    route = "/api/stacks/acme-corp/auth-service/staging"
    request = stacks_pb2.GetStackRequest(
        org_name="acme-corp", project_name="auth-service", stack_name="staging"
    )
    with emulator.fault(kind="retry_after", retry_after="1", route=route, method="GET"):
        with pytest.raises(PulumiGatewayError) as caught:
            client.stacks.GetStack(request)
    assert caught.value.code is grpc.StatusCode.RESOURCE_EXHAUSTED
    assert caught.value.http_status == 429
    assert caught.value.retry_delay == pytest.approx(1.0)


def test_per_call_deadline_exceeded(client: PulumiClient, emulator: Emulator) -> None:
    # The emulator holds this stack's next request for 3 s; the call allows 0.3 s.
    route = "/api/stacks/acme-corp/auth-service/dev"
    request = stacks_pb2.GetStackRequest(
        org_name="acme-corp", project_name="auth-service", stack_name="dev"
    )
    started = time.monotonic()
    with emulator.fault(kind="latency", latency_ms=3000, route=route, count=1):
        with pytest.raises(PulumiGatewayError) as caught:
            client.stacks.GetStack(request, timeout=0.3)
    assert caught.value.code is grpc.StatusCode.DEADLINE_EXCEEDED
    assert time.monotonic() - started < 2.5


def test_client_default_deadline_exceeded(system: System, emulator: Emulator) -> None:
    route = "/api/stacks/acme-corp/platform-network/shared"
    request = stacks_pb2.GetStackRequest(
        org_name="acme-corp", project_name="platform-network", stack_name="shared"
    )
    started = time.monotonic()
    with emulator.fault(kind="latency", latency_ms=3000, route=route, count=1):
        with PulumiClient(system.gateway_address, JDOE_TOKEN, timeout=0.3) as hasty:
            with pytest.raises(PulumiGatewayError) as caught:
                hasty.stacks.GetStack(request)
    assert caught.value.code is grpc.StatusCode.DEADLINE_EXCEEDED
    assert time.monotonic() - started < 2.5



def test_who_am_i_with_a_personal_token(client: PulumiClient) -> None:
    me = client.users.WhoAmI(users_pb2.WhoAmIRequest())
    assert me.token_kind == users_pb2.TOKEN_KIND_PERSONAL
    assert me.user_login == "jdoe"


def test_batch_get_stacks_reports_each_entry_by_index(client: PulumiClient) -> None:
    nope = stacks_pb2.GetStackRequest(
        org_name="acme-corp", project_name="payments-api", stack_name="nope"
    )
    request = stacks_pb2.BatchGetStacksRequest(stacks=[PROD, nope])
    by_index: dict[int, stacks_pb2.BatchGetStacksResponse] = {}
    for message in client.stacks.BatchGetStacks(request, timeout=10):
        assert message.index not in by_index, f"index {message.index} sent twice"
        by_index[message.index] = message
    assert sorted(by_index) == [0, 1]
    assert by_index[0].WhichOneof("result") == "stack"
    assert by_index[0].stack.stack_name == "prod"
    assert by_index[0].stack.id == "5f0d2c7e-8a1b-4c3d-9e2f-0a1b2c3d4e5f"
    assert by_index[1].WhichOneof("result") == "error"
    assert by_index[1].error.code == grpc.StatusCode.NOT_FOUND.value[0]
