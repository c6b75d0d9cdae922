package com.pulumigateway.client;

import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.Context;
import io.grpc.MethodDescriptor;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.ClientCalls;
import java.util.Iterator;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * The messages of one server-streaming call, read as they arrive. A failed call throws {@link
 * GatewayException} from {@code hasNext()}/{@code next()}, after the messages that came before the
 * error. {@link #close()} cancels a stream left before its end (try-with-resources); the client's
 * default deadline bounds the whole stream.
 *
 * <pre>{@code
 * try (ServerStream<StreamMembersResponse> members = client.stream(
 *     OrganizationsServiceGrpc.getStreamMembersMethod(),
 *     StreamMembersRequest.newBuilder().setOrgName("acme-corp").build())) {
 *   members.forEachRemaining(m -> System.out.println(m.getMember().getUser().getGithubLogin()));
 * }
 * }</pre>
 *
 * @param <T> the message type
 */
public final class ServerStream<T> implements Iterator<T>, AutoCloseable {
  private final Context.CancellableContext context;
  private final Iterator<T> messages;

  <Req> ServerStream(Channel channel, MethodDescriptor<Req, T> method, Req request) {
    // The call belongs to this context: cancelling it cancels the call.
    this.context = Context.current().withCancellation();
    Context previous = context.attach();
    try {
      this.messages =
          ClientCalls.blockingServerStreamingCall(channel, method, CallOptions.DEFAULT, request);
    } finally {
      context.detach(previous);
    }
  }

  @Override
  public boolean hasNext() {
    try {
      return messages.hasNext();
    } catch (StatusRuntimeException e) {
      throw GatewayException.from(e);
    }
  }

  @Override
  public T next() {
    try {
      return messages.next();
    } catch (StatusRuntimeException e) {
      throw GatewayException.from(e);
    }
  }

  /** The remaining messages as a sequential, lazy stream; closing it cancels the call. */
  public Stream<T> stream() {
    return StreamSupport.stream(
            Spliterators.spliteratorUnknownSize(this, Spliterator.ORDERED | Spliterator.NONNULL),
            false)
        .onClose(this::close);
  }

  /** Cancels the call if it is still running (a no-op once it ended). */
  @Override
  public void close() {
    context.cancel(null);
  }
}
