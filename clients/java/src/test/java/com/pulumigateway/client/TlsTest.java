package com.pulumigateway.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.pulumigateway.service.v1.ListStacksRequest;
import io.grpc.Status;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** A second gateway that requires mutual TLS, with throwaway certificates made by openssl. */
@ExtendWith(GatewayEnvironment.Extension.class)
class TlsTest {
  @TempDir static Path certs;
  private static ServerProcess tlsGateway;

  @BeforeAll
  static void startTlsGateway(GatewayEnvironment env) throws IOException, InterruptedException {
    Path script = GatewayEnvironment.repoRoot().resolve("tests/support/gen_certs.sh");
    Process gen = new ProcessBuilder("bash", script.toString(), certs.toString())
        .redirectErrorStream(true).start();
    boolean finished = gen.waitFor(60, TimeUnit.SECONDS);
    String output = new String(gen.getInputStream().readAllBytes());
    if (!finished || gen.exitValue() != 0) {
      gen.destroyForcibly();
      throw new IllegalStateException("gen_certs.sh failed (is openssl installed?): " + output);
    }
    tlsGateway = env.startExtraGateway(List.of(
        "--tls_cert_file=" + certs.resolve("server.pem"),
        "--tls_key_file=" + certs.resolve("server.key"),
        "--tls_client_ca_file=" + certs.resolve("ca.pem")));
  }

  @AfterAll
  static void stopTlsGateway() {
    if (tlsGateway != null) {
      tlsGateway.close();
    }
  }

  @Test
  void mutualTlsClientLists(GatewayEnvironment env) {
    assertEquals(true, Files.isRegularFile(certs.resolve("client.key")));
    try (PulumiGatewayClient client = PulumiGatewayClient.builder()
        .address(tlsGateway.address())
        .token(DemoData.JDOE_TOKEN)
        .caFile(certs.resolve("ca.pem"))
        .clientCert(certs.resolve("client.pem"), certs.resolve("client.key"))
        .build()) {
      assertEquals(DemoData.ALL_STACKS_OF_JDOE,
          client.listStacks(ListStacksRequest.getDefaultInstance()).stream().count());
    }
  }

  @Test
  void clientWithoutCertificateIsRefused() {
    try (PulumiGatewayClient client = PulumiGatewayClient.builder()
        .address(tlsGateway.address())
        .token(DemoData.JDOE_TOKEN)
        .caFile(certs.resolve("ca.pem"))
        .build()) {
      GatewayException e = assertThrows(GatewayException.class,
          () -> client.listStacks(ListStacksRequest.getDefaultInstance()).iterator().hasNext());
      assertEquals(Status.Code.UNAVAILABLE, e.code());
    }
  }

  @Test
  void plaintextClientIsRefused() {
    try (PulumiGatewayClient client = PulumiGatewayClient.builder()
        .address(tlsGateway.address())
        .token(DemoData.JDOE_TOKEN)
        .build()) {
      GatewayException e = assertThrows(GatewayException.class,
          () -> client.listStacks(ListStacksRequest.getDefaultInstance()).iterator().hasNext());
      assertEquals(Status.Code.UNAVAILABLE, e.code());
    }
  }
}
