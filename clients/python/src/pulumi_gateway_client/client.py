"""`PulumiClient`: a gRPC channel to the gateway with a stub per service and page iterators.

    with PulumiClient("localhost:50051", token) as client:
        for stack in client.stacks.ListStacks.items(stacks_pb2.ListStacksRequest()):
            print(stack.org_name, stack.project_name, stack.stack_name)
        hooks = client.webhooks.ListStackWebhooks(webhooks_pb2.ListStackWebhooksRequest(
            org_name="acme-corp", project_name="payments-api", stack_name="prod"))
        for member in client.organizations.StreamMembers(
                organizations_pb2.StreamMembersRequest(org_name="acme-corp")):
            print(member.user.github_login)

Every service of the API is an attribute, named after it in snake case less `Service`
(`client.access_tokens`, `client.stack_updates`, ...; `client.updates` is `stack_updates`).
Every call carries `authorization: token <token>` metadata and, unless the call passes its own
`timeout=`, the client's default deadline. Calls and streams through these stubs (and the
iterators) raise `PulumiGatewayError` instead of a bare `grpc.RpcError`; `.future()` calls are
left as gRPC returns them (use `decode_error`). List methods with a continuation token also have
`.pages(request)` and `.items(request)`.
"""

from __future__ import annotations

import time
from typing import (
    Any,
    Callable,
    Dict,
    Iterable,
    Iterator,
    List,
    NamedTuple,
    Optional,
    Sequence,
    Tuple,
    TypeVar,
    cast,
)

import grpc
from google.protobuf.descriptor import ServiceDescriptor

from pulumi_gateway_client._generated.pulumi.service.v1 import (
    organizations_pb2,
    organizations_pb2_grpc,
    stacks_pb2,
    stacks_pb2_grpc,
    updates_pb2,
    updates_pb2_grpc,
    users_pb2_grpc,
)
from pulumi_gateway_client._services import TOKEN_FIELD, PageSpec, page_spec, services
from pulumi_gateway_client.errors import decode_error

__all__ = ["PulumiClient"]

_T = TypeVar("_T")

_Metadata = Sequence[Tuple[str, Any]]


class _CallDetails(NamedTuple):
    method: str
    timeout: Optional[float]
    metadata: Optional[_Metadata]
    credentials: Optional[grpc.CallCredentials]
    wait_for_ready: Optional[bool]
    compression: Optional[grpc.Compression]


class _ClientCallDetails(_CallDetails, grpc.ClientCallDetails):
    """The details of one call, rebuilt with the token and the default deadline."""


class _DefaultsInterceptor(grpc.UnaryUnaryClientInterceptor, grpc.UnaryStreamClientInterceptor):
    """Adds the authorization metadata and the default deadline to every call.

    A call that passes its own `authorization` metadata or `timeout` keeps them.
    """

    def __init__(self, metadata: Sequence[Tuple[str, str]], timeout: Optional[float]) -> None:
        self._metadata = tuple(metadata)
        self._timeout = timeout

    def _with_defaults(self, details: grpc.ClientCallDetails) -> grpc.ClientCallDetails:
        metadata: List[Tuple[str, Any]] = list(details.metadata or ())
        present = {key.lower() for key, _ in metadata}
        metadata.extend(item for item in self._metadata if item[0] not in present)
        return _ClientCallDetails(
            details.method,
            details.timeout if details.timeout is not None else self._timeout,
            metadata,
            details.credentials,
            getattr(details, "wait_for_ready", None),
            getattr(details, "compression", None),
        )

    def intercept_unary_unary(
        self,
        continuation: Callable[[grpc.ClientCallDetails, Any], Any],
        client_call_details: grpc.ClientCallDetails,
        request: Any,
    ) -> Any:
        return continuation(self._with_defaults(client_call_details), request)

    def intercept_unary_stream(
        self,
        continuation: Callable[[grpc.ClientCallDetails, Any], Any],
        client_call_details: grpc.ClientCallDetails,
        request: Any,
    ) -> Any:
        return continuation(self._with_defaults(client_call_details), request)


