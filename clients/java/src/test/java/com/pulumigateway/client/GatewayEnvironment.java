package com.pulumigateway.client;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * The real system under test: the emulator (demo data) and the gateway in front of it, both on
 * ephemeral 127.0.0.1 ports, started once per test run and stopped (SIGTERM) when it ends.
 *
 * <p>Use it as a JUnit extension and take it as a parameter:
 *
 * <pre>{@code
 * @ExtendWith(GatewayEnvironment.Extension.class)
 * class MyTest {
 *   @Test void t(GatewayEnvironment env) { try (var c = env.client(DemoData.JDOE_TOKEN)) {...} }
 * }
 * }</pre>
 *
 * <p>Binaries: {@code $PULUMI_GATEWAY_BIN} and {@code $PULUMI_EMULATOR_BIN}, by default
 * {@code <repo>/bazel-bin/gateway/pulumi_gateway} and {@code <repo>/bazel-bin/emulator/
 * pulumi_emulator}.
 */
final class GatewayEnvironment implements AutoCloseable {
  static final Duration START_TIMEOUT = Duration.ofSeconds(20);

  private final ServerProcess emulator;
  private final ServerProcess gateway;
  private final EmulatorAdmin admin;

  private GatewayEnvironment() {
    Path emulatorBin = binary("PULUMI_EMULATOR_BIN", "bazel-bin/emulator/pulumi_emulator");
    Path gatewayBin = binary("PULUMI_GATEWAY_BIN", "bazel-bin/gateway/pulumi_gateway");
    emulator = ServerProcess.start(
        "emulator", List.of(emulatorBin.toString(), "--listen=127.0.0.1:0"), START_TIMEOUT);
    try {
      gateway = startGateway(gatewayBin, emulator.address(), List.of());
    } catch (RuntimeException e) {
      emulator.close();
      throw e;
    }
    admin = new EmulatorAdmin(emulator.address());
  }

  /** The gateway's {@code HOST:PORT}. */
  String gatewayAddress() {
    return gateway.address();
  }

  /** The emulator's {@code HOST:PORT}. */
  String emulatorAddress() {
    return emulator.address();
  }

  EmulatorAdmin admin() {
    return admin;
  }

  /** A plaintext client of the gateway with this token (null: none) and default options. */
  PulumiGatewayClient client(String token) {
    return PulumiGatewayClient.builder().address(gatewayAddress()).token(token).build();
  }

  /** Starts another gateway in front of this emulator with extra flags (e.g. TLS). */
  ServerProcess startExtraGateway(List<String> extraFlags) {
    return startGateway(
        binary("PULUMI_GATEWAY_BIN", "bazel-bin/gateway/pulumi_gateway"), emulator.address(),
        extraFlags);
  }

  /** The repository root: {@code pulumigateway.repoRoot} (set by the pom), else ../.. */
  static Path repoRoot() {
    String configured = System.getProperty("pulumigateway.repoRoot");
    Path root = configured != null ? Path.of(configured) : Path.of("..", "..");
    return root.toAbsolutePath().normalize();
  }

  private static ServerProcess startGateway(Path bin, String upstream, List<String> extraFlags) {
    List<String> command = new ArrayList<>(List.of(
        bin.toString(),
        "--listen=127.0.0.1:0",
        "--metrics_listen=",
        "--log_level=warning",
        "--upstream=http://" + upstream));
    command.addAll(extraFlags);
    return ServerProcess.start("gateway", command, START_TIMEOUT);
  }

  private static Path binary(String envVar, String defaultRelative) {
    String fromEnv = System.getenv(envVar);
    Path path = fromEnv != null && !fromEnv.isEmpty()
        ? Path.of(fromEnv)
        : repoRoot().resolve(defaultRelative);
    if (!Files.isRegularFile(path) || !Files.isExecutable(path)) {
      throw new IllegalStateException(
          "missing executable " + path + ": build it first (bazel build //gateway:pulumi_gateway"
              + " //emulator:pulumi_emulator from the repository root) or set " + envVar);
    }
    return path;
  }

  @Override
  public void close() {
    gateway.signalStop();
    emulator.signalStop();
    gateway.close();
    emulator.close();
  }

  /**
   * Starts the environment on first use and keeps it in the root store, so every test class of
   * the run shares one; JUnit closes it at the end of the run.
   */
  static final class Extension implements ParameterResolver {
    private static final ExtensionContext.Namespace NAMESPACE =
        ExtensionContext.Namespace.create(GatewayEnvironment.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
      return parameter.getParameter().getType() == GatewayEnvironment.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
      return context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent(
          GatewayEnvironment.class, k -> new GatewayEnvironment(), GatewayEnvironment.class);
    }
  }
}
