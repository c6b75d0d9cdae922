package com.pulumigateway.client.example;

import com.pulumigateway.client.GatewayException;
import com.pulumigateway.client.PulumiGatewayClient;
import com.pulumigateway.service.v1.EngineEvent;
import com.pulumigateway.service.v1.GetLatestUpdateRequest;
import com.pulumigateway.service.v1.ListStacksRequest;
import com.pulumigateway.service.v1.ListUpdateEventsRequest;
import com.pulumigateway.service.v1.StackSummary;
import com.pulumigateway.service.v1.StackUpdate;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Lists the stacks of an organization, then prints the engine events of the latest update of the
 * first stack that has one (following it while it runs).
 *
 * <pre>
 * ListStacksExample [--address=HOST:PORT] [--token=TOKEN] [--org=ORG]
 * </pre>
 *
 * <p>Defaults: {@code $PULUMI_GATEWAY_ADDRESS} or localhost:50051, {@code $PULUMI_ACCESS_TOKEN},
 * {@code $PULUMI_ORG} or acme-corp. Exit code 0 on success, 1 on a gateway error, 2 on bad usage.
 */
public final class ListStacksExample {
  // Update kinds the events route accepts (the proto's allowed_values of `kind`).
  private static final Set<String> EVENT_KINDS = Set.of("update", "preview", "refresh", "destroy");

  private ListStacksExample() {}

  public static void main(String[] args) {
    System.exit(run(args, System.getenv(), System.out, System.err));
  }

  /** The whole program, without {@code System.exit}: returns the exit code. */
  public static int run(String[] args, Map<String, String> env, PrintStream out, PrintStream err) {
    String address = env.getOrDefault("PULUMI_GATEWAY_ADDRESS", PulumiGatewayClient.DEFAULT_ADDRESS);
    String token = env.get("PULUMI_ACCESS_TOKEN");
    String org = env.getOrDefault("PULUMI_ORG", "acme-corp");
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      String name = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
      String value;
      if (arg.contains("=")) {
        value = arg.substring(arg.indexOf('=') + 1);
      } else if (i + 1 < args.length) {
        value = args[++i];
      } else {
        value = null;
      }
      switch (name) {
        case "--address" -> address = value;
        case "--token" -> token = value;
        case "--org" -> org = value;
        default -> value = null;
      }
      if (value == null) {
        err.println("usage: ListStacksExample [--address=HOST:PORT] [--token=TOKEN] [--org=ORG]");
        return 2;
      }
    }

    try (PulumiGatewayClient client =
        PulumiGatewayClient.builder().address(address).token(token).build()) {
      List<StackSummary> stacks =
          client.listStacks(ListStacksRequest.newBuilder().setOrganization(org).build()).stream()
              .collect(Collectors.toList());
      out.printf("%d stacks in %s%n", stacks.size(), org);
      for (StackSummary s : stacks) {
        out.printf("  %s/%s/%s  resources=%d  lastUpdate=%d%n",
            s.getOrgName(), s.getProjectName(), s.getStackName(), s.getResourceCount(),
            s.getLastUpdate());
      }

      for (StackSummary s : stacks) {
        Optional<StackUpdate> latest = latestUpdate(client, s);
        if (latest.isEmpty()) {
          continue;
        }
        StackUpdate u = latest.get();
        String kind = u.getInfo().getKind();
        out.printf("latest update of %s/%s/%s: version %d, %s %s, result %s%n",
            s.getOrgName(), s.getProjectName(), s.getStackName(), u.getVersion(), kind,
            u.getUpdateId(), u.getInfo().getResult());
        if (!EVENT_KINDS.contains(kind)) {
          out.printf("  (no engine events for kind %s)%n", kind);
          return 0;
        }
        ListUpdateEventsRequest request = ListUpdateEventsRequest.newBuilder()
            .setOrgName(s.getOrgName())
            .setProjectName(s.getProjectName())
            .setStackName(s.getStackName())
            .setKind(kind)
            .setUpdateId(u.getUpdateId())
            .build();
        int n = 0;
        for (EngineEvent e : client.followUpdateEvents(request)) {
          n++;
          out.printf("  event %d  t=%d  %s%n", n, e.getTimestamp(), e.getType());
        }
        out.printf("%d events%n", n);
        return 0;
      }
      out.println("no stack has an update");
      return 0;
    } catch (GatewayException e) {
      err.println("error: " + e.getMessage());
      return 1;
    }
  }

  private static Optional<StackUpdate> latestUpdate(PulumiGatewayClient client, StackSummary s) {
    try {
      return Optional.of(client.updates().getLatestUpdate(GetLatestUpdateRequest.newBuilder()
          .setOrgName(s.getOrgName())
          .setProjectName(s.getProjectName())
          .setStackName(s.getStackName())
          .build()).getUpdate());
    } catch (StatusRuntimeException e) {
      if (e.getStatus().getCode() == Status.Code.NOT_FOUND) {
        return Optional.empty(); // never updated
      }
      throw GatewayException.from(e);
    }
  }
}
