#include "gateway/upstream/connection_index.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <string>

#include "gtest/gtest.h"

namespace pulumi_gateway {
namespace {

// A socket closed at the end of the test.
class Socket {
 public:
  Socket() : fd_(socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0)) {}
  Socket(const Socket&) = delete;
  Socket& operator=(const Socket&) = delete;
  ~Socket() {
    if (fd_ >= 0) close(fd_);
  }
  int fd() const { return fd_; }

 private:
  int fd_;
};

sockaddr_in Loopback(int port) {
  sockaddr_in address = {};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  address.sin_port = htons(static_cast<uint16_t>(port));
  return address;
}

int PortOf(int fd) {
  sockaddr_in address = {};
  socklen_t size = sizeof(address);
  EXPECT_EQ(getsockname(fd, reinterpret_cast<sockaddr*>(&address), &size), 0);
  return ntohs(address.sin_port);
}

// A listener on 127.0.0.1 at an ephemeral port.
int Listen(const Socket& listener) {
  sockaddr_in address = Loopback(0);
  EXPECT_EQ(bind(listener.fd(), reinterpret_cast<sockaddr*>(&address), sizeof(address)), 0);
  EXPECT_EQ(listen(listener.fd(), 4), 0);
  return PortOf(listener.fd());
}

void Connect(const Socket& client, int port) {
  sockaddr_in address = Loopback(port);
  ASSERT_EQ(connect(client.fd(), reinterpret_cast<sockaddr*>(&address), sizeof(address)), 0);
}

// Binds `client` to 127.0.0.1:`port` (0: any) so that several clients may share it.
void BindShared(const Socket& client, int port) {
  const int on = 1;
  ASSERT_EQ(setsockopt(client.fd(), SOL_SOCKET, SO_REUSEPORT, &on, sizeof(on)), 0);
  sockaddr_in address = Loopback(port);
  ASSERT_EQ(bind(client.fd(), reinterpret_cast<sockaddr*>(&address), sizeof(address)), 0);
}

TEST(ConnectionIndexTest, FindsEachConnectionByBothEnds) {
  Socket listener_a, listener_b;
  const int port_a = Listen(listener_a);
  const int port_b = Listen(listener_b);
  // Two connections from the same local address and port to two upstream addresses: the local
  // end alone cannot tell them apart.
  Socket to_a, to_b;
  BindShared(to_a, 0);
  const int local_port = PortOf(to_a.fd());
  BindShared(to_b, local_port);
  Connect(to_a, port_a);
  Connect(to_b, port_b);

  ConnectionIndex index;
  index.Add(to_a.fd());
  index.Add(to_b.fd());
  EXPECT_EQ(index.Find("127.0.0.1", local_port, "127.0.0.1", port_a), to_a.fd());
  EXPECT_EQ(index.Find("127.0.0.1", local_port, "127.0.0.1", port_b), to_b.fd());
  EXPECT_EQ(index.Find("127.0.0.2", local_port, "127.0.0.1", port_a), -1);
  EXPECT_EQ(index.Find("127.0.0.1", local_port + 1, "127.0.0.1", port_a), -1);
  EXPECT_EQ(index.Find("127.0.0.1", 0, "127.0.0.1", port_a), -1);

  index.Remove(to_a.fd());
  EXPECT_EQ(index.Find("127.0.0.1", local_port, "127.0.0.1", port_a), -1);
  EXPECT_EQ(index.Find("127.0.0.1", local_port, "127.0.0.1", port_b), to_b.fd());
  index.Remove(to_b.fd());
  EXPECT_EQ(index.Find("127.0.0.1", local_port, "127.0.0.1", port_b), -1);
}

// A listener, and a client bound to a local port of its own but not connected yet.
struct Unconnected {
  Unconnected() : port(Listen(listener)) {
    BindShared(client, 0);
    local_port = PortOf(client.fd());
  }
  int Find(ConnectionIndex& index) const {
    return index.Find("127.0.0.1", local_port, "127.0.0.1", port);
  }

  Socket listener;
  const int port;
  Socket client;
  int local_port = 0;
};

TEST(ConnectionIndexTest, ASocketNotConnectedYetIsFoundOnceItIs) {
  Unconnected c;
  ConnectionIndex index;
  index.Add(c.client.fd());  // as curl's open-socket callback sees it: before connect
  EXPECT_EQ(c.Find(index), -1);
  Connect(c.client, c.port);
  EXPECT_EQ(c.Find(index), c.client.fd());
}

TEST(ConnectionIndexTest, ASocketRemovedBeforeItsAddressesWereReadIsForgotten) {
  Unconnected c;
  ConnectionIndex index;
  index.Add(c.client.fd());
  index.Remove(c.client.fd());
  Connect(c.client, c.port);
  EXPECT_EQ(c.Find(index), -1);
}

}  // namespace
}  // namespace pulumi_gateway
