// The benchmark's "HTTP client" floor: the upstream half of what a gateway call must do at the
// least, with nothing of the gateway. One thread drives `--concurrency` keep-alive HTTP/1.1
// transfers through libcurl's multi interface, sends the headers the gateway sends, and parses
// every answer body with nlohmann/json (the parse a gateway cannot skip). It measures its own CPU
// (getrusage) and each request's latency, and prints one JSON line on stdout:
//
//   curl_floor --url=http://127.0.0.1:PORT/api/user/stacks --concurrency=64 --duration=10s
//   {"requests":N,"errors":0,"duration_us":...,"cpu_us":...,"p50_us":...,"p90_us":...,"p99_us":...}
//
// `floor = echo CPU + curl_floor CPU` per call is what the gateway is measured against: a bare gRPC
// server answering the same payload plus a bare HTTP client fetching and parsing it.
#include <curl/curl.h>
#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include "absl/flags/flag.h"
#include "absl/flags/parse.h"
#include "absl/flags/usage.h"
#include "absl/strings/str_cat.h"
#include "absl/time/time.h"
#include "nlohmann/json.hpp"

ABSL_FLAG(std::string, url, "", "URL to fetch (http://, keep-alive). Required.");
ABSL_FLAG(int, concurrency, 1, "Transfers in flight at once, each on its own connection.");
ABSL_FLAG(absl::Duration, duration, absl::Seconds(5), "Measured time; ignored with --requests.");
ABSL_FLAG(int64_t, requests, 0, "Measured requests; 0: run for --duration.");
ABSL_FLAG(int64_t, warm, 300, "Unmeasured requests first (connections, allocator).");

