"""Python client of the Pulumi gRPC gateway (the Pulumi Service REST API over gRPC).

    from pulumi_gateway_client import PulumiClient, PulumiGatewayError, stacks_pb2

    with PulumiClient("localhost:50051", token) as client:
        for stack in client.stacks.ListStacks.items(stacks_pb2.ListStacksRequest()):
            print(f"{stack.org_name}/{stack.project_name}/{stack.stack_name}")

Every generated module of `pulumi.service.v1` is re-exported here under its file name: the
messages (`stacks_pb2`, `webhooks_pb2`, `access_tokens_pb2`, ...) and the stubs and servicers
(`stacks_pb2_grpc`, ...).
"""

import importlib as _importlib
from typing import Any as _Any

from pulumi_gateway_client._services import PageSpec, modules as _modules
from pulumi_gateway_client.client import PulumiClient
from pulumi_gateway_client.errors import PulumiGatewayError, decode_error

# Named here for type checkers and readers; every other generated module is added below.
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

__all__ = ["PageSpec", "PulumiClient", "PulumiGatewayError", "decode_error"]


def _export_generated() -> None:
    exported = globals()
    for module in _modules():
        name = module.__name__.rsplit(".", 1)[1]
        exported[name] = module
        __all__.append(name)
        if module.DESCRIPTOR.services_by_name:
            grpc_module = _importlib.import_module(f"{module.__name__}_grpc")
            exported[f"{name}_grpc"] = grpc_module
            __all__.append(f"{name}_grpc")


_export_generated()


def __getattr__(name: str) -> _Any:  # every generated module is set above; this types them
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__version__ = "0.3.0"
