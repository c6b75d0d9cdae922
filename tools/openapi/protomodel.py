"""A small model of the generated .proto files and its rendering in `buf format`'s own layout.

    f = ProtoFile("teams.proto", services=[...], messages=[...])
    text = render_file(f)     # byte-for-byte what `buf format` would print; lines <= 100 columns

The renderer knows only the constructs the generator emits: services with option blocks, messages
with fields (scalar, message, map, optional, repeated, oneof), field options and enums.
"""

import dataclasses

PACKAGE = "pulumi.service.v1"
FILE_OPTIONS = (
    ("go_package", '"github.com/pulumi-grpc-gateway/clients/go/pulumi/service/v1;servicev1"'),
    ("java_multiple_files", "true"),
    ("java_outer_classname", None),  # filled per file
    ("java_package", '"com.pulumigateway.service.v1"'),
)
LIMIT = 100


@dataclasses.dataclass
class Field:
    name: str
    number: int
    type: str  # "string", "Stack", "google.protobuf.Struct", "map<string, string>"
    label: str = ""  # "", "optional" or "repeated"
    json_name: str = ""  # emitted only when set
    comment: list = dataclasses.field(default_factory=list)
    required: bool = False
    allowed_values: tuple = ()
    oneof: str = ""


@dataclasses.dataclass
class Message:
    name: str
    fields: list = dataclasses.field(default_factory=list)
    comment: list = dataclasses.field(default_factory=list)
    oneof_comments: dict = dataclasses.field(default_factory=dict)


@dataclasses.dataclass
class Enum:
    name: str
    values: list  # of (name, number, comment lines)
    comment: list = dataclasses.field(default_factory=list)


@dataclasses.dataclass
class Rpc:
    name: str
    request: str
    response: str
    comment: list = dataclasses.field(default_factory=list)
    server_streaming: bool = False
    options: list = dataclasses.field(default_factory=list)  # (option name, Literal or text)


@dataclasses.dataclass
class Service:
    name: str
    rpcs: list = dataclasses.field(default_factory=list)
    comment: list = dataclasses.field(default_factory=list)


@dataclasses.dataclass
class ProtoFile:
    name: str  # e.g. "teams.proto"
    imports: list = dataclasses.field(default_factory=list)
    comment: list = dataclasses.field(default_factory=list)
    services: list = dataclasses.field(default_factory=list)
    messages: list = dataclasses.field(default_factory=list)  # Message or Enum, in order


class Literal:
    """A message literal of an option value: ordered (key, value) pairs. A value is a string
    (quoted when rendered), an Ident, a list of strings, a bool or a nested Literal."""

    def __init__(self, *pairs):
        self.pairs = list(pairs)


class Ident(str):
    """An enum value or other identifier rendered without quotes."""


def java_outer_classname(file_name):
    stem = file_name[:-len(".proto")]
    return "".join(p[:1].upper() + p[1:] for p in stem.split("_")) + "Proto"


def render_file(proto):
    out = ['syntax = "proto3";', "", f"package {PACKAGE};", ""]
    for name in sorted(proto.imports):
        out.append(f'import "{name}";')
    if proto.imports:
        out.append("")
    for key, value in FILE_OPTIONS:
        if value is None:
            value = f'"{java_outer_classname(proto.name)}"'
        out.append(f"option {key} = {value};")
    blocks = []
    if proto.comment:
        blocks.append(_comment(proto.comment, ""))
    for service in proto.services:
        blocks.append(_service(service))
    for message in proto.messages:
        blocks.append(_enum(message) if isinstance(message, Enum) else _message(message, ""))
    for block in blocks:
        out.append("")
        out.extend(block)
    return "\n".join(out) + "\n"


def _comment(lines, indent):
    return [f"{indent}//" + (f" {line}" if line else "") for line in lines]


def _service(service):
    out = _comment(service.comment, "") + [f"service {service.name} {{"]
    for i, rpc in enumerate(service.rpcs):
        if i:
            out.append("")
        out.extend(_comment(rpc.comment, "  "))
        stream = "stream " if rpc.server_streaming else ""
        head = f"  rpc {rpc.name}({rpc.request}) returns ({stream}{rpc.response})"
        if not rpc.options:
            out.append(head + " {}")
            continue
        out.append(head + " {")
        for name, value in rpc.options:
            out.extend(_option(f"option {name} = ", value, "    ", ";"))
        out.append("  }")
    out.append("}")
    return out


