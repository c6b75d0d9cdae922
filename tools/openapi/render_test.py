#!/usr/bin/env python3
"""Tests of the proto renderer (buf format's layout, 100 columns), the reader and the names."""

import os
import pathlib
import shutil
import subprocess
import sys
import tempfile
import unittest

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
import comments  # noqa: E402
import naming  # noqa: E402
import protoread  # noqa: E402
from protomodel import (Enum, Field, Ident, Literal, Message, ProtoFile, Rpc,  # noqa: E402
                        Service, render_file)

ROOT = pathlib.Path(__file__).resolve().parents[2]
BUF = ROOT / "tools" / "node_modules" / ".bin" / "buf"
LONG = "/api/stacks/{org_name}/{project_name}/{stack_name}/deployments/schedules/{schedule_id}/history"


def sample():
    rpcs = [
        Rpc("GetThing", "GetThingRequest", "GetThingResponse", ["Reads a thing."],
            options=[("(google.api.http)", Literal(("get", "/api/things/{name}")))]),
        Rpc("PutThing", "PutThingRequest", "PutThingResponse",
            options=[("(google.api.http)", Literal(("put", "/api/things/{name}"), ("body", "*"))),
                     ("(pulumi.gateway.v1.on_conflict)", Ident("CONFLICT_CODE_ALREADY_EXISTS"))]),
        Rpc("LongThing", "LongThingRequest", "LongThingResponse",
            options=[("(google.api.http)", Literal(("get", LONG)))]),
        Rpc("HeadThing", "HeadThingRequest", "HeadThingResponse",
            options=[("(google.api.http)", Literal(("custom", Literal(("kind", "HEAD"),
                                                                      ("path", "/api/x")))))]),
        Rpc("WatchThings", "WatchThingsRequest", "WatchThingsResponse", server_streaming=True,
            options=[("(pulumi.gateway.v1.composite)", Literal(("calls", ["GetThing", "A.B"])))]),
    ]
    messages = [
        Message("GetThingRequest", [
            Field("name", 1, "string", required=True, comment=["Path parameter `name`."]),
            Field("kind", 2, "string", label="optional", allowed_values=("a", "b")),
            Field("update_id", 3, "string", json_name="updateID"),
            Field("labels", 4, "map<string, string>"),
        ], ["Request of GetThing."]),
        Message("GetThingResponse"),
        Message("Event", [
            Field("time", 1, "int64"),
            Field("a", 10, "google.protobuf.Struct", oneof="payload", comment=["A."]),
            Field("b", 11, "google.protobuf.Struct", oneof="payload"),
        ], oneof_comments={"payload": ["One is set."]}),
        Enum("Kind", [("KIND_UNSPECIFIED", 0, ["Not known."]), ("KIND_A", 1, [])]),
    ]
    return ProtoFile("things.proto", imports=["google/api/annotations.proto"],
                     comment=["Generated."], services=[Service("ThingsService", rpcs, ["Things."])],
                     messages=messages)


