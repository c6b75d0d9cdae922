// Drops a live HTTP connection without sending a response (the `reset` fault).
//
// cpp-httplib does not expose a request's socket, so the socket is found among the process's
// descriptors by its address pair, then aborted: SO_LINGER 0 (close sends RST) and shutdown().
// Linux only (/proc/self/fd).
//
//   AbortConnection(req.local_port, req.remote_port);  // inside an httplib handler
#ifndef EMULATOR_CONNECTION_ABORT_H_
#define EMULATOR_CONNECTION_ABORT_H_

#include "absl/status/status.h"

namespace emulator {

// NotFound if no connected socket has this local/peer port pair.
absl::Status AbortConnection(int local_port, int remote_port);

}  // namespace emulator

#endif  // EMULATOR_CONNECTION_ABORT_H_
