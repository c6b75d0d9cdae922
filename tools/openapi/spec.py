"""Reads the facts-only API description: its operations and the JSON shape of its schemas.

    api = Spec.load(SPEC_PATH)
    for op in api.operations():            # every operation, in path then verb order
        op.operation_id, op.verb, op.path, op.tags, op.deprecated, op.preview
    shape = api.shape_of({"$ref": "#/components/schemas/AppStack"})
    shape.properties["stackName"], "stackName" in shape.required

Polymorphic schemas (a `discriminator` with a `mapping`, subtypes written as `allOf` of the base
and their own properties) read as one object holding the properties of every subtype: the proto
mirror of such a value is one message, so any variant's keys reach the caller.
"""

import dataclasses
import json
import pathlib

ROOT = pathlib.Path(__file__).resolve().parents[2]
SPEC_PATH = ROOT / "third_party" / "pulumi-openapi" / "spec.json"

VERBS = ("get", "put", "post", "delete", "patch", "head")
SCHEMA_PREFIX = "#/components/schemas/"


@dataclasses.dataclass
class Parameter:
    name: str
    location: str  # "path" or "query"
    schema: dict
    required: bool


@dataclasses.dataclass
class Operation:
    operation_id: str
    verb: str  # upper case
    path: str  # as the description writes it, e.g. /api/orgs/{orgName}/teams
    tags: list
    deprecated: bool
    preview: bool
    parameters: list  # of Parameter, path ones in path order, then query ones
    body: dict  # {"content_type", "schema", "required"} or None
    responses: dict  # status (str) -> {"content_type", "schema"} or {} without content
    superseded_by: str = ""

    def success_statuses(self):
        return sorted(s for s in self.responses if s.startswith("2"))

    def error_statuses(self):
        return sorted(s for s in self.responses if not s.startswith("2"))

    def success_body(self):
        """(status, content_type, schema) of the first 2xx answer with a body, else None."""
        for status in self.success_statuses():
            answer = self.responses[status]
            if answer.get("content_type"):
                return status, answer["content_type"], answer.get("schema") or {}
        return None

    def path_parameters(self):
        return [p for p in self.parameters if p.location == "path"]

    def query_parameters(self):
        return [p for p in self.parameters if p.location == "query"]


@dataclasses.dataclass
class Shape:
    """The JSON object a schema describes: its keys (in the description's order) and which of
    them it requires. `variants` names the subtypes merged into a polymorphic base, and `tags`
    the values of its `discriminator` key that select this schema or one of those subtypes (in
    the description's order): a closed set, the only values the service can decode."""
    properties: dict
    required: set
    discriminator: str = ""
    variants: tuple = ()
    tags: tuple = ()


def ref_name(schema):
    ref = schema.get("$ref", "") if isinstance(schema, dict) else ""
    return ref[len(SCHEMA_PREFIX):] if ref.startswith(SCHEMA_PREFIX) else ""


