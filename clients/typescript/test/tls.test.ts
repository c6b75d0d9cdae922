// TLS and mutual TLS: the gateway serves plaintext only, so these run against a small in-process
// grpc-js StacksService that requires a client certificate. Certificates are made with openssl
// into a temporary folder.
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { after, before, describe, test } from "node:test";
import * as grpc from "@grpc/grpc-js";
import { createClient, GatewayError, proto, status } from "../src/index";

let dir: string;
let server: grpc.Server;
let address: string; // "localhost:PORT": the name in the server certificate
let port: number;

function openssl(...args: string[]): void {
  execFileSync("openssl", args, { cwd: dir, stdio: ["ignore", "ignore", "pipe"], timeout: 30_000 });
}

// A CA, a server certificate for "localhost" (only) and a client certificate, all signed by it.
function makeCertificates(): void {
  openssl("req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=test-ca", "-keyout", "ca.key", "-out", "ca.pem");
  writeFileSync(path.join(dir, "server.ext"), "subjectAltName=DNS:localhost\n");
  writeFileSync(path.join(dir, "client.ext"), "extendedKeyUsage=clientAuth\n");
  for (const name of ["server", "client"]) {
    openssl("req", "-newkey", "rsa:2048", "-nodes", "-subj", `/CN=${name}`, "-keyout", `${name}.key`, "-out", `${name}.csr`);
    openssl(
      "x509", "-req", "-in", `${name}.csr`, "-CA", "ca.pem", "-CAkey", "ca.key", "-CAcreateserial",
      "-days", "1", "-extfile", `${name}.ext`, "-out", `${name}.pem`,
    );
  }
}

before(async () => {
  dir = mkdtempSync(path.join(tmpdir(), "gateway-client-tls-"));
  makeCertificates();
  const file = (name: string): Buffer => readFileSync(path.join(dir, name));
  server = new grpc.Server();
  // GetStack echoes the authorization metadata in the stack id, to show the token arrives.
  server.addService(proto.stacks.StacksServiceService, {
    getStack: (
      call: grpc.ServerUnaryCall<proto.stacks.GetStackRequest, proto.stacks.GetStackResponse>,
      callback: grpc.sendUnaryData<proto.stacks.GetStackResponse>,
    ) => {
      callback(null, {
        stack: proto.stacks.Stack.fromPartial({
          id: String(call.metadata.get("authorization")[0] ?? ""),
          stackName: call.request.stackName,
        }),
      });
    },
  } as grpc.UntypedServiceImplementation);
  const credentials = grpc.ServerCredentials.createSsl(
    file("ca.pem"),
    [{ private_key: file("server.key"), cert_chain: file("server.pem") }],
    true, // require and verify a client certificate
  );
  port = await new Promise<number>((resolve, reject) =>
    server.bindAsync("127.0.0.1:0", credentials, (err, bound) => (err ? reject(err) : resolve(bound))),
  );
  address = `localhost:${port}`;
});

after(() => {
  server?.forceShutdown();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const request = { orgName: "o", projectName: "p", stackName: "tls-ok" };

describe("tls", () => {
  test("mutual TLS with caFile, certFile and keyFile works and carries the token", async () => {
    const client = createClient({
      address,
      token: "secret-token",
      tls: { caFile: path.join(dir, "ca.pem"), certFile: path.join(dir, "client.pem"), keyFile: path.join(dir, "client.key") },
    });
    try {
      const { stack } = await client.stacks.getStack(request);
      assert.equal(stack?.stackName, "tls-ok");
      assert.equal(stack?.id, "token secret-token");
    } finally {
      client.close();
    }
  });

  test("serverName verifies the certificate against another name than the address's host", async () => {
    const client = createClient({
      address: `127.0.0.1:${port}`,
      tls: {
        caFile: path.join(dir, "ca.pem"),
        certFile: path.join(dir, "client.pem"),
        keyFile: path.join(dir, "client.key"),
        serverName: "localhost",
      },
    });
    try {
      const { stack } = await client.stacks.getStack(request);
      assert.equal(stack?.stackName, "tls-ok");
    } finally {
      client.close();
    }
  });

  // Each failing handshake is UNAVAILABLE; the deadline only bounds the test.
  for (const [name, tls] of [
    ["without a client certificate", () => ({ caFile: path.join(dir, "ca.pem") })],
    ["with Node's roots, which do not trust the test CA", () => true],
    ["in plaintext", () => false],
  ] as const) {
    test(`a connection ${name} fails with UNAVAILABLE`, async () => {
      const client = createClient({ address, tls: tls(), deadlineMs: 10_000 });
      try {
        await assert.rejects(client.stacks.getStack(request), (err: unknown) => {
          assert.ok(err instanceof GatewayError, String(err));
          assert.equal(err.codeName, "UNAVAILABLE", err.message);
          return true;
        });
      } finally {
        client.close();
      }
    });
  }

  test("methods the server does not implement are UNIMPLEMENTED", async () => {
    const client = createClient({
      address,
      tls: { caFile: path.join(dir, "ca.pem"), certFile: path.join(dir, "client.pem"), keyFile: path.join(dir, "client.key") },
    });
    try {
      await assert.rejects(
        client.stacks.listStacks({}),
        (err: unknown) => err instanceof GatewayError && err.code === status.UNIMPLEMENTED,
      );
    } finally {
      client.close();
    }
  });
});
