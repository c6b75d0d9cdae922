"""TLS options and error decoding against a small in-process gRPC server (no gateway needed).

The gateway under test listens in plaintext, so TLS and mutual TLS are checked here: openssl
makes a throwaway CA with a server and a client certificate, and a fake StacksService echoes what
it received.
"""

from __future__ import annotations

import shutil
import subprocess
from concurrent import futures
from pathlib import Path
from typing import Dict, Iterator, Optional

import grpc
import pytest
from google.protobuf import duration_pb2
from google.rpc import code_pb2, error_details_pb2, status_pb2

from pulumi_gateway_client import PulumiClient, PulumiGatewayError, stacks_pb2, stacks_pb2_grpc

REQUEST = stacks_pb2.GetStackRequest(org_name="o", project_name="p", stack_name="s")


class EchoStacks(stacks_pb2_grpc.StacksServiceServicer):
    """GetStack echoes the authorization metadata as the stack id; stacks "fail-*" fail.

    ListStacks hands out the same continuation token forever (a broken service).
    """

    def ListStacks(self, request, context):  # noqa: N802 - generated name
        return stacks_pb2.ListStacksResponse(
            stacks=[stacks_pb2.StackSummary(stack_name="again")], continuation_token="same"
        )

    def GetStack(self, request, context):  # noqa: N802 - generated name
        if request.stack_name == "fail-with-details":
            status = status_pb2.Status(code=code_pb2.UNAVAILABLE, message="upstream down")
            status.details.add().Pack(
                error_details_pb2.ErrorInfo(
                    reason="HTTP_503",
                    domain="gateway.test",
                    metadata={"http_status": "503", "request_id": "req-1"},
                )
            )
            status.details.add().Pack(
                error_details_pb2.RetryInfo(
                    retry_delay=duration_pb2.Duration(seconds=2, nanos=500_000_000)
                )
            )
            context.set_trailing_metadata(
                [("grpc-status-details-bin", status.SerializeToString())]
            )
            context.abort(grpc.StatusCode.UNAVAILABLE, "upstream down")
        if request.stack_name == "fail-with-garbage":
            context.set_trailing_metadata([("grpc-status-details-bin", b"\xff\xfe garbage")])
            context.abort(grpc.StatusCode.ABORTED, "conflict")
        metadata: Dict[str, str] = {k: v for k, v in context.invocation_metadata()}
        remaining = context.time_remaining()
        return stacks_pb2.GetStackResponse(
            stack=stacks_pb2.Stack(
                id=metadata.get("authorization", ""),
                stack_name=request.stack_name,
                # seconds left before the deadline; -1 for none (gRPC reports ~forever)
                version=int(remaining) if remaining is not None and remaining < 10**6 else -1,
            )
        )


def _serve(credentials: Optional[grpc.ServerCredentials]) -> Iterator[str]:
    server = grpc.server(futures.ThreadPoolExecutor(max_workers=4))
    stacks_pb2_grpc.add_StacksServiceServicer_to_server(EchoStacks(), server)
    if credentials is None:
        port = server.add_insecure_port("127.0.0.1:0")
    else:
        port = server.add_secure_port("127.0.0.1:0", credentials)
    server.start()
    try:
        yield f"127.0.0.1:{port}"
    finally:
        server.stop(grace=None)


@pytest.fixture(scope="module")
def certs(tmp_path_factory: pytest.TempPathFactory) -> Path:
    openssl = shutil.which("openssl")
    if openssl is None:
        pytest.skip("openssl is not installed")
    folder = tmp_path_factory.mktemp("certs")

    def run(*args: str) -> None:
        subprocess.run([openssl, *args], cwd=folder, check=True, capture_output=True, timeout=60)

    run("req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=test-ca",
        "-keyout", "ca.key", "-out", "ca.pem")
    for name, extension in (
        ("server", "subjectAltName=IP:127.0.0.1,DNS:localhost"),
        ("client", "extendedKeyUsage=clientAuth"),
    ):
        run("req", "-newkey", "rsa:2048", "-nodes", "-subj", f"/CN={name}",
            "-keyout", f"{name}.key", "-out", f"{name}.csr")
        (folder / f"{name}.ext").write_text(extension + "\n")
        run("x509", "-req", "-in", f"{name}.csr", "-CA", "ca.pem", "-CAkey", "ca.key",
            "-CAcreateserial", "-days", "1", "-extfile", f"{name}.ext", "-out", f"{name}.pem")
    return folder


@pytest.fixture(scope="module")
def plain_server() -> Iterator[str]:
    yield from _serve(None)


@pytest.fixture(scope="module")
def mtls_server(certs: Path) -> Iterator[str]:
    credentials = grpc.ssl_server_credentials(
        [((certs / "server.key").read_bytes(), (certs / "server.pem").read_bytes())],
        root_certificates=(certs / "ca.pem").read_bytes(),
        require_client_auth=True,
    )
    yield from _serve(credentials)


