#include "emulator/conformance.h"

#include <vector>

#include "absl/base/call_once.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "emulator/schema_example.h"

namespace emulator {
namespace {

// The answers, built on first use: most operations are never called in a given run.
class Answers final {
 public:
  explicit Answers(std::shared_ptr<const ApiDescription> api)
      : api_(std::move(api)), slots_(api_->operations().size()) {}

  const Reply& Get(size_t index) {
    Slot& slot = slots_[index];
    absl::call_once(slot.once,
                    [&] { slot.reply = ExampleReply(*api_, api_->operations()[index]); });
    return slot.reply;
  }

 private:
  struct Slot {
    absl::once_flag once;
    Reply reply;
  };
  std::shared_ptr<const ApiDescription> api_;
  std::vector<Slot> slots_;
};

}  // namespace

void AddConformanceRoutes(Router& router, std::shared_ptr<const ApiDescription> api) {
  auto answers = std::make_shared<Answers>(api);
  const std::vector<ApiOperation>& ops = api->operations();
  for (size_t i = 0; i < ops.size(); ++i) {
    router.Add(
        ops[i].method, ops[i].path, [answers, i](const RouteRequest&) { return answers->Get(i); },
        RouteOptions{Validation::kEnforce, /*conformance=*/true});
  }
}

std::set<std::string> StatefulOperations(const Router& router, const ApiDescription& api) {
  std::set<std::string> out;
  for (const ApiOperation& op : api.operations()) {
    std::vector<std::string> segments = absl::StrSplit(op.path, '/');
    for (std::string& s : segments) {
      if (!s.empty() && s.front() == '{') s = "x";
    }
    std::optional<Router::Match> m = router.Find(op.method, absl::StrJoin(segments, "/"));
    if (m.has_value() && !m->options.conformance) out.insert(op.operation_id);
  }
  return out;
}

}  // namespace emulator
