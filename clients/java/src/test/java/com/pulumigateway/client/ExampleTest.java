package com.pulumigateway.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.pulumigateway.client.example.ListStacksExample;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(GatewayEnvironment.Extension.class)
class ExampleTest {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(Map<String, String> env, String... args) {
    return ListStacksExample.run(args, env,
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  @Test
  void printsTheStacksAndTheEventsOfTheFirstUpdatedStack(GatewayEnvironment env) {
    int code = run(Map.of("PULUMI_ACCESS_TOKEN", DemoData.JDOE_TOKEN),
        "--address", env.gatewayAddress(), "--org=acme-corp");
    String text = out.toString(StandardCharsets.UTF_8);
    assertEquals(0, code, text + err.toString(StandardCharsets.UTF_8));
    assertTrue(text.startsWith("12 stacks in acme-corp\n"), text);
    assertTrue(text.contains("  acme-corp/payments-api/prod  resources=6"), text);
    assertTrue(text.contains("  acme-corp/web-frontend/staging  "), text);
    // The first stack in name order with an update is auth-service/dev (v2, a destroy).
    assertTrue(text.contains("latest update of acme-corp/auth-service/dev: version 2, destroy"),
        text);
    assertTrue(text.contains("  event 1  t=") && text.contains("preludeEvent"), text);
    assertTrue(text.endsWith("4 events\n"), text);
  }

  @Test
  void reportsGatewayErrorsWithExitCodeOne(GatewayEnvironment env) {
    int code = run(Map.of(), "--address=" + env.gatewayAddress());
    assertEquals(1, code);
    assertTrue(err.toString(StandardCharsets.UTF_8).startsWith("error: UNAUTHENTICATED"),
        err.toString(StandardCharsets.UTF_8));
  }

  @Test
  void rejectsUnknownFlags() {
    assertEquals(2, run(Map.of(), "--bogus=1"));
    assertTrue(err.toString(StandardCharsets.UTF_8).startsWith("usage: "));
  }
}
