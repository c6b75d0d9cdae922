// The upstream sockets a CurlLoop's curl opens, and the check that keeps a stray answer from being
// read as the next one: just before a request goes out on a reused HTTP/1.1 connection, its
// socket must hold no unread byte (see "Reuse never mixes answers" in curl_loop.h).
#include <curl/curl.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <new>

#include "gateway/upstream/curl_loop.h"
#include "gateway/upstream/curl_loop_transfer.h"

namespace pulumi_gateway {

// Callbacks called from C must not throw: the socket tables' allocation failures are caught.

int CurlLoop::OnBeforeRequest(void* transfer, char* remote_ip, char* local_ip, int remote_port,
                              int local_port) {
  auto* t = static_cast<Transfer*>(transfer);
  CurlLoop* loop = t->client;
  try {
    t->socket = loop->connections_.Find(local_ip != nullptr ? local_ip : "", local_port,
                                        remote_ip != nullptr ? remote_ip : "", remote_port);
  } catch (const std::bad_alloc&) {
    return CURL_PREREQFUNC_ABORT;  // the call fails rather than skip the check
  }
  return loop->ConnectionIsClean(*t) ? CURL_PREREQFUNC_OK : CURL_PREREQFUNC_ABORT;
}

curl_socket_t CurlLoop::OnOpenSocket(void* loop, curlsocktype /*purpose*/, curl_sockaddr* address) {
  auto* self = static_cast<CurlLoop*>(loop);
  const int fd = socket(address->family, address->socktype | SOCK_CLOEXEC, address->protocol);
  if (fd < 0) return CURL_SOCKET_BAD;
  try {
    self->sockets_[fd] = Socket();
    self->connections_.Add(fd);
  } catch (const std::bad_alloc&) {
    self->sockets_.erase(fd);
    close(fd);
    return CURL_SOCKET_BAD;
  }
  return fd;
}

int CurlLoop::OnCloseSocket(void* loop, curl_socket_t fd) {
  auto* self = static_cast<CurlLoop*>(loop);
  self->connections_.Remove(fd);
  self->sockets_.erase(fd);
  return close(fd);
}

bool CurlLoop::ConnectionIsClean(Transfer& transfer) {
  long connects = 0;
  curl_easy_getinfo(transfer.easy.get(), CURLINFO_NUM_CONNECTS, &connects);
  if (connects > 0) return true;  // opened for this request: nothing was read from it before
  auto socket = sockets_.find(transfer.socket);
  // Only an HTTP/1.1 connection that carried an answer before is checked (see the header).
  if (socket == sockets_.end() || socket->second.protocol != Protocol::kHttp1) return true;
  char byte;
  const ssize_t peeked = recv(socket->first, &byte, 1, MSG_PEEK | MSG_DONTWAIT);
  if (peeked < 0 && (errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR)) return true;
  // A byte nobody asked for, the peer's close, or a socket error: not for this request.
  transfer.stale_connection = true;
  stale_discarded_.fetch_add(1);
  return false;
}

}  // namespace pulumi_gateway
