"""Python client of the Pulumi gRPC gateway (the Pulumi Service REST API over gRPC).

    from pulumi_gateway_client import PulumiClient, PulumiGatewayError, stacks_pb2

    with PulumiClient("localhost:50051", token) as client:
        for stack in client.iter_stacks(organization="acme-corp"):
            print(f"{stack.org_name}/{stack.project_name}/{stack.stack_name}")

The generated message and stub modules are re-exported here: `common_pb2`, `stacks_pb2`,
`updates_pb2`, `organizations_pb2`, `users_pb2` (messages) and `stacks_pb2_grpc`,
`updates_pb2_grpc`, `organizations_pb2_grpc`, `users_pb2_grpc` (stubs and servicers).
"""

from pulumi_gateway_client._generated.pulumi.service.v1 import (
    common_pb2,
    organizations_pb2,
    organizations_pb2_grpc,
    stacks_pb2,
    stacks_pb2_grpc,
    updates_pb2,
    updates_pb2_grpc,
    users_pb2,
    users_pb2_grpc,
)
from pulumi_gateway_client.client import PulumiClient
from pulumi_gateway_client.errors import PulumiGatewayError, decode_error

__all__ = [
    "PulumiClient",
    "PulumiGatewayError",
    "decode_error",
    "common_pb2",
    "organizations_pb2",
    "organizations_pb2_grpc",
    "stacks_pb2",
    "stacks_pb2_grpc",
    "updates_pb2",
    "updates_pb2_grpc",
    "users_pb2",
    "users_pb2_grpc",
]

__version__ = "0.2.0"
