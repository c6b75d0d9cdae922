// Per-tenant Pulumi tokens for service mode, read from a directory (a Kubernetes Secret mount:
// one file per tenant) and an optional caller → tenant map, and kept current without a restart.
//
//   TenantTokensOptions options;
//   options.tokens_dir = "/var/run/secrets/pulumi-tenants";   // files "payments", "billing", ...
//   options.map_file = "/etc/pulumi-gateway/tenant-map.json";  // {"spiffe://.../payments-api":
//   "payments"} absl::StatusOr<std::unique_ptr<TenantTokens>> tenants =
//   TenantTokens::Load(options);
//   (*tenants)->StartReloading();                               // polls every reload_interval
//   absl::StatusOr<TenantCredential> c = (*tenants)->current()->ForCaller(caller_identity);
//   // c->tenant == "payments", c->authorization == "token pul-..."
//
// Each regular file `<dir>/<tenant>` holds that tenant's token (an organization or team token);
// a trailing newline is trimmed. A file that is not a valid token, or whose name is not a valid
// tenant name, is skipped with a warning naming the file (never its content). Names starting with
// '.' are Kubernetes' own (`..data`, `..2024_...`) and are not tenants.
//
// Kubernetes updates a Secret volume by writing a new hidden directory and swapping the `..data`
// symlink to it atomically; the reader resolves `..data` once per load, so a load never mixes two
// versions. Readers call current() and keep the snapshot for the call: a reload swaps in a new
// immutable TenantSet and never blocks them. A reload that cannot read the directory or the map
// keeps the last good one and logs a warning.
#ifndef GATEWAY_AUTH_TENANT_TOKENS_H_
#define GATEWAY_AUTH_TENANT_TOKENS_H_

#include <atomic>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "absl/base/thread_annotations.h"
#include "absl/container/flat_hash_map.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/time.h"
#include "gateway/observability/logger.h"
#include "gateway/observability/metric_sink.h"

namespace pulumi_gateway {

// Tenant names: 1-253 letters, digits, '.', '_' or '-', starting with a letter or digit (the
// characters a Kubernetes Secret key may have).
bool IsValidTenantName(absl::string_view name);

// A file of the tokens directory that was not loaded, and why (never the file's content).
struct SkippedFile {
  std::string file;
  std::string reason;

  friend bool operator==(const SkippedFile& a, const SkippedFile& b) {
    return a.file == b.file && a.reason == b.reason;
  }
};

struct TenantDirectory {
  // Tenant name → token (validated, trailing whitespace trimmed).
  absl::flat_hash_map<std::string, std::string> tokens;
  // Files left out, sorted by name.
  std::vector<SkippedFile> skipped;
};

// Reads every tenant file of `dir` (through `..data` when there is one). FAILED_PRECONDITION
// naming the directory when it cannot be listed; bad files are reported in `skipped`.
absl::StatusOr<TenantDirectory> ReadTenantDirectory(const std::string& dir);

using TenantMap = absl::flat_hash_map<std::string, std::string>;

// Parses a JSON object {"<caller identity>": "<tenant>"}. INVALID_ARGUMENT for other JSON, a
// value that is not a string or not a valid tenant name, or an empty key.
absl::StatusOr<TenantMap> ParseTenantMap(absl::string_view json);

// ParseTenantMap of the file's content; FAILED_PRECONDITION when it cannot be read. Errors name
// the file.
absl::StatusOr<TenantMap> ReadTenantMapFile(const std::string& path);

// What a caller's tenant gives a call.
struct TenantCredential {
  std::string tenant;
  // The upstream Authorization value, "token <tenant's token>".
  std::string authorization;
};

// One loaded, immutable set of tenants.
class TenantSet final {
 public:
  TenantSet(const TenantDirectory& directory, std::optional<TenantMap> caller_map);

  // The tenant of `caller` (through the map, or the caller itself when there is no map) and its
  // token. PERMISSION_DENIED naming the caller (and tenant), never a token, when the caller is
  // not in the map or its tenant has no token.
  absl::StatusOr<TenantCredential> ForCaller(absl::string_view caller) const;

  size_t size() const { return authorization_.size(); }
  bool has_map() const { return caller_map_.has_value(); }

  friend bool operator==(const TenantSet& a, const TenantSet& b) {
    return a.authorization_ == b.authorization_ && a.caller_map_ == b.caller_map_;
  }
  friend bool operator!=(const TenantSet& a, const TenantSet& b) { return !(a == b); }

 private:
  friend class TenantTokens;

  // Tenant → "token <token>".
  absl::flat_hash_map<std::string, std::string> authorization_;
  std::optional<TenantMap> caller_map_;
};

struct TenantTokensOptions {
  // Directory of tenant token files. Required.
  std::string tokens_dir;
  // JSON caller → tenant map; empty (default): a caller's identity is its tenant name.
  std::string map_file;
  // How often the background thread looks for changes. Default 10s.
  absl::Duration reload_interval = absl::Seconds(10);
  // Receives warnings (skipped files, failed reloads) and a notice per change; may be null.
  Logger* logger = nullptr;
};

class TenantTokens final {
 public:
  // Reads the directory and the map once. FAILED_PRECONDITION or INVALID_ARGUMENT (naming the
  // directory or file) when either cannot be read; bad token files are skipped with a warning.
  static absl::StatusOr<std::unique_ptr<TenantTokens>> Load(TenantTokensOptions options);

  // Stops the reload thread (waits for a reload in progress).
  ~TenantTokens();
  TenantTokens(const TenantTokens&) = delete;
  TenantTokens& operator=(const TenantTokens&) = delete;

  // Starts the background thread that calls Reload() every reload_interval. Call once.
  void StartReloading();

  // Reads the directory and the map again and swaps in the result when it differs. OK when both
  // were read (bad files are skipped, not errors); otherwise the error of this attempt, and the
  // part that could not be read keeps its last good value.
  absl::Status Reload();

  // The set in use. Never null; cheap; never waits for a reload.
  std::shared_ptr<const TenantSet> current() const;

  // For metrics: tenants with a token now, reloads that changed the set, failed reloads.
  int64_t tenant_count() const { return current()->size(); }
  int64_t reloads() const { return reloads_.load(); }
  int64_t reload_failures() const { return reload_failures_.load(); }

  // pulumi_gateway_tenants, pulumi_gateway_tenant_reloads_total and
  // pulumi_gateway_tenant_reload_failures_total.
  void ExportMetrics(MetricSink& sink) const;

 private:
  TenantTokens(TenantTokensOptions options, std::shared_ptr<const TenantSet> initial);

  void WarnSkipped(const std::vector<SkippedFile>& skipped)
      ABSL_EXCLUSIVE_LOCKS_REQUIRED(reload_mu_);
  void LogChange(const TenantSet& before, const TenantSet& after);
  void ReloadLoop();

  const TenantTokensOptions options_;
  // Read with std::atomic_load, replaced with std::atomic_store.
  std::shared_ptr<const TenantSet> current_;
  std::atomic<int64_t> reloads_{0};
  std::atomic<int64_t> reload_failures_{0};

  absl::Mutex reload_mu_;
  std::vector<SkippedFile> warned_skipped_ ABSL_GUARDED_BY(reload_mu_);
  std::string warned_failure_ ABSL_GUARDED_BY(reload_mu_);

  absl::Mutex thread_mu_;
  bool stopping_ ABSL_GUARDED_BY(thread_mu_) = false;
  std::thread thread_;
};

}  // namespace pulumi_gateway

#endif  // GATEWAY_AUTH_TENANT_TOKENS_H_
