"""The page iterators against the real gateway and the emulator's demo data."""

from __future__ import annotations

import pytest

from pulumi_gateway_client import PulumiClient, stacks_pb2


def _names(stacks) -> list:
    return [f"{s.org_name}/{s.project_name}/{s.stack_name}" for s in stacks]


def test_list_stacks_has_two_pages(client: PulumiClient) -> None:
    first = client.stacks.ListStacks(stacks_pb2.ListStacksRequest())
    assert len(first.stacks) == 10
    assert first.continuation_token != ""
    second = client.stacks.ListStacks(
        stacks_pb2.ListStacksRequest(continuation_token=first.continuation_token)
    )
    assert len(second.stacks) == 4
    assert second.continuation_token == ""


def test_iter_stacks_yields_all_14_once(client: PulumiClient) -> None:
    stacks = list(client.iter_stacks())
    names = _names(stacks)
    assert len(stacks) == 14
    assert len(set(names)) == 14, f"duplicates in {names}"
    assert len({s.id for s in stacks}) == 14
    assert "acme-corp/payments-api/prod" in names
    assert {"globex/inventory/dev", "globex/inventory/prod"} <= set(names)


def test_iter_stacks_with_small_pages_gives_the_same_stacks(client: PulumiClient) -> None:
    assert _names(client.iter_stacks(page_size=3)) == _names(client.iter_stacks())


def test_iter_stacks_filters_by_organization(client: PulumiClient) -> None:
    stacks = list(client.iter_stacks(organization="acme-corp"))
    assert len(stacks) == 12
    assert {s.org_name for s in stacks} == {"acme-corp"}


def test_iter_stacks_filters_by_project(client: PulumiClient) -> None:
    names = _names(client.iter_stacks(organization="acme-corp", project="payments-api"))
    assert sorted(names) == [
        "acme-corp/payments-api/dev",
        "acme-corp/payments-api/prod",
        "acme-corp/payments-api/staging",
    ]


def test_iter_members_reads_both_pages(client: PulumiClient) -> None:
    members = list(client.iter_members("acme-corp"))
    logins = [m.user.github_login for m in members]
    assert len(members) == 7  # 5 on the first page, 2 on the second
    assert set(logins) == {"jdoe", "rkumar", "mchen", "asmith", "lnguyen", "tokafor", "acme-ci"}
    jdoe = next(m for m in members if m.user.github_login == "jdoe")
    assert jdoe.role == "admin"
    assert jdoe.user.name == "Jane Doe"


def test_iter_audit_log_events_v2_newest_first(client: PulumiClient) -> None:
    events = list(client.iter_audit_log_events("acme-corp"))
    assert len(events) == 14  # the seeded events; 10 + 4 over two pages
    timestamps = [e.timestamp for e in events]
    assert timestamps == sorted(timestamps, reverse=True)


def test_iter_audit_log_events_v1_with_upper_bound(client: PulumiClient) -> None:
    everything = list(client.iter_audit_log_events("acme-corp", version=1, start_time=2**40))
    assert len(everything) == 14
    newest = everything[0].timestamp
    older = list(client.iter_audit_log_events("acme-corp", version=1, start_time=newest - 1))
    assert 0 < len(older) < 14
    assert all(e.timestamp <= newest - 1 for e in older)


def test_iter_audit_log_events_v1_needs_start_time(client: PulumiClient) -> None:
    with pytest.raises(ValueError, match="start_time"):
        client.iter_audit_log_events("acme-corp", version=1)
    with pytest.raises(ValueError, match="1 or 2"):
        client.iter_audit_log_events("acme-corp", version=3)
