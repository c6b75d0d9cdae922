package com.pulumigateway.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.pulumigateway.service.v1.AuditLogEvent;
import com.pulumigateway.service.v1.ListAuditLogEventsRequest;
import com.pulumigateway.service.v1.ListAuditLogEventsV2Request;
import com.pulumigateway.service.v1.ListMembersRequest;
import com.pulumigateway.service.v1.OrganizationMember;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(GatewayEnvironment.Extension.class)
class OrganizationsTest {
  @BeforeEach
  void seedState(GatewayEnvironment env) {
    // Other tests may mutate the emulator; these counts are those of the seed.
    env.admin().reset();
  }

  @Test
  void membersPagerReadsBothPages(GatewayEnvironment env) {
    try (PulumiGatewayClient client = env.client(DemoData.JDOE_TOKEN)) {
      List<OrganizationMember> members = client
          .listMembers(ListMembersRequest.newBuilder().setOrgName("acme-corp").build())
          .stream().collect(Collectors.toList());
      Set<String> logins = members.stream().map(m -> m.getUser().getGithubLogin())
          .collect(Collectors.toSet());
      assertEquals(DemoData.ACME_MEMBERS, members.size());
      assertEquals(DemoData.ACME_MEMBERS, logins.size(), "duplicates in " + logins);
      assertTrue(logins.containsAll(Set.of("jdoe", "rkumar", "asmith")), logins.toString());
      // Five members a page upstream: two calls.
      assertEquals(2, env.admin().requestCount("GET", "/api/orgs/acme-corp/members"));
    }
  }

  @Test
  void auditLogPagersReturnEverySeededEventNewestFirst(GatewayEnvironment env) {
    try (PulumiGatewayClient client = env.client(DemoData.JDOE_TOKEN)) {
      List<AuditLogEvent> v2 = client.listAuditLogEventsV2(
              ListAuditLogEventsV2Request.newBuilder().setOrgName("acme-corp").build())
          .stream().collect(Collectors.toList());
      assertEquals(DemoData.ACME_AUDIT_EVENTS, v2.size());
      for (int i = 1; i < v2.size(); i++) {
        assertTrue(v2.get(i - 1).getTimestamp() >= v2.get(i).getTimestamp(), "order at " + i);
      }
      // V1 needs an upper bound (or a token): far in the future returns the same events.
      List<AuditLogEvent> v1 = client.listAuditLogEvents(ListAuditLogEventsRequest.newBuilder()
              .setOrgName("acme-corp").setStartTime(4_102_444_800L).build())
          .stream().collect(Collectors.toList());
      assertEquals(v2, v1);
    }
  }
}
