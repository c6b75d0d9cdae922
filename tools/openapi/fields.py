"""The field half of the builder: field specs to numbered proto fields, under the lock.

A spec (a JSON key with its type) meets the lock by its JSON key (path parameters and whole-body
fields also by name). A locked field keeps name, number and type; when its type is a message and
the description now names another schema there, that schema's keys are merged into the locked
message so none of them is lost. Locked fields the description no longer has are kept. A new key
gets the next free number.
"""

import dataclasses

import comments
import fieldtypes
import naming
import protomodel
from fieldtypes import FieldType
from lock import LockedField

SCALARS = {"string", "bytes", "bool", "int32", "int64", "uint32", "uint64", "float", "double"}
WELL_KNOWN = (fieldtypes.STRUCT, fieldtypes.VALUE, fieldtypes.LIST_VALUE, "google.api.HttpBody")


@dataclasses.dataclass
class FieldSpec:
    key: str  # JSON key or parameter name
    name: str  # proposed field name
    ftype: FieldType
    location: str  # path, query, body (flattened body key), bodyfield, property, wrap
    required: bool = False
    optional: bool = False  # proto3 `optional` for a scalar
    deprecated: bool = False
    final_name: str = ""  # the field's name once the lock is applied


@dataclasses.dataclass
class MessagePlan:
    name: str
    kind: str  # request, response, schema, inline, pinned
    sources: list = dataclasses.field(default_factory=list)  # schema/inline sources
    specs: list = dataclasses.field(default_factory=list)  # request/response specs
    request_reachable: bool = False
    comment: list = dataclasses.field(default_factory=list)
    message: protomodel.Message = None
    refs: set = dataclasses.field(default_factory=set)
    shape: str = ""  # responses: flatten, wrap, items, entries, value, empty, head, raw
    body_rule: str = ""  # requests: "", "*" or the body field
    rpc: str = ""  # request and response messages: the RPC



def split_type(text):
    """"optional string" -> ("optional", "string"); maps keep their whole text as the type."""
    for label in ("optional ", "repeated "):
        if text.startswith(label):
            return label.strip(), text[len(label):]
    return "", text


def base_of(type_text):
    if type_text.startswith("map<"):
        return type_text[len("map<"):-1].split(",", 1)[1].strip()
    return type_text


