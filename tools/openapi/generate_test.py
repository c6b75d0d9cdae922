#!/usr/bin/env python3
"""Tests of the drift check, the coverage report and the repository's own generated API."""

import contextlib
import io
import pathlib
import shutil
import sys
import tempfile
import unittest

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
import coverage  # noqa: E402
import generate  # noqa: E402
import lock as lock_mod  # noqa: E402
import naming  # noqa: E402
import plans  # noqa: E402
import protoread  # noqa: E402
import spec as spec_mod  # noqa: E402
from fixtures import description, operation, overrides_for, path_param  # noqa: E402

ROOT = pathlib.Path(__file__).resolve().parents[2]
INPUTS = ["third_party/pulumi-openapi/spec.json", "tools/openapi/overrides.json",
          "tools/openapi/proto_lock.json", "README.md", "docs/api.md"]


def copy_repo(tmp):
    """The generator's inputs and outputs, in a scratch root."""
    for rel in INPUTS:
        (tmp / rel).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(ROOT / rel, tmp / rel)
    shutil.copytree(ROOT / generate.PROTO_DIR, tmp / generate.PROTO_DIR)


def quiet(function, *args):
    with contextlib.redirect_stdout(io.StringIO()) as out, \
            contextlib.redirect_stderr(io.StringIO()):
        code = function(*args)
    return code, out.getvalue()


class DriftTest(unittest.TestCase):

    def test_the_checked_in_api_matches_the_description(self):
        code, out = quiet(generate.check, ROOT)
        self.assertEqual(code, 0, out)

    def test_an_edited_proto_a_stray_proto_and_an_edited_readme_are_drift(self):
        with tempfile.TemporaryDirectory() as tmp:
            tmp = pathlib.Path(tmp)
            copy_repo(tmp)
            stacks = tmp / generate.PROTO_DIR / "stacks.proto"
            stacks.write_text(stacks.read_text().replace("message Stack {", "message Stack  {"))
            (tmp / generate.PROTO_DIR / "extra.proto").write_text('syntax = "proto3";\n')
            readme = tmp / "README.md"
            readme.write_text(readme.read_text().replace("| Total |", "| Sum |", 1))
            code, out = quiet(generate.check, tmp)
            self.assertEqual(code, 1)
            self.assertIn("stacks.proto (generated)", out)
            self.assertIn("extra.proto: no longer generated", out)
            self.assertIn("README.md (generated)", out)

    def test_write_then_check_is_clean(self):
        with tempfile.TemporaryDirectory() as tmp:
            tmp = pathlib.Path(tmp)
            copy_repo(tmp)
            (tmp / generate.PROTO_DIR / "stacks.proto").unlink()
            (tmp / generate.PROTO_DIR / "stale.proto").write_text("")
            self.assertEqual(quiet(generate.write, tmp)[0], 0)
            self.assertFalse((tmp / generate.PROTO_DIR / "stale.proto").exists())
            self.assertEqual(quiet(generate.check, tmp)[0], 0)


class RepositoryApiTest(unittest.TestCase):
    """Facts of the checked-in API the team's contract promises."""

    @classmethod
    def setUpClass(cls):
        cls.api = protoread.read_dir(ROOT / generate.PROTO_DIR)
        cls.spec = spec_mod.Spec.load()
        cls.overrides = plans.Overrides.load()

    def test_at_least_95_percent_of_the_in_scope_operations_are_mirrored(self):
        rows = coverage.analyse(self.spec, self.overrides, self.api)
        in_scope = [r for r in rows if r[2] in ("mirrored", "missing")]
        mirrored = [r for r in rows if r[2] == "mirrored"]
        self.assertEqual(len(in_scope), 280)
        self.assertGreaterEqual(len(mirrored) / len(in_scope), 0.95)

    def test_every_field_name_maps_to_its_json_key(self):
        lock = lock_mod.Lock.load()
        for name, message in self.api.messages.items():
            locked = lock.message(name)
            if locked is None:
                continue
            for field in message.fields:
                explicit = field.options.get("json_name")
                entry = locked.field_by_name(field.name)
                self.assertIsNotNone(entry, f"{name}.{field.name} is not in the lock")
                want = explicit or naming.default_json_name(field.name)
                self.assertEqual(want, entry.json, f"{name}.{field.name}")

    def test_every_rpc_has_a_route_or_is_a_stream_or_composite(self):
        for name, rpc in self.api.rpcs.items():
            gateway = {k for k in rpc.options if k.startswith("pulumi.gateway.v1.")}
            self.assertTrue(rpc.http or gateway & {"pulumi.gateway.v1.pagination",
                                                   "pulumi.gateway.v1.composite"}, name)

    def test_every_routed_rpc_comment_states_route_statuses_pages_and_visibility(self):
        for file in sorted((ROOT / generate.PROTO_DIR).glob("*.proto")):
            comment = []
            for line in file.read_text(encoding="utf-8").splitlines():
                if line.startswith("  //"):
                    comment.append(line[4:].strip())
                    continue
                if line.startswith("  rpc "):
                    name = line.split("(")[0].split()[-1]
                    text = " ".join(comment)
                    rpc = next(r for r in self.api.rpcs.values()
                               if r.name == name and r.file == file.name)
                    if rpc.http:
                        verb, _ = protoread.verb_and_path(rpc.http)
                        for fact in (f"`{verb} /api/", "Success: 2", " API"):
                            self.assertIn(fact, text, f"{file.name} {name}")
                        self.assertTrue("Public API." in text or "Preview API:" in text, name)
                        self.assertTrue("Not paginated." in text or "Pagination:" in text, name)
                        self.assertTrue("Error statuses described:" in text or
                                        "lists no error status" in text, name)
                comment = []

    def test_the_engine_protocol_is_excluded_by_name(self):
        excluded = {op for op, group in self.overrides.excluded.items()
                    if group["label"] == "engine update protocol"}
        self.assertEqual(len(excluded), 41)
        for operation_id in excluded:
            self.assertRegex(operation_id, r"^(CreateUpdateFor|StartUpdateFor|CompleteUpdate_|"
                                           r"RecordEngineEvent|CreateJournalEntries_|"
                                           r"AppendUpdateLogEntry_|RenewUpdateLease_|PatchUpdate)")