class Spec:

    def __init__(self, document):
        self.document = document
        self.schemas = document.get("components", {}).get("schemas", {})
        self._shapes = {}
        self.inline_schemas = {}  # "inline:<owner>/<key>" -> the object schema written in place

    @classmethod
    def load(cls, path=SPEC_PATH):
        return cls(json.loads(pathlib.Path(path).read_text(encoding="utf-8")))

    def operations(self):
        ops = []
        for path in sorted(self.document.get("paths", {})):
            item = self.document["paths"][path]
            shared = item.get("parameters", [])
            for verb in VERBS:
                if verb in item:
                    ops.append(self._operation(path, verb, item[verb], shared))
        return ops

    def _operation(self, path, verb, raw, shared):
        params = {}
        for p in shared + raw.get("parameters", []):
            if p.get("in") in ("path", "query"):
                params[(p["in"], p["name"])] = Parameter(
                    p["name"], p["in"], p.get("schema", {}),
                    bool(p.get("required")) or p["in"] == "path")
        order = [seg[1:-1] for seg in path.split("/") if seg.startswith("{")]
        path_params = sorted((p for p in params.values() if p.location == "path"),
                             key=lambda p: order.index(p.name) if p.name in order else 99)
        query_params = [p for p in params.values() if p.location == "query"]
        body = None
        if "requestBody" in raw:
            content = raw["requestBody"].get("content", {})
            content_type = sorted(content)[0] if content else ""
            body = {"content_type": content_type,
                    "schema": content.get(content_type, {}).get("schema", {}),
                    "required": bool(raw["requestBody"].get("required"))}
        responses = {}
        for status, answer in raw.get("responses", {}).items():
            content = (answer or {}).get("content") or {}
            if content:
                content_type = "application/json" if "application/json" in content else sorted(
                    content)[0]
                responses[status] = {"content_type": content_type,
                                     "schema": content[content_type].get("schema", {})}
            else:
                responses[status] = {}
        route = raw.get("x-pulumi-route-property", {})
        return Operation(
            operation_id=raw.get("operationId", f"{verb}:{path}"),
            verb=verb.upper(),
            path=path,
            tags=list(raw.get("tags", [])),
            deprecated=bool(raw.get("deprecated")) or bool(route.get("Deprecated")),
            preview=route.get("Visibility") == "Preview",
            parameters=path_params + query_params,
            body=body,
            responses=responses,
            superseded_by=route.get("SupersededBy", ""),
        )

    def resolve(self, schema):
        """Follows `$ref`s: (component name or "", the schema it points at)."""
        name = ""
        seen = set()
        while isinstance(schema, dict) and ref_name(schema):
            name = ref_name(schema)
            if name in seen:
                break
            seen.add(name)
            schema = self.schemas.get(name, {})
        return name, schema

    def is_object(self, schema):
        """True when `schema` (after `$ref`) describes an object with named properties."""
        _, target = self.resolve(schema)
        return bool(target.get("properties") or target.get("allOf") or target.get("discriminator"))

    def shape_of(self, schema):
        name, target = self.resolve(schema)
        if name:
            if name not in self._shapes:
                self._shapes[name] = Shape({}, set())  # recursion guard
                self._shapes[name] = self._build_shape(target, name)
            return self._shapes[name]
        return self._build_shape(target, "")

    def ancestors(self, name):
        """The schemas `name` extends through `allOf`, transitively."""
        out, stack = set(), [name]
        while stack:
            for part in self.schemas.get(stack.pop(), {}).get("allOf", []):
                parent = ref_name(part)
                if parent and parent not in out:
                    out.add(parent)
                    stack.append(parent)
        return out

    def variants(self, name):
        """(discriminator key, the mapped subtypes that extend `name`, the key's values that
        select `name` or one of them): the shapes a value declared as `name` may take. Empty for
        a schema outside any polymorphic family."""
        lineage = self.ancestors(name)
        key, found, tags = "", set(), []
        for family in sorted(lineage | {name}):
            discriminator = self.schemas.get(family, {}).get("discriminator", {})
            for tag, target in discriminator.get("mapping", {}).items():
                variant = target[len(SCHEMA_PREFIX):]
                if variant not in self.schemas:
                    continue
                extends = variant != name and (family == name or name in self.ancestors(variant))
                if extends:
                    found.add(variant)
                if extends or variant == name:
                    key = key or discriminator.get("propertyName", "")
                    if tag not in tags:
                        tags.append(tag)
        return key, tuple(sorted(found)), tuple(tags)

    def _build_shape(self, schema, name):
        properties = {}
        required = set()
        self._merge_own(schema, properties, required, {name} if name else set())
        skip = {name} | self.ancestors(name) if name else set()
        key, variants, tags = self.variants(name) if name else ("", (), ())
        each_requires = []
        for variant in variants:
            # The variant's own keys (its parents between `name` and it included); what a variant
            # requires holds for that variant only, so only what every variant requires is
            # required of the union (all of it when there is one variant).
            variant_required = set()
            self._merge_own(self.schemas[variant], properties, variant_required,
                            skip | {variant}, alternatives=True)
            each_requires.append(variant_required)
        if each_requires:
            required |= set.intersection(*each_requires)
        if key and key not in properties:
            # The tag is always on the wire, declared or not: the service decodes by it.
            properties[key] = {"type": "string"}
            required.add(key)
        return Shape(properties, required, key, variants, tags)

    def _merge_own(self, schema, properties, required, skip, alternatives=False):
        for part in schema.get("allOf", []):
            part_name, part_schema = self.resolve(part)
            if part_name in skip:
                continue
            self._merge_own(part_schema, properties, required,
                            skip | ({part_name} if part_name else set()), alternatives)
        for key, prop in sorted(schema.get("properties", {}).items(),
                                key=lambda kv: (kv[1].get("x-order", 10**6), kv[0])):
            if key in properties and alternatives:
                properties[key] = self._unify(properties[key], prop)
            else:
                properties.setdefault(key, prop)
        required.update(schema.get("required", []))


    def _unify(self, first, second):
        """One key of two variants of a polymorphic schema: the same type, the more general of
        two related schemas, else a conflict (any JSON value)."""
        if _without_order(first) == _without_order(second) or first.get("x-conflict"):
            return first
        a, b = ref_name(first), ref_name(second)
        if a and b:
            if a in self.ancestors(b):
                return first
            if b in self.ancestors(a):
                return second
        return {"x-conflict": True}


def _without_order(schema):
    return {k: v for k, v in schema.items() if k != "x-order"}
