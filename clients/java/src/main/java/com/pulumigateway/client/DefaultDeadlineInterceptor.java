package com.pulumigateway.client;

import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientCall;
import io.grpc.ClientInterceptor;
import io.grpc.MethodDescriptor;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Gives every call without a deadline the client's default one. A deadline set by the caller
 * ({@code stub.withDeadlineAfter(...)}) is kept as is.
 */
final class DefaultDeadlineInterceptor implements ClientInterceptor {
  private final long nanos;

  DefaultDeadlineInterceptor(Duration deadline) {
    this.nanos = deadline.toNanos();
  }

  @Override
  public <ReqT, RespT> ClientCall<ReqT, RespT> interceptCall(
      MethodDescriptor<ReqT, RespT> method, CallOptions callOptions, Channel next) {
    if (callOptions.getDeadline() == null) {
      callOptions = callOptions.withDeadlineAfter(nanos, TimeUnit.NANOSECONDS);
    }
    return next.newCall(method, callOptions);
  }
}
