"""The gateway's services and their paginated methods, found in the generated descriptors.

Nothing here names a service or an RPC: every `pulumi.service.v1` service whose generated module
ships in `_generated/` is found by walking that package, and a method is paginated when its shape
says so (see `page_spec`). A service or list the proto generator adds is picked up by regenerating
the modules, with no change to this file.

    for service in services():
        print(service.attribute, service.descriptor.full_name)    # "webhooks", "pulumi...."
    spec = page_spec(stacks_pb2.DESCRIPTOR.services_by_name["StacksService"]
                     .methods_by_name["ListStacks"])                 # items "stacks"
"""

from __future__ import annotations

import importlib
import pkgutil
import re
from dataclasses import dataclass
from functools import lru_cache
from types import ModuleType
from typing import Dict, Optional, Tuple

from google.protobuf.descriptor import FieldDescriptor, MethodDescriptor, ServiceDescriptor

from pulumi_gateway_client._generated.pulumi.gateway.v1 import options_pb2
from pulumi_gateway_client._generated.pulumi.service import v1 as _service_package

__all__ = ["PageSpec", "Service", "modules", "page_spec", "services"]

#: The token fields of a page request and its answer (the gateway's own default for the streams
#: that walk lists, `pulumi.gateway.v1.Pagination`).
TOKEN_FIELD = "continuation_token"


@dataclass(frozen=True)
class Service:
    """One gRPC service of the gateway.

    Attributes:
        attribute: the client attribute, the service name less `Service` in snake case
            (`StackUpdatesService` -> `stack_updates`).
        descriptor: the service's descriptor (methods, options).
        stub_class: the generated stub class (`StacksServiceStub`).
    """

    attribute: str
    descriptor: ServiceDescriptor
    stub_class: type


@dataclass(frozen=True)
class PageSpec:
    """How to walk the pages of one list method.

    Attributes:
        request_token: the request field that asks for a page (`continuation_token`).
        response_token: the answer field naming the next page; empty on the last one.
        items_field: the answer's repeated field holding the page's items, or None when the
            answer has no single such field (then only whole pages are iterated).
        follow: the list is live (an update's events): while the resource runs, the same token
            comes back with no items, and the walk polls again instead of ending. True when a
            server stream of the service walks this method with `follow` set.
    """

    request_token: str
    response_token: str
    items_field: Optional[str]
    follow: bool


def _snake(name: str) -> str:
    return re.sub(r"(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])", "_", name).lower()


@lru_cache(maxsize=None)
def modules() -> Tuple[ModuleType, ...]:
    """Every generated message module of `pulumi.service.v1` (`stacks_pb2`, ...), by name."""
    found = []
    package = _service_package.__name__
    for info in sorted(pkgutil.iter_modules(_service_package.__path__), key=lambda m: m.name):
        if info.name.endswith("_pb2"):
            found.append(importlib.import_module(f"{package}.{info.name}"))
    return tuple(found)


@lru_cache(maxsize=None)
def services() -> Tuple[Service, ...]:
    """Every service of the generated `pulumi.service.v1` modules, sorted by name."""
    found: Dict[str, Service] = {}
    for module in modules():
        if not module.DESCRIPTOR.services_by_name:
            continue
        grpc_module = importlib.import_module(f"{module.__name__}_grpc")
        for name, descriptor in module.DESCRIPTOR.services_by_name.items():
            attribute = _snake(name[: -len("Service")] if name.endswith("Service") else name)
            found[name] = Service(attribute, descriptor, getattr(grpc_module, f"{name}Stub"))
    return tuple(found[name] for name in sorted(found))


def _string_field(message, name: str) -> bool:
    field = message.fields_by_name.get(name)
    return (
        field is not None
        and field.type == FieldDescriptor.TYPE_STRING
        and not field.is_repeated
    )


def _items_field(message) -> Optional[str]:
    repeated = [
        f
        for f in message.fields
        if f.is_repeated
        and not (f.message_type is not None and f.message_type.GetOptions().map_entry)
    ]
    if len(repeated) == 1:
        return repeated[0].name
    messages = [f for f in repeated if f.type == FieldDescriptor.TYPE_MESSAGE]
    return messages[0].name if len(messages) == 1 else None


def _followed(method: MethodDescriptor) -> bool:
    for other in method.containing_service.methods:
        if not other.server_streaming:
            continue
        options = other.GetOptions()
        if options.HasExtension(options_pb2.pagination):
            walk = options.Extensions[options_pb2.pagination]
            if walk.method == method.name and walk.follow:
                return True
    return False


@lru_cache(maxsize=None)
def page_spec(method: MethodDescriptor) -> Optional[PageSpec]:
    """The pagination of a method, or None when it is not a token-paginated list.

    A unary method is paginated when its request and its answer both have a singular string
    field `continuation_token`. The items are the answer's one repeated field (maps aside), or
    else its one repeated message field.
    """
    if method.client_streaming or method.server_streaming:
        return None
    if not (_string_field(method.input_type, TOKEN_FIELD) and
            _string_field(method.output_type, TOKEN_FIELD)):
        return None
    return PageSpec(TOKEN_FIELD, TOKEN_FIELD, _items_field(method.output_type), _followed(method))