def _option(prefix, value, indent, suffix):
    """An option assignment; message literals follow buf format's layout."""
    if not isinstance(value, Literal):
        return [f"{indent}{prefix}{_scalar(value)}{suffix}"]
    if len(value.pairs) == 1:
        key, inner = value.pairs[0]
        if not isinstance(inner, (Literal, list)):
            line = f"{indent}{prefix}{{{key}: {_scalar(inner)}}}{suffix}"
            if len(line) <= LIMIT or not isinstance(inner, str) or isinstance(inner, Ident):
                return [line]
            # Too long for one line: adjacent string pieces, which buf format keeps apart.
            pieces = _split_path(inner, indent + "    ")
            return ([f"{indent}{prefix}{{", f"{indent}  {key}:"] +
                    [f"{indent}    {_scalar(p)}" for p in pieces] + [f"{indent}}}{suffix}"])
    return [f"{indent}{prefix}{{"] + _literal_body(value, indent + "  ") + [f"{indent}}}{suffix}"]


def _literal_body(literal, indent):
    out = []
    for key, value in literal.pairs:
        if isinstance(value, Literal):
            out.append(f"{indent}{key}: {{")
            out.extend(_literal_body(value, indent + "  "))
            out.append(f"{indent}}}")
        elif isinstance(value, list):
            out.append(f"{indent}{key}: [")
            for i, item in enumerate(value):
                comma = "," if i + 1 < len(value) else ""
                out.append(f"{indent}  {_scalar(item)}{comma}")
            out.append(f"{indent}]")
        elif isinstance(value, str) and not isinstance(value, Ident) and \
                len(f"{indent}{key}: {_scalar(value)}") > LIMIT:
            out.append(f"{indent}{key}:")
            out.extend(f"{indent}  {_scalar(p)}" for p in _split_path(value, indent + "  "))
        else:
            out.append(f"{indent}{key}: {_scalar(value)}")
    return out


def _split_path(text, indent):
    """Cuts a long path at '/' boundaries into at least two pieces that fit on lines starting at
    `indent` (a single piece would be joined back onto the key's line by buf format)."""
    room = LIMIT - len(indent) - 2
    segments = ["/" + s for s in text.split("/")[1:]] or [text]
    pieces, current = [], ""
    for segment in segments:
        if current and len(current + segment) > room:
            pieces.append(current)
            current = ""
        current += segment
    pieces.append(current)
    if len(pieces) == 1 and len(segments) > 1:
        pieces = ["".join(segments[:-1]), segments[-1]]
    return pieces


def _scalar(value):
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, Ident):
        return str(value)
    if isinstance(value, str):
        return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'
    return str(value)


def _message(message, indent):
    out = _comment(message.comment, indent)
    if not message.fields:
        out.append(f"{indent}message {message.name} {{}}")
        return out
    out.append(f"{indent}message {message.name} {{")
    inner = indent + "  "
    open_oneof = ""
    for field in message.fields:
        if field.oneof != open_oneof:
            if open_oneof:
                out.append(f"{inner}}}")
            if field.oneof:
                out.extend(_comment(message.oneof_comments.get(field.oneof, []), inner))
                out.append(f"{inner}oneof {field.oneof} {{")
            open_oneof = field.oneof
        out.extend(_field(field, inner + "  " if open_oneof else inner))
    if open_oneof:
        out.append(f"{inner}}}")
    out.append(f"{indent}}}")
    return out


def _field(field, indent):
    label = f"{field.label} " if field.label else ""
    head = f"{indent}{label}{field.type} {field.name} = {field.number}"
    options = []
    if field.json_name:
        options.append(f'json_name = "{field.json_name}"')
    if field.required:
        options.append("(google.api.field_behavior) = REQUIRED")
    options.extend(f"(pulumi.gateway.v1.allowed_values) = {_scalar(v)}"
                   for v in field.allowed_values)
    out = _comment(field.comment, indent)
    if not options:
        out.append(head + ";")
    elif len(options) == 1:
        out.append(f"{head} [{options[0]}];")
    else:
        out.append(head + " [")
        out.extend(f"{indent}  {o}{',' if i + 1 < len(options) else ''}"
                   for i, o in enumerate(options))
        out.append(f"{indent}];")
    return out


def _enum(enum):
    out = _comment(enum.comment, "") + [f"enum {enum.name} {{"]
    for name, number, comment in enum.values:
        out.extend(_comment(comment, "  "))
        out.append(f"  {name} = {number};")
    out.append("}")
    return out
