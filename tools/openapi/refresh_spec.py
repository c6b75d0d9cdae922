#!/usr/bin/env python3
"""Writes the facts-only copy of the Pulumi Cloud OpenAPI description that the project carries.

The official description mixes facts (operations, verbs, paths, parameter names, JSON keys, types,
enum values, status codes) with prose (summaries, descriptions, examples). The project may carry
the facts only, so this tool drops every prose annotation and keeps everything else, in a stable
order, so that a refresh shows up as a readable diff.

    tools/openapi/refresh_spec.py --from spec.json            # a downloaded description
    tools/openapi/refresh_spec.py --from https://api.pulumi.com/api/openapi/pulumi-spec.json
    tools/openapi/refresh_spec.py --check                     # the copy is facts-only and stable

The copy goes to third_party/pulumi-openapi/spec.json; everything generated from the API (protos,
emulator conformance mode, end-to-end suite, docs/api.md) reads that file and nothing else.
"""

import argparse
import hashlib
import json
import pathlib
import sys
import urllib.request

ROOT = pathlib.Path(__file__).resolve().parents[2]
OUTPUT = ROOT / "third_party" / "pulumi-openapi" / "spec.json"
SOURCE = ROOT / "third_party" / "pulumi-openapi" / "SOURCE.json"

# Annotations that hold prose: free text written for people, not facts about the wire.
PROSE_KEYS = frozenset({
    "description",
    "summary",
    "example",
    "examples",
    "externalDocs",
    "enumComments",
    "enumFieldComments",
    "x-displayName",
})

# Objects whose keys are names chosen by the API (paths, property names, status codes, media
# types, ...) rather than annotation keywords: a property called "description" is a fact.
NAME_KEYED = frozenset({
    "paths",
    "schemas",
    "properties",
    "responses",
    "content",
    "mapping",
    "headers",
    "parameters",
    "requestBodies",
    "securitySchemes",
    "callbacks",
    "links",
    "encoding",
    "variables",
})


def strip(node, name_keyed=False):
    """Returns `node` without prose annotations. `name_keyed`: the keys of `node` are names."""
    if isinstance(node, list):
        return [strip(item) for item in node]
    if not isinstance(node, dict):
        return node
    out = {}
    for key, value in node.items():
        if not name_keyed and key in PROSE_KEYS:
            continue
        if name_keyed:
            # Each value under a name is an ordinary object again (a schema, a response, ...).
            out[key] = strip(value)
        else:
            out[key] = strip(value, name_keyed=key in NAME_KEYED and isinstance(value, dict))
    return out


def operation_count(spec):
    verbs = {"get", "put", "post", "delete", "patch", "head", "options"}
    return sum(1 for item in spec.get("paths", {}).values() for verb in item if verb in verbs)


def render(spec):
    return json.dumps(spec, indent=1, sort_keys=True, ensure_ascii=False) + "\n"


def read_source(location):
    if location.startswith(("http://", "https://")):
        with urllib.request.urlopen(location, timeout=60) as answer:  # noqa: S310 (a fixed API)
            return answer.read()
    return pathlib.Path(location).read_bytes()


def refresh(location):
    raw = read_source(location)
    spec = json.loads(raw)
    if not isinstance(spec, dict) or "paths" not in spec or "openapi" not in spec:
        sys.exit(f"refresh_spec: {location} is not an OpenAPI description (no 'openapi'/'paths')")
    facts = strip(spec)
    OUTPUT.parent.mkdir(parents=True, exist_ok=True)
    OUTPUT.write_text(render(facts), encoding="utf-8")
    SOURCE.write_text(render({
        "openapi": spec.get("openapi"),
        "version": spec.get("info", {}).get("version"),
        "operations": operation_count(spec),
        "sha256": hashlib.sha256(raw).hexdigest(),
    }), encoding="utf-8")
    print(f"refresh_spec: wrote {OUTPUT.relative_to(ROOT)} ({operation_count(facts)} operations)")


def check():
    """Fails when the committed copy still holds prose or is not in the tool's own format."""
    text = OUTPUT.read_text(encoding="utf-8")
    spec = json.loads(text)
    if render(strip(spec)) != text:
        sys.exit(f"refresh_spec: {OUTPUT.relative_to(ROOT)} holds prose or is not in canonical "
                 "form; rerun tools/openapi/refresh_spec.py --from <official description>")
    print(f"refresh_spec: {OUTPUT.relative_to(ROOT)} is facts-only "
          f"({operation_count(spec)} operations)")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    group = parser.add_mutually_exclusive_group(required=True)
    group.add_argument("--from", dest="location", help="file or URL of the official description")
    group.add_argument("--check", action="store_true", help="verify the committed copy")
    args = parser.parse_args()
    if args.check:
        check()
    else:
        refresh(args.location)


if __name__ == "__main__":
    main()
