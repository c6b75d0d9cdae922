#!/usr/bin/env python3
"""Tests of the builder: how operations become RPCs and messages, under the lock."""

import pathlib
import sys
import unittest

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
import builder  # noqa: E402
import lock as lock_mod  # noqa: E402
import protomodel  # noqa: E402
from fixtures import (answer, description, json_body, operation, overrides_for,  # noqa: E402
                      path_param, query_param, ref)

THING = {
    "type": "object",
    "required": ["name", "enabled", "count"],
    "properties": {
        "name": {"type": "string", "x-order": 1},
        "enabled": {"type": "boolean", "x-order": 2},
        "count": {"type": "integer", "format": "int64", "x-order": 3},
        "color": {"type": "string", "enum": ["red", "blue"], "x-order": 4},
        "createdAt": {"type": "string", "format": "date-time", "x-order": 5},
        "labels": {"type": "object", "additionalProperties": {"type": "string"}, "x-order": 6},
        "extra": {"type": "object", "x-order": 7},
    },
}
SERVICES = [("ThingsService", "things.proto", ["^/api/things"])]


def build(paths, schemas=None, lock=None, **sections):
    spec = description(paths, schemas)
    overrides = overrides_for(SERVICES, **sections)
    lock = lock or lock_mod.Lock()
    return builder.Builder(spec, overrides, lock).build(), lock


def messages(model):
    return {m.name: m for f in model.files for m in f.messages}


def rpc(model, name):
    for f in model.files:
        for service in f.services:
            for r in service.rpcs:
                if r.name == name:
                    return r
    raise KeyError(name)


def http(rule):
    return dict(rule.options)["(google.api.http)"].pairs


def field(message, name):
    return next(f for f in message.fields if f.name == name)


