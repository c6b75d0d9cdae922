// Wire shapes of access tokens, custom roles and webhooks (declared in wire.h).
#include "emulator/wire.h"

namespace emulator {
namespace {

const char* TokenType(TokenKind kind) {
  switch (kind) {
    case TokenKind::kPersonal:
      return "personal";
    case TokenKind::kOrganization:
      return "organization";
    case TokenKind::kTeam:
      return "team";
  }
  return "personal";
}

}  // namespace

Json AccessTokenJson(const Org* org, const AccessToken& token) {
  Json out = {{"id", token.id},
              {"name", token.name},
              {"description", token.description},
              {"created", FormatRfc3339(token.created)},
              {"lastUsed", token.last_used},
              {"expires", token.expires},
              {"admin", token.kind == TokenKind::kOrganization && token.admin},
              {"createdBy", token.created_by},
              {"type", TokenType(token.kind)}};
  if (org != nullptr && !token.role_id.empty()) {
    auto role = org->roles.find(token.role_id);
    if (role != org->roles.end()) {
      out["role"] = {
          {"id", role->second.id},
          {"name", role->second.name},
          {"defaultIdentifier",
           role->second.default_identifier.empty() ? "member" : role->second.default_identifier}};
    }
  }
  return out;
}

Json RoleJson(const Org& org, const Role& role) {
  Json out = {{"id", role.id},
              {"orgId", org.name},
              {"name", role.name},
              {"description", role.description},
              {"resourceType", role.resource_type},
              {"uxPurpose", role.ux_purpose},
              {"details", role.details},
              {"created", role.created},
              {"modified", role.modified},
              {"version", role.version},
              {"isOrgDefault", role.is_org_default}};
  if (!role.default_identifier.empty()) out["defaultIdentifier"] = role.default_identifier;
  return out;
}

Json WebhookJson(const Webhook& hook, const std::string& org, const std::string& project,
                 const std::string& stack) {
  Json out = {{"organizationName", org},
              {"name", hook.name},
              {"displayName", hook.display_name},
              {"payloadUrl", hook.payload_url},
              {"active", hook.active},
              {"format", hook.format},
              {"filters", hook.filters},
              {"groups", hook.groups},
              {"hasSecret", !hook.secret.empty()},
              // Opaque and derived from nothing: the emulator does not encrypt.
              {"secretCiphertext", hook.secret.empty() ? "" : "v1:emulated-ciphertext"}};
  if (!project.empty()) {
    out["projectName"] = project;
    out["stackName"] = stack;
  }
  return out;
}

}  // namespace emulator
