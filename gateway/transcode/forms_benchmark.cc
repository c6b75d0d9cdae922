// Per-call cost of the description's forms, printed by Google Benchmark:
//   - the request rules (required fields, allowed values) alone, and a whole request translation
//     with and without them (a route without rules pays only a null check);
//   - a top-level array answer (response_body) filled straight from the JSON text, against the
//     DOM path it replaces.
//
//   bazel run -c opt //gateway/transcode:forms_benchmark
#include <string>
#include <utility>

#include "absl/strings/str_cat.h"
#include "benchmark/benchmark.h"
#include "gateway/route/route_table.h"
#include "gateway/transcode/json_dom_fill.h"
#include "gateway/transcode/json_text_fill.h"
#include "gateway/transcode/json_to_message.h"
#include "gateway/transcode/request_translator.h"
#include "gateway/transcode/request_validator.h"
#include "nlohmann/json.hpp"
#include "testdata/forms.pb.h"

namespace pulumi_gateway {
namespace {

namespace testdata = ::pulumi_gateway::route::testdata;

const RouteTable& Table() {
  static const RouteTable* table = [] {
    absl::StatusOr<RouteTable> built =
        RouteTable::Build({testdata::OrgRequest::descriptor()->file()->service(0)});
    if (!built.ok()) std::abort();
    return new RouteTable(*std::move(built));
  }();
  return *table;
}

const Route& Get(const std::string& method) {
  const Route* route =
      Table().Find(absl::StrCat("/pulumi_gateway.route.testdata.FormsService/", method));
  if (route == nullptr) std::abort();
  return *route;
}

testdata::CreateProjectRequest Project() {
  testdata::CreateProjectRequest request;
  request.set_org("acme-corp");
  testdata::Project* project = request.mutable_project();
  project->set_name("payments");
  project->mutable_team()->set_name("platform");
  for (int i = 0; i < 10; ++i) {
    testdata::Member* member = project->mutable_team()->add_members();
    member->set_login(absl::StrCat("user", i));
    member->set_role(i % 2 == 0 ? "admin" : "member");
  }
  project->add_tags("red");
  project->add_tags("blue");
  (*project->mutable_settings())["audit"] = "on";
  project->set_priority(1);
  project->set_icon("i");
  project->mutable_tree()->set_label("root");
  return request;
}

void BM_ValidateRequest(benchmark::State& state) {
  const Route& route = Get("CreateProject");
  const testdata::CreateProjectRequest request = Project();
  for (auto _ : state) {
    benchmark::DoNotOptimize(ValidateRequest(*route.request_rules, request));
  }
}
BENCHMARK(BM_ValidateRequest);

void BM_TranslateRequestWithRules(benchmark::State& state) {
  const Route& route = Get("CreateProject");
  const testdata::CreateProjectRequest request = Project();
  for (auto _ : state) {
    HttpRequest http;
    benchmark::DoNotOptimize(TranslateRequest(route, request, &http));
  }
}
BENCHMARK(BM_TranslateRequestWithRules);

// The same route and request with its rules dropped: the difference is what the rules cost.
void BM_TranslateRequestWithoutRules(benchmark::State& state) {
  Route route = Get("CreateProject");
  route.request_rules = nullptr;
  const testdata::CreateProjectRequest request = Project();
  for (auto _ : state) {
    HttpRequest http;
    benchmark::DoNotOptimize(TranslateRequest(route, request, &http));
  }
}
BENCHMARK(BM_TranslateRequestWithoutRules);

std::string ItemsJson(int n) {
  std::string json = "[";
  for (int i = 0; i < n; ++i) {
    absl::StrAppend(&json, i == 0 ? "" : ",", R"({"name":"item-)", i,
                    R"(","kind":"file","size":12345,"labels":["a","b"],"extra":{"x":1}})");
  }
  return json + "]";
}

void BM_ArrayAnswerFromText(benchmark::State& state) {
  const std::string json = ItemsJson(static_cast<int>(state.range(0)));
  const auto* field = testdata::ItemList::descriptor()->FindFieldByName("items");
  testdata::ItemList out;
  ParseReport report;
  for (auto _ : state) {
    if (!FillFieldFromJsonText(json, field, &out, &report)) std::abort();
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * json.size()));
}
BENCHMARK(BM_ArrayAnswerFromText)->Arg(10)->Arg(1000);

void BM_ArrayAnswerFromDom(benchmark::State& state) {
  const std::string json = ItemsJson(static_cast<int>(state.range(0)));
  const auto* field = testdata::ItemList::descriptor()->FindFieldByName("items");
  testdata::ItemList out;
  ParseReport report;
  for (auto _ : state) {
    if (!JsonValueToMessageField(nlohmann::json::parse(json), field, &out, &report).ok()) {
      std::abort();
    }
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * json.size()));
}
BENCHMARK(BM_ArrayAnswerFromDom)->Arg(10)->Arg(1000);

}  // namespace
}  // namespace pulumi_gateway
