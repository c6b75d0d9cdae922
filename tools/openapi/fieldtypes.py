"""Proto field types for the JSON values the API description declares.

    t = field_type(spec, {"type": "array", "items": {"$ref": "#/components/schemas/Team"}},
                   owner="schema:ListTeamsResponse", key="teams")
    t.label == "repeated" and t.message == "schema:Team"

A message type is named by its source ("schema:<component>" or "inline:<owner>/<key>"), which
the generator turns into a message name. What JSON cannot be said in proto types (maps of arrays,
arrays of arrays, values of several types) falls back to the google.protobuf JSON types, which
carry any JSON as it is.
"""

import dataclasses

STRUCT = "google.protobuf.Struct"
VALUE = "google.protobuf.Value"
LIST_VALUE = "google.protobuf.ListValue"


@dataclasses.dataclass(frozen=True)
class FieldType:
    scalar: str = ""  # proto scalar or well-known type; empty when `message` is set
    message: str = ""  # source of a generated message
    label: str = ""  # "", "repeated" or "map"
    enum: tuple = ()  # allowed values of a string (or integer) enum
    fmt: str = ""  # "date-time", "byte", ...
    note: str = ""  # what the comment should add (free-form JSON, value shape)

    @property
    def base(self):
        return self.scalar or self.message

    def is_scalar(self):
        return bool(self.scalar) and not self.scalar.startswith("google.protobuf.")


def scalar_of(schema):
    """The proto scalar of a JSON scalar schema, or "" when it is not a scalar."""
    kind = schema.get("type")
    fmt = schema.get("format", "")
    if kind == "string" or (kind is None and "enum" in schema and
                            all(isinstance(v, str) for v in schema["enum"])):
        return "bytes" if fmt == "byte" else "string"
    if kind == "integer":
        return "int32" if fmt == "int32" else "int64"
    if kind == "number":
        return "float" if fmt == "float" else "double"
    if kind == "boolean":
        return "bool"
    return ""


def field_type(spec, schema, owner, key):
    """The FieldType of property `key` of the message with source `owner`."""
    if not isinstance(schema, dict):
        return FieldType(scalar=VALUE, note="any JSON value")
    if schema.get("x-conflict"):
        return FieldType(scalar=VALUE, note="its JSON type differs between the variants")
    name, target = spec.resolve(schema)
    scalar = scalar_of(target)
    if scalar:
        return FieldType(scalar=scalar, enum=tuple(target.get("enum", ())),
                         fmt=target.get("format", ""))
    kind = target.get("type")
    if kind == "array" and _is_byte_string(spec, target.get("items", {})):
        # A Go byte slice: the description writes it as an array of bytes, but JSON carries it as
        # one base64 string.
        return FieldType(scalar="bytes", fmt="byte",
                         note="the description writes it as an array of bytes; JSON carries one "
                              "string")
    if kind == "array":
        item = field_type(spec, target.get("items", {}), owner, key)
        if item.label:
            # Arrays of arrays or of maps: proto has no such field, JSON arrays carry them as is.
            return FieldType(scalar=LIST_VALUE if item.label == "repeated" else STRUCT,
                             label="repeated", note="each item is free-form JSON")
        return dataclasses.replace(item, label="repeated")
    if spec.is_object(target):
        if name:
            return FieldType(message=f"schema:{name}")
        source = f"inline:{owner}/{key}"
        spec.inline_schemas[source] = target
        return FieldType(message=source)
    extra = target.get("additionalProperties")
    if isinstance(extra, dict) and extra:
        value = field_type(spec, extra, owner, key)
        if value.label == "repeated":
            return FieldType(scalar=LIST_VALUE, label="map",
                             note="each value is a JSON array" + _of(value))
        if value.label == "map" or value.scalar in (STRUCT, VALUE, LIST_VALUE):
            return FieldType(scalar=STRUCT, label="map", note="each value is free-form JSON")
        return dataclasses.replace(value, label="map")
    if kind in ("object", None) or extra is True or extra == {}:
        return FieldType(scalar=STRUCT if kind == "object" or extra is not None else VALUE,
                         note="free-form JSON")
    return FieldType(scalar=VALUE, note="any JSON value")


def _is_byte_string(spec, schema):
    _, target = spec.resolve(schema) if isinstance(schema, dict) else ("", {})
    return target.get("type") == "string" and target.get("format") == "byte"


def _of(value):
    if value.message:
        return f" of `{value.message.split(':', 1)[1]}` objects"
    return f" of {value.scalar} values" if value.scalar else ""
