package com.pulumigateway.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.pulumigateway.service.v1.CreateTeamRequest;
import com.pulumigateway.service.v1.GetStackRequest;
import com.pulumigateway.service.v1.ListStacksRequest;
import com.pulumigateway.service.v1.Stack;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(GatewayEnvironment.Extension.class)
class ErrorsTest {
  private static GetStackRequest stack(String org, String project, String name) {
    return GetStackRequest.newBuilder()
        .setOrgName(org).setProjectName(project).setStackName(name).build();
  }

  private static GatewayException failure(Runnable call) {
    StatusRuntimeException e = assertThrows(StatusRuntimeException.class, call::run);
    return GatewayException.from(e);
  }

  @Test
  void unknownStackIsNotFoundWithDecodedErrorInfo(GatewayEnvironment env) {
    try (PulumiGatewayClient client = env.client(DemoData.JDOE_TOKEN)) {
      GatewayException e = failure(
          () -> client.stacks().getStack(stack("acme-corp", "payments-api", "nope")));
      assertEquals(Status.Code.NOT_FOUND, e.code());
      assertEquals(404, e.httpStatus());
      assertEquals("404", e.metadata().get("http_status"));
      assertEquals("HTTP_404", e.reason());
      assertTrue(e.description().contains("Stack 'acme-corp/payments-api/nope' not found"),
          e.description());
      assertFalse(e.requestId().isEmpty(), "request_id metadata");
      assertFalse(e.gatewayRequestId().isEmpty(), "gateway_request_id metadata");
      assertEquals(Optional.empty(), e.retryDelay());
      assertTrue(e.getMessage().startsWith("NOT_FOUND: "), e.getMessage());
    }
  }

  @Test
  void outsiderIsPermissionDenied(GatewayEnvironment env) {
    try (PulumiGatewayClient eve = env.client(DemoData.EVE_TOKEN)) {
      GatewayException e = failure(
          () -> eve.stacks().getStack(stack("acme-corp", "payments-api", "prod")));
      assertEquals(Status.Code.PERMISSION_DENIED, e.code());
      assertEquals(403, e.httpStatus());
      assertTrue(e.description().contains("not a member of organization 'acme-corp'"),
          e.description());
      // The same token works where eve is a member.
      Stack own = eve.stacks().getStack(stack("globex", "inventory", "prod")).getStack();
      assertEquals("globex", own.getOrgName());
    }
  }

  @Test
  void missingTokenIsUnauthenticated(GatewayEnvironment env) {
    try (PulumiGatewayClient anonymous = env.client(null)) {
      GatewayException e = assertThrows(GatewayException.class,
          () -> anonymous.listStacks(ListStacksRequest.getDefaultInstance()).iterator().hasNext());
      assertEquals(Status.Code.UNAUTHENTICATED, e.code());
      assertTrue(e.description().contains("authorization"), e.description());
      assertEquals(0, e.httpStatus(), "rejected by the gateway, not upstream");
    }
  }

  @Test
  void rateLimitCarriesRetryInfo(GatewayEnvironment env) {
    // POST is not retried by the gateway, so the one injected 429 reaches the caller.
    env.admin().addFault("{\"kind\":\"retry_after\",\"retry_after\":\"2\",\"method\":\"POST\","
        + "\"route\":\"/api/orgs/acme-corp/teams/pulumi\",\"count\":1}");
    try (PulumiGatewayClient client = env.client(DemoData.JDOE_TOKEN)) {
      GatewayException e = failure(() -> client.organizations().createTeam(
          CreateTeamRequest.newBuilder().setOrgName("acme-corp").setName("retry-info").build()));
      assertEquals(Status.Code.RESOURCE_EXHAUSTED, e.code());
      assertEquals(429, e.httpStatus());
      assertEquals(Optional.of(Duration.ofSeconds(2)), e.retryDelay());
    }
  }

  @Test
  void defaultDeadlineExpiresOnSlowUpstream(GatewayEnvironment env) {
    // The upstream answers this stack after 3 s; the client's default deadline is 300 ms.
    env.admin().addFault("{\"kind\":\"latency\",\"latency_ms\":3000,\"method\":\"GET\","
        + "\"route\":\"/api/stacks/acme-corp/auth-service/prod\",\"count\":1}");
    try (PulumiGatewayClient client = PulumiGatewayClient.builder()
        .address(env.gatewayAddress())
        .token(DemoData.JDOE_TOKEN)
        .defaultDeadline(Duration.ofMillis(300))
        .build()) {
      long start = System.nanoTime();
      GatewayException e = failure(
          () -> client.stacks().getStack(stack("acme-corp", "auth-service", "prod")));
      long elapsedMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
      assertEquals(Status.Code.DEADLINE_EXCEEDED, e.code());
      assertTrue(elapsedMs < 2500, "gave up after " + elapsedMs + " ms");
    }
  }

  @Test
  void callerDeadlineOverridesTheDefault(GatewayEnvironment env) {
    // 1 s of upstream latency: over the 300 ms default, well within the caller's own 10 s.
    env.admin().addFault("{\"kind\":\"latency\",\"latency_ms\":1000,\"method\":\"GET\","
        + "\"route\":\"/api/stacks/acme-corp/auth-service/staging\",\"count\":1}");
    try (PulumiGatewayClient client = PulumiGatewayClient.builder()
        .address(env.gatewayAddress())
        .token(DemoData.JDOE_TOKEN)
        .defaultDeadline(Duration.ofMillis(300))
        .build()) {
      Stack s = client.stacks().withDeadlineAfter(10, TimeUnit.SECONDS)
          .getStack(stack("acme-corp", "auth-service", "staging")).getStack();
      assertEquals("staging", s.getStackName());
    }
  }
}
