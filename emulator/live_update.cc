#include "emulator/live_update.h"

#include <algorithm>
#include <string>

#include "absl/strings/str_cat.h"

namespace emulator {
namespace {

constexpr absl::string_view kPetType = "random:index/randomPet:RandomPet";

std::string PetUrn(absl::string_view project, absl::string_view stack, int n) {
  return absl::StrCat("urn:pulumi:", stack, "::", project, "::", kPetType, "::pet-", n);
}

Json StepMetadata(absl::string_view project, absl::string_view stack, int n, bool done) {
  std::string urn = PetUrn(project, stack, n);
  Json state = {
      {"type", kPetType},
      {"urn", urn},
      {"custom", true},
      {"id", done ? absl::StrCat("pet-", n, "-brave-otter") : ""},
      {"parent", absl::StrCat("urn:pulumi:", stack, "::", project,
                              "::pulumi:pulumi:Stack::", project, "-", stack)},
      {"inputs", {{"length", 2}}},
      {"outputs", done ? Json{{"id", absl::StrCat("pet-", n, "-brave-otter")}} : Json::object()},
      {"provider", ""}};
  return {{"op", "create"}, {"urn", urn},   {"type", kPetType},
          {"old", nullptr}, {"new", state}, {"detailedDiff", nullptr},
          {"provider", ""}};
}

// The i-th synthetic event of an update with `total` events.
Json SyntheticEvent(absl::string_view project, absl::string_view stack, const UpdateRecord& u,
                    int i, int total) {
  if (i == total - 1) {
    int created = std::max(0, total - 2) / 3;
    return {{"type", "summaryEvent"},
            {"summaryEvent",
             {{"maybeCorrupt", false},
              {"durationSeconds", absl::ToInt64Seconds(u.live.interval * total)},
              {"resourceChanges", {{"create", created}}},
              {"PolicyPacks", Json::object()},
              {"isPreview", u.kind == "preview"},
              {"result", u.live.final_status}}}};
  }
  if (i == 0) return {{"type", "preludeEvent"}, {"preludeEvent", {{"config", Json::object()}}}};
  int step = i - 1;
  int n = step / 3;
  switch (step % 3) {
    case 0:
      return {{"type", "resourcePreEvent"},
              {"resourcePreEvent",
               {{"metadata", StepMetadata(project, stack, n, false)}, {"planning", false}}}};
    case 1:
      return {{"type", "diagnosticEvent"},
              {"diagnosticEvent",
               {{"urn", PetUrn(project, stack, n)},
                {"prefix", ""},
                {"message", absl::StrCat("creating pet-", n, "\n")},
                {"color", "raw"},
                {"severity", "info"},
                {"streamID", 0},
                {"ephemeral", false}}}};
    default:
      return {{"type", "resOutputsEvent"},
              {"resOutputsEvent",
               {{"metadata", StepMetadata(project, stack, n, true)}, {"planning", false}}}};
  }
}

}  // namespace

void AdvanceLive(absl::string_view project, absl::string_view stack, UpdateRecord& update,
                 absl::Time now) {
  LiveSpec& live = update.live;
  if (!live.active) return;
  int64_t due = live.total_events;
  if (live.interval > absl::ZeroDuration()) {
    due = std::min<int64_t>(due, (now - live.start) / live.interval);
  }
  while (live.emitted < due) {
    int i = live.emitted;
    Json event = i < static_cast<int>(live.scripted_events.size())
                     ? live.scripted_events[i]
                     : SyntheticEvent(project, stack, update, i, live.total_events);
    event["timestamp"] = absl::ToUnixSeconds(live.start + live.interval * (i + 1));
    update.legacy_events.push_back(
        {{"index", std::to_string(update.legacy_events.size())},
         {"kind", "stdout"},
         {"fields", {{"text", absl::StrCat(event.value("type", ""), "\n")}, {"color", "raw"}}}});
    update.events.push_back(std::move(event));
    ++live.emitted;
  }
  if (live.emitted >= live.total_events) {
    live.active = false;
    update.status = live.final_status;
    update.info["endTime"] = absl::ToUnixSeconds(live.start + live.interval * live.total_events);
  }
}

void CancelUpdate(UpdateRecord& update, absl::Time now) {
  update.live.active = false;
  update.status = "cancelled";
  update.info["endTime"] = absl::ToUnixSeconds(now);
  update.events.push_back({{"timestamp", absl::ToUnixSeconds(now)},
                           {"type", "cancelEvent"},
                           {"cancelEvent", Json::object()}});
}

}  // namespace emulator
