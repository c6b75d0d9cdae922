// The upstream sockets a CurlLoop's curl opens, and the check that keeps a stray answer from being
// read as the next one: just before a request goes out on a reused HTTP/1.1 connection, its
// socket must hold no unread byte (see "Reuse never mixes answers" in curl_loop.h).
#include <arpa/inet.h>
#include <curl/curl.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <new>
#include <string>

#include "gateway/upstream/curl_loop.h"
#include "gateway/upstream/curl_loop_transfer.h"

namespace pulumi_gateway {
namespace {

// The local address of socket `fd` as libcurl words it (CURLINFO_LOCAL_IP / _PORT).
bool LocalAddress(int fd, std::string* ip, int* port) {
  sockaddr_storage address = {};
  socklen_t size = sizeof(address);
  if (getsockname(fd, reinterpret_cast<sockaddr*>(&address), &size) != 0) return false;
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

// Callbacks called from C must not throw: the socket table's allocation failure is caught.

int CurlLoop::OnBeforeRequest(void* transfer, char* /*remote_ip*/, char* local_ip,
                              int /*remote_port*/, int local_port) {
  auto* t = static_cast<Transfer*>(transfer);
  t->local_ip = local_ip != nullptr ? local_ip : "";
  t->local_port = local_port;
  return t->client->ConnectionIsClean(*t) ? CURL_PREREQFUNC_OK : CURL_PREREQFUNC_ABORT;
}

curl_socket_t CurlLoop::OnOpenSocket(void* loop, curlsocktype /*purpose*/, curl_sockaddr* address) {
  auto* self = static_cast<CurlLoop*>(loop);
  const int fd = socket(address->family, address->socktype | SOCK_CLOEXEC, address->protocol);
  if (fd < 0) return CURL_SOCKET_BAD;
  try {
    self->sockets_[fd] = Socket();
  } catch (const std::bad_alloc&) {
    close(fd);
    return CURL_SOCKET_BAD;
  }
  return fd;
}

int CurlLoop::OnCloseSocket(void* loop, curl_socket_t fd) {
  static_cast<CurlLoop*>(loop)->sockets_.erase(fd);
  return close(fd);
}

std::pair<const int, CurlLoop::Socket>* CurlLoop::FindSocket(absl::string_view ip, int port) {
  if (port == 0) return nullptr;
  for (auto& entry : sockets_) {
    Socket& socket = entry.second;
    if (socket.local_port == 0 &&
        !LocalAddress(entry.first, &socket.local_ip, &socket.local_port)) {
      continue;
    }
    if (socket.local_port == port && socket.local_ip == ip) return &entry;
  }
  return nullptr;
}

bool CurlLoop::ConnectionIsClean(Transfer& transfer) {
  long connects = 0;
  curl_easy_getinfo(transfer.easy.get(), CURLINFO_NUM_CONNECTS, &connects);
  if (connects > 0) return true;  // opened for this request: nothing was read from it before
  auto* socket = FindSocket(transfer.local_ip, transfer.local_port);
  // Only an HTTP/1.1 connection that carried an answer before is checked (see the header).
  if (socket == nullptr || socket->second.protocol != Protocol::kHttp1) return true;
  char byte;
  const ssize_t peeked = recv(socket->first, &byte, 1, MSG_PEEK | MSG_DONTWAIT);
  if (peeked < 0 && (errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR)) return true;
  // A byte nobody asked for, the peer's close, or a socket error: not for this request.
  transfer.stale_connection = true;
  stale_discarded_.fetch_add(1);
  return false;
}

}  // namespace pulumi_gateway
