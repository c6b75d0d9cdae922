// Fuzzes request translation for every route: the first byte picks the route, the rest is parsed
// as that route's request message. A translated request always starts with the route's literal
// prefix, has no raw control characters in its URL, and a body that is valid JSON.
#include <cstdint>
#include <cstdlib>
#include <memory>
#include <string>

#include "absl/strings/match.h"
#include "gateway/route/route_table.h"
#include "gateway/transcode/request_translator.h"
#include "google/protobuf/descriptor.h"
#include "google/protobuf/message.h"
#include "nlohmann/json.hpp"
#include "pulumi/service/v1/organizations.pb.h"
#include "pulumi/service/v1/stacks.pb.h"
#include "pulumi/service/v1/updates.pb.h"

namespace {

const pulumi_gateway::RouteTable& Routes() {
  static const auto* table = [] {
    const auto* pool = google::protobuf::DescriptorPool::generated_pool();
    auto built = pulumi_gateway::RouteTable::Build(
        {pool->FindServiceByName("pulumi.service.v1.StacksService"),
         pool->FindServiceByName("pulumi.service.v1.StackUpdatesService"),
         pool->FindServiceByName("pulumi.service.v1.OrganizationsService")});
    if (!built.ok()) std::abort();
    return new pulumi_gateway::RouteTable(*std::move(built));
  }();
  return *table;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size < 1) return 0;
  const auto& routes = Routes().routes();
  const pulumi_gateway::Route& route = *routes[data[0] % routes.size()];
  std::unique_ptr<google::protobuf::Message> request(
      google::protobuf::MessageFactory::generated_factory()
          ->GetPrototype(route.method->input_type())
          ->New());
  if (!request->ParseFromArray(data + 1, static_cast<int>(size - 1))) return 0;
  pulumi_gateway::HttpRequest http;
  if (!pulumi_gateway::TranslateRequest(route, *request, &http).ok()) return 0;
  const std::string& pattern = route.path.pattern();
  const std::string prefix = pattern.substr(0, pattern.find('{'));
  if (!absl::StartsWith(http.path, prefix)) std::abort();
  for (char c : http.path) {
    const unsigned char byte = static_cast<unsigned char>(c);
    if (byte < 0x20 || byte >= 0x7F || c == '#') std::abort();
  }
  if (http.has_body && nlohmann::json::parse(http.body, nullptr, false).is_discarded()) {
    std::abort();
  }
  return 0;
}
