package com.pulumigateway.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.pulumigateway.service.v1.GetLatestUpdateRequest;
import com.pulumigateway.service.v1.GetStackRequest;
import com.pulumigateway.service.v1.ListStacksRequest;
import com.pulumigateway.service.v1.Stack;
import com.pulumigateway.service.v1.StackSummary;
import com.pulumigateway.service.v1.StackUpdate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(GatewayEnvironment.Extension.class)
class StacksTest {

  @Test
  void pagerListsAllStacksAcrossPagesWithoutDuplicates(GatewayEnvironment env) {
    env.admin().delete("/requests");
    List<StackSummary> stacks = new ArrayList<>();
    try (PulumiGatewayClient client = env.client(DemoData.JDOE_TOKEN)) {
      for (StackSummary s : client.listStacks(ListStacksRequest.getDefaultInstance())) {
        stacks.add(s);
      }
    }
    assertEquals(DemoData.ALL_STACKS_OF_JDOE, stacks.size());
    Set<String> names = stacks.stream()
        .map(s -> s.getOrgName() + "/" + s.getProjectName() + "/" + s.getStackName())
        .collect(Collectors.toSet());
    assertEquals(DemoData.ALL_STACKS_OF_JDOE, names.size(), "duplicates in " + names);
    assertTrue(names.contains("acme-corp/payments-api/prod"), names.toString());
    assertTrue(names.contains("globex/inventory/dev"), names.toString());
    // 14 stacks at the upstream's page size of 10: exactly two upstream calls.
    assertEquals(2, env.admin().requestCount("GET", "/api/user/stacks"));
  }

  @Test
  void pagerIsLazyReIterableAndKeepsFilters(GatewayEnvironment env) {
    try (PulumiGatewayClient client = env.client(DemoData.JDOE_TOKEN)) {
      Pager<StackSummary> acme =
          client.listStacks(ListStacksRequest.newBuilder().setOrganization("acme-corp").build());
      List<String> first = acme.stream().map(StackSummary::getStackName).collect(
          Collectors.toList());
      List<String> second = acme.stream().map(StackSummary::getStackName).collect(
          Collectors.toList());
      assertEquals(DemoData.ACME_STACKS, first.size());
      assertEquals(first, second);
      assertTrue(acme.stream().allMatch(s -> s.getOrgName().equals("acme-corp")));

      // A small page size forces many pages; the filter must be sent with every one.
      Set<String> ids = new HashSet<>();
      client.listStacks(ListStacksRequest.newBuilder()
              .setOrganization("acme-corp").setMaxResults(5).build())
          .forEach(s -> ids.add(s.getId()));
      assertEquals(DemoData.ACME_STACKS, ids.size());
    }
  }

  @Test
  void getStackReturnsTheStackFields(GatewayEnvironment env) {
    try (PulumiGatewayClient client = env.client(DemoData.JDOE_TOKEN)) {
      Stack stack = client.stacks().getStack(GetStackRequest.newBuilder()
          .setOrgName("acme-corp").setProjectName("payments-api").setStackName("prod").build())
          .getStack();
      assertEquals("acme-corp", stack.getOrgName());
      assertEquals("payments-api", stack.getProjectName());
      assertEquals("prod", stack.getStackName());
      assertEquals(DemoData.PROD_VERSION, stack.getVersion());
      assertEquals(DemoData.PROD_UPDATE_ID, stack.getActiveUpdate());
      assertEquals("payments-api", stack.getTagsOrThrow("pulumi:project"));
      assertEquals("prod", stack.getTagsOrThrow("env"));
      assertEquals("payments-api/prod", stack.getConfig().getEnvironment());
      assertTrue(!stack.hasCurrentOperation(), "prod is idle");
    }
  }

  @Test
  void getLatestUpdateReturnsTheServiceShape(GatewayEnvironment env) {
    try (PulumiGatewayClient client = env.client(DemoData.JDOE_TOKEN)) {
      StackUpdate update = client.updates().getLatestUpdate(GetLatestUpdateRequest.newBuilder()
          .setOrgName("acme-corp").setProjectName("payments-api").setStackName("prod").build())
          .getUpdate();
      assertEquals(DemoData.PROD_UPDATE_ID, update.getUpdateId());
      assertEquals(DemoData.PROD_VERSION, update.getVersion());
      assertEquals("update", update.getInfo().getKind());
      assertEquals("succeeded", update.getInfo().getResult());
      assertEquals("jdoe", update.getRequestedBy().getGithubLogin());
    }
  }
}
