// Error reporting for the native core: static messages and enum codes, no exceptions across
// the core's API. The addon maps StatusCode to NativeError.code and libs/errors maps that to a
// SQLSTATE. Invariant violations assert; bad input returns a Status.
#pragma once

namespace vecgres {

enum class StatusCode : int {
  kOk = 0,
  kInvalidArgument = 1,  // -> 22023 invalid_parameter_value
  kOutOfMemory = 2,      // -> 53200 out_of_memory
  kCancelled = 3,        // -> 57014 query_canceled
  kInternal = 4,         // -> XX000 internal_error
  kNotSupported = 5,     // -> 0A000 feature_not_supported
};

struct Status {
  StatusCode code = StatusCode::kOk;
  const char* message = "";  // always a string literal: safe to keep after the call returns

  static Status ok() { return {}; }
  static Status invalid(const char* msg) { return {StatusCode::kInvalidArgument, msg}; }
  static Status cancelled() { return {StatusCode::kCancelled, "canceling statement due to user request"}; }
  bool is_ok() const { return code == StatusCode::kOk; }
};

}  // namespace vecgres
