package com.pulumigateway.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.pulumigateway.service.v1.AccessToken;
import com.pulumigateway.service.v1.AccessTokensServiceGrpc;
import com.pulumigateway.service.v1.AccessTokensServiceGrpc.AccessTokensServiceBlockingStub;
import com.pulumigateway.service.v1.CreatePersonalAccessTokenRequest;
import com.pulumigateway.service.v1.CreatePersonalTokenRequest;
import com.pulumigateway.service.v1.CreateStackWebhookRequest;
import com.pulumigateway.service.v1.DeletePersonalTokenRequest;
import com.pulumigateway.service.v1.EngineEvent;
import com.pulumigateway.service.v1.GetStackWebhookRequest;
import com.pulumigateway.service.v1.ListPersonalTokensRequest;
import com.pulumigateway.service.v1.ListPersonalTokensResponse;
import com.pulumigateway.service.v1.ListStacksRequest;
import com.pulumigateway.service.v1.ListUpdateEventsRequest;
import com.pulumigateway.service.v1.OrganizationsServiceGrpc;
import com.pulumigateway.service.v1.PolicyResultsServiceGrpc;
import com.pulumigateway.service.v1.StackSummary;
import com.pulumigateway.service.v1.StackUpdatesServiceGrpc;
import com.pulumigateway.service.v1.StacksServiceGrpc;
import com.pulumigateway.service.v1.StreamMembersRequest;
import com.pulumigateway.service.v1.StreamMembersResponse;
import com.pulumigateway.service.v1.StreamStacksRequest;
import com.pulumigateway.service.v1.StreamStacksResponse;
import com.pulumigateway.service.v1.Webhook;
import com.pulumigateway.service.v1.WebhookResponse;
import com.pulumigateway.service.v1.WebhooksServiceGrpc;
import io.grpc.MethodDescriptor;
import io.grpc.ServiceDescriptor;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Every service from the descriptors, the general pagers and the streams, end to end. */
@ExtendWith(GatewayEnvironment.Extension.class)
class WholeApiTest {
  private static GetStackWebhookRequest.Builder prodHook() {
    return GetStackWebhookRequest.newBuilder()
        .setOrgName("acme-corp").setProjectName("payments-api").setStackName("prod");
  }

  @Test
  void everyServiceOfTheDescriptorsIsFound() {
    List<ServiceDescriptor> services = PulumiGatewayClient.services();
    assertTrue(services.size() >= 29, services.size() + " services");
    List<String> names = services.stream().map(ServiceDescriptor::getName).toList();
    assertTrue(names.contains("pulumi.service.v1.WebhooksService"), names.toString());
    assertTrue(names.contains("pulumi.service.v1.StackConfigService"), names.toString());
    assertEquals(names.stream().sorted().toList(), names);
    List<String> paged = new ArrayList<>();
    for (ServiceDescriptor service : services) {
      for (MethodDescriptor<?, ?> method : service.getMethods()) {
        if (PulumiGatewayClient.isPaged(method)) {
          paged.add(method.getBareMethodName());
        }
      }
    }
    assertTrue(paged.containsAll(List.of("ListStacks", "ListMembers", "ListPersonalTokens",
        "GetPolicyComplianceResults", "ListUpdateEvents")), paged.toString());
    assertFalse(paged.contains("ListUpdates"), "numbered pages have no token pager");
    // WatchUpdateEvents follows ListUpdateEvents live (the gateway's pagination option).
    assertTrue(ApiDescriptors.pageSpec(StackUpdatesServiceGrpc.getListUpdateEventsMethod())
        .orElseThrow().follow());
    assertFalse(ApiDescriptors.pageSpec(StacksServiceGrpc.getListStacksMethod())
        .orElseThrow().follow());
    assertEquals("rows", ApiDescriptors.pageSpec(
        PolicyResultsServiceGrpc.getGetPolicyComplianceResultsMethod())
        .orElseThrow().items().orElseThrow().getName());
    assertFalse(PulumiGatewayClient.isPaged(WebhooksServiceGrpc.getListStackWebhooksMethod()));
    assertFalse(PulumiGatewayClient.isPaged(StacksServiceGrpc.getStreamStacksMethod()));
  }

  @Test
  void aNewServiceCallAndItsDecodedError(GatewayEnvironment env) {
    try (PulumiGatewayClient client = env.client(DemoData.JDOE_TOKEN)) {
      var hooks = client.stub(WebhooksServiceGrpc::newBlockingStub);
      String display = "Java hook " + System.nanoTime();
      WebhookResponse created = hooks.createStackWebhook(CreateStackWebhookRequest.newBuilder()
          .setOrgName("acme-corp").setProjectName("payments-api").setStackName("prod")
          .setBody(Webhook.newBuilder().setOrganizationName("acme-corp").setDisplayName(display)
              .setPayloadUrl("https://hooks.example.com/pulumi").setActive(true))
          .build()).getWebhook();
      assertEquals(display, created.getDisplayName());
      assertEquals("https://hooks.example.com/pulumi",
          hooks.getStackWebhook(prodHook().setHookName(created.getName()).build())
              .getWebhook().getPayloadUrl());

      StatusRuntimeException failure = assertThrows(StatusRuntimeException.class,
          () -> hooks.getStackWebhook(prodHook().setHookName("no-such-hook").build()));
      GatewayException error = GatewayException.from(failure);
      assertEquals(Status.Code.NOT_FOUND, error.code());
      assertEquals(404, error.httpStatus());
      assertEquals("HTTP_404", error.reason());
      assertFalse(error.requestId().isEmpty());
    }
  }

