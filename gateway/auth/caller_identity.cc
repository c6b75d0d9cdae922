#include "gateway/auth/caller_identity.h"

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"

namespace pulumi_gateway {
namespace {

absl::Status CheckIdentity(absl::string_view identity, absl::string_view from) {
  bool printable = !identity.empty() && identity.size() <= kMaxCallerIdentityLength;
  for (char c : identity) printable = printable && c >= 0x20 && c < 0x7F;
  if (printable) return absl::OkStatus();
  return absl::UnauthenticatedError(absl::StrCat("the caller identity in ", from, " is not 1-",
                                                 kMaxCallerIdentityLength,
                                                 " printable ASCII characters"));
}

// An untyped SAN that is a URI ("spiffe://...", "https://...") rather than a DNS name, e-mail or
// IP address.
bool LooksLikeUri(absl::string_view san) { return absl::StrContains(san, "://"); }

bool LooksLikeDnsName(absl::string_view san) {
  if (san.empty() || ParseIpAddress(san).has_value()) return false;
  for (char c : san) {
    if (!absl::ascii_isalnum(static_cast<unsigned char>(c)) && c != '-' && c != '.' && c != '*') {
      return false;
    }
  }
  return true;
}

absl::StatusOr<std::string> IdentityFromCertificate(const CallerInfo& caller) {
  if (!caller.certificate.has_value()) {
    return absl::UnauthenticatedError(
        "no verified client certificate: callers are identified by mutual TLS "
        "(--caller_identity=mtls)");
  }
  std::optional<std::string> identity = CertificateIdentity(*caller.certificate);
  if (!identity.has_value()) {
    return absl::UnauthenticatedError(
        "the client certificate has no URI or DNS subject alternative name and no common name");
  }
  if (absl::Status s = CheckIdentity(*identity, "the client certificate"); !s.ok()) return s;
  return *std::move(identity);
}

absl::StatusOr<std::string> IdentityFromHeader(const CallerIdentityOptions& options,
                                               const CallerInfo& caller) {
  std::optional<IpAddress> peer = IpFromGrpcPeer(caller.peer);
  if (!peer.has_value() || !AnyRangeContains(options.trusted_proxies, *peer)) {
    return absl::UnauthenticatedError(absl::StrCat(
        "the caller identity header ", options.header,
        " is only accepted from a trusted proxy (--trusted_proxies); this call came from ",
        peer.has_value() ? "an address that is not one" : "a peer without an IP address",
        ": call through the proxy"));
  }
  if (!caller.identity_header.has_value()) {
    return absl::UnauthenticatedError(
        absl::StrCat("missing ", options.header, " metadata: the trusted proxy must set it"));
  }
  absl::string_view identity = absl::StripAsciiWhitespace(*caller.identity_header);
  if (absl::Status s = CheckIdentity(identity, options.header); !s.ok()) return s;
  return std::string(identity);
}

}  // namespace

absl::StatusOr<CallerIdentitySource> ParseCallerIdentitySource(absl::string_view text) {
  if (text == "mtls") return CallerIdentitySource::kMtls;
  if (text == "header") return CallerIdentitySource::kHeader;
  return absl::InvalidArgumentError(
      absl::StrCat("unknown caller identity source \"", text, "\"; expected mtls or header"));
}

absl::string_view CallerIdentitySourceName(CallerIdentitySource source) {
  return source == CallerIdentitySource::kHeader ? "header" : "mtls";
}

std::optional<std::string> CertificateIdentity(const PeerCertificate& certificate) {
  if (!certificate.spiffe_id.empty()) return certificate.spiffe_id;
  // gRPC names no SPIFFE ID when a certificate has several spiffe:// URIs: take the first.
  for (const std::string& uri : certificate.uris) {
    if (absl::StartsWithIgnoreCase(uri, "spiffe://")) return uri;
  }
  if (!certificate.uris.empty()) return certificate.uris.front();
  if (!certificate.dns_names.empty()) return certificate.dns_names.front();
  for (const std::string& san : certificate.subject_alt_names) {
    if (absl::StartsWithIgnoreCase(san, "spiffe://")) return san;
  }
  for (const std::string& san : certificate.subject_alt_names) {
    if (LooksLikeUri(san)) return san;
  }
  for (const std::string& san : certificate.subject_alt_names) {
    if (LooksLikeDnsName(san)) return san;
  }
  if (!certificate.common_name.empty()) return certificate.common_name;
  return std::nullopt;
}

absl::StatusOr<std::string> IdentifyCaller(const CallerIdentityOptions& options,
                                           const CallerInfo& caller) {
  switch (options.source) {
    case CallerIdentitySource::kMtls:
      return IdentityFromCertificate(caller);
    case CallerIdentitySource::kHeader:
      return IdentityFromHeader(options, caller);
  }
  return absl::InternalError("unknown caller identity source");
}

}  // namespace pulumi_gateway