class RenderTest(unittest.TestCase):

    def test_layout(self):
        text = render_file(sample())
        for expected in [
            'option java_outer_classname = "ThingsProto";',
            '    option (google.api.http) = {get: "/api/things/{name}"};',
            '    option (google.api.http) = {\n      put: "/api/things/{name}"\n      body: "*"\n    };',
            '    option (pulumi.gateway.v1.on_conflict) = CONFLICT_CODE_ALREADY_EXISTS;',
            '      custom: {\n        kind: "HEAD"\n        path: "/api/x"\n      }',
            '      calls: [\n        "GetThing",\n        "A.B"\n      ]',
            '  rpc WatchThings(WatchThingsRequest) returns (stream WatchThingsResponse) {',
            '  string name = 1 [(google.api.field_behavior) = REQUIRED];',
            '  optional string kind = 2 [\n    (pulumi.gateway.v1.allowed_values) = "a",\n'
            '    (pulumi.gateway.v1.allowed_values) = "b"\n  ];',
            '  string update_id = 3 [json_name = "updateID"];',
            '  map<string, string> labels = 4;',
            'message GetThingResponse {}',
            '  // One is set.\n  oneof payload {\n    // A.\n    google.protobuf.Struct a = 10;',
            '  // Not known.\n  KIND_UNSPECIFIED = 0;',
        ]:
            self.assertIn(expected, text)

    def test_long_paths_are_cut_into_adjacent_strings_within_100_columns(self):
        text = render_file(sample())
        self.assertIn('      get:\n        "/api/stacks/', text)
        pieces = [line.strip().strip('"') for line in text.splitlines()
                  if line.startswith('        "/api/stacks') or line.startswith('        "/hist')]
        self.assertEqual("".join(pieces), LONG)
        self.assertGreaterEqual(len(pieces), 2)
        long_lines = [line for line in text.splitlines()
                      if len(line) > 100 and not line.startswith("  rpc ")]
        self.assertEqual(long_lines, [])

    @unittest.skipUnless(BUF.exists() and shutil.which("protoc"), "buf or protoc not installed")
    def test_buf_format_leaves_the_output_unchanged(self):
        with tempfile.TemporaryDirectory() as tmp:
            path = pathlib.Path(tmp) / "things.proto"
            path.write_text(render_file(sample()), encoding="utf-8")
            env = dict(os.environ, BUF_CACHE_DIR=str(pathlib.Path(tmp) / "cache"))
            result = subprocess.run([str(BUF), "format", "--diff", "--exit-code", str(path)],
                                    capture_output=True, text=True, env=env, check=False)
            self.assertEqual(result.returncode, 0, result.stdout + result.stderr)

    def test_the_reader_reads_what_the_renderer_writes(self):
        api = protoread.read_text(render_file(sample()), "things.proto")
        get = api.rpcs["ThingsService.GetThing"]
        self.assertEqual(get.http, {"get": "/api/things/{name}"})
        self.assertEqual(protoread.verb_and_path(api.rpcs["ThingsService.HeadThing"].http),
                         ("HEAD", "/api/x"))
        self.assertEqual(protoread.verb_and_path(api.rpcs["ThingsService.LongThing"].http),
                         ("GET", LONG))
        self.assertTrue(api.rpcs["ThingsService.WatchThings"].server_streaming)
        request = api.messages["GetThingRequest"]
        kind = request.fields[1]
        self.assertEqual((kind.name, kind.label, protoread.allowed_values(kind)),
                         ("kind", "optional", ["a", "b"]))
        self.assertEqual([f.name for f in api.messages["Event"].fields], ["time", "a", "b"])


class NamingTest(unittest.TestCase):

    def test_field_names_from_json_keys(self):
        cases = {"orgName": "org_name", "updateID": "update_id", "hasMFA": "has_mfa",
                 "__type": "type", "output-type": "output_type", "PolicyPacks": "policy_packs",
                 "UXPurpose": "ux_purpose", "include_non_activated": "include_non_activated",
                 "x509Cert": "x509_cert", "2fa": "n2fa", "URIs": "uris", "roleIDs": "role_ids",
                 "azureOAuthClient": "azure_oauth_client", "DNSNames": "dns_names"}
        for key, name in cases.items():
            self.assertEqual(naming.snake_case(key), name, key)

    def test_default_json_names_follow_protoc(self):
        self.assertEqual(naming.default_json_name("org_name"), "orgName")
        self.assertEqual(naming.default_json_name("update_id"), "updateId")
        self.assertEqual(naming.default_json_name("x509_cert"), "x509Cert")

    def test_rpc_names_from_operation_ids(self):
        self.assertEqual(naming.rpc_name("List_orgs_oidc_issuers"), "ListOrgsOidcIssuers")
        self.assertEqual(naming.rpc_name("GetSAMLOrganization"), "GetSAMLOrganization")


class CommentsTest(unittest.TestCase):

    def test_wrap_keeps_lines_short_and_cuts_long_paths_after_a_slash(self):
        lines = comments.wrap(["`" + LONG + LONG + "` is a route.", "", "Second."], width=60)
        self.assertTrue(all(len(line) <= 60 for line in lines), lines)
        self.assertEqual(lines[-2:], ["", "Second."])
        self.assertTrue(lines[1].startswith("/"))


if __name__ == "__main__":
    unittest.main()
