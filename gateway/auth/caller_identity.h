// Who is calling, in service mode with per-tenant tokens: the name of the internal service behind
// a call, taken from its verified client certificate (mTLS) or from a header that a trusted proxy
// set. The name then picks the tenant whose Pulumi token the call uses (see tenant_tokens.h).
//
//   CallerIdentityOptions options;                  // mTLS by default
//   CallerInfo caller;
//   caller.certificate = PeerCertificate{.uris = {"spiffe://corp.example/ns/ci/sa/deployer"}};
//   absl::StatusOr<std::string> who = IdentifyCaller(options, caller);
//   // *who == "spiffe://corp.example/ns/ci/sa/deployer"
#ifndef GATEWAY_AUTH_CALLER_IDENTITY_H_
#define GATEWAY_AUTH_CALLER_IDENTITY_H_

#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "gateway/auth/ip_range.h"

namespace pulumi_gateway {

enum class CallerIdentitySource {
  // The verified client certificate of the TLS connection.
  kMtls,
  // A metadata header, believed only from a trusted proxy's address.
  kHeader,
};

// Parses "mtls" or "header"; INVALID_ARGUMENT otherwise.
absl::StatusOr<CallerIdentitySource> ParseCallerIdentitySource(absl::string_view text);
// "mtls" or "header" (what ParseCallerIdentitySource reads).
absl::string_view CallerIdentitySourceName(CallerIdentitySource source);

// The names in a verified client certificate, as gRPC's auth context reports them.
struct PeerCertificate {
  // "peer_spiffe_id": set when the certificate has exactly one spiffe:// URI SAN.
  std::string spiffe_id;
  // "peer_uri": URI SANs, in certificate order.
  std::vector<std::string> uris;
  // "peer_dns": DNS SANs, in certificate order.
  std::vector<std::string> dns_names;
  // "x509_subject_alternative_name": every SAN (DNS, URI, e-mail, IP) as text; only consulted
  // when `uris` and `dns_names` are both empty (gRPC builds without the typed properties).
  std::vector<std::string> subject_alt_names;
  // "x509_common_name": the subject CN.
  std::string common_name;
};

// The identity a certificate stands for: its SPIFFE ID, else its first URI SAN, else its first
// DNS SAN, else its subject CN. nullopt when it has none of them.
std::optional<std::string> CertificateIdentity(const PeerCertificate& certificate);

// What the transport tells about one call's caller.
struct CallerInfo {
  // The call's `authorization` metadata (used in passthrough mode only).
  std::optional<absl::string_view> authorization;
  // gRPC peer, e.g. "ipv4:10.1.2.3:40312" (header mode).
  absl::string_view peer;
  // The verified client certificate; nullopt without mutual TLS (mTLS mode).
  std::optional<PeerCertificate> certificate;
  // The value of the identity header; nullopt when the call has none (header mode).
  std::optional<absl::string_view> identity_header;
};

struct CallerIdentityOptions {
  // Default: mTLS.
  CallerIdentitySource source = CallerIdentitySource::kMtls;
  // Header mode: the metadata key (lower case). Default "x-caller-identity".
  std::string header = "x-caller-identity";
  // Header mode: peers whose header is believed. Default: none.
  std::vector<IpRange> trusted_proxies;
};

// Longest caller identity accepted (it appears in logs and errors).
inline constexpr size_t kMaxCallerIdentityLength = 256;

// The caller's identity per `options`. UNAUTHENTICATED when the call carries none: no client
// certificate (or one without names), a header from a peer outside `trusted_proxies` (the
// message says the header is only accepted from a trusted proxy), no header, or a name that is
// not 1..kMaxCallerIdentityLength printable ASCII characters.
absl::StatusOr<std::string> IdentifyCaller(const CallerIdentityOptions& options,
                                           const CallerInfo& caller);

}  // namespace pulumi_gateway

#endif  // GATEWAY_AUTH_CALLER_IDENTITY_H_