class _RaisingMethod:
    """A unary method of a stub whose blocking calls raise `PulumiGatewayError`."""

    __slots__ = ("_method",)

    def __init__(self, method: grpc.UnaryUnaryMultiCallable) -> None:
        self._method = method

    def __call__(self, request: Any, *args: Any, **kwargs: Any) -> Any:
        try:
            return self._method(request, *args, **kwargs)
        except grpc.RpcError as error:
            raise decode_error(error) from error

    def with_call(self, request: Any, *args: Any, **kwargs: Any) -> Any:
        try:
            return self._method.with_call(request, *args, **kwargs)
        except grpc.RpcError as error:
            raise decode_error(error) from error

    def future(self, request: Any, *args: Any, **kwargs: Any) -> Any:
        return self._method.future(request, *args, **kwargs)


class _PagedMethod(_RaisingMethod):
    """A token-paginated list method: a unary method plus `pages()` and `items()`.

        for stack in client.stacks.ListStacks.items(stacks_pb2.ListStacksRequest()):
            ...
    """

    __slots__ = ("_spec", "_name")

    def __init__(self, method: grpc.UnaryUnaryMultiCallable, spec: PageSpec, name: str) -> None:
        super().__init__(method)
        self._spec = spec
        self._name = name

    @property
    def page_spec(self) -> PageSpec:
        """The token and item fields this method's pages are walked by."""
        return self._spec

    def pages(
        self,
        request: Any,
        *,
        timeout: Optional[float] = None,
        poll_interval: float = 1.0,
        sleep: Callable[[float], None] = time.sleep,
    ) -> Iterator[Any]:
        """Yields every answer page, from the request's own token (unset: the first page).

        The request is not modified. Each page is one call with `timeout` (None: the client's
        default). A page whose token is empty is the last. A live list (an update's events, see
        `PageSpec.follow`) is followed while it runs: after a page without items it waits
        `poll_interval` seconds and asks again with the token it got. A list whose service hands
        back the token it was just given raises RuntimeError (it would loop forever).
        """
        return _walk(self, request, self._spec, timeout, poll_interval, sleep)

    def items(
        self,
        request: Any,
        *,
        timeout: Optional[float] = None,
        poll_interval: float = 1.0,
        sleep: Callable[[float], None] = time.sleep,
    ) -> Iterator[Any]:
        """Yields the items of every page in order (see `pages`).

        Raises:
            TypeError: the answer has no single repeated field to take the items from (iterate
                `pages()` instead).
        """
        field = self._spec.items_field
        if field is None:
            raise TypeError(f"{self._name}: the answer has no single item field; use pages()")
        pages = _walk(self, request, self._spec, timeout, poll_interval, sleep)
        return (item for page in pages for item in getattr(page, field))


class _RaisingStream:
    """A server-streaming method whose messages are read through a `_Stream`."""

    __slots__ = ("_method",)

    def __init__(self, method: grpc.UnaryStreamMultiCallable) -> None:
        self._method = method

    def __call__(self, request: Any, *args: Any, **kwargs: Any) -> "_Stream":
        return _Stream(self._method(request, *args, **kwargs))


class _Stream:
    """The messages of one server stream; an error raises `PulumiGatewayError` after the
    messages that came before it. `cancel()` ends the stream early; other attributes are the
    gRPC call's (`initial_metadata()`, `code()`, ...)."""

    __slots__ = ("_call",)

    def __init__(self, call: Any) -> None:
        self._call = call

    def __iter__(self) -> "_Stream":
        return self

    def __next__(self) -> Any:
        try:
            return next(self._call)
        except grpc.RpcError as error:
            raise decode_error(error) from error

    def cancel(self) -> bool:
        return bool(self._call.cancel())

    def __getattr__(self, name: str) -> Any:
        return getattr(self._call, name)


class _RaisingStub:
    """Wraps a generated stub: unary methods and streams raise `PulumiGatewayError`, and list
    methods with a continuation token get `pages()` and `items()`."""

    def __init__(self, stub: object, descriptor: ServiceDescriptor) -> None:
        self._stub = stub
        self._descriptor = descriptor

    def __getattr__(self, name: str) -> Any:
        attribute = getattr(self._stub, name)
        if isinstance(attribute, grpc.UnaryUnaryMultiCallable):
            method = self._descriptor.methods_by_name.get(name)
            spec = page_spec(method) if method is not None else None
            if spec is not None:
                attribute = _PagedMethod(attribute, spec, f"{self._descriptor.name}.{name}")
            else:
                attribute = _RaisingMethod(attribute)
        elif isinstance(attribute, grpc.UnaryStreamMultiCallable):
            attribute = _RaisingStream(attribute)
        setattr(self, name, attribute)  # later lookups skip __getattr__
        return attribute


