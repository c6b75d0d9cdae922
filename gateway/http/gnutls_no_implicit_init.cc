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
// the process goes on as it is. The restarted process takes back its name (argv[0]'s last part):
// started through /proc/self/exe, ps, top and pgrep would otherwise call it "exe".
//
// Linked whole (alwayslink) into the binaries that want it; nothing calls it.
#include <sys/auxv.h>
#include <sys/prctl.h>
#include <unistd.h>

#include <cstddef>
#include <cstring>

namespace pulumi_gateway {
namespace {

constexpr char kVariable[] = "GNUTLS_NO_IMPLICIT_INIT=";
constexpr char kSetting[] = "GNUTLS_NO_IMPLICIT_INIT=1";
constexpr char kSelf[] = "/proc/self/exe";
// Environments larger than this start without the restart.
constexpr size_t kMaxVariables = 4096;

bool IsVariable(const char* entry) {
  return std::strncmp(entry, kVariable, sizeof(kVariable) - 1) == 0;
}

// A process started as /proc/self/exe (the restart) is named after argv[0], as its first start
// was; the kernel truncates the name to 15 bytes.
void KeepName(char** argv) {
  const auto* executed = reinterpret_cast<const char*>(getauxval(AT_EXECFN));
  if (executed == nullptr || std::strcmp(executed, kSelf) != 0) return;
  if (argv == nullptr || argv[0] == nullptr) return;
  const char* slash = std::strrchr(argv[0], '/');
  const char* name = slash == nullptr ? argv[0] : slash + 1;
  if (*name != '\0') prctl(PR_SET_NAME, name, 0, 0, 0);
}

// Runs before any allocation and any constructor: fixed storage only.
void SkipGnutlsImplicitInit(int /*argc*/, char** argv, char** envp) {
  static char* environment[kMaxVariables + 2];
  size_t count = 0;
  for (; envp != nullptr && envp[count] != nullptr; ++count) {
    if (IsVariable(envp[count])) return KeepName(argv);
    if (count == kMaxVariables) return;
    environment[count] = envp[count];
  }
  environment[count] = const_cast<char*>(kSetting);
  environment[count + 1] = nullptr;
  execve(kSelf, argv, environment);
  // Only returns on failure (no /proc): go on with GnuTLS's own start-up.
}

[[gnu::used, gnu::section(".preinit_array")]] void (*const kSkipGnutlsImplicitInit)(
    int, char**, char**) = &SkipGnutlsImplicitInit;

}  // namespace
}  // namespace pulumi_gateway
