// Options of createClient and of each call.
import type * as grpc from "@grpc/grpc-js";

/** TLS settings. Any of them (or `tls: true`) turns TLS on. */
export interface TlsOptions {
  /** PEM file of the CA certificates to trust. Default: Node's built-in roots. */
  caFile?: string;
  /** Client certificate chain (PEM) for mutual TLS; needs `keyFile`. */
  certFile?: string;
  /** Private key (PEM) of `certFile`. */
  keyFile?: string;
  /** Name to verify the server certificate against instead of the address's host (sets
   * `grpc.ssl_target_name_override`), e.g. when dialling an IP address. */
  serverName?: string;
}

/** Options of createClient. */
export interface ClientOptions {
  /** Gateway address, `host:port` (any @grpc/grpc-js target). Required. */
  address: string;
  /** Pulumi access token, sent as `authorization: token <token>` on every call. Default: none (for
   * a gateway in `--auth_mode=service`). */
  token?: string;
  /** Deadline of each call, in milliseconds, unless the call says otherwise. Default 30000;
   * `Infinity` for no deadline. */
  deadlineMs?: number;
  /** TLS: `false`/unset = plaintext (default), `true` = TLS with Node's roots, or the TLS
   * options. */
  tls?: boolean | TlsOptions;
  /** Extra @grpc/grpc-js channel options (keepalive, message size, …). Default none. */
  channelOptions?: grpc.ChannelOptions;
}

/** Per-call options. */
export interface CallOptions {
  /** Deadline of this call in milliseconds; overrides ClientOptions.deadlineMs. */
  deadlineMs?: number;
  /** Cancels the call: it then rejects with GatewayError CANCELLED, or DEADLINE_EXCEEDED when the
   * signal is an `AbortSignal.timeout(…)` that fired. */
  signal?: AbortSignal;
  /** Extra request metadata (ASCII values). */
  metadata?: Record<string, string>;
}

/** The default per-call deadline. */
export const kDefaultDeadlineMs = 30_000;
