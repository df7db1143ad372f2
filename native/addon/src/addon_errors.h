// Error plumbing between vecgres::Status and the JS side.
//
// Every failure reaches JS as a rejected promise whose reason is an Error with a string
// `code` property: 'INVALID_ARGUMENT' | 'OUT_OF_MEMORY' | 'CANCELLED' | 'INTERNAL' |
// 'NOT_SUPPORTED'. libs/native-bindings turns it into a NativeError and adds the SQLSTATE.
// Bad input never throws synchronously and never aborts the process.
#pragma once

#include <napi.h>

#include <stdexcept>
#include <string>

#include "vecgres/status.h"

namespace vecgres_addon {

// The NativeError.code string for a core status code.
const char* NativeErrorCode(vecgres::StatusCode code);

// An Error object with `code` set; `message` is copied.
Napi::Error MakeNativeError(Napi::Env env, vecgres::StatusCode code, const std::string& message);

// A promise that is already rejected with MakeNativeError(code, message).
Napi::Promise RejectedPromise(Napi::Env env, vecgres::StatusCode code, const std::string& message);

// Thrown by argument parsing on the JS thread (before anything is queued) and by worker code on
// the threadpool; carries the status code the rejection should have. Never crosses into JS.
class AddonError : public std::runtime_error {
 public:
  AddonError(vecgres::StatusCode code, const std::string& message)
      : std::runtime_error(message), code_(code) {}
  vecgres::StatusCode code() const { return code_; }

 private:
  vecgres::StatusCode code_;
};

// Shorthand for the common case: a caller-supplied argument is wrong.
[[noreturn]] void ThrowInvalid(const std::string& message);

// Throws AddonError when `status` is not ok (the core's static message is copied).
void ThrowIfError(const vecgres::Status& status);

}  // namespace vecgres_addon
