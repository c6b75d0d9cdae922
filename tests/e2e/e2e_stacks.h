// Demo-data names and request helpers shared by the stack and update suites.
//
//   auto events = ForUpdate<v1::ListUpdateEventsRequest>(kProd, "update", kV42Id);
//   ExpectSameEvents(followed, AllEventsAtOnce(jdoe, kProd, kV42Id));
#ifndef TESTS_E2E_E2E_STACKS_H_
#define TESTS_E2E_E2E_STACKS_H_

#include <cstdint>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "gmock/gmock.h"
#include "google/protobuf/util/message_differencer.h"
#include "gtest/gtest.h"
#include "tests/e2e/e2e_call.h"

namespace pulumi_gateway::e2e {

// Stacks and updates of the demo seed (emulator/README.md "Demo data").
inline const StackRef kProd{"acme-corp", "payments-api", "prod"};
inline const StackRef kStaging{"acme-corp", "payments-api", "staging"};
inline const StackRef kPaymentsDev{"acme-corp", "payments-api", "dev"};
inline const StackRef kEmptyDev{"acme-corp", "data-pipeline", "dev"};     // no updates
inline const StackRef kDestroyedDev{"acme-corp", "auth-service", "dev"};  // 0 resources left
inline const StackRef kMissing{"acme-corp", "payments-api", "no-such-stack"};
inline constexpr char kV42Id[] = "3b9e4f1a-6c2d-4e8f-a0b1-c2d3e4f5a6b7";
inline constexpr char kV41Id[] = "d53d4417-ab7f-5ba7-ba61-68cab7760df0";
inline constexpr char kStagingV19Id[] = "a1f0c9e8-d7b6-4a5c-8e3d-2f1a0b9c8d7e";  // running

inline v1::ListStacksRequest TagQuery(const std::string& name, const std::string& value) {
  v1::ListStacksRequest request;
  request.set_tag_name(name);
  request.set_tag_value(value);
  return request;
}

// "org/project/stack" of every stack ListStacks returns for `request`, all pages.
inline std::vector<std::string> StackNames(Caller& caller, v1::ListStacksRequest request) {
  std::vector<std::string> names;
  absl::Status status =
      caller.client().ForEachStack(std::move(request), [&](const v1::StackSummary& s) {
        names.push_back(s.org_name() + "/" + s.project_name() + "/" + s.stack_name());
        return true;
      });
  EXPECT_TRUE(status.ok()) << status;
  return names;
}

inline v1::ExportStackAtVersionRequest AtVersion(const StackRef& ref, int64_t version) {
  auto request = ForStack<v1::ExportStackAtVersionRequest>(ref);
  request.set_version(version);
  return request;
}

inline v1::GetUpdateRequest UpdateVersion(const StackRef& ref, int64_t version) {
  auto request = ForStack<v1::GetUpdateRequest>(ref);
  request.set_version(version);
  return request;
}

// A request of an RPC naming one update by kind and UUID.
template <typename Request>
Request ForUpdate(const StackRef& ref, const std::string& kind, const std::string& update_id) {
  auto request = ForStack<Request>(ref);
  request.set_kind(kind);
  request.set_update_id(update_id);
  return request;
}

// Number of resources in an exported deployment; -1 without a resource list.
inline int ResourcesIn(const google::protobuf::Struct& deployment) {
  auto it = deployment.fields().find("resources");
  if (it == deployment.fields().end()) return -1;
  return it->second.list_value().values_size();
}

inline std::vector<std::string> Types(const std::vector<v1::EngineEvent>& events) {
  std::vector<std::string> types;
  for (const v1::EngineEvent& e : events) types.push_back(e.type());
  return types;
}

// Every engine event of a finished update in one call (pages hold up to 100 events).
inline std::vector<v1::EngineEvent> AllEventsAtOnce(Caller& caller, const StackRef& ref,
                                                    const std::string& update_id) {
  Result<v1::ListUpdateEventsResponse> got = caller(
      &Updates::ListUpdateEvents, ForUpdate<v1::ListUpdateEventsRequest>(ref, "update", update_id));
  EXPECT_THAT(got.status, IsOk());
  EXPECT_EQ(got.response.continuation_token(), "") << "the update should have finished";
  return {got.response.events().begin(), got.response.events().end()};
}

// `followed` holds exactly the events of `all`, each once, in the same order.
inline void ExpectSameEvents(const std::vector<v1::EngineEvent>& followed,
                             const std::vector<v1::EngineEvent>& all) {
  ASSERT_EQ(followed.size(), all.size()) << "every event exactly once";
  for (size_t i = 0; i < all.size(); ++i) {
    EXPECT_TRUE(google::protobuf::util::MessageDifferencer::Equals(followed[i], all[i]))
        << "event " << i << " differs:\n"
        << followed[i].DebugString() << "vs\n"
        << all[i].DebugString();
  }
}

}  // namespace pulumi_gateway::e2e

#endif  // TESTS_E2E_E2E_STACKS_H_