class RequestShapeTest(unittest.TestCase):

    def test_object_body_without_query_is_flattened_into_the_request(self):
        model, _ = build({"/api/things/{orgName}": {"post": operation(
            "CreateThing", parameters=[path_param("orgName")], body=json_body(ref("Thing")),
            responses={"201": answer(ref("Thing"))})}}, {"Thing": THING})
        rule = http(rpc(model, "CreateThing"))
        # Thing is also a request body, so the answer is a message of its own, in a field.
        self.assertEqual(rule, [("post", "/api/things/{org_name}"), ("body", "*"),
                                ("response_body", "thing")])
        request = messages(model)["CreateThingRequest"]
        self.assertEqual([f.name for f in request.fields],
                         ["org_name", "name", "enabled", "count", "color", "created_at",
                          "labels", "extra"])
        self.assertEqual([f.number for f in request.fields], list(range(1, 9)))

    def test_query_parameters_move_the_body_into_a_field(self):
        model, _ = build({"/api/things/{orgName}": {"post": operation(
            "CreateThing", parameters=[path_param("orgName"), query_param("reason")],
            body=json_body(ref("Thing")))}}, {"Thing": THING})
        self.assertEqual(http(rpc(model, "CreateThing"))[1], ("body", "body"))
        request = messages(model)["CreateThingRequest"]
        self.assertEqual([(f.name, f.type, f.label) for f in request.fields],
                         [("org_name", "string", ""), ("reason", "string", "optional"),
                          ("body", "Thing", "")])

    def test_body_keys_clashing_with_path_parameters_move_the_body_into_a_field(self):
        schema = {"type": "object", "properties": {"orgName": {"type": "string"}}}
        model, _ = build({"/api/things/{orgName}": {"post": operation(
            "MoveThing", parameters=[path_param("orgName")], body=json_body(ref("Move")))}},
            {"Move": schema})
        self.assertEqual(http(rpc(model, "MoveThing"))[1], ("body", "body"))

    def test_required_keys_are_required_and_scalars_have_presence(self):
        model, _ = build({"/api/things/{orgName}": {"post": operation(
            "CreateThing", parameters=[path_param("orgName")], body=json_body(ref("Thing")))}},
            {"Thing": THING})
        request = messages(model)["CreateThingRequest"]
        name, enabled, color = (field(request, n) for n in ("name", "enabled", "color"))
        self.assertTrue(name.required)
        self.assertEqual(name.label, "")  # empty means unset
        self.assertTrue(enabled.required)
        self.assertEqual(enabled.label, "optional")  # false must still be sendable
        self.assertFalse(color.required)
        self.assertEqual(color.label, "optional")
        self.assertEqual(color.allowed_values, ("red", "blue"))
        self.assertTrue(field(request, "org_name").required)

    def test_required_lists_and_maps_are_always_sent_not_required(self):
        schema = {"type": "object", "required": ["ids", "labels"], "properties": {
            "ids": {"type": "array", "items": {"type": "string"}},
            "labels": {"type": "object", "additionalProperties": {"type": "string"}}}}
        model, _ = build({"/api/things/{orgName}": {"post": operation(
            "TagThings", parameters=[path_param("orgName"), query_param(
                "only", {"type": "array", "items": {"type": "string"}}, required=True)],
            body=json_body(ref("Tags")))}}, {"Tags": schema})
        request = messages(model)["TagThingsRequest"]
        tags = messages(model)["Tags"]
        # In a body an empty list is a value (`[]`, `{}`); the gateway always sends the key.
        self.assertFalse(field(tags, "ids").required)
        self.assertEqual(field(tags, "ids").comment,
                         ["JSON key `ids`. Always sent: `[]` when empty."])
        self.assertFalse(field(tags, "labels").required)
        self.assertEqual(field(tags, "labels").comment,
                         ["JSON key `labels`. Always sent: `{}` when empty."])
        # A query parameter has no empty form: a required one needs a value.
        self.assertTrue(field(request, "only").required)

    def test_a_body_with_required_keys_is_required(self):
        model, _ = build({"/api/things/{orgName}": {"post": operation(
            "CreateThing", parameters=[path_param("orgName"), query_param("reason")],
            body=json_body(ref("Thing")))},
            "/api/things/{orgName}/notes": {"post": operation(
                "AddNote", parameters=[path_param("orgName"), query_param("reason")],
                body=json_body(ref("Note")))}},
            {"Thing": THING, "Note": {"type": "object", "properties": {
                "text": {"type": "string"}}}})
        self.assertTrue(field(messages(model)["CreateThingRequest"], "body").required)
        self.assertFalse(field(messages(model)["AddNoteRequest"], "body").required)

    def test_an_open_enum_lists_no_allowed_values(self):
        schema = {"type": "object", "required": ["name"], "properties": {
            "name": {"type": "string", "enum": ["builtin:a", "builtin:b"]},
            "mode": {"type": "string", "enum": ["on", "off"]}}}
        model, _ = build({"/api/things/{orgName}": {"post": operation(
            "TagThing", parameters=[path_param("orgName"), query_param("reason")],
            body=json_body(ref("Tag")))}}, {"Tag": schema},
            open_enums={"Tag.name": "built-in names are `builtin:a` and `builtin:b`"})
        tag = messages(model)["Tag"]
        self.assertEqual(field(tag, "name").allowed_values, ())
        self.assertEqual(field(tag, "name").comment,
                         ["JSON key `name`. Built-in names are `builtin:a` and `builtin:b`. "
                          "Required."])
        self.assertEqual(field(tag, "mode").allowed_values, ("on", "off"))

    def test_enums_of_answers_are_listed_but_not_enforced(self):
        model, _ = build({"/api/things/{orgName}": {"get": operation(
            "ListThings", parameters=[path_param("orgName")],
            responses={"200": answer({"type": "array", "items": ref("Thing")})})}},
            {"Thing": THING})
        thing = messages(model)["Thing"]
        color = field(thing, "color")
        self.assertEqual(color.allowed_values, ())
        self.assertEqual(color.comment, ["JSON key `color`. One of: `red`, `blue`."])
        self.assertFalse(field(thing, "name").required)
        self.assertEqual(field(thing, "enabled").label, "")

    def test_json_types(self):
        model, _ = build({"/api/things/{orgName}": {"get": operation(
            "GetThing", parameters=[path_param("orgName")],
            responses={"200": answer(ref("Thing"))})}}, {"Thing": THING})
        response = messages(model)["GetThingResponse"]
        types = {f.name: (f.label, f.type) for f in response.fields}
        self.assertEqual(types["count"], ("", "int64"))
        self.assertEqual(types["created_at"], ("", "string"))
        self.assertEqual(types["labels"], ("", "map<string, string>"))
        self.assertEqual(types["extra"], ("", "google.protobuf.Struct"))
        self.assertEqual(field(response, "created_at").json_name, "")
        self.assertEqual(field(response, "created_at").comment,
                         ["JSON key `createdAt`. An RFC 3339 date and time."])


