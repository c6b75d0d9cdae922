#!/usr/bin/env python3
"""Lists the stacks of an organization, then the engine events of the latest update of the first
stack that has one.

    python examples/list_stacks.py --address localhost:50051 --org acme-corp
    PULUMI_ACCESS_TOKEN=... python examples/list_stacks.py

Flags override the environment: --address ($PULUMI_GATEWAY_ADDRESS, default localhost:50051),
--token ($PULUMI_ACCESS_TOKEN), --org ($PULUMI_ORG, default acme-corp). If that update is still
running, the events are followed until it finishes. Exit code 1 on a gateway error.
"""

from __future__ import annotations

import argparse
import datetime
import os
import sys
from typing import List, Optional, TextIO

import grpc

from pulumi_gateway_client import PulumiClient, PulumiGatewayError, updates_pb2


def _time(unix_seconds: int) -> str:
    if unix_seconds <= 0:
        return "never"
    moment = datetime.datetime.fromtimestamp(unix_seconds, tz=datetime.timezone.utc)
    return moment.strftime("%Y-%m-%d %H:%M:%SZ")


def _summary(event: updates_pb2.EngineEvent) -> str:
    """A one-line description of an event: its type and its message, if the payload has one."""
    payload_name = event.WhichOneof("payload")
    text = ""
    if payload_name is not None and "message" in getattr(event, payload_name):
        lines = str(getattr(event, payload_name)["message"]).strip().splitlines()
        text = lines[0] if lines else ""
    return f"{_time(event.timestamp)}  {event.type:<18} {text}".rstrip()


def run(client: PulumiClient, org: str, out: TextIO) -> None:
    stacks = list(client.iter_stacks(organization=org))
    print(f"Stacks of {org} ({len(stacks)}):", file=out)
    for stack in stacks:
        name = f"{stack.org_name}/{stack.project_name}/{stack.stack_name}"
        print(
            f"  {name:<45} last update {_time(stack.last_update)}, "
            f"{stack.resource_count} resources",
            file=out,
        )

    for stack in stacks:
        request = updates_pb2.GetLatestUpdateRequest(
            org_name=stack.org_name, project_name=stack.project_name, stack_name=stack.stack_name
        )
        try:
            update = client.updates.GetLatestUpdate(request).update
        except PulumiGatewayError as error:
            if error.code is grpc.StatusCode.NOT_FOUND:  # never updated
                continue
            raise
        name = f"{stack.org_name}/{stack.project_name}/{stack.stack_name}"
        print(
            f"\nLatest update of {name}: version {update.version} "
            f"({update.info.kind}, {update.info.result}), id {update.update_id}",
            file=out,
        )
        count = 0
        for event in client.iter_update_events(
            stack.org_name,
            stack.project_name,
            stack.stack_name,
            update.update_id,
            kind=update.info.kind,
        ):
            print(f"  {_summary(event)}", file=out, flush=True)
            count += 1
        print(f"{count} events", file=out)
        return
    print("\nNo stack of this organization has an update.", file=out)


def main(argv: Optional[List[str]] = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--address",
        default=os.environ.get("PULUMI_GATEWAY_ADDRESS", "localhost:50051"),
        help="gateway host:port (env PULUMI_GATEWAY_ADDRESS; default localhost:50051)",
    )
    parser.add_argument(
        "--token",
        default=os.environ.get("PULUMI_ACCESS_TOKEN", ""),
        help="Pulumi access token (env PULUMI_ACCESS_TOKEN)",
    )
    parser.add_argument(
        "--org",
        default=os.environ.get("PULUMI_ORG", "acme-corp"),
        help="organization (env PULUMI_ORG; default acme-corp)",
    )
    parser.add_argument("--timeout", type=float, default=30.0, help="deadline per call, seconds")
    parser.add_argument("--tls", action="store_true", help="connect with TLS")
    parser.add_argument("--ca-file", help="PEM CA certificates to trust (with --tls)")
    parser.add_argument("--cert-file", help="PEM client certificate for mTLS (with --tls)")
    parser.add_argument("--key-file", help="PEM client key for mTLS (with --tls)")
    args = parser.parse_args(argv)

    try:
        with PulumiClient(
            args.address,
            args.token,
            timeout=args.timeout,
            tls=args.tls,
            ca_file=args.ca_file,
            cert_file=args.cert_file,
            key_file=args.key_file,
        ) as client:
            run(client, args.org, sys.stdout)
    except PulumiGatewayError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    except ValueError as error:
        parser.error(str(error))
    return 0


if __name__ == "__main__":
    sys.exit(main())