def _read(path: Optional[str]) -> Optional[bytes]:
    if path is None:
        return None
    with open(path, "rb") as file:
        return file.read()


class PulumiClient:
    """A connection to the Pulumi gRPC gateway.

    Every service of `pulumi.service.v1` is an attribute holding its stub: the service name less
    `Service`, in snake case (`webhooks`, `stack_config`, `access_tokens`, `stack_updates`, ...).

    Attributes:
        stacks: the `StacksService` stub (`ListStacks`, `GetStack`, `StreamStacks`, ...).
        updates: the `StackUpdatesService` stub, also `stack_updates`.
        organizations: the `OrganizationsService` stub (`ListMembers`, `StreamMembers`, ...).
        users: the `UsersService` stub (`GetCurrentUser`, `WhoAmI`).
        stubs: every stub by the service's full name (`"pulumi.service.v1.WebhooksService"`).
        channel: the underlying channel, with the token and deadline interceptor applied.

    Use it as a context manager, or call `close()`.
    """

    def __init__(
        self,
        address: str,
        token: Optional[str],
        timeout: Optional[float] = 30.0,
        tls: bool = False,
        ca_file: Optional[str] = None,
        cert_file: Optional[str] = None,
        key_file: Optional[str] = None,
        *,
        channel_options: Sequence[Tuple[str, Any]] = (),
    ) -> None:
        """Opens a channel to the gateway (lazily: nothing is sent before the first call).

        Args:
            address: the gateway's `host:port`, e.g. "localhost:50051".
            token: the Pulumi access token sent as `authorization: token <token>` on every call;
                None or "" sends no authorization (the gateway then answers UNAUTHENTICATED,
                unless it runs with its own service token).
            timeout: default deadline of each call, in seconds (default 30); None for none. A
                call's own `timeout=` argument wins.
            tls: connect with TLS (default False: plaintext).
            ca_file: PEM file of the CA certificates to trust (TLS only); default the system's.
            cert_file: PEM client certificate chain for mutual TLS (TLS only; needs key_file).
            key_file: PEM private key of cert_file (TLS only; needs cert_file).
            channel_options: extra gRPC channel arguments, e.g. `[("grpc.primary_user_agent",
                "my-service")]`.

        Raises:
            ValueError: a certificate file without `tls=True`, or only one of cert_file/key_file.
            OSError: a certificate file cannot be read.
        """
        if not tls and (ca_file or cert_file or key_file):
            raise ValueError("ca_file, cert_file and key_file need tls=True")
        if (cert_file is None) != (key_file is None):
            raise ValueError("cert_file and key_file go together (mutual TLS)")

        if tls:
            credentials = grpc.ssl_channel_credentials(
                root_certificates=_read(ca_file),
                private_key=_read(key_file),
                certificate_chain=_read(cert_file),
            )
            self._raw_channel = grpc.secure_channel(address, credentials, options=channel_options)
        else:
            self._raw_channel = grpc.insecure_channel(address, options=channel_options)

        metadata = [("authorization", f"token {token}")] if token else []
        self.channel: grpc.Channel = grpc.intercept_channel(
            self._raw_channel, _DefaultsInterceptor(metadata, timeout)
        )
        self.address = address
        self.timeout = timeout
        # One wrapped stub per service of the API, found in the generated descriptors.
        self.stubs: Dict[str, Any] = {}
        for service in services():
            stub = _RaisingStub(service.stub_class(self.channel), service.descriptor)
            self.stubs[service.descriptor.full_name] = stub
            attribute = service.attribute
            if hasattr(self, attribute):  # a service named like a client attribute
                attribute = f"{attribute}_service"
            setattr(self, attribute, stub)
        # The names of earlier releases, typed for the four first services.
        self.stacks = cast(stacks_pb2_grpc.StacksServiceStub, self.service("StacksService"))
        self.updates = cast(
            updates_pb2_grpc.StackUpdatesServiceStub, self.service("StackUpdatesService")
        )
        self.organizations = cast(
            organizations_pb2_grpc.OrganizationsServiceStub, self.service("OrganizationsService")
        )
        self.users = cast(users_pb2_grpc.UsersServiceStub, self.service("UsersService"))

    def service(self, name: str) -> Any:
        """The wrapped stub of a service by name: `"WebhooksService"` or its full name.

        Raises:
            KeyError: no such service in this client's generated code.
        """
        stub = self.stubs.get(name) or self.stubs.get(f"pulumi.service.v1.{name}")
        if stub is None:
            raise KeyError(f"no service {name!r}; known: {', '.join(sorted(self.stubs))}")
        return stub

    def __getattr__(self, name: str) -> Any:
        # Only reached for names __init__ did not set: tells type checkers that the service
        # attributes set from the descriptors (client.webhooks, ...) exist.
        raise AttributeError(f"{type(self).__name__} has no attribute {name!r}")

    def close(self) -> None:
        """Closes the channel; calls in flight are cancelled."""
        self._raw_channel.close()

    def __enter__(self) -> "PulumiClient":
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    # Page iterators. Each sends the previous page's `continuation_token` until a page comes back
    # without one, and yields the items of every page in order. Errors raise PulumiGatewayError
    # (from the page that failed; items of earlier pages were already yielded).

    def iter_stacks(
        self,
        *,
        organization: Optional[str] = None,
        project: Optional[str] = None,
        tag_name: Optional[str] = None,
        tag_value: Optional[str] = None,
        page_size: Optional[int] = None,
        timeout: Optional[float] = None,
    ) -> Iterator[stacks_pb2.StackSummary]:
        """Yields every stack the caller can see (ListStacks, all pages), optionally filtered.

        Args:
            organization, project, tag_name, tag_value: the ListStacks filters; None = unset.
            page_size: `max_results` per page; None = the service default (10).
            timeout: deadline of each page call; None = the client's default.
        """
        request = stacks_pb2.ListStacksRequest()
        if organization is not None:
            request.organization = organization
        if project is not None:
            request.project = project
        if tag_name is not None:
            request.tag_name = tag_name
        if tag_value is not None:
            request.tag_value = tag_value
        if page_size is not None:
            request.max_results = page_size
        for page in _pages(self.stacks.ListStacks, request, timeout):
            yield from page.stacks

    def iter_members(
        self,
        org_name: str,
        *,
        type: Optional[str] = None,  # noqa: A002 - the field's name in the API
        timeout: Optional[float] = None,
    ) -> Iterator[organizations_pb2.OrganizationMember]:
        """Yields every member of an organization (ListMembers, all pages).

        Args:
            org_name: the organization.
            type: "frontend" or "backend"; None = the service default.
            timeout: deadline of each page call; None = the client's default.
        """
        request = organizations_pb2.ListMembersRequest(org_name=org_name)
        if type is not None:
            request.type = type
        for page in _pages(self.organizations.ListMembers, request, timeout):
            yield from page.members

    def iter_audit_log_events(
        self,
        org_name: str,
        *,
        start_time: Optional[int] = None,
        end_time: Optional[int] = None,
        user_filter: Optional[str] = None,
        event_filter: Optional[str] = None,
        version: int = 2,
        timeout: Optional[float] = None,
    ) -> Iterator[organizations_pb2.AuditLogEvent]:
        """Yields an organization's audit-log events, newest first, over all pages.

        Args:
            org_name: the organization (audit logs need an admin and an Enterprise subscription).
            start_time: unix seconds. With version 2 (default, ListAuditLogEventsV2) a LOWER bound;
                with version 1 (ListAuditLogEvents) an UPPER bound, and required.
            end_time: unix seconds, upper bound.
            user_filter: only events by this user login.
            event_filter: only events of this type, e.g. "stack.update".
            version: 2 (default) or 1, the API's time semantics.
            timeout: deadline of each page call; None = the client's default.

        Raises:
            ValueError: version is not 1 or 2, or version 1 without start_time (raised by the
                call itself, before any iteration).
        """
        if version not in (1, 2):
            raise ValueError(f"audit logs version must be 1 or 2, not {version!r}")
        if version == 1 and start_time is None:
            raise ValueError("audit logs version 1 needs start_time (an upper bound)")
        request: Any
        method: Callable[..., Any]
        if version == 2:
            request = organizations_pb2.ListAuditLogEventsV2Request(org_name=org_name)
            method = self.organizations.ListAuditLogEventsV2
        else:
            request = organizations_pb2.ListAuditLogEventsRequest(org_name=org_name)
            method = self.organizations.ListAuditLogEvents
        if start_time is not None:
            request.start_time = start_time
        if end_time is not None:
            request.end_time = end_time
        if user_filter is not None:
            request.user_filter = user_filter
        if event_filter is not None:
            request.event_filter = event_filter
        # Not a generator itself, so that the ValueErrors above are raised at the call.
        pages = _pages(method, request, timeout)
        return (event for page in pages for event in page.audit_log_events)

    def iter_update_events(
        self,
        org_name: str,
        project_name: str,
        stack_name: str,
        update_id: str,
        *,
        kind: str = "update",
        types: Iterable[str] = (),
        urn: Optional[str] = None,
        continuation_token: Optional[str] = None,
        poll_interval: float = 1.0,
        timeout: Optional[float] = None,
        sleep: Callable[[float], None] = time.sleep,
    ) -> Iterator[updates_pb2.EngineEvent]:
        """Yields the engine events of one update in order, following it until it has finished.

        Calls ListUpdateEvents with the previous continuation token until a response has none,
        which happens once the update has finished and every event was returned. While the update
        runs, a page may be empty (and the token repeat): then it waits `poll_interval` seconds
        before polling again. For a running update this blocks until the update finishes; stop
        early by leaving the loop (or closing the generator).

        Args:
            org_name, project_name, stack_name: the stack.
            update_id: the update's UUID (`StackUpdate.update_id`, `Stack.active_update`).
            kind: "update" (default), "preview", "refresh" or "destroy".
            types: only events of these types, e.g. ["diagnosticEvent"]; empty = all.
            urn: only events about this resource URN.
            continuation_token: resume after a token from an earlier response; None = from the
                start.
            poll_interval: seconds to wait after an empty page (default 1).
            timeout: deadline of each poll; None = the client's default.
            sleep: the wait function (for tests).
        """
        request = updates_pb2.ListUpdateEventsRequest(
            org_name=org_name,
            project_name=project_name,
            stack_name=stack_name,
            kind=kind,
            update_id=update_id,
            types=list(types),
        )
        if urn is not None:
            request.urn = urn
        if continuation_token is not None:
            request.continuation_token = continuation_token
        # ListUpdateEvents is followed live (WatchUpdateEvents walks it with `follow`).
        yield from self.stack_updates.ListUpdateEvents.items(
            request, timeout=timeout, poll_interval=poll_interval, sleep=sleep
        )


