#!/usr/bin/env python3
"""Tests of refresh_spec.strip: prose goes, facts (including names that look like prose) stay."""

import pathlib
import sys
import unittest

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
import refresh_spec  # noqa: E402


class StripTest(unittest.TestCase):

    def test_drops_prose_annotations_everywhere(self):
        spec = {
            "openapi": "3.0.3",
            "info": {"title": "t", "version": "1", "description": "About the API."},
            "tags": [{"name": "Stacks", "description": "Stack things."}],
            "paths": {
                "/api/x": {
                    "get": {
                        "operationId": "GetX",
                        "summary": "Gets X",
                        "description": "Longer words.",
                        "parameters": [{"name": "q", "in": "query", "description": "A query.",
                                        "schema": {"type": "string", "example": "abc"}}],
                        "responses": {"200": {"description": "OK"}},
                    }
                }
            },
        }
        facts = refresh_spec.strip(spec)
        self.assertNotIn("description", facts["info"])
        self.assertEqual(facts["tags"], [{"name": "Stacks"}])
        op = facts["paths"]["/api/x"]["get"]
        self.assertEqual(set(op), {"operationId", "parameters", "responses"})
        self.assertEqual(op["parameters"], [{"name": "q", "in": "query",
                                             "schema": {"type": "string"}}])
        self.assertEqual(op["responses"], {"200": {}})

    def test_keeps_properties_named_like_annotations(self):
        schema = {
            "type": "object",
            "description": "A team.",
            "required": ["description"],
            "properties": {
                "description": {"type": "string", "description": "The team's description."},
                "summary": {"type": "string"},
                "examples": {"type": "array", "items": {"type": "object", "example": {}}},
            },
            "x-pulumi-model-property": {"enumTypeName": "T", "enumComments": "Words.",
                                        "enumFieldComments": ["More words."],
                                        "enumFieldNames": ["A"]},
        }
        facts = refresh_spec.strip({"components": {"schemas": {"Team": schema}}})
        team = facts["components"]["schemas"]["Team"]
        self.assertNotIn("description", team)
        self.assertEqual(team["required"], ["description"])
        self.assertEqual(team["properties"]["description"], {"type": "string"})
        self.assertEqual(team["properties"]["summary"], {"type": "string"})
        self.assertEqual(team["properties"]["examples"],
                         {"type": "array", "items": {"type": "object"}})
        self.assertEqual(team["x-pulumi-model-property"],
                         {"enumTypeName": "T", "enumFieldNames": ["A"]})

    def test_render_is_stable(self):
        a = refresh_spec.render({"b": 1, "a": {"d": 2, "c": 3}})
        b = refresh_spec.render({"a": {"c": 3, "d": 2}, "b": 1})
        self.assertEqual(a, b)
        self.assertTrue(a.endswith("\n"))


if __name__ == "__main__":
    unittest.main()
