#include "emulator/seed_resources.h"

#include "absl/strings/str_format.h"

namespace emulator {
namespace {

uint64_t Fnv1a64(absl::string_view s) {
  uint64_t h = 14695981039346656037ULL;
  for (unsigned char c : s) {
    h ^= c;
    h *= 1099511628211ULL;
  }
  return h;
}

std::vector<std::string> Strings(const Json& j, const char* key) {
  return j.value(key, std::vector<std::string>());
}

}  // namespace

std::string DerivedUuid(absl::string_view key) {
  uint64_t hi = Fnv1a64(key);
  uint64_t lo = Fnv1a64(absl::StrFormat("%s#%016x", key, hi));
  hi = (hi & ~uint64_t{0xF000}) | 0x4000;
  lo = (lo & ~(uint64_t{0xC} << 60)) | (uint64_t{0x8} << 60);
  return absl::StrFormat("%08x-%04x-%04x-%04x-%012x", hi >> 32, (hi >> 16) & 0xFFFF, hi & 0xFFFF,
                         lo >> 48, lo & 0xFFFFFFFFFFFFULL);
}

void ParseTokenDetails(const Json& j, absl::string_view id_key, AccessToken& token) {
  token.id = DerivedUuid(id_key);
  if (!j.is_object()) return;
  token.id = j.value("id", token.id);
  token.description = j.value("description", std::string());
  token.created = j.value("created", int64_t{1704067200});  // 2024-01-01
  token.expires = j.value("expires", int64_t{0});
  token.last_used = j.value("lastUsed", int64_t{0});
  token.created_by = j.value("createdBy", token.login);
  token.admin = j.value("admin", true);
  token.role_id = j.value("roleID", std::string());
}

Role ParseRole(const Json& j) {
  Role r;
  r.id = j.at("id").get<std::string>();
  r.name = j.at("name").get<std::string>();
  r.description = j.value("description", std::string());
  r.resource_type = j.value("resourceType", std::string("organization"));
  r.ux_purpose = j.value("uxPurpose", std::string("role"));
  r.details = j.value("details", Json::object());
  r.created = j.value("created", std::string("2024-01-01T00:00:00Z"));
  r.modified = j.value("modified", r.created);
  r.version = j.value("version", int64_t{1});
  r.is_org_default = j.value("isOrgDefault", false);
  r.default_identifier = j.value("defaultIdentifier", std::string());
  return r;
}

Webhook ParseWebhook(const Json& j) {
  Webhook w;
  w.name = j.at("name").get<std::string>();
  w.display_name = j.value("displayName", w.name);
  w.payload_url = j.at("payloadUrl").get<std::string>();
  w.secret = j.value("secret", std::string());
  w.format = j.value("format", std::string("raw"));
  w.active = j.value("active", true);
  w.filters = Strings(j, "filters");
  w.groups = Strings(j, "groups");
  for (const Json& d : j.value("deliveries", Json::array())) w.deliveries.push_back(d);
  return w;
}

Deployment ParseDeployment(const Json& j) {
  Deployment d;
  d.id = j.at("id").get<std::string>();
  d.version = j.at("version").get<int64_t>();
  d.operation = j.value("operation", std::string("update"));
  d.status = j.value("status", std::string("succeeded"));
  d.final_status = d.status;
  d.requested_by = j.value("requestedBy", std::string());
  d.created = j.value("created", int64_t{1704067200});
  d.modified = j.value("modified", d.created);
  d.settings = j.value("settings", Json::object());
  d.update_ids = Strings(j, "updateIDs");
  d.ran = true;
  return d;
}

}  // namespace emulator
