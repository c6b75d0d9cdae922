package com.pulumigateway.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.pulumigateway.service.v1.EngineEvent;
import com.pulumigateway.service.v1.GetLatestUpdateRequest;
import com.pulumigateway.service.v1.ListUpdateEventsRequest;
import com.pulumigateway.service.v1.ListUpdateEventsResponse;
import com.pulumigateway.service.v1.StackUpdate;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(GatewayEnvironment.Extension.class)
class UpdateEventsTest {
  private static ListUpdateEventsRequest events(String project, String stack, String updateId) {
    return ListUpdateEventsRequest.newBuilder()
        .setOrgName("acme-corp").setProjectName(project).setStackName(stack)
        .setKind("update").setUpdateId(updateId).build();
  }

  @Test
  void finishedUpdateYieldsItsNineEventsInOrder(GatewayEnvironment env) {
    try (PulumiGatewayClient client = env.client(DemoData.JDOE_TOKEN)) {
      ListUpdateEventsRequest request = events("payments-api", "prod", DemoData.PROD_UPDATE_ID);
      // The finished update's single page ends with an empty token: nothing to follow.
      ListUpdateEventsResponse page = client.updates().listUpdateEvents(request);
      assertEquals("", page.getContinuationToken());

      List<EngineEvent> followed = client.followUpdateEvents(request, Duration.ofMillis(50))
          .stream().collect(Collectors.toList());
      assertEquals(9, followed.size());
      assertEquals(page.getEventsList(), followed);
      assertEquals("preludeEvent", followed.get(0).getType());
      assertEquals(EngineEvent.PayloadCase.PRELUDE_EVENT, followed.get(0).getPayloadCase());
      assertEquals("summaryEvent", followed.get(7).getType());
      for (int i = 1; i < followed.size(); i++) {
        assertTrue(followed.get(i - 1).getTimestamp() <= followed.get(i).getTimestamp(),
            "events out of order at " + i);
      }
    }
  }

  @Test
  void runningUpdateIsFollowedUntilItFinishes(GatewayEnvironment env) {
    // A fresh running update: 5 events, one every 400 ms, then it succeeds.
    env.admin().post("/live-updates", "{\"org\":\"acme-corp\",\"project\":\"platform-network\","
        + "\"stack\":\"shared\",\"kind\":\"update\",\"intervalMs\":400,\"eventCount\":5}");
    env.admin().delete("/requests");
    try (PulumiGatewayClient client = env.client(DemoData.JDOE_TOKEN)) {
      StackUpdate running = client.updates().getLatestUpdate(GetLatestUpdateRequest.newBuilder()
          .setOrgName("acme-corp").setProjectName("platform-network").setStackName("shared")
          .build()).getUpdate();
      assertEquals("in-progress", running.getInfo().getResult());

      List<String> types = client
          .followUpdateEvents(events("platform-network", "shared", running.getUpdateId()),
              Duration.ofMillis(50))
          .stream().map(EngineEvent::getType).collect(Collectors.toList());

      assertEquals(List.of("preludeEvent", "resourcePreEvent", "diagnosticEvent",
          "resOutputsEvent", "summaryEvent"), types);
      // It had to poll: more event requests than the one a finished update needs.
      int polls = env.admin().requestCount("GET", "/api/stacks/acme-corp/platform-network/"
          + "shared/update/" + running.getUpdateId() + "/events");
      assertTrue(polls > 1, "polls: " + polls);
    }
  }
}