  @Test
  void theGeneralPagerWalksEveryPageOfANewList(GatewayEnvironment env) {
    try (PulumiGatewayClient client = env.client(DemoData.JDOE_TOKEN)) {
      AccessTokensServiceBlockingStub tokens = client.stub(AccessTokensServiceGrpc::newBlockingStub);
      String tag = "javapager" + System.nanoTime();
      List<String> ids = new ArrayList<>();
      for (int i = 0; i < 3; i++) {
        ids.add(tokens.createPersonalToken(CreatePersonalTokenRequest.newBuilder()
            .setBody(CreatePersonalAccessTokenRequest.newBuilder()
                .setDescription(tag + " " + i).setExpires(0))
            .build()).getId());
      }
      try {
        ListPersonalTokensRequest request =
            ListPersonalTokensRequest.newBuilder().setFilter(tag).setMaxResults(1).build();
        List<ListPersonalTokensResponse> pages = client
            .pages(AccessTokensServiceGrpc.getListPersonalTokensMethod(), request)
            .stream().toList();
        assertTrue(pages.size() >= 3, pages.size() + " pages");
        pages.forEach(page -> assertTrue(page.getTokensCount() <= 1));
        List<String> descriptions = client
            .items(AccessTokensServiceGrpc.getListPersonalTokensMethod(), request,
                AccessToken.class)
            .stream().map(AccessToken::getDescription).sorted().toList();
        assertEquals(List.of(tag + " 0", tag + " 1", tag + " 2"), descriptions);
      } finally {
        ids.forEach(id -> tokens.deletePersonalToken(
            DeletePersonalTokenRequest.newBuilder().setTokenId(id).build()));
      }
    }
  }

  @Test
  void theGeneralPagerMatchesTheNamedOneAndChecksItsArguments(GatewayEnvironment env) {
    try (PulumiGatewayClient client = env.client(DemoData.JDOE_TOKEN)) {
      ListStacksRequest request = ListStacksRequest.newBuilder().setMaxResults(3).build();
      List<StackSummary> walked = client
          .items(StacksServiceGrpc.getListStacksMethod(), request, StackSummary.class)
          .stream().toList();
      assertEquals(DemoData.ALL_STACKS_OF_JDOE, walked.size());
      assertEquals(client.listStacks(request).stream().toList(), walked);
      assertEquals(5, client.pages(StacksServiceGrpc.getListStacksMethod(), request)
          .stream().count());

      assertThrows(IllegalArgumentException.class, () -> client.items(
          StacksServiceGrpc.getListStacksMethod(), request, AccessToken.class));
      assertThrows(IllegalArgumentException.class, () -> client.pages(
          WebhooksServiceGrpc.getListStackWebhooksMethod(),
          com.pulumigateway.service.v1.ListStackWebhooksRequest.getDefaultInstance()));
    }
  }

  @Test
  void theFollowedListReadsAFinishedUpdate(GatewayEnvironment env) {
    try (PulumiGatewayClient client = env.client(DemoData.JDOE_TOKEN)) {
      ListUpdateEventsRequest request = ListUpdateEventsRequest.newBuilder()
          .setOrgName("acme-corp").setProjectName("payments-api").setStackName("prod")
          .setKind("update").setUpdateId(DemoData.PROD_UPDATE_ID).build();
      List<EngineEvent> events = client
          .items(StackUpdatesServiceGrpc.getListUpdateEventsMethod(), request, EngineEvent.class)
          .stream().toList();
      assertEquals(client.followUpdateEvents(request).stream().toList(), events);
      assertEquals(9, events.size());
    }
  }

  @Test
  void streamsYieldEveryItemAndDecodeTheirErrors(GatewayEnvironment env) {
    try (PulumiGatewayClient client = env.client(DemoData.JDOE_TOKEN)) {
      List<String> streamed;
      try (ServerStream<StreamStacksResponse> stacks = client.stream(
          StacksServiceGrpc.getStreamStacksMethod(), StreamStacksRequest.getDefaultInstance())) {
        streamed = stacks.stream().map(m -> m.getStack().getStackName()).toList();
      }
      assertEquals(client.listStacks(ListStacksRequest.getDefaultInstance()).stream()
          .map(StackSummary::getStackName).collect(Collectors.toList()), streamed);
      assertEquals(DemoData.ALL_STACKS_OF_JDOE, streamed.size());

      try (ServerStream<StreamMembersResponse> members = client.stream(
          OrganizationsServiceGrpc.getStreamMembersMethod(),
          StreamMembersRequest.newBuilder().setOrgName("acme-corp").build())) {
        assertEquals(DemoData.ACME_MEMBERS, members.stream().count());
      }

      try (ServerStream<StreamMembersResponse> members = client.stream(
          OrganizationsServiceGrpc.getStreamMembersMethod(),
          StreamMembersRequest.newBuilder().setOrgName("no-such-org").build())) {
        GatewayException error = assertThrows(GatewayException.class, members::hasNext);
        assertTrue(error.httpStatus() == 403 || error.httpStatus() == 404, error.getMessage());
        assertEquals("HTTP_" + error.httpStatus(), error.reason());
      }

      // Leaving a stream early cancels it; the client goes on working.
      try (ServerStream<StreamStacksResponse> stacks = client.stream(
          StacksServiceGrpc.getStreamStacksMethod(), StreamStacksRequest.getDefaultInstance())) {
        assertTrue(stacks.next().hasStack());
      }
      assertEquals(DemoData.ACME_MEMBERS, client.stream(
          OrganizationsServiceGrpc.getStreamMembersMethod(),
          StreamMembersRequest.newBuilder().setOrgName("acme-corp").build()).stream().count());
    }
  }
}
