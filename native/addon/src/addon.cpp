// Module entry: registers each group of functions. Placeholder until the kernels land.
#include <napi.h>

#include "vecgres/simd_level.h"

namespace {
Napi::Value SimdLevelName(const Napi::CallbackInfo& info) {
  return Napi::String::New(info.Env(), vecgres::simd_level_name(vecgres::detect_simd_level()));
}
}  // namespace

Napi::Object Init(Napi::Env env, Napi::Object exports) {
  exports.Set("simdLevel", Napi::Function::New(env, SimdLevelName));
  return exports;
}

NODE_API_MODULE(vecgres_native, Init)
