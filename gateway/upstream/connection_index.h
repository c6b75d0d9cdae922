// Finds an upstream connection's socket from the two ends libcurl reports for it
// (CURLOPT_PREREQFUNCTION gives the local and the peer address as text), without a pass over
// every socket. Sockets are indexed by their two ports once their addresses can be read; the
// addresses then tell apart the connections that share a port pair (Linux can give connections to
// different upstream addresses the same local port).
//
//   ConnectionIndex index;
//   index.Add(fd);  // just opened, maybe not connected yet
//   int fd = index.Find(local_ip, local_port, peer_ip, peer_port);  // -1: unknown
//   index.Remove(fd);  // before close
//
// Not thread-safe: its owner serialises calls (the CurlLoop's loop lock).
#ifndef GATEWAY_UPSTREAM_CONNECTION_INDEX_H_
#define GATEWAY_UPSTREAM_CONNECTION_INDEX_H_

#include <cstdint>
#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/container/inlined_vector.h"
#include "absl/strings/string_view.h"

namespace pulumi_gateway {

class ConnectionIndex {
 public:
  // Add may throw std::bad_alloc (then `fd` is not added); Remove never throws.
  void Add(int fd);
  void Remove(int fd);
  // The socket connected from local_ip:local_port to peer_ip:peer_port (addresses as inet_ntop
  // writes them), or -1. Reads the addresses of sockets added since the last call first; may
  // throw std::bad_alloc (the index stays consistent).
  int Find(absl::string_view local_ip, int local_port, absl::string_view peer_ip, int peer_port);

 private:
  struct Ends {
    std::string local_ip;
    int local_port = 0;
    std::string peer_ip;
    int peer_port = 0;
  };
  static uint64_t PortKey(int local_port, int peer_port);
  // Indexes the sockets added since the last call whose both ends can be read (a connect still in
  // progress has no peer yet: it is tried again next time).
  void IndexNewSockets();

  std::vector<int> unread_;
  absl::flat_hash_map<int, Ends> ends_;
  absl::flat_hash_map<uint64_t, absl::InlinedVector<int, 1>> by_ports_;
};

}  // namespace pulumi_gateway

#endif  // GATEWAY_UPSTREAM_CONNECTION_INDEX_H_
