// Unit tests without a server: error decoding, the pagers against fake pages, option checks.
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { Metadata, type ServiceError } from "@grpc/grpc-js";
import {
  createClient,
  decodeStatusDetails,
  followUpdateEvents,
  GatewayError,
  paginate,
  proto,
  status,
} from "../src/index";

const { ErrorInfo, RetryInfo } = proto.rpcErrorDetails;
const { Status } = proto.rpcStatus;

function detailsMetadata(bytes: Uint8Array): Metadata {
  const metadata = new Metadata();
  metadata.set("grpc-status-details-bin", Buffer.from(bytes));
  return metadata;
}

function statusBytes(withRetry: boolean): Uint8Array {
  const details = [
    {
      typeUrl: "type.googleapis.com/google.rpc.ErrorInfo",
      value: Buffer.from(
        ErrorInfo.encode({
          reason: "HTTP_503",
          domain: "gateway.test",
          metadata: { http_status: "503", request_id: "up-1", gateway_request_id: "gw-1" },
        }).finish(),
      ),
    },
  ];
  if (withRetry) {
    details.push({
      typeUrl: "type.googleapis.com/google.rpc.RetryInfo",
      value: Buffer.from(RetryInfo.encode({ retryDelay: { seconds: 1, nanos: 500_000_000 } }).finish()),
    });
  }
  return Status.encode({ code: status.UNAVAILABLE, message: "Service Unavailable", details }).finish();
}

describe("error details", () => {
  test("decodeStatusDetails reads ErrorInfo and RetryInfo", () => {
    const decoded = decodeStatusDetails(detailsMetadata(statusBytes(true)));
    assert.equal(decoded.status?.code, status.UNAVAILABLE);
    assert.equal(decoded.errorInfo?.reason, "HTTP_503");
    assert.equal(decoded.errorInfo?.metadata["request_id"], "up-1");
    assert.equal(decoded.retryDelayMs, 1500);
  });

  test("decodeStatusDetails ignores a missing or malformed payload", () => {
    assert.deepEqual(decodeStatusDetails(new Metadata()), {});
    assert.deepEqual(decodeStatusDetails(detailsMetadata(Uint8Array.from([0x0a, 0xff, 0xff]))), {});
  });

  test("GatewayError.fromServiceError exposes code, reason, http status, ids and retry delay", () => {
    const serviceError = Object.assign(new Error("14 UNAVAILABLE: Service Unavailable (HTTP 503)"), {
      code: status.UNAVAILABLE,
      details: "Service Unavailable (HTTP 503)",
      metadata: detailsMetadata(statusBytes(true)),
    }) as ServiceError;
    const err = GatewayError.fromServiceError(serviceError);
    assert.ok(err instanceof Error);
    assert.equal(err.name, "GatewayError");
    assert.equal(err.message, "UNAVAILABLE: Service Unavailable (HTTP 503)");
    assert.equal(err.code, status.UNAVAILABLE);
    assert.equal(err.codeName, "UNAVAILABLE");
    assert.equal(err.reason, "HTTP_503");
    assert.equal(err.domain, "gateway.test");
    assert.equal(err.httpStatus, 503);
    assert.equal(err.requestId, "up-1");
    assert.equal(err.gatewayRequestId, "gw-1");
    assert.equal(err.retryDelayMs, 1500);
    assert.equal(err.cause, serviceError);
  });

  test("GatewayError without details leaves the decoded fields undefined", () => {
    const err = new GatewayError({ code: status.UNAUTHENTICATED, details: "missing authorization metadata" });
    assert.equal(err.codeName, "UNAUTHENTICATED");
    assert.equal(err.reason, undefined);
    assert.equal(err.httpStatus, undefined);
    assert.equal(err.retryDelayMs, undefined);
  });
});

interface FakePage {
  items: number[];
  continuationToken: string;
}

describe("paginate", () => {
  test("follows continuation tokens until an empty one", async () => {
    const pages: Record<string, FakePage> = {
      start: { items: [1, 2], continuationToken: "a" },
      a: { items: [3], continuationToken: "b" },
      b: { items: [4, 5], continuationToken: "" },
    };
    const asked: (string | undefined)[] = [];
    const items: number[] = [];
    for await (const item of paginate(
      async (token) => {
        asked.push(token);
        return pages[token ?? "start"]!;
      },
      (page) => page.items,
    )) {
      items.push(item);
    }
    assert.deepEqual(items, [1, 2, 3, 4, 5]);
    assert.deepEqual(asked, [undefined, "a", "b"]);
  });

  test("stops with INTERNAL when the server repeats the token it was given", async () => {
    const iterator = paginate(async () => ({ items: [1], continuationToken: "same" }), (page) => page.items, "same");
    await assert.rejects(
      (async () => {
        for await (const _ of iterator);
      })(),
      (err: unknown) => err instanceof GatewayError && err.code === status.INTERNAL,
    );
  });
});

describe("followUpdateEvents", () => {
  test("polls again after an empty page and ends on an empty token", async () => {
    const polls = [
      { events: ["e1"], continuationToken: "1" },
      { events: [], continuationToken: "1" },
      { events: ["e2", "e3"], continuationToken: "3" },
      { events: [], continuationToken: "" },
    ];
    const tokens: (string | undefined)[] = [];
    const events: string[] = [];
    for await (const event of followUpdateEvents(
      async (token) => {
        tokens.push(token);
        return polls.shift()!;
      },
      undefined,
      { pollIntervalMs: 1 },
    )) {
      events.push(event);
    }
    assert.deepEqual(events, ["e1", "e2", "e3"]);
    assert.deepEqual(tokens, [undefined, "1", "1", "3"]);
  });

  test("an aborted signal ends the wait with CANCELLED", async () => {
    const controller = new AbortController();
    const iterator = followUpdateEvents(
      async () => {
        setImmediate(() => controller.abort());
        return { events: [], continuationToken: "7" };
      },
      undefined,
      { pollIntervalMs: 60_000, signal: controller.signal },
    );
    await assert.rejects(iterator.next(), (err: unknown) => err instanceof GatewayError && err.code === status.CANCELLED);
  });

  test("a timed-out signal ends the wait with DEADLINE_EXCEEDED", async () => {
    const iterator = followUpdateEvents(async () => ({ events: [], continuationToken: "7" }), undefined, {
      pollIntervalMs: 60_000,
      signal: AbortSignal.timeout(20),
    });
    await assert.rejects(
      iterator.next(),
      (err: unknown) => err instanceof GatewayError && err.code === status.DEADLINE_EXCEEDED,
    );
  });
});

describe("createClient options", () => {
  test("address is required", () => {
    assert.throws(() => createClient({ address: "" }), /address is required/);
  });

  test("a client certificate needs its key", () => {
    assert.throws(
      () => createClient({ address: "127.0.0.1:1", tls: { certFile: "/dev/null" } }),
      /certFile and tls.keyFile go together/,
    );
  });

  test("an unreadable CA file is named in the error", () => {
    assert.throws(
      () => createClient({ address: "127.0.0.1:1", tls: { caFile: "/nonexistent/ca.pem" } }),
      /cannot read tls.caFile \/nonexistent\/ca.pem/,
    );
  });

  test("a call with an already aborted signal is CANCELLED before any network", async () => {
    const client = createClient({ address: "127.0.0.1:1" });
    try {
      const controller = new AbortController();
      controller.abort();
      await assert.rejects(
        client.stacks.listStacks({}, { signal: controller.signal }),
        (err: unknown) => err instanceof GatewayError && err.code === status.CANCELLED,
      );
    } finally {
      client.close();
    }
  });
});
