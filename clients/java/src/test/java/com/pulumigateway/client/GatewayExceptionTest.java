package com.pulumigateway.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import com.google.protobuf.Any;
import com.google.protobuf.ByteString;
import com.google.rpc.Code;
import com.google.rpc.ErrorInfo;
import com.google.rpc.RetryInfo;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;

/** Decoding of grpc-status-details-bin, as the gateway writes it (no server). */
class GatewayExceptionTest {
  private static StatusRuntimeException withDetails(Code code, String message, Any... details) {
    com.google.rpc.Status.Builder status =
        com.google.rpc.Status.newBuilder().setCode(code.getNumber()).setMessage(message);
    for (Any d : details) {
      status.addDetails(d);
    }
    return StatusProto.toStatusRuntimeException(status.build());
  }

  @Test
  void decodesErrorInfoAndRetryInfo() {
    StatusRuntimeException sre = withDetails(Code.UNAVAILABLE, "Service Unavailable (HTTP 503)",
        Any.pack(ErrorInfo.newBuilder().setReason("HTTP_503").setDomain("api.pulumi.com")
            .putMetadata("http_status", "503").putMetadata("request_id", "up-1")
            .putMetadata("gateway_request_id", "gw-1").build()),
        Any.pack(RetryInfo.newBuilder().setRetryDelay(
            com.google.protobuf.Duration.newBuilder().setSeconds(1).setNanos(500_000_000))
            .build()));
    GatewayException e = GatewayException.from(sre);
    assertEquals(Status.Code.UNAVAILABLE, e.code());
    assertEquals("Service Unavailable (HTTP 503)", e.description());
    assertEquals("HTTP_503", e.reason());
    assertEquals("api.pulumi.com", e.domain());
    assertEquals(503, e.httpStatus());
    assertEquals("up-1", e.requestId());
    assertEquals("gw-1", e.gatewayRequestId());
    assertEquals(Optional.of(Duration.ofMillis(1500)), e.retryDelay());
    assertEquals("UNAVAILABLE: Service Unavailable (HTTP 503) [reason=HTTP_503, request_id=up-1]"
        + " (retry after PT1.5S)", e.getMessage());
    assertSame(sre, e.getCause());
  }

  @Test
  void statusWithoutDetailsHasEmptyValues() {
    GatewayException e = GatewayException.from(
        Status.DEADLINE_EXCEEDED.withDescription("deadline exceeded after 0.3s").asRuntimeException());
    assertEquals(Status.Code.DEADLINE_EXCEEDED, e.code());
    assertEquals("", e.reason());
    assertEquals(0, e.httpStatus());
    assertEquals("", e.requestId());
    assertEquals(Map.of(), e.metadata());
    assertEquals(Optional.empty(), e.retryDelay());
    assertEquals("DEADLINE_EXCEEDED: deadline exceeded after 0.3s", e.getMessage());
  }

  @Test
  void malformedDetailIsIgnored() {
    Any garbage = Any.newBuilder().setTypeUrl("type.googleapis.com/google.rpc.ErrorInfo")
        .setValue(ByteString.copyFromUtf8("\u00ff\u00ff not a proto")).build();
    GatewayException e = GatewayException.from(withDetails(Code.NOT_FOUND, "gone", garbage));
    assertEquals(Status.Code.NOT_FOUND, e.code());
    assertEquals("", e.reason());
    assertEquals("gone", e.description());
  }

  @Test
  void fromThrowableUnwrapsFutureFailures() {
    StatusRuntimeException sre = withDetails(Code.PERMISSION_DENIED, "Forbidden (HTTP 403)",
        Any.pack(ErrorInfo.newBuilder().setReason("HTTP_403").putMetadata("http_status", "403")
            .build()));
    GatewayException e = GatewayException.fromThrowable(new ExecutionException(sre));
    assertEquals(Status.Code.PERMISSION_DENIED, e.code());
    assertEquals(403, e.httpStatus());
    assertSame(e, GatewayException.fromThrowable(e));
  }
}
