#!/usr/bin/env python3
"""How much of the API description the checked-in protos mirror, per tag and per service.

    tools/openapi/coverage.py              # the report (Markdown), as the README shows it
    tools/openapi/coverage.py --missing    # only the in-scope operations no RPC mirrors

An operation is mirrored when an RPC's google.api.http rule has its verb and path (a path
variable restricted by `allowed_values` stands for each of its values). It is in scope when one
of its tags is in the overrides' scope; deprecated operations and the overrides' exclusions are
left out, with their reason. The report reads the .proto files, not the generator's model, so it
measures what the protos really declare.
"""

import argparse
import collections
import pathlib
import sys

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
import comments  # noqa: E402
import plans  # noqa: E402
import protoread  # noqa: E402
import spec as spec_mod  # noqa: E402

ROOT = pathlib.Path(__file__).resolve().parents[2]
PROTO_DIR = ROOT / "proto" / "pulumi" / "service" / "v1"


def _matches(path, rpc, api):
    verb, template = protoread.verb_and_path(rpc.http)
    described = path.split("/")
    declared = template.split("/")
    if len(described) != len(declared):
        return False
    request = api.messages.get(rpc.request)
    for have, want in zip(described, declared):
        if want.startswith("{"):
            if have.startswith("{"):
                continue
            field = next((f for f in request.fields if f.name == want[1:-1]), None) \
                if request else None
            if field is None or have not in protoread.allowed_values(field):
                return False
        elif have != want:
            return False
    return True


def analyse(spec, overrides, api):
    """Per in-scope operation: (operation, primary tag, state, detail). States: mirrored (detail:
    the RPC), deprecated, excluded (detail: reason), missing."""
    routes = collections.defaultdict(list)
    for rpc in api.rpcs.values():
        if rpc.http:
            routes[protoread.verb_and_path(rpc.http)[0]].append(rpc)
    rows = []
    for op in spec.operations():
        tag = next((t for t in op.tags if t in overrides.scope_tags), None)
        if tag is None:
            continue
        rpc = next((r for r in routes[op.verb] if _matches(op.path, r, api)), None)
        if op.deprecated:
            rows.append((op, tag, "deprecated", "deprecated" + (
                f", superseded by {op.superseded_by}" if op.superseded_by else "")))
        elif op.operation_id in overrides.excluded:
            rows.append((op, tag, "excluded", overrides.excluded[op.operation_id]))
        elif rpc is not None:
            rows.append((op, tag, "mirrored", f"{rpc.service}.{rpc.name}"))
        else:
            rows.append((op, tag, "missing", ""))
    return rows


