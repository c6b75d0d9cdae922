#include "gateway/auth/tenant_tokens.h"

#include <dirent.h>
#include <pthread.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <utility>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "gateway/auth/caller_identity.h"
#include "gateway/auth/token.h"
#include "nlohmann/json.hpp"

namespace pulumi_gateway {
namespace {

// A token file holds one token and a newline; anything much larger is not a token file.
constexpr off_t kMaxTokenFileBytes = kMaxTokenLength + 64;
constexpr off_t kMaxMapFileBytes = 1 << 20;

std::string ErrnoText(int error) { return std::strerror(error); }

// The target of `<dir>/..data`, or nullopt when there is no such symlink.
std::optional<std::string> DataLink(const std::string& dir) {
  char target[4096];
  const ssize_t size = readlink(absl::StrCat(dir, "/..data").c_str(), target, sizeof(target));
  if (size <= 0 || size == static_cast<ssize_t>(sizeof(target))) return std::nullopt;
  return std::string(target, static_cast<size_t>(size));
}

absl::StatusOr<std::string> ReadSmallFile(const std::string& path, off_t max_bytes) {
  struct stat info;
  if (stat(path.c_str(), &info) != 0) return absl::NotFoundError(ErrnoText(errno));
  if (!S_ISREG(info.st_mode)) return absl::FailedPreconditionError("not a regular file");
  if (info.st_size > max_bytes) {
    return absl::FailedPreconditionError(absl::StrCat("larger than ", max_bytes, " bytes"));
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) return absl::PermissionDeniedError(ErrnoText(errno));
  std::string content(static_cast<size_t>(max_bytes) + 1, '\0');
  in.read(content.data(), static_cast<std::streamsize>(content.size()));
  if (in.bad()) return absl::DataLossError("read error");
  content.resize(static_cast<size_t>(in.gcount()));
  if (content.size() > static_cast<size_t>(max_bytes)) {
    return absl::FailedPreconditionError(absl::StrCat("larger than ", max_bytes, " bytes"));
  }
  return content;
}

// Reads the tenant files in `base` (the directory itself or the target of its `..data`); `shown`
// is the directory as configured, used in messages.
absl::StatusOr<TenantDirectory> ReadFiles(const std::string& base, const std::string& shown) {
  std::vector<std::string> names;
  {
    std::unique_ptr<DIR, int (*)(DIR*)> listing(opendir(base.c_str()), &closedir);
    if (listing == nullptr) {
      return absl::FailedPreconditionError(
          absl::StrCat("cannot read the tenant tokens directory ", shown, ": ", ErrnoText(errno)));
    }
    errno = 0;
    while (const dirent* entry = readdir(listing.get())) names.emplace_back(entry->d_name);
    if (errno != 0) {
      return absl::FailedPreconditionError(
          absl::StrCat("cannot read the tenant tokens directory ", shown, ": ", ErrnoText(errno)));
    }
  }
  std::sort(names.begin(), names.end());
  TenantDirectory directory;
  for (const std::string& name : names) {
    if (name.empty() || name.front() == '.') continue;
    const std::string file = absl::StrCat(shown, "/", name);
    if (!IsValidTenantName(name)) {
      directory.skipped.push_back(
          {file, "the name is not a tenant name (letters, digits, '.', '_', '-')"});
      continue;
    }
    absl::StatusOr<std::string> content =
        ReadSmallFile(absl::StrCat(base, "/", name), kMaxTokenFileBytes);
    if (!content.ok()) {
      directory.skipped.push_back(
          {file, absl::StrCat("cannot read: ", content.status().message())});
      continue;
    }
    absl::string_view token = absl::StripTrailingAsciiWhitespace(*content);
    if (absl::Status valid = ValidateToken(token); !valid.ok()) {
      directory.skipped.push_back({file, std::string(valid.message())});
      continue;
    }
    directory.tokens.emplace(name, std::string(token));
  }
  return directory;
}

// Tenant → the upstream Authorization value of its token.
absl::flat_hash_map<std::string, std::string> AuthorizationHeaders(
    const TenantDirectory& directory) {
  absl::flat_hash_map<std::string, std::string> headers;
  for (const auto& [tenant, token] : directory.tokens) {
    headers.emplace(tenant, absl::StrCat("token ", token));
  }
  return headers;
}

}  // namespace

bool IsValidTenantName(absl::string_view name) {
  if (name.empty() || name.size() > 253 ||
      !absl::ascii_isalnum(static_cast<unsigned char>(name[0]))) {
    return false;
  }
  for (char c : name) {
    if (!absl::ascii_isalnum(static_cast<unsigned char>(c)) && c != '.' && c != '_' && c != '-') {
      return false;
    }
  }
  return true;
}

absl::StatusOr<TenantDirectory> ReadTenantDirectory(const std::string& dir) {
  for (int attempt = 1;; ++attempt) {
    const std::optional<std::string> data = DataLink(dir);
    std::string base = dir;
    if (data.has_value()) base = data->front() == '/' ? *data : absl::StrCat(dir, "/", *data);
    absl::StatusOr<TenantDirectory> read = ReadFiles(base, dir);
    // When Kubernetes swapped `..data` during the read (and may have deleted the directory that
    // was read), read the new version instead of returning a mix or a spurious error.
    if (attempt == 3 || DataLink(dir) == data) return read;
  }
}

absl::StatusOr<TenantMap> ParseTenantMap(absl::string_view json) {
  nlohmann::json parsed;
  try {
    parsed = nlohmann::json::parse(json.begin(), json.end());
  } catch (const nlohmann::json::exception& e) {
    return absl::InvalidArgumentError(absl::StrCat("not valid JSON (", e.what(), ")"));
  }
  if (!parsed.is_object()) {
    return absl::InvalidArgumentError(
        "expected a JSON object {\"<caller identity>\": \"<tenant>\", ...}");
  }
  TenantMap map;
  for (const auto& [caller, tenant] : parsed.items()) {
    if (caller.empty() || caller.size() > kMaxCallerIdentityLength) {
      return absl::InvalidArgumentError(absl::StrCat("a caller identity is empty or longer than ",
                                                     kMaxCallerIdentityLength, " characters"));
    }
    if (!tenant.is_string() || !IsValidTenantName(tenant.get<std::string>())) {
      return absl::InvalidArgumentError(
          absl::StrCat("the tenant of caller \"", caller,
                       "\" must be a tenant name (letters, digits, '.', '_', '-')"));
    }
    map.emplace(caller, tenant.get<std::string>());
  }
  return map;
}

absl::StatusOr<TenantMap> ReadTenantMapFile(const std::string& path) {
  absl::StatusOr<std::string> content = ReadSmallFile(path, kMaxMapFileBytes);
  if (!content.ok()) {
    return absl::FailedPreconditionError(
        absl::StrCat("cannot read the tenant map ", path, ": ", content.status().message()));
  }
  absl::StatusOr<TenantMap> map = ParseTenantMap(*content);
  if (!map.ok()) {
    return absl::InvalidArgumentError(
        absl::StrCat("the tenant map ", path, ": ", map.status().message()));
  }
  return map;
}

TenantSet::TenantSet(const TenantDirectory& directory, std::optional<TenantMap> caller_map)
    : authorization_(AuthorizationHeaders(directory)), caller_map_(std::move(caller_map)) {}

absl::StatusOr<TenantCredential> TenantSet::ForCaller(absl::string_view caller) const {
  absl::string_view tenant = caller;
  if (caller_map_.has_value()) {
    auto it = caller_map_->find(caller);
    if (it == caller_map_->end()) {
      return absl::PermissionDeniedError(
          absl::StrCat("caller \"", caller, "\" is not mapped to a tenant (--tenant_map)"));
    }
    tenant = it->second;
  }
  auto it = authorization_.find(tenant);
  if (it == authorization_.end()) {
    return absl::PermissionDeniedError(
        caller_map_.has_value()
            ? absl::StrCat("caller \"", caller, "\" belongs to tenant \"", tenant,
                           "\", which has no token (--tenant_tokens_dir)")
            : absl::StrCat("caller \"", caller,
                           "\" is not a tenant with a token (--tenant_tokens_dir)"));
  }
  return TenantCredential{std::string(tenant), it->second};
}

absl::StatusOr<std::unique_ptr<TenantTokens>> TenantTokens::Load(TenantTokensOptions options) {
  absl::StatusOr<TenantDirectory> directory = ReadTenantDirectory(options.tokens_dir);
  if (!directory.ok()) return directory.status();
  std::optional<TenantMap> map;
  if (!options.map_file.empty()) {
    absl::StatusOr<TenantMap> read = ReadTenantMapFile(options.map_file);
    if (!read.ok()) return read.status();
    map = *std::move(read);
  }
  auto initial = std::make_shared<const TenantSet>(*directory, std::move(map));
  std::unique_ptr<TenantTokens> tenants(new TenantTokens(std::move(options), std::move(initial)));
  {
    absl::MutexLock lock(&tenants->reload_mu_);
    tenants->WarnSkipped(directory->skipped);
  }
  return tenants;
}

TenantTokens::TenantTokens(TenantTokensOptions options, std::shared_ptr<const TenantSet> initial)
    : options_(std::move(options)), current_(std::move(initial)) {}

TenantTokens::~TenantTokens() {
  {
    absl::MutexLock lock(&thread_mu_);
    stopping_ = true;
  }
  if (thread_.joinable()) thread_.join();
}

void TenantTokens::ExportMetrics(MetricSink& sink) const {
  sink.AddGauge("pulumi_gateway_tenants", "Tenants with a valid token (--tenant_tokens_dir).",
                [this] { return static_cast<double>(tenant_count()); });
  sink.AddCounter("pulumi_gateway_tenant_reloads_total",
                  "Reloads of --tenant_tokens_dir/--tenant_map that changed the tenants in use.",
                  [this] { return static_cast<double>(reloads()); });
  sink.AddCounter("pulumi_gateway_tenant_reload_failures_total",
                  "Reloads that could not read --tenant_tokens_dir or --tenant_map (the last good "
                  "set stays in use).",
                  [this] { return static_cast<double>(reload_failures()); });
}

void TenantTokens::StartReloading() {
  thread_ = std::thread([this] { ReloadLoop(); });
  pthread_setname_np(thread_.native_handle(), "token-reload");
}

void TenantTokens::ReloadLoop() {
  absl::MutexLock lock(&thread_mu_);
  while (!thread_mu_.AwaitWithTimeout(absl::Condition(&stopping_), options_.reload_interval)) {
    thread_mu_.Unlock();
    Reload().IgnoreError();  // counted and logged by Reload
    thread_mu_.Lock();
  }
}

std::shared_ptr<const TenantSet> TenantTokens::current() const {
  return std::atomic_load(&current_);
}

absl::Status TenantTokens::Reload() {
  absl::MutexLock lock(&reload_mu_);
  const std::shared_ptr<const TenantSet> before = current();
  auto next = std::make_shared<TenantSet>(*before);
  absl::Status status;
  absl::StatusOr<TenantDirectory> directory = ReadTenantDirectory(options_.tokens_dir);
  if (directory.ok()) {
    next->authorization_ = AuthorizationHeaders(*directory);
    WarnSkipped(directory->skipped);
  } else {
    status = directory.status();
  }
  if (!options_.map_file.empty()) {
    absl::StatusOr<TenantMap> map = ReadTenantMapFile(options_.map_file);
    if (map.ok()) {
      next->caller_map_ = *std::move(map);
    } else if (status.ok()) {
      status = map.status();
    }
  }
  if (!status.ok()) {
    ++reload_failures_;
    // One warning per distinct problem, not one per poll.
    if (options_.logger != nullptr && warned_failure_ != status.message()) {
      options_.logger->Log(LogLevel::kWarning, "tenant reload failed; keeping the last good set",
                           {{"error", std::string(status.message())}});
    }
    warned_failure_ = std::string(status.message());
  } else {
    warned_failure_.clear();
  }
  if (*next != *before) {
    std::atomic_store(&current_, std::shared_ptr<const TenantSet>(next));
    ++reloads_;
    LogChange(*before, *next);
  }
  return status;
}

void TenantTokens::WarnSkipped(const std::vector<SkippedFile>& skipped) {
  if (options_.logger != nullptr) {
    for (const SkippedFile& file : skipped) {
      if (std::find(warned_skipped_.begin(), warned_skipped_.end(), file) !=
          warned_skipped_.end()) {
        continue;
      }
      options_.logger->Log(LogLevel::kWarning, "tenant token file skipped",
                           {{"file", file.file}, {"reason", file.reason}});
    }
  }
  warned_skipped_ = skipped;
}

void TenantTokens::LogChange(const TenantSet& before, const TenantSet& after) {
  if (options_.logger == nullptr || !options_.logger->Enabled(LogLevel::kInfo)) return;
  std::vector<std::string> added, removed, changed;
  for (const auto& [tenant, authorization] : after.authorization_) {
    auto it = before.authorization_.find(tenant);
    if (it == before.authorization_.end()) {
      added.push_back(tenant);
    } else if (it->second != authorization) {
      changed.push_back(tenant);
    }
  }
  for (const auto& [tenant, authorization] : before.authorization_) {
    if (!after.authorization_.contains(tenant)) removed.push_back(tenant);
  }
  for (auto* names : {&added, &removed, &changed}) std::sort(names->begin(), names->end());
  options_.logger->Log(LogLevel::kInfo, "tenant tokens reloaded",
                       {{"tenants", after.size()},
                        {"added", added},
                        {"removed", removed},
                        {"token_changed", changed},
                        {"map_changed", before.caller_map_ != after.caller_map_}});
}

}  // namespace pulumi_gateway
