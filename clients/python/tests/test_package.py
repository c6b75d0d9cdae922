"""What the installed package ships: typing markers and generated modules under its own name."""

from __future__ import annotations

from importlib import resources

import pulumi_gateway_client
from pulumi_gateway_client import stacks_pb2, stacks_pb2_grpc


def test_ships_py_typed_and_stubs() -> None:
    package = resources.files("pulumi_gateway_client")
    assert package.joinpath("py.typed").is_file()
    generated = package.joinpath("_generated", "pulumi", "service", "v1")
    for name in ("common", "stacks", "updates", "organizations", "users"):
        assert generated.joinpath(f"{name}_pb2.pyi").is_file(), name


def test_generated_modules_live_inside_the_package() -> None:
    # generate.sh rewrote `from pulumi.service.v1 import ...` to the package path.
    assert stacks_pb2.__name__ == "pulumi_gateway_client._generated.pulumi.service.v1.stacks_pb2"
    assert stacks_pb2_grpc.pulumi_dot_service_dot_v1_dot_stacks__pb2 is stacks_pb2
    assert stacks_pb2.pulumi_dot_service_dot_v1_dot_common__pb2.__name__.startswith(
        "pulumi_gateway_client._generated."
    )
    # The proto package names are unchanged, so the messages match the gateway's.
    assert stacks_pb2.GetStackRequest.DESCRIPTOR.full_name == "pulumi.service.v1.GetStackRequest"
    assert pulumi_gateway_client.__version__ == "0.3.0"


def test_the_tests_import_the_installed_package() -> None:
    # test.sh installs with `pip install ./clients/python` into a fresh venv: the source tree
    # must not be what is imported.
    assert "site-packages" in pulumi_gateway_client.__file__
    generated = resources.files("pulumi_gateway_client").joinpath("_generated", "pulumi")
    assert generated.joinpath("service", "v1", "webhooks_pb2.py").is_file()
