#!/usr/bin/env node
// Example: lists the stacks of an organization, then prints the engine events of the latest update
// of the first stack that has one (following it while it runs, for at most --follow-seconds).
//
//   node dist/src/example.js --address localhost:50051 --token "$PULUMI_ACCESS_TOKEN" --org acme-corp
//
// Flags fall back to $PULUMI_GATEWAY_ADDRESS, $PULUMI_ACCESS_TOKEN and $PULUMI_ORG, then to
// localhost:50051, no token and acme-corp. Exit status: 0 done, 1 a call failed, 2 bad flags.
import { parseArgs } from "node:util";
import { createClient, GatewayError, status, type GatewayClient, type StackSummary } from "./index";

const kUsage =
  "usage: example [--address HOST:PORT] [--token TOKEN] [--org ORG] [--follow-seconds N] [--tls] [--ca-file PEM]";
// ListUpdateEvents accepts only these kinds in its path; P-prefixed kinds are previews.
const kRouteKinds = new Set(["update", "preview", "refresh", "destroy"]);

/** Runs the example; returns the exit status. `out` receives the listing, `err` the diagnostics. */
export async function main(
  argv: string[] = process.argv.slice(2),
  out: (line: string) => void = (line) => console.log(line),
  err: (line: string) => void = (line) => console.error(line),
): Promise<number> {
  let values;
  try {
    values = parseArgs({
      args: argv,
      options: {
        address: { type: "string" },
        token: { type: "string" },
        org: { type: "string" },
        "follow-seconds": { type: "string" },
        tls: { type: "boolean" },
        "ca-file": { type: "string" },
        help: { type: "boolean", short: "h" },
      },
    }).values;
  } catch (e) {
    err(`${(e as Error).message}\n${kUsage}`);
    return 2;
  }
  if (values.help) {
    out(kUsage);
    return 0;
  }
  const address = values.address ?? process.env["PULUMI_GATEWAY_ADDRESS"] ?? "localhost:50051";
  const token = values.token ?? process.env["PULUMI_ACCESS_TOKEN"];
  const org = values.org ?? process.env["PULUMI_ORG"] ?? "acme-corp";
  const followSeconds = Number(values["follow-seconds"] ?? "60");
  if (!(followSeconds > 0)) {
    err(`--follow-seconds must be a positive number\n${kUsage}`);
    return 2;
  }

  const caFile = values["ca-file"];
  const client = createClient({
    address,
    token,
    deadlineMs: 10_000,
    tls: caFile ? { caFile } : Boolean(values.tls),
  });
  try {
    const stacks: StackSummary[] = [];
    for await (const stack of client.stacks.iterStacks({ organization: org })) {
      stacks.push(stack);
      const last = stack.lastUpdate ? new Date(stack.lastUpdate * 1000).toISOString() : "never";
      out(`${stack.orgName}/${stack.projectName}/${stack.stackName}  resources=${stack.resourceCount}  last update=${last}`);
    }
    out(`${stacks.length} stacks in ${org}`);
    await printLatestUpdateEvents(client, stacks, followSeconds, out);
    return 0;
  } catch (e) {
    if (!(e instanceof GatewayError)) throw e;
    err(`error: ${e.message}`);
    if (e.reason !== undefined) err(`  reason=${e.reason} http_status=${e.httpStatus} request_id=${e.requestId}`);
    if (e.retryDelayMs !== undefined) err(`  retry after ${e.retryDelayMs} ms`);
    return 1;
  } finally {
    client.close();
  }
}

async function printLatestUpdateEvents(
  client: GatewayClient,
  stacks: StackSummary[],
  followSeconds: number,
  out: (line: string) => void,
): Promise<void> {
  for (const stack of stacks) {
    const name = { orgName: stack.orgName, projectName: stack.projectName, stackName: stack.stackName };
    let update;
    try {
      ({ update } = await client.updates.getLatestUpdate(name));
    } catch (e) {
      // A stack that was never updated has no latest update.
      if (e instanceof GatewayError && e.code === status.NOT_FOUND) continue;
      throw e;
    }
    const rawKind = update?.info?.kind ?? "";
    const kind = rawKind.startsWith("P") ? "preview" : rawKind;
    if (!update?.updateId || !kRouteKinds.has(kind)) continue;

    out(`events of ${stack.orgName}/${stack.projectName}/${stack.stackName} v${update.version} (${kind} ${update.updateId}):`);
    let count = 0;
    try {
      const events = client.updates.iterUpdateEvents(
        { ...name, kind, updateId: update.updateId },
        { signal: AbortSignal.timeout(followSeconds * 1000) },
      );
      for await (const event of events) {
        count++;
        out(`  ${new Date(event.timestamp * 1000).toISOString()}  ${event.type}`);
      }
    } catch (e) {
      if (!(e instanceof GatewayError && e.code === status.DEADLINE_EXCEEDED)) throw e;
      out(`  … still running; stopped following after ${followSeconds} s`);
    }
    out(`${count} events`);
    return;
  }
  out("no stack has an update");
}

if (require.main === module) {
  main().then(
    (code) => {
      process.exitCode = code;
    },
    (e: unknown) => {
      console.error(e);
      process.exitCode = 1;
    },
  );
}
