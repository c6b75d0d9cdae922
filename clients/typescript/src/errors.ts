// The error every call of this client rejects with: the gRPC status code plus what the gateway put
// in `grpc-status-details-bin` (a google.rpc.Status with google.rpc.ErrorInfo and, for upstream
// 429/503, google.rpc.RetryInfo).
//
//   try {
//     await client.stacks.getStack({ orgName: "acme-corp", projectName: "x", stackName: "y" });
//   } catch (err) {
//     if (err instanceof GatewayError && err.code === status.NOT_FOUND) {
//       console.log(err.reason, err.httpStatus, err.requestId); // "HTTP_404" 404 "…"
//     }
//   }
import { Metadata, status, type ServiceError } from "@grpc/grpc-js";
import { ErrorInfo, RetryInfo } from "./generated/google/rpc/error_details";
import { Status } from "./generated/google/rpc/status";

const kStatusDetailsKey = "grpc-status-details-bin";
const kErrorInfoType = "type.googleapis.com/google.rpc.ErrorInfo";
const kRetryInfoType = "type.googleapis.com/google.rpc.RetryInfo";

/** Name of a gRPC status code, e.g. "NOT_FOUND". */
export type StatusName = keyof typeof status;

/** Fields of a GatewayError besides the message. */
export interface GatewayErrorInit {
  code: status;
  /** The status message sent by the server (or written by this client). */
  details: string;
  errorInfo?: ErrorInfo;
  retryDelayMs?: number;
  /** Response trailers of the failed call, when there was a call. */
  metadata?: Metadata;
  cause?: unknown;
}

/** A failed call: gRPC code, status message, and the decoded google.rpc error details. */
export class GatewayError extends Error {
  /** gRPC status code (`status.NOT_FOUND` …) from `@grpc/grpc-js`. */
  readonly code: status;
  /** The code's name, e.g. "NOT_FOUND". */
  readonly codeName: StatusName;
  /** The status message as the server sent it (upstream message and "(HTTP 404)"). */
  readonly details: string;
  /** ErrorInfo.reason, e.g. "HTTP_404", or the upstream errorType; undefined without ErrorInfo. */
  readonly reason: string | undefined;
  /** ErrorInfo.domain, the gateway's domain. */
  readonly domain: string | undefined;
  /** Upstream HTTP status (ErrorInfo metadata `http_status`), e.g. 404; undefined when no
   * upstream answer was involved (e.g. rejected by the gateway itself, or a local deadline). */
  readonly httpStatus: number | undefined;
  /** Upstream request id (X-Pulumi-Request-ID, or the gateway's id when the upstream sent none):
   * ErrorInfo metadata `request_id`. Quote it when reporting a problem. */
  readonly requestId: string | undefined;
  /** The gateway's own request id (ErrorInfo metadata `gateway_request_id`), for its logs. */
  readonly gatewayRequestId: string | undefined;
  /** RetryInfo.retry_delay in milliseconds: how long the upstream asked callers to wait. */
  readonly retryDelayMs: number | undefined;
  /** The whole ErrorInfo (all its metadata), when the server sent one. */
  readonly errorInfo: ErrorInfo | undefined;
  /** Response trailers of the failed call. */
  readonly metadata: Metadata | undefined;

  constructor(init: GatewayErrorInit) {
    const codeName = statusName(init.code);
    super(`${codeName}: ${init.details}`, init.cause === undefined ? undefined : { cause: init.cause });
    this.name = "GatewayError";
    this.code = init.code;
    this.codeName = codeName;
    this.details = init.details;
    this.errorInfo = init.errorInfo;
    this.reason = init.errorInfo?.reason || undefined;
    this.domain = init.errorInfo?.domain || undefined;
    const meta = init.errorInfo?.metadata ?? {};
    const http = Number.parseInt(meta["http_status"] ?? "", 10);
    this.httpStatus = Number.isNaN(http) ? undefined : http;
    this.requestId = meta["request_id"] || undefined;
    this.gatewayRequestId = meta["gateway_request_id"] || undefined;
    this.retryDelayMs = init.retryDelayMs;
    this.metadata = init.metadata;
  }

  /** Converts a grpc-js ServiceError, decoding grpc-status-details-bin when present. A malformed
   * details payload is ignored (the code and message still come through). */
  static fromServiceError(err: ServiceError): GatewayError {
    const decoded = decodeStatusDetails(err.metadata);
    return new GatewayError({
      code: err.code,
      details: err.details,
      errorInfo: decoded.errorInfo,
      retryDelayMs: decoded.retryDelayMs,
      metadata: err.metadata,
      cause: err,
    });
  }
}

/** Name of a status code; "UNKNOWN" for numbers outside the enum. */
export function statusName(code: status): StatusName {
  const name = status[code] as StatusName | undefined;
  return name ?? "UNKNOWN";
}

/** What decodeStatusDetails found. */
export interface DecodedDetails {
  status?: Status;
  errorInfo?: ErrorInfo;
  retryDelayMs?: number;
}

/** Decodes the google.rpc.Status in `grpc-status-details-bin` of `metadata`, and its ErrorInfo and
 * RetryInfo details. Returns an empty object when there is none or it does not parse. */
export function decodeStatusDetails(metadata: Metadata | undefined): DecodedDetails {
  const raw = metadata?.get(kStatusDetailsKey)[0];
  if (raw === undefined || typeof raw === "string") return {};
  const result: DecodedDetails = {};
  try {
    result.status = Status.decode(raw);
    for (const any of result.status.details) {
      if (any.typeUrl === kErrorInfoType && result.errorInfo === undefined) {
        result.errorInfo = ErrorInfo.decode(any.value);
      } else if (any.typeUrl === kRetryInfoType && result.retryDelayMs === undefined) {
        const delay = RetryInfo.decode(any.value).retryDelay;
        if (delay !== undefined) result.retryDelayMs = delay.seconds * 1000 + Math.round(delay.nanos / 1e6);
      }
    }
  } catch {
    // Untrusted bytes: a payload that does not decode carries no usable detail.
    return {};
  }
  return result;
}

/** The error for a call or a wait ended by the caller's AbortSignal: DEADLINE_EXCEEDED when the
 * signal timed out (`AbortSignal.timeout(ms)`), CANCELLED otherwise. */
export function abortedError(signal: AbortSignal, cause?: unknown): GatewayError {
  const reason: unknown = signal.reason;
  const timedOut = reason instanceof DOMException && reason.name === "TimeoutError";
  return new GatewayError({
    code: timedOut ? status.DEADLINE_EXCEEDED : status.CANCELLED,
    details: timedOut ? "the caller's AbortSignal timed out" : "cancelled by the caller's AbortSignal",
    cause: cause ?? reason,
  });
}
