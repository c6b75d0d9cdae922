// Store: stack tags (add, replace all, update one, delete one).
#include <set>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "emulator/params.h"
#include "emulator/store.h"

namespace emulator {
namespace {

// Set by the CLI; the single-tag routes may not touch them.
const std::set<std::string>& BuiltinTags() {
  static const auto* tags = new std::set<std::string>{"pulumi:project",
                                                      "pulumi:runtime",
                                                      "pulumi:description",
                                                      "pulumi:template",
                                                      "pulumi:secrets_provider",
                                                      "vcs:owner",
                                                      "vcs:repo",
                                                      "vcs:kind",
                                                      "vcs:root",
                                                      "gitHub:owner",
                                                      "gitHub:repo"};
  return *tags;
}

absl::Status ValidateTag(absl::string_view name, absl::string_view value) {
  bool ok = !name.empty() && name.size() <= 40 && value.size() <= 256;
  for (char c : name) {
    if (!absl::ascii_isalnum(c) && c != '-' && c != '_' && c != '.' && c != ':') ok = false;
  }
  if (ok) return absl::OkStatus();
  return absl::InvalidArgumentError(absl::StrCat("Bad Request: invalid tag name '", name, "'"));
}

absl::Status RejectBuiltin(absl::string_view name) {
  if (!BuiltinTags().count(std::string(name))) return absl::OkStatus();
  return absl::InvalidArgumentError(
      absl::StrCat("Bad Request: '", name, "' is a built-in tag and cannot be modified."));
}

// The {name, value} body of the single-tag routes; `value` must be present (may be empty).
absl::StatusOr<std::pair<std::string, std::string>> TagBody(const Json& body, bool name_required) {
  absl::StatusOr<std::optional<std::string>> name = OptionalString(body, "name");
  if (!name.ok()) return name.status();
  absl::StatusOr<std::optional<std::string>> value = OptionalString(body, "value");
  if (!value.ok()) return value.status();
  if (name_required && name->value_or("").empty()) {
    return absl::InvalidArgumentError("Bad Request: 'name' is required");
  }
  if (!value->has_value()) return absl::InvalidArgumentError("Bad Request: 'value' is required");
  return std::make_pair(name->value_or(""), **value);
}

std::string TagLabel(const StackRef& ref) { return absl::StrCat(ref.project, "/", ref.stack); }

}  // namespace

absl::Status Store::AddStackTag(const Caller& caller, const StackRef& ref, const Json& body) {
  absl::MutexLock lock(&mu_);
  absl::StatusOr<Stack*> stack = FindStack(caller, ref);
  if (!stack.ok()) return stack.status();
  absl::StatusOr<std::pair<std::string, std::string>> tag = TagBody(body, true);
  if (!tag.ok()) return tag.status();
  const auto& [name, value] = *tag;
  for (absl::Status s : {ValidateTag(name, value), RejectBuiltin(name)}) {
    if (!s.ok()) return s;
  }
  if ((*stack)->tags.count(name)) {
    return absl::InvalidArgumentError(
        absl::StrCat("Bad Request: Tag '", name, "' already exists."));
  }
  (*stack)->tags[name] = value;
  Audit(state_.orgs.at(ref.org), caller, "stack.tag.add",
        absl::StrCat("Added tag \"", name, "\" to stack \"", TagLabel(ref), "\""), false);
  return absl::OkStatus();
}

absl::Status Store::ReplaceStackTags(const Caller& caller, const StackRef& ref, const Json& body) {
  absl::MutexLock lock(&mu_);
  absl::StatusOr<Stack*> stack = FindStack(caller, ref);
  if (!stack.ok()) return stack.status();
  std::map<std::string, std::string> tags;
  for (const auto& [name, value] : body.items()) {
    if (!value.is_string()) {
      return absl::InvalidArgumentError("Bad Request: tags must map names to strings");
    }
    absl::Status valid = ValidateTag(name, value.get<std::string>());
    if (!valid.ok()) return valid;
    tags[name] = value.get<std::string>();
  }
  auto project = tags.find("pulumi:project");
  if (project != tags.end() && project->second != ref.project) {
    return absl::InvalidArgumentError("Bad Request: cannot change the project tag.");
  }
  tags["pulumi:project"] = ref.project;
  (*stack)->tags = std::move(tags);
  Audit(state_.orgs.at(ref.org), caller, "stack.tags.update",
        absl::StrCat("Replaced the tags of stack \"", TagLabel(ref), "\""), false);
  return absl::OkStatus();
}

absl::Status Store::UpdateStackTag(const Caller& caller, const StackRef& ref,
                                   const std::string& tag, const Json& body) {
  absl::MutexLock lock(&mu_);
  absl::StatusOr<Stack*> stack = FindStack(caller, ref);
  if (!stack.ok()) return stack.status();
  absl::StatusOr<std::pair<std::string, std::string>> update = TagBody(body, false);
  if (!update.ok()) return update.status();
  std::string name = update->first.empty() ? tag : update->first;
  for (absl::Status s :
       {RejectBuiltin(tag), RejectBuiltin(name), ValidateTag(name, update->second)}) {
    if (!s.ok()) return s;
  }
  auto& tags = (*stack)->tags;
  if (!tags.count(tag)) {
    return absl::NotFoundError(absl::StrCat("Not Found: Tag '", tag, "' not found."));
  }
  if (name != tag && tags.count(name)) {
    return absl::InvalidArgumentError(
        absl::StrCat("Bad Request: Tag '", name, "' already exists."));
  }
  tags.erase(tag);
  tags[name] = update->second;
  Audit(state_.orgs.at(ref.org), caller, "stack.tag.update",
        absl::StrCat("Updated tag \"", tag, "\" of stack \"", TagLabel(ref), "\""), false);
  return absl::OkStatus();
}

absl::Status Store::DeleteStackTag(const Caller& caller, const StackRef& ref,
                                   const std::string& tag) {
  absl::MutexLock lock(&mu_);
  absl::StatusOr<Stack*> stack = FindStack(caller, ref);
  if (!stack.ok()) return stack.status();
  absl::Status builtin = RejectBuiltin(tag);
  if (!builtin.ok()) return builtin;
  if (!(*stack)->tags.erase(tag)) {
    return absl::NotFoundError(absl::StrCat("Not Found: Tag '", tag, "' not found."));
  }
  Audit(state_.orgs.at(ref.org), caller, "stack.tag.delete",
        absl::StrCat("Deleted tag \"", tag, "\" from stack \"", TagLabel(ref), "\""), false);
  return absl::OkStatus();
}

}  // namespace emulator
