// GnuTLS initialises itself when it is loaded (its library constructor: crypto back-ends, the
// PKCS#11 trust modules through p11-kit), about 0.8 MB of memory that stays for the life of the
// process. The gateway never uses GnuTLS: libcurl speaks TLS through OpenSSL here, and only
// libcurl's LDAP and RTMP support (never enabled: transfers allow http and https alone) pull it
// in. GnuTLS skips that start-up when GNUTLS_NO_IMPLICIT_INIT is set, but reads the variable in
// its constructor, before main, from the environment the process started with (libc's
// environment is reset to that one before any constructor runs, so setting it earlier is lost).
// So when the variable is absent, the executable's pre-initialisation array, which the dynamic
// loader runs before any shared library's constructor, starts the same executable again, at once,
// with the same arguments and the variable added: no thread, descriptor or state exists yet, and
// the process keeps its pid. A value the operator set wins (no restart); if the restart fails,
// the process goes on as it is.
//
// Linked whole (alwayslink) into the binaries that want it; nothing calls it.
#include <unistd.h>

#include <cstddef>
#include <cstring>

namespace pulumi_gateway {
namespace {

constexpr char kVariable[] = "GNUTLS_NO_IMPLICIT_INIT=";
constexpr char kSetting[] = "GNUTLS_NO_IMPLICIT_INIT=1";
// Environments larger than this start without the restart.
constexpr size_t kMaxVariables = 4096;

bool IsVariable(const char* entry) {
  return std::strncmp(entry, kVariable, sizeof(kVariable) - 1) == 0;
}

// Runs before any allocation and any constructor: fixed storage only.
void SkipGnutlsImplicitInit(int /*argc*/, char** argv, char** envp) {
  static char* environment[kMaxVariables + 2];
  size_t count = 0;
  for (; envp != nullptr && envp[count] != nullptr; ++count) {
    if (IsVariable(envp[count])) return;
    if (count == kMaxVariables) return;
    environment[count] = envp[count];
  }
  environment[count] = const_cast<char*>(kSetting);
  environment[count + 1] = nullptr;
  execve("/proc/self/exe", argv, environment);
  // Only returns on failure (no /proc): go on with GnuTLS's own start-up.
}

[[gnu::used, gnu::section(".preinit_array")]] void (*const kSkipGnutlsImplicitInit)(
    int, char**, char**) = &SkipGnutlsImplicitInit;

}  // namespace
}  // namespace pulumi_gateway
