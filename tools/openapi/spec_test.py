#!/usr/bin/env python3
"""Tests of the description reader: operations, and the JSON shape of schemas."""

import pathlib
import sys
import unittest

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
import fieldtypes  # noqa: E402
from fixtures import answer, description, operation, path_param, query_param, ref  # noqa: E402

SCHEMAS = {
    "Base": {"type": "object", "required": ["kind"], "properties": {"kind": {"type": "string"}},
             "discriminator": {"propertyName": "kind", "mapping": {
                 "leaf": "#/components/schemas/Leaf", "deep": "#/components/schemas/Deep"}}},
    "Middle": {"allOf": [ref("Base"), {"type": "object", "properties": {
        "child": ref("Middle")}}]},
    "Leaf": {"allOf": [ref("Base"), {"type": "object", "required": ["size"], "properties": {
        "size": {"type": "integer"}, "parent": ref("Base")}}]},
    "Deep": {"allOf": [ref("Middle"), {"type": "object", "properties": {
        "parent": ref("Middle"), "note": {"type": "string"}}}]},
    "Plain": {"allOf": [ref("Named"), {"type": "object", "properties": {
        "role": {"type": "string"}}}]},
    "Named": {"type": "object", "required": ["name"], "properties": {"name": {"type": "string"}}},
}


class ShapeTest(unittest.TestCase):

    def setUp(self):
        self.spec = description({}, SCHEMAS)

    def shape(self, name):
        return self.spec.shape_of(ref(name))

    def test_all_of_merges_the_parents_keys_and_requirements(self):
        shape = self.shape("Plain")
        self.assertEqual(list(shape.properties), ["name", "role"])
        self.assertEqual(shape.required, {"name"})
        self.assertEqual(shape.variants, ())

    def test_a_discriminated_base_holds_every_variants_keys_but_only_its_requirements(self):
        shape = self.shape("Base")
        self.assertEqual(list(shape.properties), ["kind", "child", "note", "parent", "size"])
        self.assertEqual(shape.required, {"kind"})
        self.assertEqual(shape.discriminator, "kind")
        self.assertEqual(shape.variants, ("Deep", "Leaf"))

    def test_the_more_general_of_two_related_types_wins_a_clash(self):
        # Leaf.parent is a Base, Deep.parent a Middle (which extends Base): Base covers both.
        self.assertEqual(self.shape("Base").properties["parent"], ref("Base") | {})

    def test_an_intermediate_type_holds_the_variants_that_extend_it(self):
        shape = self.shape("Middle")
        self.assertEqual(shape.variants, ("Deep",))
        self.assertEqual(list(shape.properties), ["kind", "child", "note", "parent"])

    def test_unrelated_types_for_one_key_become_a_conflict(self):
        schemas = dict(SCHEMAS)
        schemas["Leaf"] = {"allOf": [ref("Base"), {"type": "object", "properties": {
            "note": {"type": "integer"}}}]}
        shape = description({}, schemas).shape_of(ref("Base"))
        self.assertTrue(shape.properties["note"].get("x-conflict"))


class OperationTest(unittest.TestCase):

    def test_operations_parameters_and_answers(self):
        spec = description({"/api/x/{b}/{a}": {"get": operation(
            "GetX", parameters=[query_param("q"), path_param("a"), path_param("b")],
            responses={"200": answer(ref("Named")), "404": {}},
            **{"x-pulumi-route-property": {"Visibility": "Preview", "Deprecated": True,
                                           "SupersededBy": "GetY"}})}}, SCHEMAS)
        op, = spec.operations()
        self.assertEqual([p.name for p in op.parameters], ["b", "a", "q"])
        self.assertEqual(op.success_statuses(), ["200"])
        self.assertEqual(op.error_statuses(), ["404"])
        self.assertTrue(op.preview and op.deprecated)
        self.assertEqual(op.superseded_by, "GetY")
        self.assertEqual(op.success_body()[1], "application/json")


class FieldTypeTest(unittest.TestCase):

    def setUp(self):
        self.spec = description({}, SCHEMAS)

    def kind(self, schema):
        t = fieldtypes.field_type(self.spec, schema, "schema:Owner", "key")
        return (t.label, t.scalar or t.message)

    def test_scalars(self):
        self.assertEqual(self.kind({"type": "integer"}), ("", "int64"))
        self.assertEqual(self.kind({"type": "integer", "format": "int32"}), ("", "int32"))
        self.assertEqual(self.kind({"type": "number"}), ("", "double"))
        self.assertEqual(self.kind({"type": "string", "format": "byte"}), ("", "bytes"))
        self.assertEqual(self.kind({"type": "boolean"}), ("", "bool"))

    def test_an_array_of_bytes_is_one_base64_string(self):
        byte = {"type": "string", "format": "byte"}
        self.assertEqual(self.kind({"type": "array", "items": byte}), ("", "bytes"))
        self.assertEqual(self.kind({"type": "array", "items": {"type": "array", "items": byte}}),
                         ("repeated", "bytes"))
        self.assertEqual(self.kind({"type": "object", "additionalProperties": {
            "type": "array", "items": byte}}), ("map", "bytes"))

    def test_messages_maps_and_free_form_json(self):
        self.assertEqual(self.kind(ref("Named")), ("", "schema:Named"))
        self.assertEqual(self.kind({"type": "object", "properties": {"a": {"type": "string"}}}),
                         ("", "inline:schema:Owner/key"))
        self.assertEqual(self.kind({"type": "object", "additionalProperties": ref("Named")}),
                         ("map", "schema:Named"))
        self.assertEqual(self.kind({"type": "object"}), ("", fieldtypes.STRUCT))
        self.assertEqual(self.kind({}), ("", fieldtypes.VALUE))
        self.assertEqual(self.kind({"type": "array", "items": {"type": "array", "items": {}}}),
                         ("repeated", fieldtypes.LIST_VALUE))
        self.assertEqual(self.kind({"type": "object", "additionalProperties": {
            "type": "object", "additionalProperties": {"type": "string"}}}),
            ("map", fieldtypes.STRUCT))


if __name__ == "__main__":
    unittest.main()
