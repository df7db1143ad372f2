// SIMD level introspection: O(1) synchronous getters over the choice the core made at load.
#include <napi.h>

#include "addon_register.h"
#include "vecgres/kernels.h"
#include "vecgres/simd_level.h"

namespace vecgres_addon {
namespace {

constexpr vecgres::SimdLevel kAllLevels[] = {vecgres::SimdLevel::kScalar, vecgres::SimdLevel::kAvx2,
                                             vecgres::SimdLevel::kAvx512, vecgres::SimdLevel::kNeon};

// The level whose kernels every scan in this process uses (VECGRES_SIMD_LEVEL, else the best).
Napi::Value SimdLevel(const Napi::CallbackInfo& info) {
  return Napi::String::New(info.Env(), vecgres::simd_level_name(vecgres::active_kernels().level));
}

// Every level compiled into this binary and supported by this CPU, scalar first.
Napi::Value AvailableSimdLevels(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  Napi::Array levels = Napi::Array::New(env);
  uint32_t n = 0;
  for (vecgres::SimdLevel level : kAllLevels) {
    if (vecgres::simd_level_available(level)) levels.Set(n++, vecgres::simd_level_name(level));
  }
  return levels;
}

// True when VECGRES_SIMD_LEVEL asked for a level that cannot run here (we fell back).
Napi::Value ForcedLevelUnavailable(const Napi::CallbackInfo& info) {
  return Napi::Boolean::New(info.Env(), vecgres::forced_level_unavailable());
}

}  // namespace

void RegisterSimd(Napi::Env env, Napi::Object exports) {
  exports.Set("simdLevel", Napi::Function::New(env, SimdLevel, "simdLevel"));
  exports.Set("availableSimdLevels", Napi::Function::New(env, AvailableSimdLevels, "availableSimdLevels"));
  exports.Set("forcedLevelUnavailable", Napi::Function::New(env, ForcedLevelUnavailable, "forcedLevelUnavailable"));
}

}  // namespace vecgres_addon
