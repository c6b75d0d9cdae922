"""Every service from the descriptors, the general pagers and the streams, against the real
gateway and emulator."""

from __future__ import annotations

import uuid

import grpc
import pytest

import pulumi_gateway_client
from pulumi_gateway_client import (
    PulumiClient,
    PulumiGatewayError,
    access_tokens_pb2,
    organizations_pb2,
    stacks_pb2,
    updates_pb2,
    webhooks_pb2,
)
from pulumi_gateway_client._services import services

STACK = {"org_name": "acme-corp", "project_name": "payments-api", "stack_name": "prod"}


def test_every_service_is_a_client_attribute(client: PulumiClient) -> None:
    found = services()
    assert len(found) >= 29
    for service in found:
        stub = client.service(service.descriptor.name)
        assert stub is client.stubs[service.descriptor.full_name]
        for method in service.descriptor.methods:
            assert callable(getattr(stub, method.name)), method.full_name
    assert client.webhooks is client.service("pulumi.service.v1.WebhooksService")
    assert client.stack_config is client.service("StackConfigService")
    assert client.updates is client.stack_updates
    with pytest.raises(KeyError, match="NoSuchService"):
        client.service("NoSuchService")


def test_every_generated_module_is_exported() -> None:
    assert pulumi_gateway_client.webhooks_pb2 is webhooks_pb2
    assert pulumi_gateway_client.webhooks_pb2_grpc.WebhooksServiceStub
    assert "deployments_pb2" in pulumi_gateway_client.__all__
    assert "types_pb2" in pulumi_gateway_client.__all__  # messages only: no _grpc module
    assert "types_pb2_grpc" not in pulumi_gateway_client.__all__


def test_list_methods_with_a_token_get_pagers(client: PulumiClient) -> None:
    paged = {
        f"{service.descriptor.name}.{method.name}": getattr(
            client.stubs[service.descriptor.full_name], method.name
        ).page_spec
        for service in services()
        for method in service.descriptor.methods
        if hasattr(getattr(client.stubs[service.descriptor.full_name], method.name), "pages")
    }
    expected_items = {
        "StacksService.ListStacks": "stacks",
        "OrganizationsService.ListMembers": "members",
        "OrganizationsService.ListAuditLogEventsV2": "audit_log_events",
        "AccessTokensService.ListPersonalTokens": "tokens",
        "ChangeRequestsService.ListChangeRequests": "change_requests",
        "ServicesService.ListServices": "services",
        "PolicyResultsService.GetPolicyComplianceResults": "rows",  # `columns` are strings
        "StackUpdatesService.ListUpdateEvents": "events",
    }
    for name, items in expected_items.items():
        assert paged[name].items_field == items, name
    assert paged["StackUpdatesService.ListUpdateEvents"].follow  # WatchUpdateEvents follows it
    assert not paged["StacksService.ListStacks"].follow
    # Numbered pages and unpaginated lists get no token pager.
    assert "StackUpdatesService.ListUpdates" not in paged
    assert "WebhooksService.ListStackWebhooks" not in paged
    with pytest.raises(AttributeError):
        client.webhooks.ListStackWebhooks.items  # noqa: B018


def test_a_new_service_call_and_its_decoded_error(client: PulumiClient) -> None:
    display_name = f"Client hook {uuid.uuid4().hex[:8]}"
    created = client.webhooks.CreateStackWebhook(
        webhooks_pb2.CreateStackWebhookRequest(
            **STACK,
            body=webhooks_pb2.Webhook(
                organization_name="acme-corp",
                display_name=display_name,
                payload_url="https://hooks.example.com/pulumi",
                active=True,
            ),
        )
    ).webhook
    assert created.display_name == display_name
    assert created.name
    got = client.webhooks.GetStackWebhook(
        webhooks_pb2.GetStackWebhookRequest(**STACK, hook_name=created.name)
    ).webhook
    assert got.payload_url == "https://hooks.example.com/pulumi"
    assert got.active

    with pytest.raises(PulumiGatewayError) as caught:
        client.webhooks.GetStackWebhook(
            webhooks_pb2.GetStackWebhookRequest(**STACK, hook_name="no-such-hook")
        )
    error = caught.value
    assert error.code is grpc.StatusCode.NOT_FOUND
    assert error.http_status == 404
    assert error.reason == "HTTP_404"
    assert error.request_id


def test_the_pager_of_a_new_list_walks_every_page(client: PulumiClient) -> None:
    tag = uuid.uuid4().hex[:12]
    ids = []
    for i in range(3):
        created = client.access_tokens.CreatePersonalToken(
            access_tokens_pb2.CreatePersonalTokenRequest(
                body=access_tokens_pb2.CreatePersonalAccessTokenRequest(
                    description=f"pager {tag} {i}", expires=0
                )
            )
        )
        ids.append(created.id)
    try:
        request = access_tokens_pb2.ListPersonalTokensRequest(filter=tag, max_results=1)
        pages = list(client.access_tokens.ListPersonalTokens.pages(request))
        assert len(pages) >= 3
        assert all(len(page.tokens) <= 1 for page in pages)
        tokens = list(client.access_tokens.ListPersonalTokens.items(request))
        assert sorted(t.description for t in tokens) == [f"pager {tag} {i}" for i in range(3)]
        assert not request.HasField("continuation_token")  # the caller's request is unchanged
    finally:
        for token_id in ids:
            client.access_tokens.DeletePersonalToken(
                access_tokens_pb2.DeletePersonalTokenRequest(token_id=token_id)
            )


def test_the_general_pager_matches_the_named_iterator(client: PulumiClient) -> None:
    request = stacks_pb2.ListStacksRequest(max_results=3)
    walked = [s.stack_name for s in client.stacks.ListStacks.items(request)]
    assert len(walked) == 14
    assert walked == [s.stack_name for s in client.iter_stacks(page_size=3)]
    assert len(list(client.stacks.ListStacks.pages(request))) == 5  # 3 + 3 + 3 + 3 + 2


def test_the_follow_pager_reads_a_finished_update(client: PulumiClient) -> None:
    request = updates_pb2.ListUpdateEventsRequest(
        **STACK, kind="update", update_id="3b9e4f1a-6c2d-4e8f-a0b1-c2d3e4f5a6b7"
    )
    events = list(client.stack_updates.ListUpdateEvents.items(request))
    assert len(events) == 9
    assert [e.type for e in events] == [
        e.type for e in client.iter_update_events(**STACK, update_id=request.update_id)
    ]


def test_streams_yield_every_item(client: PulumiClient) -> None:
    stream = client.stacks.StreamStacks(stacks_pb2.StreamStacksRequest())
    streamed = [message.stack.stack_name for message in stream]
    listed = [s.stack_name for s in client.stacks.ListStacks.items(stacks_pb2.ListStacksRequest())]
    assert streamed == listed
    members = list(
        client.organizations.StreamMembers(
            organizations_pb2.StreamMembersRequest(org_name="acme-corp")
        )
    )
    assert len(members) == 7  # two upstream pages


def test_a_stream_error_is_decoded_after_the_stream_starts(client: PulumiClient) -> None:
    stream = client.organizations.StreamMembers(
        organizations_pb2.StreamMembersRequest(org_name="no-such-org")
    )
    with pytest.raises(PulumiGatewayError) as caught:
        list(stream)
    assert caught.value.http_status in (403, 404)
    assert caught.value.reason == f"HTTP_{caught.value.http_status}"
