// The C++ client's example: lists the stacks of an organization, then follows the engine events
// of the latest update of the first stack that has one (WatchUpdateEvents streams them, live if
// the update is still running).
//
//   bazel run //clients/cpp:example -- --address=localhost:50051 --org=acme-corp
//   (token from --token or PULUMI_ACCESS_TOKEN)
#include <cstdlib>
#include <iostream>
#include <string>

#include "absl/flags/flag.h"
#include "absl/flags/parse.h"
#include "clients/cpp/pulumi_client.h"

ABSL_FLAG(std::string, address, "localhost:50051", "Gateway address host:port.");
ABSL_FLAG(std::string, token, "", "Pulumi access token; empty: PULUMI_ACCESS_TOKEN.");
ABSL_FLAG(std::string, org, "acme-corp", "Organization whose stacks to list.");

namespace v1 = ::pulumi::service::v1;

int main(int argc, char** argv) {
  absl::ParseCommandLine(argc, argv);
  pulumi_client::ClientOptions options;
  options.address = absl::GetFlag(FLAGS_address);
  options.token = absl::GetFlag(FLAGS_token);
  if (options.token.empty() && std::getenv("PULUMI_ACCESS_TOKEN") != nullptr) {
    options.token = std::getenv("PULUMI_ACCESS_TOKEN");
  }
  auto client = pulumi_client::PulumiClient::Connect(options);
  if (!client.ok()) {
    std::cerr << client.status() << std::endl;
    return 2;
  }

  v1::ListStacksRequest list;
  list.set_organization(absl::GetFlag(FLAGS_org));
  std::vector<v1::StackSummary> stacks;
  absl::Status listed = (*client)->ForEachStack(list, [&](const v1::StackSummary& stack) {
    std::cout << "stack " << stack.org_name() << "/" << stack.project_name() << "/"
              << stack.stack_name() << "\n";
    stacks.push_back(stack);
    return true;
  });
  if (!listed.ok()) {
    std::cerr << "ListStacks: " << listed << std::endl;
    return 1;
  }

  for (const v1::StackSummary& stack : stacks) {
    v1::GetLatestUpdateRequest latest;
    latest.set_org_name(stack.org_name());
    latest.set_project_name(stack.project_name());
    latest.set_stack_name(stack.stack_name());
    v1::GetLatestUpdateResponse update;
    grpc::Status status =
        (*client)->updates().GetLatestUpdate((*client)->NewContext().get(), latest, &update);
    if (status.error_code() == grpc::StatusCode::NOT_FOUND) continue;  // never updated
    if (!status.ok()) {
      std::cerr << "GetLatestUpdate: " << pulumi_client::ToStatus(status) << std::endl;
      return 1;
    }
    std::cout << "latest update of " << stack.stack_name() << ": version "
              << update.update().version() << " (" << update.update().info().result() << ")\n";

    v1::WatchUpdateEventsRequest watch;
    watch.set_org_name(stack.org_name());
    watch.set_project_name(stack.project_name());
    watch.set_stack_name(stack.stack_name());
    watch.set_kind(update.update().info().kind());
    watch.set_update_id(update.update().update_id());
    auto context = (*client)->NewContext();
    auto reader = (*client)->updates().WatchUpdateEvents(context.get(), watch);
    v1::WatchUpdateEventsResponse event;
    int count = 0;
    while (reader->Read(&event)) {
      ++count;
      std::cout << "  event " << event.event().timestamp() << " " << event.event().type() << "\n";
    }
    status = reader->Finish();
    if (!status.ok()) {
      std::cerr << "WatchUpdateEvents: " << pulumi_client::ToStatus(status) << std::endl;
      return 1;
    }
    std::cout << count << " events" << std::endl;
    return 0;
  }
  std::cout << "no stack of " << absl::GetFlag(FLAGS_org) << " has an update" << std::endl;
  return 0;
}
