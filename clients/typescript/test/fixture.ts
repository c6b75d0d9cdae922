// Starts the real emulator and gateway binaries for the tests and stops them with SIGTERM.
// Binaries: $PULUMI_EMULATOR_BIN and $PULUMI_GATEWAY_BIN, defaulting to the Bazel outputs of the
// repository this client lives in (<repo>/bazel-bin/...).
//
//   const servers = await startServers();   // in before()
//   servers.gatewayAddress                  // "127.0.0.1:PORT"
//   await servers.stop();                   // in after()
import { spawn, type ChildProcess } from "node:child_process";
import { accessSync, constants } from "node:fs";
import * as path from "node:path";

// dist/test/fixture.js and test/fixture.ts both sit two levels below clients/typescript.
const kRepoRoot = path.resolve(__dirname, "..", "..", "..", "..");
const kStartTimeoutMs = 15_000;
const kStopTimeoutMs = 10_000;

export const kJdoeToken = "pul-demo-jdoe-7f3a9c2e41b85d60f1e2a3b4c5d6e7f8";
export const kEveToken = "pul-demo-eve-4f5e6d7c8b9a0f1e2d3c4b5a69788796";

export interface Servers {
  emulatorAddress: string;
  gatewayAddress: string;
  /** Output of both processes so far (for failure messages). */
  logs(): string;
  stop(): Promise<void>;
}

function binary(envVar: string, relative: string): string {
  const file = process.env[envVar] || path.join(kRepoRoot, relative);
  try {
    accessSync(file, constants.X_OK);
  } catch {
    throw new Error(
      `${envVar}: ${file} is missing or not executable; build it first (bazel build //...) ` +
        `or set ${envVar} to the binary`,
    );
  }
  return file;
}

interface Started {
  child: ChildProcess;
  address: string;
}

// Spawns `file` and resolves with the address from its "listening on HOST:PORT" stderr line.
function startProcess(name: string, file: string, args: string[], log: string[]): Promise<Started> {
  return new Promise((resolve, reject) => {
    const child = spawn(file, args, { stdio: ["ignore", "pipe", "pipe"] });
    let buffered = "";
    let done = false;
    const finish = (err: Error | undefined, address?: string): void => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      if (err) {
        child.kill("SIGKILL");
        reject(err);
      } else resolve({ child, address: address! });
    };
    const timer = setTimeout(
      () => finish(new Error(`${name} did not print 'listening on' within ${kStartTimeoutMs} ms:\n${log.join("")}`)),
      kStartTimeoutMs,
    );
    child.stdout!.on("data", (chunk: Buffer) => log.push(`[${name}] ${chunk.toString()}`));
    child.stderr!.on("data", (chunk: Buffer) => {
      const text = chunk.toString();
      log.push(`[${name}] ${text}`);
      buffered += text;
      const match = /^listening on (\S+:\d+)\s*$/m.exec(buffered);
      if (match) finish(undefined, match[1]);
    });
    child.on("error", (err) => finish(new Error(`${name}: cannot start ${file}: ${err.message}`)));
    child.on("exit", (code, signal) =>
      finish(new Error(`${name} exited early (code ${code}, signal ${signal}):\n${log.join("")}`)),
    );
  });
}

function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill("SIGKILL"), kStopTimeoutMs);
    child.once("exit", () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill("SIGTERM");
  });
}

/** Starts the emulator, then the gateway in front of it, both on 127.0.0.1 ephemeral ports. */
export async function startServers(): Promise<Servers> {
  const emulatorBin = binary("PULUMI_EMULATOR_BIN", "bazel-bin/emulator/pulumi_emulator");
  const gatewayBin = binary("PULUMI_GATEWAY_BIN", "bazel-bin/gateway/pulumi_gateway");
  const log: string[] = [];
  const emulator = await startProcess("emulator", emulatorBin, ["--listen=127.0.0.1:0"], log);
  let gateway: Started;
  try {
    gateway = await startProcess(
      "gateway",
      gatewayBin,
      [
        "--listen=127.0.0.1:0",
        "--metrics_listen=",
        "--log_level=warning",
        // The suite injects 429s and goes on with the same token: no fleet-wide pause.
        "--throttle_max_pause=0",
        `--upstream=http://${emulator.address}`,
      ],
      log,
    );
  } catch (err) {
    await stopProcess(emulator.child);
    throw err;
  }
  return {
    emulatorAddress: emulator.address,
    gatewayAddress: gateway.address,
    logs: () => log.join(""),
    stop: async () => {
      await stopProcess(gateway.child);
      await stopProcess(emulator.child);
    },
  };
}

/** Calls the emulator's admin API (`/_emulator/...`), which the gateway never forwards to. */
export async function emulatorAdmin(
  servers: Servers,
  method: string,
  adminPath: string,
  body?: unknown,
): Promise<unknown> {
  const response = await fetch(`http://${servers.emulatorAddress}/_emulator/${adminPath}`, {
    method,
    headers: body === undefined ? {} : { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
    signal: AbortSignal.timeout(5_000),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`emulator ${method} ${adminPath}: HTTP ${response.status} ${text}`);
  return text ? JSON.parse(text) : undefined;
}