def _walk(
    method: Callable[..., _T],
    request: Any,
    spec: PageSpec,
    timeout: Optional[float],
    poll_interval: float,
    sleep: Callable[[float], None],
) -> Iterator[_T]:
    """Calls a token-paginated list method page after page until a page has no token.

    Works on a copy of `request`. Raises RuntimeError when a list that is not followed hands back
    the token it was just given (it would otherwise loop forever).
    """
    request = _copy(request)
    while True:
        response = method(request, timeout=timeout)
        yield response
        token = cast(str, getattr(response, spec.response_token))
        if not token:
            return
        if spec.follow:
            if spec.items_field is not None and not getattr(response, spec.items_field):
                sleep(poll_interval)  # nothing new yet: the resource is still running
        elif token == getattr(request, spec.request_token):
            raise RuntimeError(
                f"{type(request).__name__}: the service returned the same continuation token "
                f"{token!r} again"
            )
        setattr(request, spec.request_token, token)


def _copy(request: _T) -> _T:
    copy = type(request)()
    copy.CopyFrom(request)  # type: ignore[attr-defined]
    return copy


_LIST = PageSpec(TOKEN_FIELD, TOKEN_FIELD, None, follow=False)


def _pages(method: Callable[..., _T], request: Any, timeout: Optional[float]) -> Iterator[_T]:
    """The pages of a list method, for the named iterators above."""
    return _walk(method, request, _LIST, timeout, 0.0, time.sleep)