@pytest.fixture(scope="module")
def tls_server(certs: Path) -> Iterator[str]:
    credentials = grpc.ssl_server_credentials(
        [((certs / "server.key").read_bytes(), (certs / "server.pem").read_bytes())]
    )
    yield from _serve(credentials)


def test_token_metadata_and_default_deadline(plain_server: str) -> None:
    with PulumiClient(plain_server, "secret", timeout=7.0) as client:
        stack = client.stacks.GetStack(REQUEST).stack
        assert stack.id == "token secret"
        assert 5 <= stack.version <= 7  # seconds left of the default 7 s deadline
        assert client.stacks.GetStack(REQUEST, timeout=60).stack.version > 50


def test_no_token_sends_no_authorization(plain_server: str) -> None:
    with PulumiClient(plain_server, "") as client:
        assert client.stacks.GetStack(REQUEST).stack.id == ""


def test_no_default_deadline(plain_server: str) -> None:
    with PulumiClient(plain_server, "t", timeout=None) as client:
        assert client.stacks.GetStack(REQUEST).stack.version == -1


def test_decodes_error_info_and_retry_info(plain_server: str) -> None:
    request = stacks_pb2.GetStackRequest(stack_name="fail-with-details")
    with PulumiClient(plain_server, "t") as client:
        with pytest.raises(PulumiGatewayError) as caught:
            client.stacks.GetStack(request)
    error = caught.value
    assert error.code is grpc.StatusCode.UNAVAILABLE
    assert error.message == "upstream down"
    assert error.reason == "HTTP_503"
    assert error.domain == "gateway.test"
    assert error.http_status == 503
    assert error.request_id == "req-1"
    assert error.retry_delay == pytest.approx(2.5)


def test_undecodable_details_leave_fields_empty(plain_server: str) -> None:
    request = stacks_pb2.GetStackRequest(stack_name="fail-with-garbage")
    with PulumiClient(plain_server, "t") as client:
        with pytest.raises(PulumiGatewayError) as caught:
            client.stacks.GetStack(request)
    assert caught.value.code is grpc.StatusCode.ABORTED
    assert caught.value.message == "conflict"
    assert (caught.value.reason, caught.value.http_status, caught.value.retry_delay) == (
        None,
        None,
        None,
    )


def test_mutual_tls(mtls_server: str, certs: Path) -> None:
    with PulumiClient(
        mtls_server,
        "secret",
        tls=True,
        ca_file=str(certs / "ca.pem"),
        cert_file=str(certs / "client.pem"),
        key_file=str(certs / "client.key"),
    ) as client:
        assert client.stacks.GetStack(REQUEST).stack.id == "token secret"


def test_mutual_tls_without_client_certificate_fails(mtls_server: str, certs: Path) -> None:
    with PulumiClient(
        mtls_server, "secret", timeout=5, tls=True, ca_file=str(certs / "ca.pem")
    ) as client:
        with pytest.raises(PulumiGatewayError) as caught:
            client.stacks.GetStack(REQUEST)
    assert caught.value.code is grpc.StatusCode.UNAVAILABLE


def test_server_tls_with_ca_file(tls_server: str, certs: Path) -> None:
    with PulumiClient(tls_server, "secret", tls=True, ca_file=str(certs / "ca.pem")) as client:
        assert client.stacks.GetStack(REQUEST).stack.stack_name == "s"


def test_untrusted_server_certificate_fails(tls_server: str) -> None:
    # Without ca_file only the system's CAs are trusted, and they did not sign the test server.
    with PulumiClient(tls_server, "secret", timeout=5, tls=True) as client:
        with pytest.raises(PulumiGatewayError) as caught:
            client.stacks.GetStack(REQUEST)
    assert caught.value.code is grpc.StatusCode.UNAVAILABLE


def test_plaintext_client_to_tls_server_fails(tls_server: str) -> None:
    with PulumiClient(tls_server, "secret", timeout=5) as client:
        with pytest.raises(PulumiGatewayError) as caught:
            client.stacks.GetStack(REQUEST)
    assert caught.value.code is grpc.StatusCode.UNAVAILABLE


def test_tls_option_errors(certs: Path) -> None:
    with pytest.raises(ValueError, match="tls=True"):
        PulumiClient("127.0.0.1:1", "t", ca_file=str(certs / "ca.pem"))
    with pytest.raises(ValueError, match="together"):
        PulumiClient("127.0.0.1:1", "t", tls=True, cert_file=str(certs / "client.pem"))
    with pytest.raises(FileNotFoundError):
        PulumiClient("127.0.0.1:1", "t", tls=True, ca_file=str(certs / "missing.pem"))


def test_a_repeated_continuation_token_stops_the_pager(plain_server: str) -> None:
    with PulumiClient(plain_server, "t") as client:
        stacks = client.iter_stacks()
        assert [next(stacks).stack_name, next(stacks).stack_name] == ["again", "again"]
        with pytest.raises(RuntimeError, match="same continuation token 'same'"):
            next(stacks)
