// RETURN_IF_ERROR / ASSIGN_OR_RETURN for absl::Status and absl::StatusOr (Abseil 20220623 ships
// neither).
//
//   RETURN_IF_ERROR(ValidateToken(token));
//   ASSIGN_OR_RETURN(std::string path, route.path().Expand(request));
#ifndef GATEWAY_STATUS_MACROS_H_
#define GATEWAY_STATUS_MACROS_H_

#include "absl/status/status.h"
#include "absl/status/statusor.h"

#define RETURN_IF_ERROR(expr)                      \
  do {                                             \
    ::absl::Status status_macro_ = (expr);         \
    if (!status_macro_.ok()) return status_macro_; \
  } while (false)

#define STATUS_MACROS_CONCAT_INNER_(a, b) a##b
#define STATUS_MACROS_CONCAT_(a, b) STATUS_MACROS_CONCAT_INNER_(a, b)

#define ASSIGN_OR_RETURN(lhs, expr) \
  ASSIGN_OR_RETURN_IMPL_(STATUS_MACROS_CONCAT_(statusor_macro_, __LINE__), lhs, expr)

#define ASSIGN_OR_RETURN_IMPL_(statusor, lhs, expr) \
  auto statusor = (expr);                           \
  if (!statusor.ok()) return statusor.status();     \
  lhs = *std::move(statusor)

#endif  // GATEWAY_STATUS_MACROS_H_
