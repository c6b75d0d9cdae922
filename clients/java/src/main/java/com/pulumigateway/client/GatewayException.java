package com.pulumigateway.client;

import com.google.protobuf.Any;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.rpc.ErrorInfo;
import com.google.rpc.RetryInfo;
import io.grpc.Status;
import io.grpc.StatusException;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * A failed gateway call: the gRPC code and message plus the gateway's decoded error details.
 *
 * <p>The gateway attaches a {@code google.rpc.Status} in the {@code grpc-status-details-bin}
 * trailer carrying a {@code google.rpc.ErrorInfo} (reason such as {@code HTTP_404}, domain, and
 * metadata {@code http_status}, {@code request_id}, {@code gateway_request_id}) and, for upstream
 * 429/503 answers with a {@code Retry-After}, a {@code google.rpc.RetryInfo}. Errors raised by
 * gRPC itself (deadline, unreachable gateway) have no details: their accessors return empty
 * values.
 *
 * <pre>{@code
 * try {
 *   client.stacks().getStack(request);
 * } catch (StatusRuntimeException e) {
 *   GatewayException error = GatewayException.from(e);
 *   if (error.code() == Status.Code.NOT_FOUND) { ... }
 *   error.retryDelay().ifPresent(delay -> ...);
 * }
 * }</pre>
 *
 * <p>The pagers of {@link PulumiGatewayClient} throw this type directly.
 */
public final class GatewayException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final Status.Code code;
  private final String description;
  private final String reason;
  private final String domain;
  private final Map<String, String> metadata;
  private final Duration retryDelay;

  private GatewayException(
      Status status, ErrorInfo errorInfo, Duration retryDelay, Throwable cause) {
    super(summary(status, errorInfo, retryDelay), cause);
    this.code = status.getCode();
    this.description = status.getDescription() == null ? "" : status.getDescription();
    this.reason = errorInfo.getReason();
    this.domain = errorInfo.getDomain();
    this.metadata = Map.copyOf(errorInfo.getMetadataMap());
    this.retryDelay = retryDelay;
  }

  /** Decodes a failed call of a generated stub. */
  public static GatewayException from(StatusRuntimeException e) {
    return decode(e);
  }

  /** Decodes a failed call of a generated async or future stub. */
  public static GatewayException from(StatusException e) {
    return decode(e);
  }

  /**
   * Decodes any throwable: a {@link GatewayException} is returned as is, a gRPC status exception
   * (possibly wrapped, as by a future) is decoded, anything else becomes {@code UNKNOWN}.
   */
  public static GatewayException fromThrowable(Throwable t) {
    if (t instanceof GatewayException) {
      return (GatewayException) t;
    }
    return decode(t);
  }

  private static GatewayException decode(Throwable t) {
    Status status = Status.fromThrowable(t);
    ErrorInfo errorInfo = ErrorInfo.getDefaultInstance();
    Duration retryDelay = null;
    com.google.rpc.Status details = StatusProto.fromThrowable(t);
    if (details != null) {
      for (Any any : details.getDetailsList()) {
        try {
          if (any.is(ErrorInfo.class)) {
            errorInfo = any.unpack(ErrorInfo.class);
          } else if (any.is(RetryInfo.class)) {
            com.google.protobuf.Duration d = any.unpack(RetryInfo.class).getRetryDelay();
            retryDelay = Duration.ofSeconds(d.getSeconds(), d.getNanos());
          }
        } catch (InvalidProtocolBufferException ignored) {
          // A malformed detail is dropped; the code and message still describe the failure.
        }
      }
    }
    return new GatewayException(status, errorInfo, retryDelay, t);
  }

  /** The gRPC status code, e.g. {@code NOT_FOUND}. */
  public Status.Code code() {
    return code;
  }

  /** The status message (the upstream error message, e.g. "Stack '…' not found (HTTP 404)"). */
  public String description() {
    return description;
  }

  /** {@code ErrorInfo.reason}, e.g. {@code HTTP_404}; empty when the call carried no ErrorInfo. */
  public String reason() {
    return reason;
  }

  /** {@code ErrorInfo.domain}; empty when absent. */
  public String domain() {
    return domain;
  }

  /** All {@code ErrorInfo.metadata} entries (immutable; empty when absent). */
  public Map<String, String> metadata() {
    return metadata;
  }

  /** The upstream HTTP status ({@code http_status} metadata), or 0 when unknown. */
  public int httpStatus() {
    try {
      return Integer.parseInt(metadata.getOrDefault("http_status", "0"));
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  /** The upstream request id ({@code request_id} metadata); empty when absent. */
  public String requestId() {
    return metadata.getOrDefault("request_id", "");
  }

  /** The gateway's own request id ({@code gateway_request_id} metadata); empty when absent. */
  public String gatewayRequestId() {
    return metadata.getOrDefault("gateway_request_id", "");
  }

  /** How long to wait before retrying ({@code RetryInfo.retry_delay}), when the gateway said. */
  public Optional<Duration> retryDelay() {
    return Optional.ofNullable(retryDelay);
  }

  private static String summary(Status status, ErrorInfo info, Duration retryDelay) {
    StringBuilder s = new StringBuilder(status.getCode().name());
    if (status.getDescription() != null) {
      s.append(": ").append(status.getDescription());
    }
    if (!info.getReason().isEmpty()) {
      s.append(" [reason=").append(info.getReason());
      String requestId = info.getMetadataOrDefault("request_id", "");
      if (!requestId.isEmpty()) {
        s.append(", request_id=").append(requestId);
      }
      s.append(']');
    }
    if (retryDelay != null) {
      s.append(" (retry after ").append(retryDelay).append(')');
    }
    return s.toString();
  }
}
