// End-to-end tests: this client against the real gateway in front of the real emulator (demo
// data), both started once for the file by the global before/after.
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import * as path from "node:path";
import { after, before, describe, test } from "node:test";
import { promisify } from "node:util";
import * as grpc from "@grpc/grpc-js";
import { createClient, GatewayError, proto, status, type GatewayClient } from "../src/index";
import { emulatorAdmin, kEveToken, kJdoeToken, startServers, type Servers } from "./fixture";

const kProd = { orgName: "acme-corp", projectName: "payments-api", stackName: "prod" };
const kProdUpdateId = "3b9e4f1a-6c2d-4e8f-a0b1-c2d3e4f5a6b7";
// The engine events of acme-corp/payments-api/prod v42 in the demo data, in sequence order.
const kProdEventTypes = [
  "preludeEvent",
  "progressEvent",
  "resourcePreEvent",
  "diagnosticEvent",
  "policyEvent",
  "resOutputsEvent",
  "stdoutEvent",
  "summaryEvent",
  "cancelEvent",
];

let servers: Servers;
let client: GatewayClient;

before(async () => {
  servers = await startServers();
  client = createClient({ address: servers.gatewayAddress, token: kJdoeToken });
});

after(async () => {
  client?.close();
  await servers?.stop();
});

// Rejects unless `promise` fails with a GatewayError; returns it.
async function gatewayError(promise: Promise<unknown>): Promise<GatewayError> {
  try {
    await promise;
  } catch (err) {
    assert.ok(err instanceof GatewayError, `expected a GatewayError, got ${String(err)}`);
    return err;
  }
  assert.fail("the call succeeded; expected an error");
}

describe("pagination", () => {
  test("iterStacks walks both pages: 14 stacks, no duplicates", async () => {
    const first = await client.stacks.listStacks();
    assert.equal(first.stacks.length, 10);
    assert.notEqual(first.continuationToken, "", "the first page must have a continuation token");

    const names: string[] = [];
    const ids = new Set<string>();
    for await (const stack of client.stacks.iterStacks()) {
      names.push(`${stack.orgName}/${stack.projectName}/${stack.stackName}`);
      ids.add(stack.id);
    }
    assert.equal(names.length, 14);
    assert.equal(new Set(names).size, 14, `duplicates in ${names.join(", ")}`);
    assert.equal(ids.size, 14);
    assert.ok(names.includes("acme-corp/payments-api/prod"));
    assert.ok(names.includes("globex/inventory/dev"));
  });

  test("iterStacks with organization=acme-corp gives its 12 stacks", async () => {
    const orgs: string[] = [];
    for await (const stack of client.stacks.iterStacks({ organization: "acme-corp" })) orgs.push(stack.orgName);
    assert.equal(orgs.length, 12);
    assert.deepEqual(new Set(orgs), new Set(["acme-corp"]));
  });

  test("iterMembers walks 2 pages: the 7 members of acme-corp", async () => {
    const first = await client.organizations.listMembers({ orgName: "acme-corp" });
    assert.equal(first.members.length, 5);
    const logins: string[] = [];
    for await (const member of client.organizations.iterMembers({ orgName: "acme-corp" })) {
      logins.push(member.user?.githubLogin ?? "");
    }
    assert.deepEqual([...logins].sort(), ["acme-ci", "asmith", "jdoe", "lnguyen", "mchen", "rkumar", "tokafor"]);
  });

  test("iterAuditLogEvents walks 2 pages: 14 seeded events, newest first", async () => {
    const events = [];
    for await (const event of client.organizations.iterAuditLogEvents({ orgName: "acme-corp" })) events.push(event);
    assert.equal(events.length, 14);
    for (let i = 1; i < events.length; i++) {
      assert.ok(events[i - 1]!.timestamp >= events[i]!.timestamp, `event ${i} is newer than event ${i - 1}`);
    }
    assert.ok(events.some((e) => e.event === "stack.update"));
  });
});

