#!/usr/bin/env python3
"""Generates the public API protos from the Pulumi Cloud API description.

    tools/openapi/generate.py            # rewrite the outputs below
    tools/openapi/generate.py --check    # regenerate into a temporary folder, fail on any drift

Inputs: third_party/pulumi-openapi/spec.json (the facts-only description), tools/openapi/
overrides.json (curated names, services, exclusions, streams and composites) and tools/openapi/
proto_lock.json (every emitted message's file and field numbers). Outputs, all checked in:
proto/pulumi/service/v1/*.proto, docs/api.md, the API coverage block of README.md and the lock.
The same inputs always give the same bytes.
"""

import argparse
import difflib
import pathlib
import sys
import tempfile

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
import builder as builder_mod  # noqa: E402
import coverage  # noqa: E402
import docs  # noqa: E402
import lock as lock_mod  # noqa: E402
import plans  # noqa: E402
import protomodel  # noqa: E402
import protoread  # noqa: E402
import spec as spec_mod  # noqa: E402

ROOT = pathlib.Path(__file__).resolve().parents[2]
PROTO_DIR = pathlib.Path("proto/pulumi/service/v1")
DOCS = pathlib.Path("docs/api.md")
README = pathlib.Path("README.md")
LOCK = pathlib.Path("tools/openapi/proto_lock.json")
BEGIN = "<!-- api-coverage:begin (tools/openapi/generate.py writes this block) -->"
END = "<!-- api-coverage:end -->"


def generate(root, out):
    """Writes every output under `out` (same layout as `root`); returns the model."""
    spec = spec_mod.Spec.load(root / "third_party" / "pulumi-openapi" / "spec.json")
    overrides = plans.Overrides.load(root / "tools" / "openapi" / "overrides.json")
    lock = lock_mod.Lock.load(root / LOCK)
    model = builder_mod.Builder(spec, overrides, lock).build()
    proto_dir = out / PROTO_DIR
    proto_dir.mkdir(parents=True, exist_ok=True)
    for proto in model.files:
        (proto_dir / proto.name).write_text(protomodel.render_file(proto), encoding="utf-8")
    (out / DOCS).parent.mkdir(parents=True, exist_ok=True)
    (out / DOCS).write_text(docs.render(model, overrides), encoding="utf-8")
    (out / LOCK).parent.mkdir(parents=True, exist_ok=True)
    (out / LOCK).write_text(lock.render(), encoding="utf-8")
    report = coverage.report(spec, overrides, protoread.read_dir(proto_dir),
                             len(spec.operations()))
    readme = (root / README).read_text(encoding="utf-8")
    (out / README).write_text(replace_block(readme, report), encoding="utf-8")
    return model


def replace_block(text, block):
    if BEGIN not in text or END not in text:
        raise ValueError(f"README.md has no {BEGIN} ... {END} block")
    head, rest = text.split(BEGIN, 1)
    _, tail = rest.split(END, 1)
    return f"{head}{BEGIN}\n{block}{END}{tail}"


def outputs(base):
    """Relative paths of every generated file present under `base`."""
    found = {PROTO_DIR / p.name for p in (base / PROTO_DIR).glob("*.proto")}
    return found | {DOCS, README, LOCK}


def check(root):
    with tempfile.TemporaryDirectory() as tmp:
        tmp = pathlib.Path(tmp)
        generate(root, tmp)
        drift = []
        for rel in sorted(outputs(root) | outputs(tmp)):
            want = tmp / rel
            have = root / rel
            if not want.exists():
                drift.append(f"{rel}: no longer generated (delete it)")
            elif not have.exists():
                drift.append(f"{rel}: generated but not checked in")
            elif want.read_text(encoding="utf-8") != have.read_text(encoding="utf-8"):
                diff = difflib.unified_diff(
                    have.read_text(encoding="utf-8").splitlines(),
                    want.read_text(encoding="utf-8").splitlines(),
                    f"{rel} (checked in)", f"{rel} (generated)", lineterm="", n=1)
                drift.append("\n".join(list(diff)[:40]))
        if drift:
            print("\n".join(drift))
            print("generate: the checked-in API files differ from what the description, "
                  "overrides and lock give; run tools/openapi/generate.py", file=sys.stderr)
            return 1
        print(f"generate: {len(outputs(tmp)) - 3} proto files, docs/api.md, the README coverage "
              "and the lock match the API description")
        return 0


def write(root):
    with tempfile.TemporaryDirectory() as tmp:
        tmp = pathlib.Path(tmp)
        model = generate(root, tmp)
        for stale in outputs(root) - outputs(tmp):
            (root / stale).unlink()
        for rel in sorted(outputs(tmp)):
            (root / rel).parent.mkdir(parents=True, exist_ok=True)
            (root / rel).write_text((tmp / rel).read_text(encoding="utf-8"), encoding="utf-8")
    rpcs = sum(1 for r in model.rpcs)
    print(f"generate: {len(model.files)} proto files, {rpcs} RPCs, {len(model.messages)} messages "
          f"and enums; docs/api.md, README coverage and the lock updated")
    for difference in model.differences:
        print(f"generate: kept a released type: {difference}")
    return 0


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true",
                        help="fail when the checked-in outputs differ from a fresh generation")
    parser.add_argument("--root", default=str(ROOT), help=argparse.SUPPRESS)
    args = parser.parse_args()
    root = pathlib.Path(args.root)
    sys.exit(check(root) if args.check else write(root))


if __name__ == "__main__":
    main()
