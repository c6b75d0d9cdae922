// Every service, the generated pagers and the streams, against the real gateway and emulator.
// With $PULUMI_CLIENT_CONSUMER set to an npm project that ran `npm install <this folder>`
// (test.sh makes one), the client is loaded from that install, as a user gets it; otherwise from
// the sources.
import assert from "node:assert/strict";
import { createRequire } from "node:module";
import * as path from "node:path";
import { after, before, describe, test } from "node:test";
import type * as Client from "../src/index";
import { kJdoeToken, startServers, type Servers } from "./fixture";

const consumer = process.env["PULUMI_CLIENT_CONSUMER"];
const pkg: typeof Client = consumer
  ? (createRequire(path.join(consumer, "package.json"))("@pulumi-grpc-gateway/client") as typeof Client)
  : (require("../src/index") as typeof Client);
const { createClient, GatewayError, kServices, status } = pkg;

const kProd = { orgName: "acme-corp", projectName: "payments-api", stackName: "prod" };

let servers: Servers;
let client: Client.GatewayClient;

before(async () => {
  servers = await startServers();
  client = createClient({ address: servers.gatewayAddress, token: kJdoeToken, deadlineMs: 10_000 });
});

after(async () => {
  client?.close();
  await servers?.stop();
});

async function gatewayError(promise: Promise<unknown>): Promise<Client.GatewayError> {
  try {
    await promise;
  } catch (err) {
    assert.ok(err instanceof GatewayError, `expected a GatewayError, got ${String(err)}`);
    return err;
  }
  assert.fail("the call succeeded; expected an error");
}

async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const all: T[] = [];
  for await (const item of items) all.push(item);
  return all;
}

describe("the whole API", () => {
  test("loads the client from where test.sh installed it", { skip: consumer === undefined }, () => {
    const resolved = createRequire(path.join(consumer!, "package.json")).resolve("@pulumi-grpc-gateway/client");
    assert.match(resolved, /dist\/src\/index\.js$/);
    assert.ok(!resolved.startsWith(path.resolve(__dirname, "..", "..")), `${resolved} is this working folder`);
  });

  test("every service of the descriptors is a member of the client", () => {
    const keys = Object.keys(kServices);
    assert.ok(keys.length >= 29, `${keys.length} services`);
    const members = client as unknown as Record<string, Record<string, unknown>>;
    for (const key of keys) {
      const entry = kServices[key as keyof typeof kServices];
      assert.ok(members[key], `client.${key} is missing`);
      for (const method of Object.keys(entry.definition)) {
        assert.equal(typeof members[key]![method], "function", `${key}.${method}`);
      }
    }
    assert.equal(client.updates, client.stackUpdates);
    assert.equal(kServices.webhooks.name, "pulumi.service.v1.WebhooksService");
  });

  test("every list with a continuation token has pagers", () => {
    assert.deepEqual(kServices.stacks.pagers.listStacks, { items: "stacks", follow: false });
    assert.deepEqual(kServices.accessTokens.pagers.listPersonalTokens, { items: "tokens", follow: false });
    assert.deepEqual(kServices.policyResults.pagers.getPolicyComplianceResults, { items: "rows", follow: false });
    assert.deepEqual(kServices.stackUpdates.pagers.listUpdateEvents, { items: "events", follow: true });
    assert.ok(!("listUpdates" in kServices.stackUpdates.pagers), "numbered pages have no token pager");
    assert.ok(!("listStackWebhooksItems" in client.webhooks));
    assert.equal(typeof client.organizations.listMembersPages, "function");
  });

  test("a new service's call and its decoded error", async () => {
    const displayName = `TS hook ${Date.now()}`;
    const { webhook } = await client.webhooks.createStackWebhook({
      ...kProd,
      body: { organizationName: "acme-corp", displayName, payloadUrl: "https://hooks.example.com/pulumi", active: true },
    });
    assert.equal(webhook?.displayName, displayName);
    assert.ok(webhook?.name);
    const got = await client.webhooks.getStackWebhook({ ...kProd, hookName: webhook.name });
    assert.equal(got.webhook?.payloadUrl, "https://hooks.example.com/pulumi");

    const err = await gatewayError(client.webhooks.getStackWebhook({ ...kProd, hookName: "no-such-hook" }));
    assert.equal(err.code, status.NOT_FOUND);
    assert.equal(err.httpStatus, 404);
    assert.equal(err.reason, "HTTP_404");
    assert.ok(err.requestId);
  });

  test("a generated pager walks every page of a new list", async () => {
    const tag = `tspager${Date.now()}`;
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) {
      const created = await client.accessTokens.createPersonalToken({ body: { description: `${tag} ${i}`, expires: 0 } });
      ids.push(created.id);
    }
    try {
      const request = { filter: tag, maxResults: 1 };
      const pages = await collect(client.accessTokens.listPersonalTokensPages(request));
      assert.ok(pages.length >= 3, `${pages.length} pages`);
      for (const page of pages) assert.ok(page.tokens.length <= 1);
      const tokens = await collect(client.accessTokens.listPersonalTokensItems(request));
      assert.deepEqual(tokens.map((t) => t.description).sort(), [0, 1, 2].map((i) => `${tag} ${i}`));
    } finally {
      for (const tokenId of ids) await client.accessTokens.deletePersonalToken({ tokenId });
    }
  });

  test("the follow pager reads a finished update's events", async () => {
    const request = { ...kProd, kind: "update", updateId: "3b9e4f1a-6c2d-4e8f-a0b1-c2d3e4f5a6b7" };
    const events = await collect(client.stackUpdates.listUpdateEventsItems(request, { pollIntervalMs: 10 }));
    assert.equal(events.length, 9);
  });

  test("streams yield every item, and a stream's error is decoded", async () => {
    const streamed = (await collect(client.stacks.streamStacks({}))).map((m) => m.stack?.stackName);
    const listed = (await collect(client.stacks.listStacksItems({ maxResults: 3 }))).map((s) => s.stackName);
    assert.equal(streamed.length, 14);
    assert.deepEqual(streamed, listed);
    const members = await collect(client.organizations.streamMembers({ orgName: "acme-corp" }));
    assert.equal(members.length, 7);

    const err = await gatewayError(collect(client.organizations.streamMembers({ orgName: "no-such-org" })));
    assert.ok(err.httpStatus === 403 || err.httpStatus === 404, `HTTP ${err.httpStatus}`);
    assert.equal(err.reason, `HTTP_${err.httpStatus}`);
  });

  test("leaving a stream early cancels it", async () => {
    for await (const message of client.stacks.streamStacks({})) {
      assert.ok(message.stack);
      break;
    }
    // The channel still serves calls afterwards.
    assert.equal((await client.stacks.getStack(kProd)).stack?.stackName, "prod");
  });
});
