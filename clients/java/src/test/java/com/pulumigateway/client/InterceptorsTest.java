package com.pulumigateway.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientCall;
import io.grpc.Deadline;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** What the interceptors put on a call, seen by a recording channel (no server). */
class InterceptorsTest {
  private static final MethodDescriptor.Marshaller<String> STRINGS =
      new MethodDescriptor.Marshaller<>() {
        @Override
        public InputStream stream(String value) {
          return new ByteArrayInputStream(value.getBytes());
        }

        @Override
        public String parse(InputStream stream) {
          return "";
        }
      };
  private static final MethodDescriptor<String, String> METHOD =
      MethodDescriptor.<String, String>newBuilder()
          .setType(MethodDescriptor.MethodType.UNARY)
          .setFullMethodName("pulumi.service.v1.StacksService/ListStacks")
          .setRequestMarshaller(STRINGS)
          .setResponseMarshaller(STRINGS)
          .build();

  /** Records the call options and the headers of the one call made through it. */
  private static final class RecordingChannel extends Channel {
    CallOptions options;
    Metadata headers;

    @Override
    public <Q, R> ClientCall<Q, R> newCall(MethodDescriptor<Q, R> method, CallOptions o) {
      options = o;
      return new ClientCall<>() {
        @Override
        public void start(Listener<R> listener, Metadata h) {
          headers = h;
        }

        @Override
        public void request(int n) {}

        @Override
        public void cancel(String message, Throwable cause) {}

        @Override
        public void halfClose() {}

        @Override
        public void sendMessage(Q message) {}
      };
    }

    @Override
    public String authority() {
      return "test";
    }
  }

  @Test
  void sendsTheTokenWithTheTokenScheme() {
    RecordingChannel channel = new RecordingChannel();
    new AuthorizationInterceptor("pul-x")
        .interceptCall(METHOD, CallOptions.DEFAULT, channel)
        .start(new ClientCall.Listener<>() {}, new Metadata());
    assertEquals("token pul-x", channel.headers.get(AuthorizationInterceptor.AUTHORIZATION));
  }

  @Test
  void addsTheDefaultDeadlineOnlyWhenTheCallHasNone() {
    DefaultDeadlineInterceptor interceptor = new DefaultDeadlineInterceptor(Duration.ofSeconds(7));

    RecordingChannel none = new RecordingChannel();
    interceptor.interceptCall(METHOD, CallOptions.DEFAULT, none);
    long left = none.options.getDeadline().timeRemaining(TimeUnit.MILLISECONDS);
    assertTrue(left > 6_000 && left <= 7_000, "remaining " + left + " ms");

    RecordingChannel own = new RecordingChannel();
    Deadline mine = Deadline.after(60, TimeUnit.SECONDS);
    interceptor.interceptCall(METHOD, CallOptions.DEFAULT.withDeadline(mine), own);
    assertEquals(mine, own.options.getDeadline());
  }
}