namespace pulumi_gateway::bench {
namespace {

using Clock = std::chrono::steady_clock;

// One transfer slot: its easy handle, reused for every request (so its connection is too).
struct Slot {
  CURL* easy = nullptr;
  std::string body;
  Clock::time_point started;
};

size_t OnBody(char* data, size_t size, size_t count, void* slot) {
  static_cast<Slot*>(slot)->body.append(data, size * count);
  return size * count;
}

int64_t CpuMicros() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  auto micros = [](const timeval& tv) { return int64_t{tv.tv_sec} * 1000000 + tv.tv_usec; };
  return micros(usage.ru_utime) + micros(usage.ru_stime);
}

int Run() {
  const std::string url = absl::GetFlag(FLAGS_url);
  const int concurrency = std::max(1, absl::GetFlag(FLAGS_concurrency));
  if (url.empty()) {
    std::cerr << "curl_floor: --url is required\n";
    return 2;
  }
  curl_global_init(CURL_GLOBAL_DEFAULT);
  CURLM* multi = curl_multi_init();
  curl_multi_setopt(multi, CURLMOPT_MAX_HOST_CONNECTIONS, static_cast<long>(concurrency));
  curl_slist* headers = nullptr;
  headers = curl_slist_append(headers, "Authorization: token pul-bench");
  headers = curl_slist_append(headers, "Accept: application/vnd.pulumi+8");
  std::vector<Slot> slots(concurrency);
  for (Slot& slot : slots) {
    slot.easy = curl_easy_init();
    curl_easy_setopt(slot.easy, CURLOPT_URL, url.c_str());
    curl_easy_setopt(slot.easy, CURLOPT_HTTPHEADER, headers);
    curl_easy_setopt(slot.easy, CURLOPT_WRITEFUNCTION, &OnBody);
    curl_easy_setopt(slot.easy, CURLOPT_WRITEDATA, &slot);
    curl_easy_setopt(slot.easy, CURLOPT_PRIVATE, &slot);
    curl_easy_setopt(slot.easy, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(slot.easy, CURLOPT_TCP_NODELAY, 1L);
    // No proxy, said once, as the gateway says it: otherwise libcurl reads the environment's
    // proxy variables for every request, which the gateway does not.
    curl_easy_setopt(slot.easy, CURLOPT_NOPROXY, "*");
  }

  int64_t warm_left = absl::GetFlag(FLAGS_warm);
  const int64_t wanted = absl::GetFlag(FLAGS_requests);
  const Clock::duration duration = absl::ToChronoNanoseconds(absl::GetFlag(FLAGS_duration));
  std::vector<int64_t> latencies_us;
  latencies_us.reserve(1 << 20);
  int64_t done = 0, errors = 0;
  bool measuring = false;
  bool stop_starting = false;
  Clock::time_point measure_start;
  int64_t cpu_start = 0;
  int in_flight = 0;

  auto start = [&](Slot& slot) {
    slot.body.clear();
    slot.started = Clock::now();
    curl_multi_add_handle(multi, slot.easy);
    ++in_flight;
  };
  // Measures from a clean start: every slot idle, its connection open.
  auto start_measuring = [&] {
    measuring = true;
    measure_start = Clock::now();
    cpu_start = CpuMicros();
    for (Slot& slot : slots) start(slot);
  };
  if (warm_left > 0) {
    for (Slot& slot : slots) start(slot);
  } else {
    start_measuring();
  }

  while (in_flight > 0) {
    int running = 0;
    curl_multi_perform(multi, &running);
    int queued = 0;
    while (CURLMsg* msg = curl_multi_info_read(multi, &queued)) {
      if (msg->msg != CURLMSG_DONE) continue;
      Slot* slot = nullptr;
      curl_easy_getinfo(msg->easy_handle, CURLINFO_PRIVATE, &slot);
      long status = 0;
      curl_easy_getinfo(msg->easy_handle, CURLINFO_RESPONSE_CODE, &status);
      const bool ok = msg->data.result == CURLE_OK && status == 200;
      curl_multi_remove_handle(multi, msg->easy_handle);
      --in_flight;
      // The parse a gateway cannot skip: the whole body into a document.
      nlohmann::json doc = nlohmann::json::parse(slot->body, nullptr, /*allow_exceptions=*/false);
      const bool good = ok && !doc.is_discarded();
      const Clock::time_point now = Clock::now();
      if (!good) ++errors;
      if (!measuring) {
        if (--warm_left > 0) {
          start(*slot);
        } else if (in_flight == 0) {
          start_measuring();
        }
        continue;
      }
      ++done;
      latencies_us.push_back(
          std::chrono::duration_cast<std::chrono::microseconds>(now - slot->started).count());
      if (wanted > 0 ? done + in_flight >= wanted : now - measure_start >= duration) {
        stop_starting = true;
      }
      if (!stop_starting) start(*slot);
    }
    if (in_flight > 0) curl_multi_poll(multi, nullptr, 0, 1000, nullptr);
  }
  const int64_t cpu_us = CpuMicros() - cpu_start;
  const int64_t wall_us =
      std::chrono::duration_cast<std::chrono::microseconds>(Clock::now() - measure_start).count();
  std::sort(latencies_us.begin(), latencies_us.end());
  auto percentile = [&](double p) -> int64_t {
    if (latencies_us.empty()) return 0;
    size_t index = static_cast<size_t>(p / 100.0 * static_cast<double>(latencies_us.size() - 1));
    return latencies_us[index];
  };
  std::cout << absl::StrCat("{\"requests\":", done, ",\"errors\":", errors,
                            ",\"duration_us\":", wall_us, ",\"cpu_us\":", cpu_us,
                            ",\"p50_us\":", percentile(50), ",\"p90_us\":", percentile(90),
                            ",\"p99_us\":", percentile(99), "}")
            << std::endl;
  for (Slot& slot : slots) curl_easy_cleanup(slot.easy);
  curl_slist_free_all(headers);
  curl_multi_cleanup(multi);
  curl_global_cleanup();
  return errors == 0 && done > 0 ? 0 : 1;
}

}  // namespace
}  // namespace pulumi_gateway::bench

int main(int argc, char** argv) {
  absl::SetProgramUsageMessage("libcurl-only HTTP client floor for the gateway benchmark");
  absl::ParseCommandLine(argc, argv);
  return pulumi_gateway::bench::Run();
}
