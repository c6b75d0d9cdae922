#include "gateway/status/http_status_map.h"

#include <vector>

#include "gtest/gtest.h"

namespace pulumi_gateway {
namespace {

using Code = absl::StatusCode;

struct Row {
  int http_status;
  ConflictMeaning conflict;
  Code code;
};

// The whole table, row by row (google/rpc/code.proto's HTTP mapping read in the REST-upstream
// direction, DESIGN "Errors").
TEST(HttpStatusMapTest, EveryRow) {
  constexpr ConflictMeaning kAborted = ConflictMeaning::kAborted;
  constexpr ConflictMeaning kExists = ConflictMeaning::kAlreadyExists;
  const std::vector<Row> rows = {
      // Any 2xx is success.
      {200, kAborted, Code::kOk},
      {201, kAborted, Code::kOk},
      {202, kAborted, Code::kOk},
      {204, kAborted, Code::kOk},
      {299, kAborted, Code::kOk},
      // Client errors with a specific meaning.
      {400, kAborted, Code::kInvalidArgument},
      {413, kAborted, Code::kInvalidArgument},
      {422, kAborted, Code::kInvalidArgument},
      {401, kAborted, Code::kUnauthenticated},
      {402, kAborted, Code::kPermissionDenied},
      {403, kAborted, Code::kPermissionDenied},
      {404, kAborted, Code::kNotFound},
      {410, kAborted, Code::kNotFound},
      {405, kAborted, Code::kUnimplemented},
      {408, kAborted, Code::kDeadlineExceeded},
      {409, kAborted, Code::kAborted},
      {409, kExists, Code::kAlreadyExists},
      {412, kAborted, Code::kFailedPrecondition},
      {429, kAborted, Code::kResourceExhausted},
      {499, kAborted, Code::kCancelled},
      // Server errors.
      {500, kAborted, Code::kInternal},
      {501, kAborted, Code::kUnimplemented},
      {502, kAborted, Code::kUnavailable},
      {503, kAborted, Code::kUnavailable},
      {504, kAborted, Code::kDeadlineExceeded},
      // Other 4xx / 5xx fall back by class.
      {406, kAborted, Code::kFailedPrecondition},
      {411, kAborted, Code::kFailedPrecondition},
      {415, kAborted, Code::kFailedPrecondition},
      {418, kAborted, Code::kFailedPrecondition},
      {451, kAborted, Code::kFailedPrecondition},
      {498, kAborted, Code::kFailedPrecondition},
      {505, kAborted, Code::kInternal},
      {507, kAborted, Code::kInternal},
      {511, kAborted, Code::kInternal},
      {599, kAborted, Code::kInternal},
      // Not an answer the gateway can use (it follows no redirects).
      {100, kAborted, Code::kUnknown},
      {301, kAborted, Code::kInternal},  // redirects are never followed
      {307, kAborted, Code::kInternal},
      {304, kAborted, Code::kInternal},
      {0, kAborted, Code::kUnknown},
      {600, kAborted, Code::kUnknown},
  };
  for (const Row& row : rows) {
    SCOPED_TRACE(::testing::Message()
                 << "HTTP " << row.http_status << " conflict=" << static_cast<int>(row.conflict));
    EXPECT_EQ(CodeForHttpStatus(row.http_status, row.conflict), row.code);
  }
}

// The conflict meaning only matters for 409.
TEST(HttpStatusMapTest, ConflictMeaningOnlyChanges409) {
  for (int status = 100; status < 600; ++status) {
    if (status == 409) continue;
    SCOPED_TRACE(status);
    EXPECT_EQ(CodeForHttpStatus(status, ConflictMeaning::kAborted),
              CodeForHttpStatus(status, ConflictMeaning::kAlreadyExists));
  }
}

}  // namespace
}  // namespace pulumi_gateway
