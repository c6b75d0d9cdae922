"""Turns the API description, the overrides and the lock into the proto model.

    model = Builder(spec, overrides, lock).build()
    model.files          # protomodel.ProtoFile list, ready to render
    model.rpcs           # RpcInfo per RPC (docs, coverage)
    model.differences    # where the protos keep a released shape the description contradicts
    lock                 # updated with every message and field the model holds

How JSON becomes messages (the team's contract, see docs/api.md):
- an RPC's request holds the path parameters, then the query parameters, then the body: flattened
  (`body: "*"`) when it is an object and there is no query parameter and no name clash, else in a
  field `body`; non-object answers go in `items` (array), `entries` (map) or `value`;
- a response whose schema serves only as an answer is flattened into the response message; a
  schema used elsewhere too becomes its own message, returned in a field (`response_body`);
- non-JSON answers are google.api.HttpBody; HEAD answers are empty;
- in messages a request can reach, required keys are REQUIRED (booleans and numbers with
  presence, so false and 0 can be sent), other scalars are `optional` (unset is not sent) and
  string enums list their `allowed_values`; messages of release 0.2.0 keep their behaviour.
"""

import collections
import dataclasses

import fields
import naming
import placement
import plans as plans_mod
import protomodel
import rpcs
from fields import MessagePlan
from protomodel import Literal
from rpcs import RpcInfo
from spec import ref_name as _ref

WELL_KNOWN = fields.WELL_KNOWN


@dataclasses.dataclass
class Model:
    files: list
    rpcs: list
    messages: dict  # name -> MessagePlan (None for an enum of the overrides)
    plans: dict  # name -> MessagePlan, every planned message
    selection: object
    differences: list