class FieldsMixin:

    def _specs_of(self, mp):
        """The field specs of a message: fixed for requests and responses, read from the
        description's schemas (the message's own source, then merged ones) otherwise."""
        if mp.kind in ("request", "response"):
            return mp.specs
        specs, seen = [], set()
        for source in mp.sources:
            schema = self._schema_of_source(source)
            shape = self.spec.shape_of(schema)
            for key, prop in shape.properties.items():
                if key in seen:
                    continue
                seen.add(key)
                ftype = fieldtypes.field_type(self.spec, prop, source, key)
                ftype = self._closed_or_open(source, key, shape, ftype)
                required = key in shape.required
                optional = mp.request_reachable and wants_optional(ftype, required)
                specs.append(FieldSpec(key, naming.snake_case(key), ftype, "property",
                                       required=required, optional=optional,
                                       deprecated=bool(prop.get("deprecated"))))
        return specs

    def _closed_or_open(self, source, key, shape, ftype):
        """A discriminator key takes exactly the tags of its mapping (the service decodes by
        them); an enum the overrides call open (examples, not a closed set) takes any value."""
        if key == shape.discriminator and ftype.scalar == "string" and not ftype.label and \
                not ftype.enum and shape.tags:
            ftype = dataclasses.replace(ftype, enum=shape.tags)
        if ftype.enum and f"{_source_label(source)}.{key}" in self.ov.open_enums:
            ftype = dataclasses.replace(ftype, enum=(), note=self.ov.open_enums[
                f"{_source_label(source)}.{key}"])
        return ftype

    def _schema_of_source(self, source):
        if source.startswith("schema:"):
            return {"$ref": "#/components/schemas/" + source[len("schema:"):]}
        return self.spec.inline_schemas[source]

    def _type_text(self, spec):
        ftype = spec.ftype
        base = ftype.scalar or self._name_for(ftype.message)
        if ftype.label == "map":
            return "", f"map<string, {base}>"
        if ftype.label == "repeated":
            return "repeated", base
        return ("optional" if spec.optional else ""), base

    def _finalize(self, mp):
        if mp.message is not None:
            return
        if mp.kind == "extra":
            self._finalize_extra(mp)
            return
        entry = self.lock.message(mp.name)
        released = bool(entry and entry.released)
        specs = self._specs_of(mp)
        taken = {f.name for f in entry.fields} if entry else set()
        next_number = entry.next_number() if entry else 1
        matched = set()
        out = []
        mp.refs = set()
        for spec in specs:
            locked = None
            if entry:
                locked = entry.field_by_json(spec.key)
                if locked is None and spec.location in ("path", "wrap", "bodyfield"):
                    locked = entry.field_by_name(spec.name)
                if locked is not None and locked.name in matched:
                    locked = None
            want_label, want_type = self._type_text(spec)
            if released and mp.request_reachable and spec.ftype.is_scalar() and \
                    not spec.ftype.label and spec.location != "path":
                # A key new to a released request message is sent only when set: the released
                # RPC's requests stay as they were.
                want_label = "optional"
            if locked:
                matched.add(locked.name)
                label, type_text = split_type(locked.type)
                if base_of(type_text) != base_of(want_type) or \
                        (label == "repeated") != (want_label == "repeated") or \
                        type_text.startswith("map<") != want_type.startswith("map<"):
                    self._disagree(mp, locked, spec, label, type_text, want_label, want_type)
                name, number, json_key, oneof = locked.name, locked.number, locked.json, locked.oneof
            else:
                name = _unique(spec.name, taken)
                taken.add(name)
                number, next_number = next_number, next_number + 1
                json_key = spec.key if spec.location not in ("wrap", "bodyfield") else \
                    naming.default_json_name(name)
                label, type_text, oneof = want_label, want_type, ""
                if spec.ftype.message:
                    self._plan_for_source(spec.ftype.message)
            spec.final_name = name
            field = self._field(mp, name, number, json_key, label, type_text, oneof)
            if released:
                field.required = mp.kind == "request" and spec.location == "path"
            else:
                field.required = mp.request_reachable and spec.required and \
                    not sent_when_empty(spec)
            if spec.ftype.enum and type_text == "string" and spec.ftype.scalar == "string" and \
                    ((mp.request_reachable and not released) or spec.location == "path"):
                field.allowed_values = tuple(spec.ftype.enum)
            field.comment = self._field_comment(mp, spec, field)
            out.append(field)
        for locked in (entry.fields if entry else []):
            if locked.name in matched:
                continue
            label, type_text = split_type(locked.type)
            field = self._field(mp, locked.name, locked.number, locked.json, label, type_text,
                                locked.oneof)
            field.comment = self.ov.field_notes.get(f"{mp.name}.{locked.name}") or [
                "Not in the API description; kept for compatibility."]
            out.append(field)
        out.sort(key=lambda f: f.number)
        mp.message = protomodel.Message(mp.name, out, self._message_comment(mp, entry),
                                        oneof_comments=self._oneof_comments(mp.name, out))

    def _field(self, mp, name, number, json_key, label, type_text, oneof):
        base = base_of(type_text)
        if base not in SCALARS and base not in WELL_KNOWN:
            self._ensure_named(base)
            mp.refs.add(base)
        elif base in WELL_KNOWN:
            mp.refs.add(base)
        explicit = json_key if json_key != naming.default_json_name(name) else ""
        return protomodel.Field(name, number, type_text, label, explicit, oneof=oneof)

    def _disagree(self, mp, locked, spec, label, type_text, want_label, want_type):
        """A locked field whose type the description contradicts keeps its type; a message
        takes in the keys of the schema the description names, so none of them is lost."""
        base, want = base_of(type_text), base_of(want_type)
        mergeable = spec.ftype.message and base not in SCALARS and base not in WELL_KNOWN and \
            (label == "repeated") == (want_label == "repeated")
        if mergeable:
            self._ensure_named(base)
            target = self.plans[base]
            if spec.ftype.message not in target.sources:
                target.sources.append(spec.ftype.message)
                if target.message is not None:
                    target.message = None
                    self.queue.append(target)
            what = (f"`{mp.name}.{locked.name}` keeps the type `{base}`; the description's "
                    f"`{_source_label(spec.ftype.message)}` keys are added to `{base}`")
        else:
            if spec.ftype.message:
                want_type = want_type.replace(want, _source_label(spec.ftype.message))
            what = (f"`{mp.name}.{locked.name}` keeps `{(label + ' ' + type_text).strip()}` "
                    f"where the description says `{(want_label + ' ' + want_type).strip()}`")
        if what not in self.differences:
            self.differences.append(what)

    def _field_comment(self, mp, spec, field):
        note = self.ov.field_notes.get(f"{mp.name}.{field.name}")
        if note:
            return note
        where = {
            "path": f"Path parameter `{spec.key}`.",
            "query": f"Query parameter `{spec.key}`.",
            "body": f"JSON body key `{spec.key}`.",
            "property": f"JSON key `{spec.key}`.",
            "wrap": "The whole JSON answer.",
            "bodyfield": "The whole JSON body.",
        }[spec.location]
        parts = [where]
        ftype = spec.ftype
        if ftype.fmt == "date-time":
            parts.append("An RFC 3339 date and time.")
        elif ftype.fmt == "byte":
            parts.append("Base64 text in JSON.")
        if ftype.enum and len(ftype.enum) > 20 and field.allowed_values:
            parts.append(f"One of the {len(ftype.enum)} values its `allowed_values` list.")
        elif ftype.enum:
            parts.append(comments.one_of(ftype.enum))
        if ftype.note:
            parts.append(ftype.note[0].upper() + ftype.note[1:] + ".")
        if spec.required and spec.location not in ("path", "wrap"):
            if not mp.request_reachable:
                parts.append("Always present.")
            elif sent_when_empty(spec):
                parts.append("Always sent: " + ("`{}`" if spec.ftype.label == "map" else "`[]`") +
                             " when empty.")
            else:
                parts.append("Required.")
        if spec.deprecated:
            parts.append("Deprecated.")
        return comments.wrap(parts)

    def _message_comment(self, mp, entry):
        note = self.ov.message_notes.get(mp.name)
        if note:
            return note
        if mp.kind == "request":
            text = [f"Request of {mp.rpc}."]
            if mp.body_rule == "*":
                text.append("The fields other than path parameters form the JSON body.")
            elif mp.body_rule:
                text.append(f"`{mp.body_rule}` is the JSON body; the other fields are path and "
                            "query parameters.")
            elif any(s.location == "query" for s in mp.specs):
                text.append("The fields other than path parameters are query parameters.")
            return comments.wrap(text)
        if mp.kind == "response":
            return comments.wrap([f"Response of {mp.rpc}." + {
                "flatten": " Its fields are the keys of the JSON answer.",
                "empty": " The answer has no body.",
                "head": " The answer has no body; its status is the answer.",
                "raw": " The raw answer and its content type.",
            }.get(mp.shape, "")])
        if mp.kind in ("schema", "inline"):
            source = mp.sources[0]
            text = [f"`{_source_label(source)}` in the API description."]
            if source.startswith("schema:"):
                shape = self.spec.shape_of(self._schema_of_source(source))
                if shape.variants:
                    text.append(f"It takes several shapes, told apart by `{shape.discriminator}`; "
                                "this message holds the keys of all of them.")
            for other in mp.sources[1:]:
                text.append(f"Also holds the keys of `{_source_label(other)}`.")
            return comments.wrap(text)
        return ["Kept for compatibility."]

    def _oneof_comments(self, name, fields):
        out = {}
        for field in fields:
            if field.oneof:
                out[field.oneof] = self.ov.oneof_notes.get(f"{name}.{field.oneof}", [])
        return out

    def _finalize_extra(self, mp):
        definition = self.ov.messages[mp.name]
        out = []
        mp.refs = set()
        for f in definition["fields"]:
            label, type_text = split_type(f["type"])
            field = self._field(mp, f["name"], f["number"],
                                f.get("json_name") or naming.default_json_name(f["name"]),
                                label, type_text, f.get("oneof", ""))
            field.comment = list(f.get("comment", []))
            out.append(field)
        mp.message = protomodel.Message(mp.name, out, list(definition.get("comment", [])),
                                        oneof_comments=dict(definition.get("oneof_comments", {})))

    def _emitted_messages(self):
        """The messages the RPCs reach, in a stable order: each RPC's request and response, then
        the messages they nest, depth first."""
        order = []
        seen = set()

        def add(name):
            if name in seen or name in WELL_KNOWN:
                return False
            seen.add(name)
            order.append(name)
            return True

        def nested(name):
            plan = self.plans.get(name)
            if plan is None:
                return
            for field in plan.message.fields:
                base = base_of(field.type)
                if base not in SCALARS and add(base):
                    nested(base)

        for rpc in self.rpcs:
            roots = [name for name in (rpc.request, rpc.response) if add(name)]
            for name in roots:
                nested(name)
        return {name: self.plans.get(name) for name in order}

    def _record_lock(self, messages):
        for name, plan in messages.items():
            if plan is None or plan.kind == "extra":
                continue
            fields = [LockedField(f.name, f.number, f.json_name or naming.default_json_name(f.name),
                                  (f.label + " " + f.type).strip(), f.oneof)
                      for f in plan.message.fields]
            source = plan.sources[0] if plan.kind in ("schema", "inline") else ""
            self.lock.record(name, self.file_of[name], source, fields)


def sent_when_empty(spec):
    """A list or map the description requires: proto3 cannot tell it unset from empty, and the
    gateway always sends its key (`[]`, `{}`), which is all "required" asks of a JSON body. It is
    not REQUIRED (that would refuse an empty one), except as a query parameter, which has no
    empty form."""
    return spec.ftype.label in ("repeated", "map") and spec.location != "query"


def wants_optional(ftype, required):
    """Request scalars get presence: unset ones are not sent, and a required boolean or number
    can still be false or 0. A required string is plain: empty means unset."""
    if ftype.label or not ftype.is_scalar():
        return False
    return not (required and ftype.scalar in ("string", "bytes"))


def _unique(name, taken):
    if name not in taken:
        return name
    for i in range(2, 100):
        if f"{name}_{i}" not in taken:
            return f"{name}_{i}"
    raise ValueError(f"no free field name for {name}")


def _source_label(source):
    if source.startswith("schema:"):
        return source[len("schema:"):]
    owner, key = source[len("inline:"):].rsplit("/", 1)
    return f"{_source_label(owner) if owner.startswith(('schema:', 'inline:')) else owner}.{key}"

