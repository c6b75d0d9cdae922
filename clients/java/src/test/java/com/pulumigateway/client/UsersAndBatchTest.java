package com.pulumigateway.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.pulumigateway.service.v1.BatchGetStacksRequest;
import com.pulumigateway.service.v1.BatchGetStacksResponse;
import com.pulumigateway.service.v1.GetStackRequest;
import com.pulumigateway.service.v1.TokenKind;
import com.pulumigateway.service.v1.WhoAmIRequest;
import com.pulumigateway.service.v1.WhoAmIResponse;
import io.grpc.Status;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(GatewayEnvironment.Extension.class)
class UsersAndBatchTest {

  @Test
  void whoAmIWithAPersonalTokenIsJdoe(GatewayEnvironment env) {
    try (PulumiGatewayClient client = env.client(DemoData.JDOE_TOKEN)) {
      WhoAmIResponse me = client.users().whoAmI(WhoAmIRequest.getDefaultInstance());
      assertEquals(TokenKind.TOKEN_KIND_PERSONAL, me.getTokenKind());
      assertEquals("jdoe", me.getUserLogin());
    }
  }

  @Test
  void batchGetStacksReportsEachEntryByIndex(GatewayEnvironment env) {
    GetStackRequest prod = GetStackRequest.newBuilder()
        .setOrgName("acme-corp").setProjectName("payments-api").setStackName("prod").build();
    BatchGetStacksRequest request = BatchGetStacksRequest.newBuilder()
        .addStacks(prod)
        .addStacks(prod.toBuilder().setStackName("nope"))
        .build();
    Map<Integer, BatchGetStacksResponse> byIndex = new TreeMap<>();
    try (PulumiGatewayClient client = env.client(DemoData.JDOE_TOKEN)) {
      Iterator<BatchGetStacksResponse> stream = client.stacks().batchGetStacks(request);
      while (stream.hasNext()) {
        BatchGetStacksResponse entry = stream.next();
        assertFalse(byIndex.containsKey(entry.getIndex()), "index sent twice: " + entry);
        byIndex.put(entry.getIndex(), entry);
      }
    }
    assertEquals(2, byIndex.size(), byIndex.toString());
    assertEquals(BatchGetStacksResponse.ResultCase.STACK, byIndex.get(0).getResultCase());
    assertEquals("prod", byIndex.get(0).getStack().getStackName());
    assertEquals(DemoData.PROD_UPDATE_ID, byIndex.get(0).getStack().getActiveUpdate());
    assertEquals(BatchGetStacksResponse.ResultCase.ERROR, byIndex.get(1).getResultCase());
    assertEquals(Status.Code.NOT_FOUND.value(), byIndex.get(1).getError().getCode());
  }
}
