#include "gateway/route/service_registry.h"

#include <algorithm>

#include "absl/synchronization/mutex.h"
#include "google/protobuf/descriptor_database.h"

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

std::vector<const google::protobuf::ServiceDescriptor*> LinkedServices(absl::string_view package) {
  // The generated pool builds a file only when asked for it by name; the database behind it
  // knows every file whose generated code registered itself.
  std::vector<std::string> files;
  google::protobuf::DescriptorPool::internal_generated_database()->FindAllFileNames(&files);
  const google::protobuf::DescriptorPool* pool = google::protobuf::DescriptorPool::generated_pool();
  std::vector<const google::protobuf::ServiceDescriptor*> services;
  for (const std::string& name : files) {
    const google::protobuf::FileDescriptor* file = pool->FindFileByName(name);
    if (file == nullptr || file->package() != package) continue;
    for (int i = 0; i < file->service_count(); ++i) services.push_back(file->service(i));
  }
  std::sort(services.begin(), services.end(),
            [](const auto* a, const auto* b) { return a->full_name() < b->full_name(); });
  return services;
}

}  // namespace pulumi_gateway