class CoverageTest(unittest.TestCase):

    def test_features_name_the_rpcs_using_each_shape_of_the_contract(self):
        api = protoread.read_text('''
            service S {
              rpc List(ListRequest) returns (ListResponse) {
                option (google.api.http) = {
                  post: "/api/x/{org}"
                  body: "filters"
                  response_body: "items"
                };
              }
              rpc Head(HeadRequest) returns (HeadResponse) {
                option (google.api.http) = {
                  custom: {kind: "HEAD" path: "/api/x"}
                };
              }
            }
            message ListRequest {
              string org = 1 [(google.api.field_behavior) = REQUIRED];  // in the path: not counted
              repeated Filter filters = 2;
            }
            message Filter {
              optional bool on = 1 [(google.api.field_behavior) = REQUIRED];
              repeated string kinds = 2 [(pulumi.gateway.v1.allowed_values) = "a"];
            }
            message ListResponse { repeated google.protobuf.Struct items = 1; }
            message HeadRequest {}
            message HeadResponse {}''', "s.proto")
        found = coverage.features(api)
        self.assertEqual(found, {
            ("response_body", "items"): ["S.List"], ("body", "collection"): ["S.List"],
            ("request", "required"): ["S.List"], ("request", "presence"): ["S.List"],
            ("request", "allowed"): ["S.List"], ("request", "allowed_repeated"): ["S.List"],
            ("answer", "free"): ["S.List"], ("answer", "head"): ["S.Head"]})

    def test_routes_match_by_verb_and_path_and_allowed_values_stand_for_literals(self):
        spec = description({
            "/api/things/{orgName}/alpha/{id}": {"get": operation("A", parameters=[
                path_param("orgName"), path_param("id")])},
            "/api/things/{orgName}/gamma/{id}": {"get": operation("C", parameters=[
                path_param("orgName"), path_param("id")])},
            "/api/things/{orgName}": {"delete": operation("D", parameters=[
                path_param("orgName")], deprecated=True)},
        })
        overrides = overrides_for([("ThingsService", "things.proto", ["^/api/things"])])
        api = protoread.read_text('''
            service ThingsService {
              rpc GetKind(GetKindRequest) returns (GetKindResponse) {
                option (google.api.http) = {get: "/api/things/{org_name}/{kind}/{id}"};
              }
            }
            message GetKindRequest {
              string org_name = 1;
              string kind = 2 [(pulumi.gateway.v1.allowed_values) = "alpha"];
              string id = 3;
            }''', "things.proto")
        rows = {op.operation_id: (state, detail) for op, _, state, detail in
                coverage.analyse(spec, overrides, api)}
        self.assertEqual(rows, {"A": ("mirrored", "ThingsService.GetKind"), "C": ("missing", ""),
                                "D": ("deprecated", "deprecated")})
        text = coverage.report(spec, overrides, api, 3)
        self.assertIn("| Things | 3 | 1 | 1 | 1 | 0 |", text)
        self.assertIn("- `C` `GET /api/things/{orgName}/gamma/{id}`", text)


if __name__ == "__main__":
    unittest.main()