class ResponseShapeTest(unittest.TestCase):

    def shape(self, schema, content_type="application/json", verb="get", schemas=None):
        model, _ = build({"/api/things/{orgName}": {verb: operation(
            "GetThings", parameters=[path_param("orgName")],
            responses={"200": answer(schema, content_type)})}}, schemas or {"Thing": THING})
        return model, rpc(model, "GetThings")

    def test_array_answer_is_items(self):
        model, r = self.shape({"type": "array", "items": ref("Thing")})
        self.assertEqual(http(r)[-1], ("response_body", "items"))
        items = messages(model)["GetThingsResponse"].fields[0]
        self.assertEqual((items.name, items.label, items.type), ("items", "repeated", "Thing"))

    def test_map_answer_is_entries(self):
        model, r = self.shape({"type": "object", "additionalProperties": ref("Thing")})
        self.assertEqual(http(r)[-1], ("response_body", "entries"))
        self.assertEqual(messages(model)["GetThingsResponse"].fields[0].type,
                         "map<string, Thing>")

    def test_map_of_arrays_is_a_map_of_list_values(self):
        model, _ = self.shape({"type": "object", "additionalProperties": {
            "type": "array", "items": ref("Thing")}})
        self.assertEqual(messages(model)["GetThingsResponse"].fields[0].type,
                         "map<string, google.protobuf.ListValue>")

    def test_scalar_answer_is_value(self):
        model, r = self.shape({"type": "boolean"})
        self.assertEqual(http(r)[-1], ("response_body", "value"))
        self.assertEqual(messages(model)["GetThingsResponse"].fields[0].type, "bool")

    def test_text_answer_is_http_body(self):
        model, r = self.shape({"type": "string"}, content_type="text/plain")
        self.assertEqual(r.response, "google.api.HttpBody")
        self.assertIn("buf:lint:ignore RPC_RESPONSE_STANDARD_NAME", r.comment)
        things = next(f for f in model.files if f.name == "things.proto")
        self.assertIn("google/api/httpbody.proto", things.imports)

    def test_head_is_a_custom_rule_with_an_empty_answer(self):
        model, r = self.shape({"type": "string"}, verb="head")
        (key, value), = http(r)
        self.assertEqual(key, "custom")
        self.assertEqual(value.pairs, [("kind", "HEAD"), ("path", "/api/things/{org_name}")])
        self.assertEqual(messages(model)["GetThingsResponse"].fields, [])

    def test_answer_used_only_as_an_answer_is_flattened(self):
        model, r = self.shape(ref("Thing"))
        self.assertEqual(http(r), [("get", "/api/things/{org_name}")])
        self.assertNotIn("Thing", messages(model))

    def test_answer_nested_elsewhere_is_wrapped(self):
        schemas = {"Thing": THING, "Box": {"type": "object", "properties": {"thing": ref("Thing")}}}
        model, _ = build({"/api/things/{orgName}": {
            "get": operation("GetThing", parameters=[path_param("orgName")],
                             responses={"200": answer(ref("Thing"))}),
            "put": operation("PutBox", parameters=[path_param("orgName")],
                             body=json_body(ref("Box")))}}, schemas)
        self.assertEqual(http(rpc(model, "GetThing"))[-1], ("response_body", "thing"))

    def test_empty_answer_is_an_empty_message(self):
        model, _ = build({"/api/things/{orgName}": {"delete": operation(
            "DeleteThing", parameters=[path_param("orgName")])}})
        self.assertEqual(messages(model)["DeleteThingResponse"].fields, [])


