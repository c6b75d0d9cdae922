"""The gateway's errors as one Python exception, with the google.rpc details decoded.

The gateway answers every failed call with a gRPC status whose `grpc-status-details-bin` trailer
holds a `google.rpc.Status` with a `google.rpc.ErrorInfo` (reason, domain, metadata `http_status`,
`request_id`, `gateway_request_id`) and, for rate limiting and unavailability (upstream 429 and
503), a `google.rpc.RetryInfo`. `decode_error` turns a `grpc.RpcError` into a
`PulumiGatewayError` carrying those values as attributes:

    try:
        client.stacks.GetStack(request)
    except PulumiGatewayError as err:
        if err.code is grpc.StatusCode.NOT_FOUND: ...
        if err.retry_delay is not None: time.sleep(err.retry_delay)
"""

from __future__ import annotations

from typing import Dict, Mapping, Optional, Sequence, Tuple, Union

import grpc
from google.protobuf.message import DecodeError
from google.rpc import error_details_pb2, status_pb2

#: Trailing-metadata key of the binary `google.rpc.Status` with the error details.
STATUS_DETAILS_KEY = "grpc-status-details-bin"


class PulumiGatewayError(Exception):
    """A failed call to the gateway, with its gRPC code and decoded error details.

    Like google-api-core's errors it is not a `grpc.RpcError` (whose `code()` is a method): catch
    `PulumiGatewayError`. The original error is `rpc_error` (and `__cause__` when raised by
    `PulumiClient`).

    Attributes:
        code: the gRPC status code, e.g. `grpc.StatusCode.NOT_FOUND`.
        message: the status message (for upstream errors, the upstream's error message).
        reason: `ErrorInfo.reason`, or None when the status carries no ErrorInfo.
        http_status: the upstream HTTP status from `ErrorInfo.metadata["http_status"]` (e.g. 404),
            or None when there was no upstream answer (or no ErrorInfo).
        request_id: the upstream's request id (`ErrorInfo.metadata["request_id"]`), or None.
        retry_delay: seconds to wait before retrying, from `google.rpc.RetryInfo`, or None.
        domain: `ErrorInfo.domain`, or None.
        gateway_request_id: the gateway's own request id for its logs, or None.
        metadata: every `ErrorInfo.metadata` entry, as sent (strings).
        rpc_error: the `grpc.RpcError` this error was decoded from, or None.
    """

    def __init__(
        self,
        code: grpc.StatusCode,
        message: str,
        reason: Optional[str] = None,
        http_status: Optional[int] = None,
        request_id: Optional[str] = None,
        retry_delay: Optional[float] = None,
        *,
        domain: Optional[str] = None,
        gateway_request_id: Optional[str] = None,
        metadata: Optional[Mapping[str, str]] = None,
        rpc_error: Optional[grpc.RpcError] = None,
    ) -> None:
        super().__init__(code, message)
        self.code = code
        self.message = message
        self.reason = reason
        self.http_status = http_status
        self.request_id = request_id
        self.retry_delay = retry_delay
        self.domain = domain
        self.gateway_request_id = gateway_request_id
        self.metadata: Dict[str, str] = dict(metadata or {})
        self.rpc_error = rpc_error

    def __str__(self) -> str:
        extras = []
        if self.reason:
            extras.append(f"reason={self.reason}")
        if self.http_status is not None:
            extras.append(f"http_status={self.http_status}")
        if self.request_id:
            extras.append(f"request_id={self.request_id}")
        if self.retry_delay is not None:
            extras.append(f"retry_delay={self.retry_delay:g}s")
        text = f"{self.code.name}: {self.message}"
        return f"{text} ({', '.join(extras)})" if extras else text

    def __repr__(self) -> str:
        return (
            f"PulumiGatewayError(code={self.code!r}, message={self.message!r}, "
            f"reason={self.reason!r}, http_status={self.http_status!r}, "
            f"request_id={self.request_id!r}, retry_delay={self.retry_delay!r})"
        )


def decode_error(error: grpc.RpcError) -> PulumiGatewayError:
    """Decodes a failed call's status and `google.rpc` details into a `PulumiGatewayError`.

    `error` is what a generated stub raised (a `grpc.RpcError` that is also a `grpc.Call`). Details
    that are missing or cannot be parsed leave the matching attributes None; this never raises.
    A `PulumiGatewayError` is returned unchanged.
    """
    if isinstance(error, PulumiGatewayError):
        return error
    code = grpc.StatusCode.UNKNOWN
    message = str(error)
    trailing: Optional[Sequence[Tuple[str, Union[str, bytes]]]] = None
    if isinstance(error, grpc.Call):
        code = error.code() or grpc.StatusCode.UNKNOWN
        message = error.details() or ""
        trailing = error.trailing_metadata()

    info: Optional[error_details_pb2.ErrorInfo] = None
    retry_delay: Optional[float] = None
    for key, value in trailing or ():
        if key != STATUS_DETAILS_KEY or not isinstance(value, bytes):
            continue
        status = status_pb2.Status()
        try:
            status.ParseFromString(value)
        except DecodeError:
            continue
        for detail in status.details:
            if detail.Is(error_details_pb2.ErrorInfo.DESCRIPTOR) and info is None:
                info = error_details_pb2.ErrorInfo()
                detail.Unpack(info)
            elif detail.Is(error_details_pb2.RetryInfo.DESCRIPTOR) and retry_delay is None:
                retry = error_details_pb2.RetryInfo()
                detail.Unpack(retry)
                retry_delay = retry.retry_delay.seconds + retry.retry_delay.nanos / 1e9

    metadata: Dict[str, str] = dict(info.metadata) if info is not None else {}
    return PulumiGatewayError(
        code,
        message,
        reason=(info.reason or None) if info is not None else None,
        http_status=_parse_int(metadata.get("http_status")),
        request_id=metadata.get("request_id") or None,
        retry_delay=retry_delay,
        domain=(info.domain or None) if info is not None else None,
        gateway_request_id=metadata.get("gateway_request_id") or None,
        metadata=metadata,
        rpc_error=error,
    )


def _parse_int(text: Optional[str]) -> Optional[int]:
    if not text:
        return None
    try:
        return int(text)
    except ValueError:
        return None
