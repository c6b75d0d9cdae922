#include "gateway/route/linked_services.h"

#include <algorithm>
#include <string>

#include "google/protobuf/descriptor_database.h"

namespace pulumi_gateway {

using google::protobuf::DescriptorPool;
using google::protobuf::FileDescriptor;
using google::protobuf::ServiceDescriptor;

std::vector<const ServiceDescriptor*> LinkedServices(absl::string_view package) {
  // The files the generated code of this binary registered (each .pb.cc registers its own).
  std::vector<std::string> files;
  DescriptorPool::internal_generated_database()->FindAllFileNames(&files);
  std::vector<const ServiceDescriptor*> services;
  for (const std::string& name : files) {
    const FileDescriptor* file = DescriptorPool::generated_pool()->FindFileByName(name);
    if (file == nullptr || file->package() != package) continue;
    for (int i = 0; i < file->service_count(); ++i) services.push_back(file->service(i));
  }
  std::sort(services.begin(), services.end(),
            [](const ServiceDescriptor* a, const ServiceDescriptor* b) {
              return a->full_name() < b->full_name();
            });
  return services;
}

}  // namespace pulumi_gateway
