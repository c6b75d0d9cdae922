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
import io.grpc.Channel;
import io.grpc.ChannelCredentials;
import io.grpc.ClientInterceptor;
import io.grpc.ClientInterceptors;
import io.grpc.Grpc;
import io.grpc.InsecureChannelCredentials;
import io.grpc.ManagedChannel;
import io.grpc.TlsChannelCredentials;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * A connection to the Pulumi gRPC gateway: blocking stubs of its four services that send the
 * caller's Pulumi token and a default deadline on every call, plus pagers over the listings.
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