class Builder(rpcs.RpcsMixin, fields.FieldsMixin):

    def __init__(self, spec, overrides, lock):
        self.spec = spec
        self.ov = overrides
        self.lock = lock
        self.plans = {}  # message name -> MessagePlan
        self.source_names = {}  # source -> message name
        self.taken = set(lock.messages) | set(overrides.messages) | set(overrides.enums)
        self.queue = collections.deque()
        self.differences = []
        self.rpcs = []
        self.rpc_models = collections.defaultdict(list)  # service -> [protomodel.Rpc]
        self.request_schemas = set()

    # ----------------------------------------------------------------------------------------
    def build(self):
        selection = plans_mod.select(self.spec, self.ov)
        rpc_plans = plans_mod.plan_rpcs(selection.mirrored, self.ov)
        self.mirrored = selection.mirrored
        for plan in rpc_plans:
            self.taken.update({plan.name + "Request", plan.name + "Response"})
        for plan in rpc_plans:
            self._claim_own_response(plan)
        self.request_schemas = _schemas_reached(
            self.spec, [op.body["schema"] for op in selection.mirrored if op.body])
        self.reachable_schemas = _schemas_reached(self.spec, [
            answer.get("schema", {}) for op in selection.mirrored
            for answer in op.responses.values()] + [
            op.body["schema"] for op in selection.mirrored if op.body])
        for plan in rpc_plans:
            self._build_rpc(plan)
        self._add_extra_rpcs()
        self._drain()
        self._settle_request_reachability()
        messages = self._emitted_messages()
        files = placement.place(self, messages)
        self._record_lock(messages)
        return Model(files, self.rpcs, messages, self.plans, selection, self.differences)

    # ------------------------------------------------------------------ request reachability
    def _source_reaches_request(self, source):
        while source.startswith("inline:"):
            source = source[len("inline:"):].rsplit("/", 1)[0]
        if source.startswith("schema:"):
            return source[len("schema:"):] in self.request_schemas
        return source.startswith("request:")

    # ---------------------------------------------------------------------- extra RPCs
    def _add_extra_rpcs(self):
        for extra in self.ov.extra_rpcs:
            options = [(name, _literal(value)) for name, value in extra.get("options", [])]
            rpc = protomodel.Rpc(extra["name"], extra["request"], extra["response"],
                                 list(extra.get("comment", [])),
                                 server_streaming=extra.get("server_streaming", False),
                                 options=options)
            models = self.rpc_models[extra["service"]]
            after = next((i for i, r in enumerate(models) if r.name == extra.get("after")), None)
            models.insert(len(models) if after is None else after + 1, rpc)
            kind = "composite" if any("composite" in o[0] for o in options) else "stream"
            self.rpcs.append(RpcInfo(service=extra["service"], name=extra["name"], kind=kind,
                                     operations=[], request=extra["request"],
                                     response=extra["response"],
                                     note=" ".join(extra.get("comment", []))))
            for name in (extra["request"], extra["response"]):
                self._ensure_named(name)

    # -------------------------------------------------------------------- message plans
    def _add_plan(self, mp):
        self.plans[mp.name] = mp
        self.queue.append(mp)

    def _name_for(self, source):
        """The message name of a source, allocated once: the lock's, else a new free name."""
        if source in self.source_names:
            return self.source_names[source]
        name = self.lock.name_for_source(source)
        if name is None:
            for candidate in self._candidates(source):
                if candidate not in self.taken:
                    name = candidate
                    break
        self.taken.add(name)
        self.source_names[source] = name
        return name

    def _candidates(self, source):
        if source.startswith("schema:"):
            schema = source[len("schema:"):]
            if schema in self.ov.schema_names:
                yield self.ov.schema_names[schema]
            if schema.startswith("App") and schema[3:4].isupper() and \
                    schema[3:] not in self.spec.schemas:
                yield schema[3:]
            yield schema
            for suffix, other in (("Request", "Body"), ("Response", "Result")):
                if schema.endswith(suffix):
                    yield schema[:-len(suffix)] + other
            base = schema
        else:
            owner, key = source[len("inline:"):].rsplit("/", 1)
            parent = self._name_for(owner) if owner.startswith(("schema:", "inline:")) else \
                owner.split(":", 1)[1]
            base = parent + naming.pascal_case(key)
            yield base
        for i in range(2, 100):
            yield f"{base}{i}"

    def _plan_for_source(self, source):
        name = self._name_for(source)
        if name not in self.plans:
            kind = "schema" if source.startswith("schema:") else "inline"
            self._add_plan(MessagePlan(name, kind, sources=[source],
                                       request_reachable=self._source_reaches_request(source)))
        return self.plans[name]

    def _ensure_named(self, name):
        """A plan for a message known by name: locked (released or generated) or overrides'."""
        if name in self.plans or name in self.ov.enums or name in WELL_KNOWN:
            return
        if name in self.ov.messages:
            self._add_plan(MessagePlan(name, "extra"))
            return
        entry = self.lock.message(name)
        if entry is None:
            raise ValueError(f"message {name} is neither generated, locked nor in the overrides")
        if entry.source:
            self._plan_for_source(entry.source)
        else:
            self._add_plan(MessagePlan(name, "pinned"))

    def _settle_request_reachability(self):
        """Marks exactly the messages a request reaches through its fields (their scalars get
        presence, their required keys REQUIRED), re-finalizing those whose mark changes."""
        while True:
            reached = set()
            stack = [p.name for p in self.plans.values() if p.kind == "request" or (
                p.kind == "extra" and p.name.endswith("Request"))]
            while stack:
                name = stack.pop()
                if name in reached or name not in self.plans:
                    continue
                reached.add(name)
                stack.extend(self.plans[name].refs)
            changed = [p for p in self.plans.values() if p.kind in ("schema", "inline", "pinned")
                       and (p.name in reached) != p.request_reachable]
            if not changed:
                return
            for plan in changed:
                plan.request_reachable = plan.name in reached
                plan.message = None
                self.queue.append(plan)
            self._drain()

    def _drain(self):
        while self.queue:
            mp = self.queue.popleft()
            mp.message = None
            self._finalize(mp)



def _schemas_reached(spec, roots):
    """Names of the component schemas reachable from `roots` (refs, items, maps, allOf and the
    variants of a polymorphic schema)."""
    seen = set()
    stack = list(roots)
    while stack:
        schema = stack.pop()
        if not isinstance(schema, dict):
            continue
        name = _ref(schema)
        if name:
            if name in seen:
                continue
            seen.add(name)
            schema = spec.schemas.get(name, {})
        for key in ("items", "additionalProperties"):
            if isinstance(schema.get(key), dict):
                stack.append(schema[key])
        stack.extend(schema.get("properties", {}).values())
        stack.extend(schema.get("allOf", []))
        for target in schema.get("discriminator", {}).get("mapping", {}).values():
            stack.append({"$ref": target})
    return seen


def _literal(value):
    if isinstance(value, dict):
        return Literal(*[(k, _literal(v)) for k, v in value.items()])
    return value

