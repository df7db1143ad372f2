// One Register* function per group of exports; addon.cpp calls each once at module init.
#pragma once

#include <napi.h>

namespace vecgres_addon {

// simdLevel(), availableSimdLevels(), forcedLevelUnavailable(): O(1), synchronous.
void RegisterSimd(Napi::Env env, Napi::Object exports);

// scanDistances, scanTopK, readMemory: promise-returning threadpool workers.
void RegisterScan(Napi::Env env, Napi::Object exports);

}  // namespace vecgres_addon