class PolymorphismTest(unittest.TestCase):

    def test_a_polymorphic_schema_holds_every_variant_and_conflicts_become_values(self):
        schemas = {
            "Rule": {"type": "object", "required": ["kind"], "properties": {"kind": {
                "type": "string"}}, "discriminator": {"propertyName": "kind", "mapping": {
                    "a": "#/components/schemas/RuleA", "b": "#/components/schemas/RuleB"}}},
            "RuleA": {"allOf": [ref("Rule"), {"type": "object", "required": ["limit"],
                                              "properties": {"limit": {"type": "integer"}}}]},
            "RuleB": {"allOf": [ref("Rule"), {"type": "object", "properties": {
                "limit": {"type": "string"}, "who": {"type": "string"}}}]},
        }
        model, _ = build({"/api/things/{orgName}": {"get": operation(
            "GetRules", parameters=[path_param("orgName")],
            responses={"200": answer({"type": "array", "items": ref("Rule")})})}}, schemas)
        rule = messages(model)["Rule"]
        self.assertEqual([(f.name, f.type) for f in rule.fields],
                         [("kind", "string"), ("limit", "google.protobuf.Value"),
                          ("who", "string")])


    def test_a_discriminator_takes_exactly_its_mapped_tags_in_requests(self):
        schemas = {
            "Rule": {"type": "object", "required": ["kind"], "properties": {"kind": {
                "type": "string"}}, "discriminator": {"propertyName": "kind", "mapping": {
                    "b": "#/components/schemas/RuleB", "a": "#/components/schemas/RuleA"}}},
            "RuleA": {"allOf": [ref("Rule"), {"type": "object", "required": ["limit"],
                                              "properties": {"limit": {"type": "integer"}}}]},
            "RuleB": {"allOf": [ref("Rule"), {"type": "object", "properties": {
                "who": {"type": "string"}}}]},
            "Gate": {"type": "object", "properties": {"rule": ref("Rule")}},
        }
        model, _ = build({"/api/things/{orgName}": {"post": operation(
            "CreateGate", parameters=[path_param("orgName"), query_param("reason")],
            body=json_body(ref("Gate")))}}, schemas)
        rule = messages(model)["Rule"]
        kind = field(rule, "kind")
        self.assertEqual(kind.allowed_values, ("b", "a"))  # the mapping's order
        self.assertTrue(kind.required)
        self.assertFalse(field(rule, "limit").required)  # only RuleA requires it

    def test_what_every_variant_requires_is_required(self):
        schemas = {
            "Rule": {"type": "object", "required": ["kind"], "properties": {"kind": {
                "type": "string"}}, "discriminator": {"propertyName": "kind", "mapping": {
                    "a": "#/components/schemas/RuleA", "b": "#/components/schemas/RuleB"}}},
            "RuleA": {"allOf": [ref("Rule"), {"type": "object", "required": ["limit", "who"],
                                              "properties": {"limit": {"type": "integer"},
                                                             "who": {"type": "string"}}}]},
            "RuleB": {"allOf": [ref("Rule"), {"type": "object", "required": ["who"],
                                              "properties": {"who": {"type": "string"}}}]},
            "Gate": {"type": "object", "properties": {"rule": ref("Rule")}},
        }
        model, _ = build({"/api/things/{orgName}": {"post": operation(
            "CreateGate", parameters=[path_param("orgName"), query_param("reason")],
            body=json_body(ref("Gate")))}}, schemas)
        rule = messages(model)["Rule"]
        self.assertTrue(field(rule, "who").required)
        self.assertFalse(field(rule, "limit").required)

    def test_an_undeclared_discriminator_key_is_still_a_field(self):
        schemas = {
            "Shape": {"type": "object", "properties": {"size": {"type": "integer"}},
                      "discriminator": {"propertyName": "__type", "mapping": {
                          "Circle": "#/components/schemas/Circle"}}},
            "Circle": {"allOf": [ref("Shape"), {"type": "object", "properties": {
                "radius": {"type": "integer"}}}]},
        }
        model, _ = build({"/api/things/{orgName}": {"get": operation(
            "GetShape", parameters=[path_param("orgName")],
            responses={"200": answer({"type": "array", "items": ref("Shape")})})}}, schemas)
        shape = messages(model)["Shape"]
        self.assertEqual([(f.name, f.json_name) for f in shape.fields],
                         [("size", ""), ("radius", ""), ("type", "__type")])