describe("reads", () => {
  test("getStack returns the fields of acme-corp/payments-api/prod", async () => {
    const { stack } = await client.stacks.getStack(kProd);
    assert.ok(stack);
    assert.equal(stack.orgName, "acme-corp");
    assert.equal(stack.projectName, "payments-api");
    assert.equal(stack.stackName, "prod");
    assert.equal(stack.activeUpdate, kProdUpdateId);
    assert.equal(stack.version, 42);
    assert.equal(typeof stack.version, "number", "int64 fields are numbers (forceLong=number)");
    assert.equal(stack.tags["env"], "prod");
    assert.equal(stack.tags["pulumi:project"], "payments-api");
    assert.equal(stack.currentOperation, undefined, "prod is idle");
    assert.match(stack.id, /^[0-9a-f-]{36}$/);
  });

  test("getLatestUpdate of prod is v42 with its update id", async () => {
    const { update } = await client.updates.getLatestUpdate(kProd);
    assert.equal(update?.version, 42);
    assert.equal(update?.updateId, kProdUpdateId);
    assert.equal(update?.info?.kind, "update");
  });

  test("iterUpdateEvents of the finished v42 yields its 9 events in order, then ends", async () => {
    const events = [];
    for await (const event of client.updates.iterUpdateEvents({ ...kProd, kind: "update", updateId: kProdUpdateId })) {
      events.push(event);
    }
    assert.deepEqual(
      events.map((e) => e.type),
      kProdEventTypes,
    );
    for (let i = 1; i < events.length; i++) assert.ok(events[i]!.timestamp >= events[i - 1]!.timestamp);
    // The payload field named by `type` is the one that is set (Struct → plain object).
    assert.equal(typeof events[0]!.preludeEvent, "object");
    assert.equal(events[0]!.stdoutEvent, undefined);

    const last = await client.updates.listUpdateEvents({ ...kProd, kind: "update", updateId: kProdUpdateId });
    assert.equal(last.events.length, 9);
    assert.equal(last.continuationToken, "", "a finished update ends with an empty token");
  });
});

describe("users and batch reads", () => {
  test("whoAmI with jdoe's personal token is PERSONAL, login jdoe", async () => {
    const me = await client.users.whoAmI();
    assert.equal(me.tokenKind, proto.users.TokenKind.TOKEN_KIND_PERSONAL);
    assert.equal(me.userLogin, "jdoe");
  });

  test("batchGetStacks streams the stack for prod and NOT_FOUND for an unknown stack", async () => {
    // Server-streaming RPCs are not wrapped by createClient: the generated grpc-js client is used.
    const stub = new proto.stacks.StacksServiceClient(servers.gatewayAddress, grpc.credentials.createInsecure());
    try {
      const metadata = new grpc.Metadata();
      metadata.set("authorization", `token ${kJdoeToken}`);
      const request = proto.stacks.BatchGetStacksRequest.fromPartial({
        stacks: [kProd, { ...kProd, stackName: "nope" }],
      });
      const byIndex = new Map<number, proto.stacks.BatchGetStacksResponse>();
      for await (const message of stub.batchGetStacks(request, metadata, { deadline: Date.now() + 10_000 })) {
        const entry = message as proto.stacks.BatchGetStacksResponse;
        assert.ok(!byIndex.has(entry.index), `index ${entry.index} sent twice`);
        byIndex.set(entry.index, entry);
      }
      assert.equal(byIndex.size, 2);
      assert.equal(byIndex.get(0)?.stack?.stackName, "prod");
      assert.equal(byIndex.get(0)?.stack?.id, "5f0d2c7e-8a1b-4c3d-9e2f-0a1b2c3d4e5f");
      assert.equal(byIndex.get(0)?.error, undefined);
      assert.equal(byIndex.get(1)?.stack, undefined);
      assert.equal(byIndex.get(1)?.error?.code, status.NOT_FOUND);
    } finally {
      stub.close();
    }
  });
});

