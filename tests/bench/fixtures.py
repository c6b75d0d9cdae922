#!/usr/bin/env python3
"""Writes the benchmark's upstream fixtures, shaped like the Pulumi API's real answers
(the Pulumi API reference, section 8 example payloads): compact JSON, every documented field present.

    fixtures.py OUT_DIR [--export-bytes N]

OUT_DIR/stacks-small.json  GET /api/user/stacks, about 1 KB (4 stacks)
OUT_DIR/stacks-large.json  GET /api/user/stacks, about 100 KB (about 440 stacks)
OUT_DIR/export.json        GET /api/stacks/{org}/{project}/{stack}/export, N bytes (default
                           64,000,000; padded to exactly N with the manifest's plugin list)
"""
import argparse
import json
import os
import uuid


def stack(i):
    project = ["payments-api", "ledger", "checkout-web", "identity", "search-indexer"][i % 5]
    name = ["prod", "staging", "dev", "qa", "perf", "eu-prod"][i % 6] + ("" if i < 30 else f"-{i}")
    return {
        "id": str(uuid.UUID(int=0x5F0D2C7E8A1B4C3D9E2F0A1B2C3D0000 + i)),
        "orgName": "acme-corp",
        "projectName": project,
        "stackName": name,
        "lastUpdate": 1754300112 - 3600 * i,
        "resourceCount": 37 + i % 90,
        "links": {"self": f"https://app.pulumi.com/acme-corp/{project}/{name}"},
    }


def list_stacks(target_bytes):
    """The page whose size is nearest to target_bytes."""
    def page(count):
        return json.dumps({"stacks": [stack(i) for i in range(count)],
                           "continuationToken": "eyJvIjoiYWNtZS1jb3JwIiwicyI6MTB9"},
                          separators=(",", ":"))
    count = 1
    while len(page(count + 1)) <= target_bytes:
        count += 1
    return min(page(count), page(count + 1), key=lambda body: abs(len(body) - target_bytes))


STACK_URN = "urn:pulumi:prod::payments-api::pulumi:pulumi:Stack::payments-api-prod"
PROVIDER = ("urn:pulumi:prod::payments-api::pulumi:providers:aws::default_7_3_0::"
            "0b1c2d3e-4f5a-6b7c-8d9e-0f1a2b3c4d5e")


def resource(i):
    bucket = f"payments-ledger-{i:08x}"
    kind = i % 3
    if kind == 0:
        return {"urn": f"urn:pulumi:prod::payments-api::aws:s3/bucket:Bucket::ledger-{i}", "custom": True,
                "id": bucket, "type": "aws:s3/bucket:Bucket",
                "inputs": {"__defaults": ["bucket", "forceDestroy"], "bucket": bucket, "forceDestroy": False},
                "outputs": {"arn": f"arn:aws:s3:::{bucket}", "bucket": bucket,
                            "tags": {"4dabf18193072939515e22adb298388d": "1b47061264138c4ac30d75fd1eb44270",
                                     "ciphertext": "v1:Qm9nd3Vz:ZmFrZWNpcGhlcnRleHQ="}},
                "parent": STACK_URN, "protect": True, "dependencies": [], "provider": PROVIDER,
                "propertyDependencies": {"bucket": [], "forceDestroy": []},
                "additionalSecretOutputs": ["tags"],
                "created": "2025-06-01T12:00:00Z", "modified": "2025-08-04T16:35:20Z"}
    if kind == 1:
        return {"urn": f"urn:pulumi:prod::payments-api::aws:iam/role:Role::worker-{i}", "custom": True,
                "id": f"worker-{i}-7f3a", "type": "aws:iam/role:Role",
                "inputs": {"assumeRolePolicy": "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
                                               "\"Principal\":{\"Service\":\"lambda.amazonaws.com\"},"
                                               "\"Action\":\"sts:AssumeRole\"}]}",
                           "maxSessionDuration": 3600, "path": "/"},
                "outputs": {"arn": f"arn:aws:iam::123456789012:role/worker-{i}-7f3a", "maxSessionDuration": 3600,
                            "createDate": "2025-06-01T12:00:03Z", "uniqueId": f"AROA{i:016d}"},
                "parent": STACK_URN, "dependencies": [], "provider": PROVIDER,
                "created": "2025-06-01T12:00:00Z", "modified": "2025-06-01T12:00:03Z"}
    return {"urn": f"urn:pulumi:prod::payments-api::aws:lambda/function:Function::handler-{i}", "custom": True,
            "id": f"handler-{i}-91bc", "type": "aws:lambda/function:Function",
            "inputs": {"runtime": "nodejs20.x", "handler": "index.handler", "memorySize": 512, "timeout": 30,
                       "environment": {"variables": {"STAGE": "prod", "TABLE": f"ledger-{i % 97}"}}},
            "outputs": {"arn": f"arn:aws:lambda:us-west-2:123456789012:function:handler-{i}-91bc",
                        "version": "$LATEST", "lastModified": "2025-08-04T16:35:20.000+0000",
                        "codeSize": 1048576 + i, "memorySize": 512, "timeout": 30},
            "parent": STACK_URN,
            "dependencies": [f"urn:pulumi:prod::payments-api::aws:iam/role:Role::worker-{i - 1}"],
            "provider": PROVIDER, "created": "2025-06-01T12:00:00Z", "modified": "2025-08-04T16:35:20Z"}


def export(target_bytes):
    head = json.dumps({
        "version": 3,
        "deployment": {
            "manifest": {"time": "2025-08-04T09:35:27.112233-07:00",
                         "magic": "6ed32cc63f3d459cb6f52bb150bc8ff68db740bf43964d429d5ca57f52c832b1",
                         "version": "v3.189.0",
                         "plugins": [{"name": "aws", "path": "", "type": "resource", "version": "7.3.0"}]},
            "secrets_providers": {"type": "service", "state": {"url": "https://api.pulumi.com", "owner": "acme-corp",
                                                               "project": "payments-api", "stack": "prod"}},
            "resources": [{"urn": STACK_URN, "custom": False, "type": "pulumi:pulumi:Stack",
                           "outputs": {"bucketName": "payments-ledger-8f3a2c1"}}],
        },
    }, separators=(",", ":"))
    cut = head.rindex("]")  # the end of the resources list
    prefix, suffix = head[:cut], head[cut:]
    parts = [prefix]
    size = len(prefix) + len(suffix)
    i = 0
    while True:
        item = "," + json.dumps(resource(i), separators=(",", ":"))
        if size + len(item) > target_bytes:
            break
        parts.append(item)
        size += len(item)
        i += 1
    parts.append(suffix)
    body = "".join(parts)
    # Pad to the exact size with insignificant whitespace, so the byte count is the one asked for.
    return body[:-1] + " " * (target_bytes - len(body)) + body[-1:]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out_dir")
    parser.add_argument("--export-bytes", type=int, default=64_000_000)
    args = parser.parse_args()
    os.makedirs(args.out_dir, exist_ok=True)
    files = {
        "stacks-small.json": list_stacks(1024),
        "stacks-large.json": list_stacks(100 * 1024),
        "export.json": export(args.export_bytes),
    }
    for name, body in files.items():
        json.loads(body)  # every fixture must be valid JSON
        with open(os.path.join(args.out_dir, name), "w", encoding="utf-8") as f:
            f.write(body)


if __name__ == "__main__":
    main()
