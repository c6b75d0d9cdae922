package com.pulumigateway.client;

import com.pulumigateway.service.v1.AuditLogEvent;
import com.pulumigateway.service.v1.EngineEvent;
import com.pulumigateway.service.v1.ListAuditLogEventsRequest;
import com.pulumigateway.service.v1.ListAuditLogEventsResponse;
import com.pulumigateway.service.v1.ListAuditLogEventsV2Request;
import com.pulumigateway.service.v1.ListAuditLogEventsV2Response;
import com.pulumigateway.service.v1.ListMembersRequest;
import com.pulumigateway.service.v1.ListMembersResponse;
import com.pulumigateway.service.v1.ListStacksRequest;
import com.pulumigateway.service.v1.ListStacksResponse;
import com.pulumigateway.service.v1.ListUpdateEventsRequest;
import com.pulumigateway.service.v1.ListUpdateEventsResponse;
import com.pulumigateway.service.v1.OrganizationMember;
import com.pulumigateway.service.v1.OrganizationsServiceGrpc;
import com.pulumigateway.service.v1.OrganizationsServiceGrpc.OrganizationsServiceBlockingStub;
import com.pulumigateway.service.v1.StackSummary;
import com.pulumigateway.service.v1.StackUpdatesServiceGrpc;
import com.pulumigateway.service.v1.StackUpdatesServiceGrpc.StackUpdatesServiceBlockingStub;
import com.pulumigateway.service.v1.StacksServiceGrpc;
import com.pulumigateway.service.v1.StacksServiceGrpc.StacksServiceBlockingStub;
import com.pulumigateway.service.v1.UsersServiceGrpc;
import com.pulumigateway.service.v1.UsersServiceGrpc.UsersServiceBlockingStub;
import com.google.protobuf.Descriptors;
import com.google.protobuf.Message;
import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ChannelCredentials;
import io.grpc.ClientInterceptor;
import io.grpc.ClientInterceptors;
import io.grpc.Grpc;
import io.grpc.InsecureChannelCredentials;
import io.grpc.ManagedChannel;
import io.grpc.MethodDescriptor;
import io.grpc.ServiceDescriptor;
import io.grpc.TlsChannelCredentials;
import io.grpc.stub.AbstractStub;
import io.grpc.stub.ClientCalls;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * A connection to the Pulumi gRPC gateway: a stub of any service of its API ({@link #stub}, {@link
 * #services}) that sends the caller's Pulumi token and a default deadline on every call, pagers
 * over every list with a continuation token ({@link #pages}, {@link #items}) and server streams
 * ({@link #stream}); plus the first release's shortcuts ({@link #stacks()}, {@link
 * #listStacks}, ...).
 *
 * <pre>{@code
 * try (PulumiGatewayClient client = PulumiGatewayClient.builder()
 *     .address("localhost:50051")
 *     .token(System.getenv("PULUMI_ACCESS_TOKEN"))
 *     .build()) {
 *   for (StackSummary s : client.listStacks(
 *       ListStacksRequest.newBuilder().setOrganization("acme-corp").build())) {
 *     System.out.println(s.getOrgName() + "/" + s.getProjectName() + "/" + s.getStackName());
 *   }
 * }
 * }</pre>
 *
 * <p>Stub calls throw {@link io.grpc.StatusRuntimeException} (decode it with {@link
 * GatewayException#from}); pagers throw {@link GatewayException}. Thread-safe; close it to release
 * the channel.
 */
public final class PulumiGatewayClient implements AutoCloseable {
  /** Address used when none is given: the gateway's default listen port on this machine. */
  public static final String DEFAULT_ADDRESS = "localhost:50051";
  /** Deadline of each call that sets none itself, unless the builder says otherwise. */
  public static final Duration DEFAULT_DEADLINE = Duration.ofSeconds(30);
  /** Wait between polls of a running update that has no new events. */
  public static final Duration DEFAULT_POLL_INTERVAL = Duration.ofSeconds(1);

  private final ManagedChannel channel;
  private final Channel intercepted;
  private final StacksServiceBlockingStub stacks;
  private final StackUpdatesServiceBlockingStub updates;
  private final OrganizationsServiceBlockingStub organizations;
  private final UsersServiceBlockingStub users;
  private final Duration pollInterval;

  private PulumiGatewayClient(Builder b) {
    this.channel =
        Grpc.newChannelBuilder(b.address, b.credentials())
            .userAgent("pulumi-gateway-java-client")
            .build();
    List<ClientInterceptor> interceptors = new ArrayList<>();
    if (b.defaultDeadline != null) {
      interceptors.add(new DefaultDeadlineInterceptor(b.defaultDeadline));
    }
    if (b.token != null && !b.token.isEmpty()) {
      interceptors.add(new AuthorizationInterceptor(b.token));
    }
    this.intercepted = ClientInterceptors.intercept(channel, interceptors);
    this.stacks = StacksServiceGrpc.newBlockingStub(intercepted);
    this.updates = StackUpdatesServiceGrpc.newBlockingStub(intercepted);
    this.organizations = OrganizationsServiceGrpc.newBlockingStub(intercepted);
    this.users = UsersServiceGrpc.newBlockingStub(intercepted);
    this.pollInterval = b.pollInterval;
  }

  /** A builder with the defaults: {@value #DEFAULT_ADDRESS}, no token, 30 s deadline, no TLS. */
  public static Builder builder() {
    return new Builder();
  }

  /** {@code pulumi.service.v1.StacksService}. */
  public StacksServiceBlockingStub stacks() {
    return stacks;
  }

  /** {@code pulumi.service.v1.StackUpdatesService}. */
  public StackUpdatesServiceBlockingStub updates() {
    return updates;
  }

  /** {@code pulumi.service.v1.OrganizationsService}. */
  public OrganizationsServiceBlockingStub organizations() {
    return organizations;
  }

  /** {@code pulumi.service.v1.UsersService} (GetCurrentUser, WhoAmI). */
  public UsersServiceBlockingStub users() {
    return users;
  }

  /**
   * The channel with the token and default deadline applied, for other stub flavours (e.g. {@code
   * StacksServiceGrpc.newFutureStub(client.channel())}).
   */
  public Channel channel() {
    return intercepted;
  }

  /**
   * A stub of any service of the API on this client's channel, so it carries the token and the
   * default deadline: {@code client.stub(WebhooksServiceGrpc::newBlockingStub)}, or a future or
   * async stub ({@code WebhooksServiceGrpc::newFutureStub}). Stub calls throw {@link
   * io.grpc.StatusRuntimeException}; decode it with {@link GatewayException#from}.
   */
  public <S extends AbstractStub<S>> S stub(Function<Channel, S> factory) {
    return factory.apply(intercepted);
  }

  /**
   * Every service of the API ({@code pulumi.service.v1}), sorted by full name, found in the
   * descriptors the client ships: each one's stub is {@code <Service>Grpc.newBlockingStub(...)}
   * through {@link #stub}.
   */
  public static List<ServiceDescriptor> services() {
    return ApiDescriptors.services();
  }

  /**
   * Whether {@code method} is a list with a continuation token (its request and response both
   * have {@code continuation_token}), which {@link #pages} and {@link #items} walk.
   */
  public static boolean isPaged(MethodDescriptor<?, ?> method) {
    return ApiDescriptors.pageSpec(method).isPresent();
  }

  /**
   * Every answer of a list with a continuation token, page after page, from the request's own
   * token: {@code client.pages(StacksServiceGrpc.getListStacksMethod(), request)}. Lazy and
   * re-iterable like every {@link Pager}; failures throw {@link GatewayException}. A list that
   * a server stream of its service follows live (an update's events) is followed while the
   * resource runs, polling every {@link Builder#pollInterval poll interval} after a page without
   * items.
   *
   * @throws IllegalArgumentException if {@code method} is not such a list
   */
  public <Req extends Message, Resp extends Message> Pager<Resp> pages(
      MethodDescriptor<Req, Resp> method, Req request) {
    ApiDescriptors.PageSpec spec = spec(method);
    return new Pager<>(
        token -> {
          Resp resp = call(method, spec, request, token);
          boolean idle =
              spec.items().map(items -> resp.getRepeatedFieldCount(items) == 0).orElse(false);
          return new Pager.Page<>(List.of(resp), (String) resp.getField(spec.responseToken()), idle);
        },
        (String) request.getField(spec.requestToken()),
        spec.follow() ? pollInterval : null);
  }

  /**
   * The items of every page of a list with a continuation token (the response's one repeated
   * field): {@code for (AccessToken t : client.items(AccessTokensServiceGrpc
   * .getListPersonalTokensMethod(), request, AccessToken.class))}. Paged as {@link #pages}.
   *
   * @throws IllegalArgumentException if {@code method} is not such a list, its response has no
   *     single item field, or the items are not {@code itemType}
   */
  public <Req extends Message, Resp extends Message, T> Pager<T> items(
      MethodDescriptor<Req, Resp> method, Req request, Class<T> itemType) {
    ApiDescriptors.PageSpec spec = spec(method);
    Descriptors.FieldDescriptor items =
        spec.items()
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        method.getFullMethodName() + ": the response has no single item field"));
    if (items.getJavaType() == Descriptors.FieldDescriptor.JavaType.MESSAGE
        && method.getResponseMarshaller() instanceof MethodDescriptor.PrototypeMarshaller<?> m) {
      Object sample =
          ((Message) m.getMessagePrototype()).newBuilderForType().newBuilderForField(items).build();
      if (!itemType.isInstance(sample)) {
        throw new IllegalArgumentException(
            method.getFullMethodName() + " lists " + sample.getClass().getName() + ", not "
                + itemType.getName());
      }
    }
    return new Pager<>(
        token -> {
          Resp resp = call(method, spec, request, token);
          List<T> page = new ArrayList<>();
          for (Object item : (List<?>) resp.getField(items)) {
            page.add(itemType.cast(item));
          }
          return new Pager.Page<>(page, (String) resp.getField(spec.responseToken()));
        },
        (String) request.getField(spec.requestToken()),
        spec.follow() ? pollInterval : null);
  }

  /**
   * A server-streaming call ({@code StreamStacks}, {@code StreamMembers}, {@code
   * StreamAuditLogs}, {@code WatchUpdateEvents}, ...): its messages as they arrive, failures as
   * {@link GatewayException}. Close it (try-with-resources) to cancel a stream left early.
   */
  public <Req, Resp> ServerStream<Resp> stream(MethodDescriptor<Req, Resp> method, Req request) {
    if (method.getType() != MethodDescriptor.MethodType.SERVER_STREAMING) {
      throw new IllegalArgumentException(method.getFullMethodName() + " is not a server stream");
    }
    return new ServerStream<>(intercepted, method, request);
  }

  private static ApiDescriptors.PageSpec spec(MethodDescriptor<?, ?> method) {
    return ApiDescriptors.pageSpec(method)
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    method.getFullMethodName() + " is not a list with a continuation token"));
  }

  @SuppressWarnings("unchecked")
  private <Req extends Message, Resp extends Message> Resp call(
      MethodDescriptor<Req, Resp> method, ApiDescriptors.PageSpec spec, Req request, String token) {
    Req page = request;
    if (token != null) {
      page = (Req) request.toBuilder().setField(spec.requestToken(), token).build();
    }
    return ClientCalls.blockingUnaryCall(intercepted, method, CallOptions.DEFAULT, page);
  }

  /** Every stack matching the request's filters, across all pages (ListStacks). */
  public Pager<StackSummary> listStacks(ListStacksRequest request) {
    return new Pager<>(
        token -> {
          ListStacksRequest.Builder r = request.toBuilder();
          if (token != null) {
            r.setContinuationToken(token);
          }
          ListStacksResponse resp = stacks.listStacks(r.build());
          return new Pager.Page<>(resp.getStacksList(), resp.getContinuationToken());
        },
        request.getContinuationToken(),
        null);
  }

  /** Every member of an organization, across all pages (ListMembers). */
  public Pager<OrganizationMember> listMembers(ListMembersRequest request) {
    return new Pager<>(
        token -> {
          ListMembersRequest.Builder r = request.toBuilder();
          if (token != null) {
            r.setContinuationToken(token);
          }
          ListMembersResponse resp = organizations.listMembers(r.build());
          return new Pager.Page<>(resp.getMembersList(), resp.getContinuationToken());
        },
        request.getContinuationToken(),
        null);
  }

  /** Every audit-log event, newest first, V1 time semantics (ListAuditLogEvents). */
  public Pager<AuditLogEvent> listAuditLogEvents(ListAuditLogEventsRequest request) {
    return new Pager<>(
        token -> {
          ListAuditLogEventsRequest.Builder r = request.toBuilder();
          if (token != null) {
            r.setContinuationToken(token);
          }
          ListAuditLogEventsResponse resp = organizations.listAuditLogEvents(r.build());
          return new Pager.Page<>(resp.getAuditLogEventsList(), resp.getContinuationToken());
        },
        request.getContinuationToken(),
        null);
  }

  /** Every audit-log event, newest first, V2 time semantics (ListAuditLogEventsV2). */
  public Pager<AuditLogEvent> listAuditLogEventsV2(ListAuditLogEventsV2Request request) {
    return new Pager<>(
        token -> {
          ListAuditLogEventsV2Request.Builder r = request.toBuilder();
          if (token != null) {
            r.setContinuationToken(token);
          }
          ListAuditLogEventsV2Response resp = organizations.listAuditLogEventsV2(r.build());
          return new Pager.Page<>(resp.getAuditLogEventsList(), resp.getContinuationToken());
        },
        request.getContinuationToken(),
        null);
  }

  /**
   * The engine events of one update in order, following it while it runs (ListUpdateEvents):
   * iteration ends once the gateway returns an empty continuation token (the update finished and
   * every event was returned); while the update runs and there is nothing new, it polls every
   * {@link Builder#pollInterval poll interval}. Each poll has its own deadline; bound the whole
   * iteration yourself (e.g. {@code stream().limit(n)}) if needed.
   */
  public Pager<EngineEvent> followUpdateEvents(ListUpdateEventsRequest request) {
    return followUpdateEvents(request, pollInterval);
  }

  /** {@link #followUpdateEvents(ListUpdateEventsRequest)} with its own poll interval. */
  public Pager<EngineEvent> followUpdateEvents(
      ListUpdateEventsRequest request, Duration pollInterval) {
    requirePositive(pollInterval, "pollInterval");
    return new Pager<>(
        token -> {
          ListUpdateEventsRequest.Builder r = request.toBuilder();
          if (token != null) {
            r.setContinuationToken(token);
          }
          ListUpdateEventsResponse resp = updates.listUpdateEvents(r.build());
          return new Pager.Page<>(resp.getEventsList(), resp.getContinuationToken());
        },
        request.getContinuationToken(),
        pollInterval);
  }

  /** Shuts the channel down, waiting up to 5 s for calls in flight. */
  @Override
  public void close() {
    channel.shutdown();
    try {
      if (!channel.awaitTermination(5, TimeUnit.SECONDS)) {
        channel.shutdownNow();
      }
    } catch (InterruptedException e) {
      channel.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }

  private static Duration requirePositive(Duration d, String name) {
    Objects.requireNonNull(d, name);
    if (d.isNegative() || d.isZero()) {
      throw new IllegalArgumentException(name + " must be positive: " + d);
    }
    return d;
  }

  /** Options of a {@link PulumiGatewayClient}; each setter states its default. */
  public static final class Builder {
    private String address = DEFAULT_ADDRESS;
    private String token;
    private Duration defaultDeadline = DEFAULT_DEADLINE;
    private Duration pollInterval = DEFAULT_POLL_INTERVAL;
    private boolean tls;
    private Path caFile;
    private Path certFile;
    private Path keyFile;

    private Builder() {}

    /** Gateway {@code host:port} (or any gRPC target). Default {@value #DEFAULT_ADDRESS}. */
    public Builder address(String address) {
      if (address == null || address.isEmpty()) {
        throw new IllegalArgumentException("address must not be empty");
      }
      this.address = address;
      return this;
    }

    /**
     * Pulumi access token sent as {@code authorization: token <token>} on every call. Default
     * none (null or empty): calls are sent without credentials and fail with UNAUTHENTICATED.
     */
    public Builder token(String token) {
      this.token = token;
      return this;
    }

    /**
     * Deadline of each call that sets none itself. Default 30 s; {@code null} means no deadline.
     */
    public Builder defaultDeadline(Duration deadline) {
      this.defaultDeadline = deadline == null ? null : requirePositive(deadline, "deadline");
      return this;
    }

    /** Wait between polls of a running update with no new events. Default 1 s. */
    public Builder pollInterval(Duration interval) {
      this.pollInterval = requirePositive(interval, "pollInterval");
      return this;
    }

    /**
     * Whether to connect with TLS. Default false (plaintext). With TLS and no {@link #caFile},
     * the JVM's default trust store verifies the gateway.
     */
    public Builder tls(boolean tls) {
      this.tls = tls;
      return this;
    }

    /** PEM CA bundle that signed the gateway's certificate; turns TLS on. Default none. */
    public Builder caFile(Path caFile) {
      this.caFile = Objects.requireNonNull(caFile, "caFile");
      this.tls = true;
      return this;
    }

    /**
     * Client certificate chain and PKCS#8 private key (PEM) for mutual TLS; turns TLS on.
     * Default none.
     */
    public Builder clientCert(Path certFile, Path keyFile) {
      this.certFile = Objects.requireNonNull(certFile, "certFile");
      this.keyFile = Objects.requireNonNull(keyFile, "keyFile");
      this.tls = true;
      return this;
    }

    /**
     * Creates the client. The connection is made lazily, on the first call.
     *
     * @throws UncheckedIOException if a TLS file cannot be read
     * @throws IllegalArgumentException if a TLS file is not valid PEM
     */
    public PulumiGatewayClient build() {
      return new PulumiGatewayClient(this);
    }

    private ChannelCredentials credentials() {
      if (!tls) {
        return InsecureChannelCredentials.create();
      }
      TlsChannelCredentials.Builder creds = TlsChannelCredentials.newBuilder();
      try {
        if (caFile != null) {
          creds.trustManager(caFile.toFile());
        }
        if (certFile != null) {
          creds.keyManager(certFile.toFile(), keyFile.toFile());
        }
      } catch (IOException e) {
        throw new UncheckedIOException("reading TLS files: " + e.getMessage(), e);
      }
      return creds.build();
    }
  }
}
