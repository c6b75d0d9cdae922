// Fuzzes request translation for every route of every served service. Input: the RPC's name, a
// newline, then the bytes parsed as its request message (`CreateStack\n<bytes>`); a first line
// that names no route picks one by its hash, so every input reaches a route and seeds keep their
// route as the API grows. A translated request always starts with the route's literal prefix,
// has no raw control characters in its URL, and a body that is valid JSON of the route's shape:
// an array for a list body field, an object for a map, a message or `*`.
#include <cstdint>
#include <cstdlib>
#include <memory>
#include <string>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/match.h"
#include "absl/strings/string_view.h"
#include "gateway/route/linked_services.h"
#include "gateway/route/route_table.h"
#include "gateway/transcode/request_translator.h"
#include "google/protobuf/descriptor.h"
#include "google/protobuf/message.h"
#include "nlohmann/json.hpp"

namespace {

struct Routes {
  pulumi_gateway::RouteTable table;
  absl::flat_hash_map<std::string, const pulumi_gateway::Route*> by_name;
};

const Routes& AllRoutes() {
  static const Routes* routes = [] {
    auto built =
        pulumi_gateway::RouteTable::Build(pulumi_gateway::LinkedServices("pulumi.service.v1"));
    if (!built.ok() || built->routes().empty()) std::abort();
    auto* out = new Routes{*std::move(built), {}};
    for (const auto& route : out->table.routes()) out->by_name[route->method->name()] = route.get();
    return out;
  }();
  return *routes;
}

// FNV-1a: the same route for the same name on every run.
uint64_t Hash(absl::string_view text) {
  uint64_t hash = 1469598103934665603ull;
  for (unsigned char c : text) hash = (hash ^ c) * 1099511628211ull;
  return hash;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const absl::string_view input(reinterpret_cast<const char*>(data), size);
  const size_t newline = input.find('\n');
  if (newline == absl::string_view::npos) return 0;
  const absl::string_view name = input.substr(0, newline);
  const absl::string_view bytes = input.substr(newline + 1);
  const Routes& routes = AllRoutes();
  auto named = routes.by_name.find(name);
  const pulumi_gateway::Route& route =
      named != routes.by_name.end()
          ? *named->second
          : *routes.table.routes()[Hash(name) % routes.table.routes().size()];

  std::unique_ptr<google::protobuf::Message> request(
      google::protobuf::MessageFactory::generated_factory()
          ->GetPrototype(route.method->input_type())
          ->New());
  if (!request->ParseFromArray(bytes.data(), static_cast<int>(bytes.size()))) return 0;
  pulumi_gateway::HttpRequest http;
  if (!pulumi_gateway::TranslateRequest(route, *request, &http).ok()) return 0;
  const std::string& pattern = route.path.pattern();
  const std::string prefix = pattern.substr(0, pattern.find('{'));
  if (!absl::StartsWith(http.path, prefix)) std::abort();
  for (char c : http.path) {
    const unsigned char byte = static_cast<unsigned char>(c);
    if (byte < 0x20 || byte >= 0x7F || c == '#') std::abort();
  }
  if (http.method != route.http_method) std::abort();
  if (!http.has_body) return 0;
  const nlohmann::json body = nlohmann::json::parse(http.body, nullptr, false);
  if (body.is_discarded()) std::abort();
  const google::protobuf::FieldDescriptor* field = route.body_field;
  if (field != nullptr && route.body_values.empty()) {
    if (field->is_map() && !body.is_object()) std::abort();
    if (field->is_repeated() && !field->is_map() && !body.is_array()) std::abort();
  } else if (!body.is_object()) {
    std::abort();
  }
  return 0;
}
