#include "gateway/route/service_registry.h"

#include <algorithm>

#include "absl/synchronization/mutex.h"

namespace pulumi_gateway {
namespace {

struct Registry {
  absl::Mutex mu;
  std::vector<std::string> names ABSL_GUARDED_BY(mu);
};

// Constructed on first use (registrations run during static initialisation, in any order) and
// never destroyed.
Registry& TheRegistry() {
  static Registry* registry = new Registry;
  return *registry;
}

}  // namespace

bool RegisterService(absl::string_view full_name) {
  Registry& registry = TheRegistry();
  absl::MutexLock lock(&registry.mu);
  if (std::find(registry.names.begin(), registry.names.end(), full_name) == registry.names.end()) {
    registry.names.emplace_back(full_name);
  }
  return true;
}

std::vector<std::string> RegisteredServices() {
  Registry& registry = TheRegistry();
  absl::MutexLock lock(&registry.mu);
  return registry.names;
}

}  // namespace pulumi_gateway
