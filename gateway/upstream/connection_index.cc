#include "gateway/upstream/connection_index.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>

#include <algorithm>
#include <utility>

#include "absl/cleanup/cleanup.h"

namespace pulumi_gateway {
namespace {

using AddressOf = int (*)(int, sockaddr*, socklen_t*);

// One end of socket `fd` (getsockname or getpeername) as libcurl words it: inet_ntop's text.
bool ReadEnd(int fd, AddressOf read, std::string* ip, int* port) {
  sockaddr_storage address = {};
  socklen_t size = sizeof(address);
  if (read(fd, reinterpret_cast<sockaddr*>(&address), &size) != 0) return false;
  char text[INET6_ADDRSTRLEN] = {0};
  if (address.ss_family == AF_INET) {
    const auto* v4 = reinterpret_cast<const sockaddr_in*>(&address);
    inet_ntop(AF_INET, &v4->sin_addr, text, sizeof(text));
    *port = ntohs(v4->sin_port);
  } else if (address.ss_family == AF_INET6) {
    const auto* v6 = reinterpret_cast<const sockaddr_in6*>(&address);
    inet_ntop(AF_INET6, &v6->sin6_addr, text, sizeof(text));
    *port = ntohs(v6->sin6_port);
  } else {
    return false;
  }
  *ip = text;
  return true;
}

}  // namespace

uint64_t ConnectionIndex::PortKey(int local_port, int peer_port) {
  return (static_cast<uint64_t>(static_cast<uint32_t>(local_port)) << 32) |
         static_cast<uint32_t>(peer_port);
}

void ConnectionIndex::Add(int fd) { unread_.push_back(fd); }

void ConnectionIndex::Remove(int fd) {
  if (auto ends = ends_.find(fd); ends != ends_.end()) {
    auto fds = by_ports_.find(PortKey(ends->second.local_port, ends->second.peer_port));
    if (fds != by_ports_.end()) {
      fds->second.erase(std::remove(fds->second.begin(), fds->second.end(), fd), fds->second.end());
      if (fds->second.empty()) by_ports_.erase(fds);
    }
    ends_.erase(ends);
    return;
  }
  unread_.erase(std::remove(unread_.begin(), unread_.end(), fd), unread_.end());
}

void ConnectionIndex::IndexNewSockets() {
  size_t kept = 0;
  size_t next = 0;
  // The sockets indexed leave the list even when an allocation fails part way (the exception
  // goes on to the caller; the socket at `next` stays to be read again).
  absl::Cleanup compact = [&] { unread_.erase(unread_.begin() + kept, unread_.begin() + next); };
  for (; next < unread_.size(); ++next) {
    const int fd = unread_[next];
    Ends ends;
    if (!ReadEnd(fd, &getsockname, &ends.local_ip, &ends.local_port) ||
        !ReadEnd(fd, &getpeername, &ends.peer_ip, &ends.peer_port)) {
      unread_[kept++] = fd;
      continue;
    }
    const uint64_t key = PortKey(ends.local_port, ends.peer_port);
    ends_.insert_or_assign(fd, std::move(ends));
    try {
      by_ports_[key].push_back(fd);
    } catch (...) {
      ends_.erase(fd);
      throw;
    }
  }
}

int ConnectionIndex::Find(absl::string_view local_ip, int local_port, absl::string_view peer_ip,
                          int peer_port) {
  if (local_port == 0) return -1;
  if (!unread_.empty()) IndexNewSockets();
  auto fds = by_ports_.find(PortKey(local_port, peer_port));
  if (fds == by_ports_.end()) return -1;
  for (int fd : fds->second) {
    auto ends = ends_.find(fd);
    if (ends != ends_.end() && ends->second.local_ip == local_ip &&
        ends->second.peer_ip == peer_ip) {
      return fd;
    }
  }
  return -1;
}

}  // namespace pulumi_gateway