describe("errors", () => {
  test("an unknown stack is NOT_FOUND with ErrorInfo http_status 404", async () => {
    const err = await gatewayError(client.stacks.getStack({ ...kProd, stackName: "no-such-stack" }));
    assert.equal(err.code, status.NOT_FOUND);
    assert.equal(err.codeName, "NOT_FOUND");
    assert.equal(err.errorInfo?.metadata["http_status"], "404");
    assert.equal(err.httpStatus, 404);
    assert.equal(err.reason, "HTTP_404");
    assert.ok(err.requestId, "ErrorInfo carries request_id");
    assert.ok(err.gatewayRequestId, "ErrorInfo carries gateway_request_id");
    assert.match(err.message, /^NOT_FOUND: .*no-such-stack/);
  });

  test("eve is PERMISSION_DENIED on an acme-corp stack", async () => {
    const eve = createClient({ address: servers.gatewayAddress, token: kEveToken });
    try {
      const err = await gatewayError(eve.stacks.getStack(kProd));
      assert.equal(err.code, status.PERMISSION_DENIED);
      assert.equal(err.httpStatus, 403);
      assert.equal(err.reason, "HTTP_403");
    } finally {
      eve.close();
    }
  });

  test("a call without a token is UNAUTHENTICATED", async () => {
    const anonymous = createClient({ address: servers.gatewayAddress });
    try {
      const err = await gatewayError(anonymous.stacks.listStacks({}));
      assert.equal(err.code, status.UNAUTHENTICATED);
      assert.match(err.details, /authorization/);
    } finally {
      anonymous.close();
    }
  });

  test("an upstream 429 is RESOURCE_EXHAUSTED with RetryInfo from Retry-After", async () => {
    const fault = (await emulatorAdmin(servers, "POST", "faults", {
      kind: "retry_after",
      retry_after: "60",
      method: "GET",
      route: "/api/stacks/acme-corp/web-frontend/staging",
    })) as { id: string };
    try {
      const err = await gatewayError(
        client.stacks.getStack({ orgName: "acme-corp", projectName: "web-frontend", stackName: "staging" }),
      );
      assert.equal(err.code, status.RESOURCE_EXHAUSTED);
      assert.equal(err.httpStatus, 429);
      assert.equal(err.retryDelayMs, 60_000);
    } finally {
      await emulatorAdmin(servers, "DELETE", `faults/${fault.id}`);
    }
  });

  test("a call slower than its deadline is DEADLINE_EXCEEDED", async () => {
    // The emulator holds GetStack of payments-api/dev for 5 s; the call allows 300 ms.
    const fault = (await emulatorAdmin(servers, "POST", "faults", {
      kind: "latency",
      latency_ms: 5000,
      method: "GET",
      route: "/api/stacks/acme-corp/payments-api/dev",
    })) as { id: string };
    try {
      const started = Date.now();
      const err = await gatewayError(client.stacks.getStack({ ...kProd, stackName: "dev" }, { deadlineMs: 300 }));
      assert.equal(err.code, status.DEADLINE_EXCEEDED);
      assert.ok(Date.now() - started < 4000, "the deadline, not the upstream, ended the call");
    } finally {
      await emulatorAdmin(servers, "DELETE", `faults/${fault.id}`);
    }
  });
});

describe("following a running update", () => {
  test("iterUpdateEvents polls a running update until it finishes", async () => {
    const live = (await emulatorAdmin(servers, "POST", "live-updates", {
      org: "acme-corp",
      project: "platform-network",
      stack: "shared",
      intervalMs: 100,
      eventCount: 5,
    })) as { updateID: string };
    const name = { orgName: "acme-corp", projectName: "platform-network", stackName: "shared" };
    const types = [];
    for await (const event of client.updates.iterUpdateEvents(
      { ...name, kind: "update", updateId: live.updateID },
      { pollIntervalMs: 50, signal: AbortSignal.timeout(10_000) },
    )) {
      types.push(event.type);
    }
    assert.equal(types.length, 5);
    assert.equal(types[0], "preludeEvent");
    assert.equal(types.at(-1), "summaryEvent");
    const final = await client.updates.getUpdateStatus({ ...name, kind: "update", updateId: live.updateID });
    assert.equal(final.status, "succeeded");
  });

  test("an AbortSignal.timeout ends the follow of a long update with DEADLINE_EXCEEDED", async () => {
    const live = (await emulatorAdmin(servers, "POST", "live-updates", {
      org: "acme-corp",
      project: "web-frontend",
      stack: "prod",
      intervalMs: 200,
      eventCount: 100,
    })) as { updateID: string };
    const name = { orgName: "acme-corp", projectName: "web-frontend", stackName: "prod" };
    let received = 0;
    const err = await gatewayError(
      (async () => {
        for await (const _event of client.updates.iterUpdateEvents(
          { ...name, kind: "update", updateId: live.updateID },
          { pollIntervalMs: 50, signal: AbortSignal.timeout(1000) },
        )) {
          received++;
        }
      })(),
    );
    assert.equal(err.code, status.DEADLINE_EXCEEDED);
    assert.ok(received >= 1 && received < 100, `received ${received} events before the deadline`);
    await client.updates.cancelUpdate({ ...name, kind: "update", updateId: live.updateID });
  });
});

describe("example program", () => {
  test("lists the stacks of acme-corp and the events of the first stack's latest update", async () => {
    const example = path.resolve(__dirname, "..", "src", "example.js");
    const { stdout } = await promisify(execFile)(
      process.execPath,
      [example, "--address", servers.gatewayAddress, "--org", "acme-corp"],
      { env: { ...process.env, PULUMI_ACCESS_TOKEN: kJdoeToken }, timeout: 30_000 },
    );
    const lines = stdout.split("\n");
    assert.equal(lines.filter((l) => l.startsWith("acme-corp/")).length, 12, stdout);
    assert.ok(lines.some((l) => l.startsWith("acme-corp/payments-api/prod  resources=")), stdout);
    assert.ok(lines.includes("12 stacks in acme-corp"), stdout);
    // The first stack (auth-service/dev) has a finished destroy as its latest update.
    assert.match(stdout, /^events of acme-corp\/auth-service\/dev v2 \(destroy [0-9a-f-]{36}\):$/m);
    assert.match(stdout, /^\d+ events$/m);
  });
});
