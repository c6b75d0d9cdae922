"""The RPC half of the builder: one operation's route, request and response messages.

Mixed into builder.Builder (see its docstring for the shapes). Each `_build_rpc` adds the RPC's
protomodel.Rpc, its RpcInfo, and plans for its request and response messages; the message plans
are finalized later, under the lock, by fields.FieldsMixin.
"""

import dataclasses

import comments
import fieldtypes
import naming
import protomodel
from fields import FieldSpec, MessagePlan, wants_optional as _wants_optional
from fieldtypes import FieldType
from protomodel import Ident, Literal
from spec import ref_name as _ref

HTTPBODY = "google.api.HttpBody"


@dataclasses.dataclass
class RpcInfo:
    service: str
    name: str
    kind: str  # http, stream, composite
    operations: list
    verb: str = ""
    path: str = ""  # the description's path (merged: with the variable)
    template: str = ""
    body: str = ""
    response_body: str = ""
    shape: str = ""
    request: str = ""
    response: str = ""
    statuses: list = dataclasses.field(default_factory=list)
    errors: list = dataclasses.field(default_factory=list)
    pagination: str = ""
    preview: bool = False
    already_exists: bool = False
    variant_of: str = ""
    merged_field: str = ""
    merged_values: tuple = ()
    note: str = ""



