#include "addon_errors.h"

namespace vecgres_addon {

const char* NativeErrorCode(vecgres::StatusCode code) {
  switch (code) {
    case vecgres::StatusCode::kInvalidArgument:
      return "INVALID_ARGUMENT";
    case vecgres::StatusCode::kOutOfMemory:
      return "OUT_OF_MEMORY";
    case vecgres::StatusCode::kCancelled:
      return "CANCELLED";
    case vecgres::StatusCode::kNotSupported:
      return "NOT_SUPPORTED";
    case vecgres::StatusCode::kOk:  // an ok status is never turned into an error; treat as a bug
    case vecgres::StatusCode::kInternal:
      break;
  }
  return "INTERNAL";
}

Napi::Error MakeNativeError(Napi::Env env, vecgres::StatusCode code, const std::string& message) {
  Napi::Error error = Napi::Error::New(env, message);
  error.Value().Set("code", Napi::String::New(env, NativeErrorCode(code)));
  return error;
}

Napi::Promise RejectedPromise(Napi::Env env, vecgres::StatusCode code, const std::string& message) {
  Napi::Promise::Deferred deferred = Napi::Promise::Deferred::New(env);
  deferred.Reject(MakeNativeError(env, code, message).Value());
  return deferred.Promise();
}

void ThrowInvalid(const std::string& message) {
  throw AddonError(vecgres::StatusCode::kInvalidArgument, message);
}

void ThrowIfError(const vecgres::Status& status) {
  if (!status.is_ok()) throw AddonError(status.code, status.message);
}

}  // namespace vecgres_addon