class LockTest(unittest.TestCase):

    PATHS = {"/api/things/{orgName}": {"get": operation(
        "GetThing", parameters=[path_param("orgName")], responses={"200": answer(ref("Thing"))})}}

    def locked(self, fields, released=""):
        lock = lock_mod.Lock()
        lock.messages["GetThingResponse"] = lock_mod.LockedMessage(
            "GetThingResponse", "things.proto", "", released,
            [lock_mod.LockedField(*f) for f in fields])
        return lock

    def test_locked_fields_keep_their_number_new_keys_get_the_next_ones(self):
        lock = self.locked([("count", 7, "count", "int64"), ("name", 3, "name", "string")])
        model, lock = build(self.PATHS, {"Thing": THING}, lock=lock)
        numbers = {f.name: f.number for f in messages(model)["GetThingResponse"].fields}
        self.assertEqual(numbers["count"], 7)
        self.assertEqual(numbers["name"], 3)
        self.assertEqual(sorted(numbers.values()), [3, 7, 8, 9, 10, 11, 12])
        recorded = lock.message("GetThingResponse")
        self.assertEqual(recorded.field_by_json("createdAt").number, 10)

    def test_a_locked_type_wins_and_the_difference_is_reported(self):
        lock = self.locked([("count", 1, "count", "string")])
        model, _ = build(self.PATHS, {"Thing": THING}, lock=lock)
        self.assertEqual(field(messages(model)["GetThingResponse"], "count").type, "string")
        self.assertEqual(model.differences, [
            "`GetThingResponse.count` keeps `string` where the description says `int64`"])

    def test_a_locked_field_the_description_dropped_is_kept(self):
        lock = self.locked([("legacy", 40, "legacy", "string")])
        model, _ = build(self.PATHS, {"Thing": THING}, lock=lock)
        legacy = field(messages(model)["GetThingResponse"], "legacy")
        self.assertEqual(legacy.number, 40)
        self.assertEqual(legacy.comment, ["Not in the API description; kept for compatibility."])

    def test_a_locked_key_keeps_its_json_name_and_field_name(self):
        lock = self.locked([("thing_name", 1, "name", "string")])
        model, _ = build(self.PATHS, {"Thing": THING}, lock=lock)
        name = field(messages(model)["GetThingResponse"], "thing_name")
        self.assertEqual(name.json_name, "name")

    def test_released_requests_gain_no_required_body_fields(self):
        lock = lock_mod.Lock()
        lock.messages["CreateThingRequest"] = lock_mod.LockedMessage(
            "CreateThingRequest", "things.proto", "", "0.2.0",
            [lock_mod.LockedField("org_name", 1, "orgName", "string"),
             lock_mod.LockedField("name", 2, "name", "string")])
        model, _ = build({"/api/things/{orgName}": {"post": operation(
            "CreateThing", parameters=[path_param("orgName")], body=json_body(ref("Thing")))}},
            {"Thing": THING}, lock=lock)
        request = messages(model)["CreateThingRequest"]
        self.assertTrue(field(request, "org_name").required)
        self.assertFalse(field(request, "name").required)
        self.assertFalse(field(request, "enabled").required)  # added since the release

    def test_generation_is_deterministic_and_stable_under_its_own_lock(self):
        first, lock = build(self.PATHS, {"Thing": THING})
        again, _ = build(self.PATHS, {"Thing": THING}, lock=lock)
        render = [protomodel.render_file(f) for f in first.files]
        self.assertEqual(render, [protomodel.render_file(f) for f in again.files])


class PlacementTest(unittest.TestCase):

    def test_a_message_new_services_share_goes_to_types_proto_and_files_import_it(self):
        schemas = {"Thing": THING}
        paths = {
            "/api/things/{orgName}": {"get": operation("ListThings", parameters=[
                path_param("orgName")], responses={"200": answer({"type": "array",
                                                                  "items": ref("Thing")})})},
            "/api/widgets/{orgName}": {"get": operation("ListWidgets", parameters=[
                path_param("orgName")], responses={"200": answer({"type": "array",
                                                                  "items": ref("Thing")})})},
        }
        spec = description(paths, schemas)
        overrides = overrides_for([("ThingsService", "things.proto", ["^/api/things"]),
                                   ("WidgetsService", "widgets.proto", ["^/api/widgets"])])
        model = builder.Builder(spec, overrides, lock_mod.Lock()).build()
        files = {f.name: f for f in model.files}
        self.assertEqual(sorted(files), ["things.proto", "types.proto", "widgets.proto"])
        self.assertEqual([m.name for m in files["types.proto"].messages], ["Thing"])
        self.assertIn("pulumi/service/v1/types.proto", files["things.proto"].imports)
        self.assertIn("pulumi/service/v1/types.proto", files["widgets.proto"].imports)

    def test_a_message_one_service_uses_stays_in_its_file(self):
        model, lock = build({"/api/things/{orgName}": {"get": operation(
            "ListThings", parameters=[path_param("orgName")],
            responses={"200": answer({"type": "array", "items": ref("Thing")})})}},
            {"Thing": THING})
        self.assertEqual([f.name for f in model.files], ["things.proto"])
        self.assertEqual(lock.message("Thing").file, "things.proto")

    def test_import_cycles_are_refused(self):
        import placement
        with self.assertRaisesRegex(ValueError, "import cycle.*a.proto -> b.proto -> a.proto"):
            placement._refuse_cycles({"a.proto": {"b.proto"}, "b.proto": {"a.proto"}})