def report(spec, overrides, api, total_operations):
    rows = analyse(spec, overrides, api)
    tags = [t for t in overrides.data["scope"]["tags"]]
    counts = {t: collections.Counter() for t in tags}
    for _, tag, state, _ in rows:
        counts[tag][state] += 1
        counts[tag]["all"] += 1
    total = collections.Counter()
    for c in counts.values():
        total.update(c)
    target = total["all"] - total["deprecated"] - total["excluded"]
    share = 100.0 * total["mirrored"] / target if target else 100.0
    out = comments.wrap([
        f"The API description has {total_operations} operations; {total['all']} are tagged "
        f"{_names(tags)}. Leaving out the {total['deprecated']} deprecated ones and the "
        f"{total['excluded']} of the engine's update protocol, {target} are in scope: the protos "
        f"mirror {total['mirrored']} of them ({share:.1f}%)."], width=100) + [
        "",
        "| Tag | Operations | Mirrored | Missing | Deprecated | Engine protocol |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    for tag in tags + ["Total"]:
        c = total if tag == "Total" else counts[tag]
        out.append(f"| {tag} | {c['all']} | {c['mirrored']} | {c['missing']} | "
                   f"{c['deprecated']} | {c['excluded']} |")
    services = collections.Counter(r.service for r in api.rpcs.values())
    mirrored_by = collections.Counter(d.split(".")[0] for _, _, s, d in rows if s == "mirrored")
    files = {r.service: r.file for r in api.rpcs.values()}
    out += ["", "| Service | File | RPCs | Operations mirrored |", "|---|---|---:|---:|"]
    for service in sorted(services, key=lambda s: (-services[s], s)):
        out.append(f"| `{service}` | `{files[service]}` | {services[service]} | "
                   f"{mirrored_by[service]} |")
    out.append(f"| Total | | {sum(services.values())} | {sum(mirrored_by.values())} |")
    missing = [r for r in rows if r[2] == "missing"]
    out += ["", f"Missing ({len(missing)}):" + ("" if missing else " none.")]
    out += [f"- `{op.operation_id}` `{op.verb} {op.path}`" for op, _, _, _ in missing]
    left = [r for r in rows if r[2] in ("deprecated", "excluded")]
    out += ["", "<details><summary>Left out (" + str(len(left)) + "), with the reason</summary>",
            "", "| Operation | Route | Reason |", "|---|---|---|"]
    groups = {}
    for op, _, state, detail in left:
        if state == "excluded":
            groups[detail["label"]] = detail["reason"]
            detail = detail["label"]
        out.append(f"| `{op.operation_id}` | `{op.verb} {op.path}` | {detail} |")
    out.append("")
    for label, reason in groups.items():
        out += [f"{label[0].upper() + label[1:]}: {reason}", ""]
    out.append("</details>")
    return "\n".join(out) + "\n"


FEATURES = [
    ("response_body", "answer in one field: `items` (array)", "items"),
    ("response_body", "answer in one field: `entries` (map)", "entries"),
    ("response_body", "answer in one field: `value` (string, number, boolean, free-form)", "value"),
    ("response_body", "answer in one field: an object the API uses elsewhere too", "message"),
    ("body", "array or map request body in one field", "collection"),
    ("body", "object request body in one field (`body: \"<field>\"`)", "message"),
    ("body", "object request body flattened (`body: \"*\"`)", "*"),
    ("answer", "non-JSON answer as google.api.HttpBody", "httpbody"),
    ("answer", "HEAD (`custom` pattern, empty answer)", "head"),
    ("request", "REQUIRED query or body fields (top level or nested)", "required"),
    ("request", "REQUIRED booleans or numbers with presence (`optional`)", "presence"),
    ("request", "string enums checked with `allowed_values`", "allowed"),
    ("request", "`allowed_values` on a repeated field", "allowed_repeated"),
    ("answer", "free-form JSON (google.protobuf.Struct/Value/ListValue) in the answer", "free"),
    ("option", "409 → ALREADY_EXISTS (`on_conflict`)", "on_conflict"),
]


def features(api):
    """Which routed RPCs use which shape of the team's contract: {key: [Service.Rpc, ...]}."""
    out = collections.defaultdict(list)
    for name, rpc in sorted(api.rpcs.items()):
        if not rpc.http:
            continue
        verb, _ = protoread.verb_and_path(rpc.http)
        response = api.messages.get(rpc.response)
        body_field = rpc.http.get("response_body", "")
        if body_field:
            field = next(f for f in response.fields if f.name == body_field)
            kind = body_field if body_field in ("items", "entries", "value") else "message"
            out[("response_body", kind)].append(name)
        request = api.messages[rpc.request]
        body = rpc.http.get("body", "")
        if body == "*":
            out[("body", "*")].append(name)
        elif body:
            field = next(f for f in request.fields if f.name == body)
            collection = field.label == "repeated" or field.type.startswith("map<")
            out[("body", "collection" if collection else "message")].append(name)
        if rpc.response == "google.api.HttpBody":
            out[("answer", "httpbody")].append(name)
        if verb == "HEAD":
            out[("answer", "head")].append(name)
        _, template = protoread.verb_and_path(rpc.http)
        in_path = {part[1:-1] for part in template.split("/") if part.startswith("{")}
        flags = set()
        for message in _reach(api, rpc.request):
            for field in api.messages[message].fields:
                required = "REQUIRED" in str(field.options.get("google.api.field_behavior", ""))
                if required and not (message == rpc.request and field.name in in_path):
                    flags.add("required")
                    if field.label == "optional":
                        flags.add("presence")
                if protoread.allowed_values(field):
                    flags.add("allowed")
                    if field.label == "repeated":
                        flags.add("allowed_repeated")
        for flag in sorted(flags):
            out[("request", flag)].append(name)
        if response is not None and any(
                f.type.startswith("google.protobuf.") or f.type.endswith(
                    ("google.protobuf.Struct>", "google.protobuf.ListValue>"))
                for m in _reach(api, rpc.response) for f in api.messages[m].fields):
            out[("answer", "free")].append(name)
        if rpc.options.get("pulumi.gateway.v1.on_conflict") == "CONFLICT_CODE_ALREADY_EXISTS":
            out[("option", "on_conflict")].append(name)
    return out


def _reach(api, root):
    seen, stack = [], [root]
    while stack:
        name = stack.pop()
        if name in seen or name not in api.messages:
            continue
        seen.append(name)
        for field in api.messages[name].fields:
            base = field.type
            if base.startswith("map<"):
                base = base[4:-1].split(",", 1)[1].strip()
            stack.append(base)
    return seen


def features_report(api):
    found = features(api)
    out = ["| Contract feature | RPCs |", "|---|---:|"]
    for group, label, key in FEATURES:
        out.append(f"| {label} | {len(found.get((group, key), []))} |")
    return "\n".join(out) + "\n"


def _names(tags):
    return ", ".join(tags[:-1]) + " or " + tags[-1] if len(tags) > 1 else tags[0]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--proto_dir", default=str(PROTO_DIR))
    parser.add_argument("--missing", action="store_true", help="list missing operations only")
    parser.add_argument("--features", action="store_true",
                        help="count the routed RPCs using each shape of the team's contract; "
                             "with --verbose, name them")
    parser.add_argument("--verbose", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    spec = spec_mod.Spec.load()
    overrides = plans.Overrides.load()
    api = protoread.read_dir(args.proto_dir)
    if args.features:
        sys.stdout.write(features_report(api))
        if args.verbose:
            for (group, key), rpcs in sorted(features(api).items()):
                print(f"\n{group}/{key}: {', '.join(rpcs)}")
        return
    if args.missing:
        for op, tag, state, _ in analyse(spec, overrides, api):
            if state == "missing":
                print(f"{tag}\t{op.operation_id}\t{op.verb} {op.path}")
        return
    sys.stdout.write(report(spec, overrides, api, len(spec.operations())))


if __name__ == "__main__":
    main()
