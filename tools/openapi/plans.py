"""Which operations become which RPCs of which service: the plan the generator then fills in.

    overrides = Overrides.load()
    selection = select(spec, overrides)        # mirrored operations and left-out ones, with reasons
    plans = plan_rpcs(selection.mirrored, overrides)
    plans[0].service, plans[0].name, plans[0].operations

An operation is left out when it is deprecated or listed in an exclusion of the overrides file.
Operations that differ only by one literal path segment (the update kind) may be merged into one
RPC whose path variable accepts exactly those literals; a variant is a second RPC on the same
route with a subset of the body and fixed body values (AddTeamMember on UpdateTeam's route).
"""

import dataclasses
import json
import pathlib
import re

import naming

OVERRIDES_PATH = pathlib.Path(__file__).resolve().parent / "overrides.json"


class Overrides:

    def __init__(self, data):
        self.data = data
        self.scope_tags = set(data.get("scope", {}).get("tags", []))
        self.fallback = data.get("scope", {}).get("fallback", {})
        self.excluded = {}  # operation id -> the exclusion group
        for group in data.get("exclusions", []):
            for operation_id in group["operations"]:
                self.excluded[operation_id] = group
        self.services = data.get("services", [])
        self.operations = data.get("operations", {})
        self.merged = data.get("merged", [])
        self.variants = data.get("variants", [])
        self.extra_rpcs = data.get("extra_rpcs", [])
        self.messages = data.get("messages", {})
        self.enums = data.get("enums", {})
        self.schema_names = data.get("schema_names", {})
        # "Schema.key" -> the sentence its comment gets instead of the list: enums that list
        # examples (the built-in values), not every value the service accepts.
        self.open_enums = data.get("open_enums", {})
        notes = data.get("notes", {})
        self.rpc_notes = notes.get("rpcs", {})
        self.message_notes = notes.get("messages", {})
        self.field_notes = notes.get("fields", {})
        self.oneof_notes = notes.get("oneofs", {})

    @classmethod
    def load(cls, path=OVERRIDES_PATH):
        return cls(json.loads(pathlib.Path(path).read_text(encoding="utf-8")))

    def operation(self, operation_id):
        return self.operations.get(operation_id, {})

    def service(self, name):
        return next((s for s in self.services if s["name"] == name), None)


@dataclasses.dataclass
class Selection:
    mirrored: list  # Operation
    left_out: list  # (Operation, reason)
    out_of_scope: list  # Operation without an in-scope tag


def select(spec, overrides):
    mirrored, left_out, out_of_scope = [], [], []
    known = set()
    for op in spec.operations():
        known.add(op.operation_id)
        if not overrides.scope_tags & set(op.tags):
            out_of_scope.append(op)
        elif op.deprecated:
            reason = "deprecated" + (f" (superseded by {op.superseded_by})"
                                     if op.superseded_by else "")
            left_out.append((op, reason))
        elif op.operation_id in overrides.excluded:
            left_out.append((op, overrides.excluded[op.operation_id]["reason"]))
        else:
            mirrored.append(op)
    unknown = sorted(set(overrides.excluded) - known)
    if unknown:
        raise ValueError(f"overrides: excluded operations not in the description: {unknown}")
    return Selection(mirrored, left_out, out_of_scope)


@dataclasses.dataclass
class RpcPlan:
    service: str
    name: str
    operations: list  # the Operation(s) this RPC mirrors; merged RPCs have several
    settings: dict  # the overrides entry of the (first) operation
    merged_field: str = ""  # path variable replacing the segment the merged operations differ in
    merged_values: tuple = ()
    merged_index: int = -1  # index of that segment in the path
    body_keys: tuple = ()  # variant: only these body keys
    body_value: tuple = ()  # variant: (JSON key, value) added to every body
    variant_of: str = ""

    @property
    def operation(self):
        return self.operations[0]


def normalized(path):
    """`/api/orgs/{orgName}/teams` -> `/api/orgs/*/teams`: what service patterns match."""
    return re.sub(r"\{[^}]+\}", "*", path)


def service_of(op, overrides):
    chosen = overrides.operation(op.operation_id).get("service")
    if chosen:
        return chosen
    norm = normalized(op.path)
    for service in overrides.services:
        if any(re.search(p, norm) for p in service["paths"]):
            return service["name"]
    for tag in op.tags:
        if tag in overrides.fallback:
            return overrides.fallback[tag]
    raise ValueError(f"no service for {op.verb} {op.path} ({op.operation_id}); add a path pattern "
                     "to a service of tools/openapi/overrides.json")


def plan_rpcs(operations, overrides):
    by_id = {op.operation_id: op for op in operations}
    plans = []
    grouped = set()
    for group in overrides.merged:
        ops = [by_id[i] for i in group["operations"] if i in by_id]
        if not ops:
            continue
        segments = [op.path.split("/") for op in ops]
        differing = [i for i in range(len(segments[0]))
                     if len({len(s) for s in segments}) == 1 and len({s[i] for s in segments}) > 1]
        if len(differing) != 1 or len({op.verb for op in ops}) != 1:
            raise ValueError(f"overrides: merged operations {group['operations']} must share the "
                             "verb and differ in exactly one path segment")
        index = differing[0]
        plans.append(RpcPlan(service_of(ops[0], overrides), group["rpc"], ops,
                             overrides.operation(ops[0].operation_id),
                             merged_field=group["field"],
                             merged_values=tuple(s[index] for s in segments),
                             merged_index=index))
        grouped.update(op.operation_id for op in ops)
    for op in operations:
        if op.operation_id in grouped:
            continue
        settings = overrides.operation(op.operation_id)
        plans.append(RpcPlan(service_of(op, overrides),
                             settings.get("rpc") or naming.rpc_name(op.operation_id), [op],
                             settings))
    for variant in overrides.variants:
        base = next((p for p in plans if p.operation.operation_id == variant["operation"]), None)
        if base is None:
            continue
        plans.append(RpcPlan(base.service, variant["rpc"], base.operations, base.settings,
                             body_keys=tuple(variant["body_keys"]),
                             body_value=tuple(variant["body_value"]), variant_of=base.name))
    names = [p.name for p in plans] + [r["name"] for r in overrides.extra_rpcs]
    duplicates = sorted({n for n in names if names.count(n) > 1})
    if duplicates:
        raise ValueError(f"RPC names used twice (they name package-wide messages): {duplicates}")
    order = {s["name"]: i for i, s in enumerate(overrides.services)}
    plans.sort(key=lambda p: (order.get(p.service, len(order)), p.operation.path,
                              VERB_ORDER.index(p.operation.verb), bool(p.variant_of), p.name))
    return plans


VERB_ORDER = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE"]