class PlanTest(unittest.TestCase):

    def test_operations_differing_in_one_segment_merge_behind_an_allowed_values_variable(self):
        paths = {f"/api/things/{{orgName}}/{kind}/{{id}}": {"get": operation(
            f"Get_{kind}", parameters=[path_param("orgName"), path_param("id")])}
            for kind in ("alpha", "beta")}
        model, _ = build(paths, merged=[{"rpc": "GetKind", "field": "kind",
                                          "operations": ["Get_alpha", "Get_beta"]}])
        self.assertEqual(http(rpc(model, "GetKind")),
                         [("get", "/api/things/{org_name}/{kind}/{id}")])
        kind = field(messages(model)["GetKindRequest"], "kind")
        self.assertEqual(kind.allowed_values, ("alpha", "beta"))
        self.assertEqual(kind.number, 2)

    def test_deprecated_and_excluded_operations_are_left_out_with_their_reason(self):
        paths = {"/api/things/{orgName}": {
            "get": operation("Old", parameters=[path_param("orgName")], deprecated=True),
            "post": operation("Engine", parameters=[path_param("orgName")]),
            "delete": operation("Kept", parameters=[path_param("orgName")])}}
        model, _ = build(paths, exclusions=[{"label": "engine", "reason": "not ours",
                                             "operations": ["Engine"]}])
        self.assertEqual([r.name for r in model.rpcs], ["Kept"])
        self.assertEqual(sorted((op.operation_id, why) for op, why in model.selection.left_out),
                         [("Engine", "not ours"), ("Old", "deprecated")])

    def test_a_create_answering_409_means_already_exists(self):
        model, _ = build({"/api/things/{orgName}": {"post": operation(
            "CreateThing", parameters=[path_param("orgName")],
            responses={"201": {}, "409": {}})}})
        self.assertIn(("(pulumi.gateway.v1.on_conflict)", "CONFLICT_CODE_ALREADY_EXISTS"),
                      rpc(model, "CreateThing").options)

    def test_rpc_comments_state_the_route_statuses_pages_and_visibility(self):
        model, _ = build({"/api/things/{orgName}": {"get": operation(
            "ListThings", parameters=[path_param("orgName"), query_param("continuationToken")],
            responses={"200": answer(ref("Page")), "400": {}, "404": {}},
            **{"x-pulumi-route-property": {"Visibility": "Preview"}})}},
            {"Page": {"type": "object", "properties": {
                "continuationToken": {"type": "string"}, "things": {
                    "type": "array", "items": ref("Thing")}}}, "Thing": THING})
        text = " ".join(rpc(model, "ListThings").comment)
        for fact in ("`GET /api/things/{orgName}` (operation `ListThings`).",
                     "Success: 200 with a JSON object whose keys are the response's fields.",
                     "Error statuses described: 400, 404.", "`continuation_token`",
                     "Preview API"):
            self.assertIn(fact, text)

    def test_an_rpc_name_used_twice_is_refused(self):
        paths = {"/api/things/{orgName}": {
            "get": operation("Same", parameters=[path_param("orgName")]),
            "delete": operation("Other", parameters=[path_param("orgName")])}}
        with self.assertRaisesRegex(ValueError, "RPC names used twice.*Same"):
            build(paths, operations={"Other": {"rpc": "Same"}})


if __name__ == "__main__":
    unittest.main()