class RpcsMixin:

    def _build_rpc(self, plan):
        op = plan.operation
        request = self._request(plan)
        response_name, shape, response_field, status, content_type = self._response(plan)
        rule = self._http_rule(plan, request)
        body = rule["body"]
        literal = Literal()
        if op.verb == "HEAD":
            literal.pairs.append(("custom", Literal(("kind", "HEAD"), ("path", rule["path"]))))
        else:
            literal.pairs.append((op.verb.lower(), rule["path"]))
        if body:
            literal.pairs.append(("body", body))
        if shape in ("wrap", "items", "entries", "value"):
            literal.pairs.append(("response_body", response_field))
        options = [("(google.api.http)", literal)]
        already_exists = self._already_exists(plan)
        if already_exists:
            options.append(("(pulumi.gateway.v1.on_conflict)",
                            Ident("CONFLICT_CODE_ALREADY_EXISTS")))
        if plan.body_value:
            options.append(("(pulumi.gateway.v1.body_value)",
                            Literal(("name", plan.body_value[0]), ("value", plan.body_value[1]))))
        if shape == "raw":
            options.append(("(pulumi.gateway.v1.raw_response_field)", response_field))
        info = RpcInfo(
            service=plan.service, name=plan.name, kind="http", operations=plan.operations,
            verb=op.verb, path=self._described_path(plan), template=rule["path"], body=body,
            response_body=response_field if shape in ("wrap", "items", "entries", "value") else "",
            shape=shape, request=request.name, response=response_name,
            statuses=op.success_statuses(), errors=op.error_statuses(),
            pagination=self._pagination(plan, request, response_name),
            preview=any(o.preview for o in plan.operations), already_exists=already_exists,
            variant_of=plan.variant_of, merged_field=plan.merged_field,
            merged_values=plan.merged_values)
        note = self.ov.rpc_notes.get(f"{plan.service}.{plan.name}", [])
        if plan.settings.get("drop_body") and not plan.variant_of:
            note = note + [plan.settings["drop_body"]]
        info.note = " ".join(note)
        self.rpcs.append(info)
        text = [self._route_sentence(info), ""]
        if note:
            text += note + [""]
        text.append(comments.success_sentence(status, shape, response_field, content_type))
        text.append(comments.errors_sentence(info.errors, already_exists))
        text.append(comments.pagination_sentence(info.pagination))
        text.append(comments.visibility_sentence(info.preview))
        rpc = protomodel.Rpc(plan.name, request.name, response_name, comments.wrap(text),
                             options=options)
        if shape == "httpbody":
            rpc.comment += ["buf:lint:ignore RPC_RESPONSE_STANDARD_NAME",
                            "buf:lint:ignore RPC_REQUEST_RESPONSE_UNIQUE"]
        self.rpc_models[plan.service].append(rpc)

    def _route_sentence(self, info):
        ids = ", ".join(f"`{o.operation_id}`" for o in info.operations)
        label = "operation" if len(info.operations) == 1 else "operations"
        text = f"`{info.verb} {info.path}` ({label} {ids})"
        if info.merged_field:
            text += (f"; `{info.merged_field}` is one of "
                     f"{comments.code_list(info.merged_values)}")
        if info.variant_of:
            text += f", as {info.variant_of} with fixed body values"
        return text + "."

    def _described_path(self, plan):
        if not plan.merged_field:
            return plan.operation.path
        segments = plan.operation.path.split("/")
        segments[plan.merged_index] = "{" + plan.merged_field + "}"
        return "/".join(segments)

    def _already_exists(self, plan):
        setting = plan.settings.get("on_conflict")
        if setting:
            return setting == "ALREADY_EXISTS"
        op = plan.operation
        return (op.verb == "POST" and "409" in op.responses and not plan.variant_of and
                plan.name.startswith(("Create", "Add", "Register")))

    def _pagination(self, plan, request, response_name):
        op = plan.operation
        query = {p.name for p in op.query_parameters()}
        answer = op.success_body()
        keys = set()
        if answer and self.spec.is_object(answer[2]):
            keys = set(self.spec.shape_of(answer[2]).properties)
        body_keys = set()
        if op.body and self.spec.is_object(op.body["schema"]):
            body_keys = set(self.spec.shape_of(op.body["schema"]).properties)
        if "continuationToken" in keys and ("continuationToken" in query | body_keys):
            return "token"
        if "page" in query and keys & {"total", "itemsPerPage"}:
            return "pages"
        if "cursor" in query:
            return "cursor"
        return ""

    def _http_rule(self, plan, request):
        by_key = {s.key: s for s in request.specs if s.location == "path"}
        segments = plan.operation.path.split("/")
        out = []
        for i, segment in enumerate(segments):
            if i == plan.merged_index:
                out.append("{" + self._final_name(request, plan.merged_field) + "}")
            elif segment.startswith("{") and segment.endswith("}"):
                spec = by_key[segment[1:-1]]
                out.append("{" + self._final_name(request, spec.key) + "}")
            else:
                out.append(segment)
        return {"path": "/".join(out), "body": request.body_rule}

    def _final_name(self, plan, key):
        self._finalize(plan)
        spec = next(s for s in plan.specs if s.key == key)
        return spec.final_name

    # ------------------------------------------------------------------------ request side
    def _request(self, plan):
        op = plan.operation
        name = plan.name + "Request"
        mp = MessagePlan(name, "request", request_reachable=True, rpc=plan.name)
        owner = f"request:{plan.name}"
        params = {p.name: p for p in op.path_parameters()}
        for i, segment in enumerate(op.path.split("/")):
            if i == plan.merged_index:
                mp.specs.append(FieldSpec(plan.merged_field, naming.snake_case(plan.merged_field),
                                          FieldType(scalar="string", enum=plan.merged_values),
                                          "path", required=True))
            elif segment.startswith("{") and segment.endswith("}"):
                param = params[segment[1:-1]]
                mp.specs.append(FieldSpec(param.name, naming.snake_case(param.name),
                                          fieldtypes.field_type(self.spec, param.schema, owner,
                                                                param.name),
                                          "path", required=True))
        for param in op.query_parameters():
            ftype = fieldtypes.field_type(self.spec, param.schema, owner, param.name)
            mp.specs.append(FieldSpec(param.name, naming.snake_case(param.name), ftype, "query",
                                      required=param.required,
                                      optional=_wants_optional(ftype, param.required)))
        mp.body_rule = ""
        body = op.body if not plan.settings.get("drop_body") else None
        if body:
            if not body["content_type"].endswith("json"):
                raise ValueError(f"{op.operation_id}: {body['content_type']} request bodies are "
                                 "not supported")
            self._request_body(plan, mp, body)
        self._add_plan(mp)
        return mp

    def _request_body(self, plan, mp, body):
        op = plan.operation
        schema = body["schema"]
        body_field = plan.settings.get("body_field", "")
        flatten = self.spec.is_object(schema) and not op.query_parameters() and not body_field
        specs = []
        if flatten or plan.body_keys:
            shape = self.spec.shape_of(schema)
            name, _ = self.spec.resolve(schema)
            owner = f"schema:{name}" if name else f"request:{plan.name}"
            taken = {(s.key, s.name) for s in mp.specs}
            for key, prop in shape.properties.items():
                if plan.body_keys and key not in plan.body_keys:
                    continue
                ftype = fieldtypes.field_type(self.spec, prop, owner, key)
                spec = FieldSpec(key, naming.snake_case(key), ftype, "body",
                                 required=key in shape.required,
                                 optional=_wants_optional(ftype, key in shape.required),
                                 deprecated=bool(prop.get("deprecated")))
                if any(spec.key == k or spec.name == n for k, n in taken):
                    flatten = False
                specs.append(spec)
        if flatten or plan.body_keys:
            mp.specs.extend(specs)
            mp.body_rule = "*"
            return
        field = body_field or "body"
        ftype = fieldtypes.field_type(self.spec, schema, f"request:{plan.name}", "body")
        mp.specs.append(FieldSpec(field, field, ftype, "bodyfield",
                                  required=body["required"] or self._body_has_required_keys(schema)))
        mp.body_rule = field

    def _body_has_required_keys(self, schema):
        """An object body with required keys cannot be left out, whatever `requestBody.required`
        says (the description never sets it)."""
        return self.spec.is_object(schema) and bool(self.spec.shape_of(schema).required)

    # ----------------------------------------------------------------------- response side
    def _response(self, plan):
        """(response message name, shape, response field, status, content type)."""
        op = plan.operation
        mp = MessagePlan(plan.name + "Response", "response", rpc=plan.name)
        answer = op.success_body()
        status = ", ".join(op.success_statuses()) or "2xx"
        if op.verb == "HEAD":
            return self._answer(mp, "head", "", status, "")
        if answer is None:
            return self._answer(mp, "empty", "", status, "")
        code, content_type, schema = answer
        raw = plan.settings.get("raw_response_field")
        if raw:  # a released answer: content_type + data, from the lock
            return self._answer(mp, "raw", raw, code, content_type)
        if "json" not in content_type:
            return HTTPBODY, "httpbody", "", code, content_type
        schema_name, _ = self.spec.resolve(schema)
        if self.spec.is_object(schema):
            wrap = plan.settings.get("response_field")
            own = schema_name and self.source_names.get(f"schema:{schema_name}") == mp.name
            if not wrap and not own and not plan.settings.get("flatten_response") and \
                    schema_name and self._shared(schema_name):
                wrap = _wrap_field(self._name_for(f"schema:{schema_name}"))
            if own:
                mp.sources = [f"schema:{schema_name}"]
            if wrap:
                mp.specs.append(FieldSpec(wrap, wrap, FieldType(message=f"schema:{schema_name}"),
                                          "wrap"))
                return self._answer(mp, "wrap", wrap, code, content_type)
            shape = self.spec.shape_of(schema)
            owner = f"schema:{schema_name}" if schema_name else f"response:{plan.name}"
            for key, prop in shape.properties.items():
                mp.specs.append(FieldSpec(key, naming.snake_case(key),
                                          fieldtypes.field_type(self.spec, prop, owner, key),
                                          "property", required=key in shape.required,
                                          deprecated=bool(prop.get("deprecated"))))
            return self._answer(mp, "flatten", "", code, content_type)
        if plan.settings.get("flatten_response"):  # released; the description leaves it free-form
            return self._answer(mp, "flatten", "", code, content_type)
        ftype = fieldtypes.field_type(self.spec, schema, f"response:{plan.name}", "value")
        field, shape = {"repeated": ("items", "items"), "map": ("entries", "entries")}.get(
            ftype.label, ("value", "value"))
        mp.specs.append(FieldSpec(field, field, ftype, "wrap"))
        return self._answer(mp, shape, field, code, content_type)

    def _answer(self, mp, shape, field, status, content_type):
        mp.shape = shape
        self._add_plan(mp)
        return mp.name, shape, field, status, content_type

    def _claim_own_response(self, plan):
        """An answer schema named like the RPC's response message is that message, also where
        other messages nest it (no second message with the same keys)."""
        answer = plan.operation.success_body()
        if answer is None or plan.variant_of or plan.settings.get("response_field") or \
                plan.settings.get("raw_response_field"):
            return
        name, _ = self.spec.resolve(answer[2])
        source = f"schema:{name}"
        if name == plan.name + "Response" and self.spec.is_object(answer[2]) and \
                source not in self.source_names and self.lock.name_for_source(source) in (
                    None, name):
            self.source_names[source] = name

    def _shared(self, schema_name):
        """True when a schema is more than an answer: nested in another, or a request body."""
        if not hasattr(self, "_nested"):
            self._nested = set()
            for name in self.reachable_schemas:
                collect_refs(self.spec.schemas.get(name, {}), self._nested, skip=name)
            for op in self.mirrored:  # array items and map values of answers
                for answer in op.responses.values():
                    schema = answer.get("schema") or {}
                    if not _ref(schema):
                        collect_refs(schema, self._nested, skip="")
        return schema_name in self._nested or schema_name in self.request_schemas


def collect_refs(node, out, skip):
    """Adds to `out` every component schema `node` refers to (but `skip`)."""
    if isinstance(node, dict):
        name = _ref(node)
        if name and name != skip:
            out.add(name)
        for value in node.values():
            collect_refs(value, out, skip)
    elif isinstance(node, list):
        for value in node:
            collect_refs(value, out, skip)


def _wrap_field(message_name):
    """The response field holding a whole answer: `Team` -> `team`, `GetStackResourcesResponse`
    -> `stack_resources`."""
    name = naming.snake_case(message_name)
    for prefix in ("get_", "list_"):
        if name.startswith(prefix) and len(name) > len(prefix):
            name = name[len(prefix):]
    for suffix in ("_response", "_result"):
        if name.endswith(suffix) and len(name) > len(suffix):
            name = name[:-len(suffix)]
    return name
