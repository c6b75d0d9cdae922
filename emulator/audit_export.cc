#include "emulator/audit_export.h"

#include <zlib.h>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_replace.h"
#include "emulator/wire.h"

namespace emulator {
namespace {

std::string CsvField(absl::string_view v) {
  if (v.find_first_of(",\"\n\r") == absl::string_view::npos) return std::string(v);
  return absl::StrCat("\"", absl::StrReplaceAll(v, {{"\"", "\"\""}}), "\"");
}

std::string CefHeader(absl::string_view v) {
  return absl::StrReplaceAll(v, {{"\\", "\\\\"}, {"|", "\\|"}, {"\n", " "}, {"\r", " "}});
}

std::string CefValue(absl::string_view v) {
  return absl::StrReplaceAll(v, {{"\\", "\\\\"}, {"=", "\\="}, {"\n", "\\n"}, {"\r", "\\r"}});
}

const char* Bool(const Json& e, const char* key) { return e.value(key, false) ? "true" : "false"; }

}  // namespace

std::string AuditCsv(const Json& events) {
  std::string out = absl::StrCat(kAuditCsvHeader, "\n");
  for (const Json& e : events) {
    const Json& user = e.at("user");
    absl::StrAppend(&out, FormatRfc3339(e.value("timestamp", int64_t{0})), ",",
                    CsvField(user.value("name", "")), ",", CsvField(user.value("githubLogin", "")),
                    ",", CsvField(e.value("event", "")), ",", CsvField(e.value("description", "")),
                    ",", CsvField(e.value("sourceIP", "")), ",", Bool(e, "reqOrgAdmin"), ",",
                    Bool(e, "reqStackAdmin"), ",", Bool(e, "authFailure"), "\n");
  }
  return out;
}

std::string AuditCef(const Json& events) {
  std::string out;
  for (const Json& e : events) {
    const Json& user = e.at("user");
    int severity = e.value("authFailure", false) ? 8 : (e.value("reqOrgAdmin", false) ? 5 : 3);
    absl::StrAppend(&out, "CEF:0|Pulumi|Pulumi Cloud|1.0|", CefHeader(e.value("event", "")), "|",
                    CefHeader(e.value("description", "")), "|", severity,
                    "|rt=", e.value("timestamp", int64_t{0}) * 1000,
                    " suser=", CefValue(user.value("githubLogin", "")),
                    " suid=", CefValue(user.value("name", "")),
                    " src=", CefValue(e.value("sourceIP", "")),
                    " cs1Label=RequireOrgAdmin cs1=", Bool(e, "reqOrgAdmin"),
                    " cs2Label=RequireStackAdmin cs2=", Bool(e, "reqStackAdmin"),
                    " cs3Label=AuthenticationFailure cs3=", Bool(e, "authFailure"), "\n");
  }
  return out;
}

absl::StatusOr<std::string> Gzip(absl::string_view data) {
  z_stream zs{};
  // windowBits 15 + 16 selects the gzip wrapper.
  if (deflateInit2(&zs, Z_DEFAULT_COMPRESSION, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) !=
      Z_OK) {
    return absl::InternalError("gzip: deflateInit2 failed");
  }
  std::string out(deflateBound(&zs, data.size()) + 32, '\0');
  zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  zs.avail_in = static_cast<uInt>(data.size());
  zs.next_out = reinterpret_cast<Bytef*>(out.data());
  zs.avail_out = static_cast<uInt>(out.size());
  int rc = deflate(&zs, Z_FINISH);
  out.resize(zs.total_out);
  deflateEnd(&zs);
  if (rc != Z_STREAM_END) return absl::InternalError("gzip: deflate did not finish");
  return out;
}

}  // namespace emulator
