#include "emulator/connection_abort.h"

#include <arpa/inet.h>
#include <dirent.h>
#include <netinet/in.h>
#include <sys/socket.h>

#include <cstdlib>

namespace emulator {
namespace {

int PortOf(const sockaddr_storage& addr) {
  if (addr.ss_family == AF_INET) {
    return ntohs(reinterpret_cast<const sockaddr_in&>(addr).sin_port);
  }
  if (addr.ss_family == AF_INET6) {
    return ntohs(reinterpret_cast<const sockaddr_in6&>(addr).sin6_port);
  }
  return -1;
}

}  // namespace

absl::Status AbortConnection(int local_port, int remote_port) {
  DIR* dir = opendir("/proc/self/fd");
  if (dir == nullptr) return absl::UnavailableError("cannot list /proc/self/fd");
  bool found = false;
  while (dirent* entry = readdir(dir)) {
    char* end = nullptr;
    long fd = std::strtol(entry->d_name, &end, 10);
    if (end == entry->d_name || *end != '\0') continue;
    sockaddr_storage local{};
    sockaddr_storage peer{};
    socklen_t len = sizeof(local);
    if (getsockname(static_cast<int>(fd), reinterpret_cast<sockaddr*>(&local), &len) != 0 ||
        PortOf(local) != local_port) {
      continue;
    }
    len = sizeof(peer);
    if (getpeername(static_cast<int>(fd), reinterpret_cast<sockaddr*>(&peer), &len) != 0 ||
        PortOf(peer) != remote_port) {
      continue;
    }
    linger hard_close{1, 0};
    setsockopt(static_cast<int>(fd), SOL_SOCKET, SO_LINGER, &hard_close, sizeof(hard_close));
    shutdown(static_cast<int>(fd), SHUT_RDWR);
    found = true;
    break;
  }
  closedir(dir);
  if (!found) return absl::NotFoundError("connection not found");
  return absl::OkStatus();
}

}  // namespace emulator
