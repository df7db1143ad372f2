// Module entry: registers each group of functions (one Register* per addon_*.cpp file).
#include <napi.h>

#include "addon_register.h"

void RegisterStorage(Napi::Env env, Napi::Object exports);  // addon_storage.cpp
namespace vecgres_addon {
void RegisterHnsw(Napi::Env env, Napi::Object exports);  // addon_hnsw.cpp
void RegisterIvf(Napi::Env env, Napi::Object exports);   // addon_ivf.cpp
}

Napi::Object Init(Napi::Env env, Napi::Object exports) {
  vecgres_addon::RegisterSimd(env, exports);
  vecgres_addon::RegisterScan(env, exports);
  RegisterStorage(env, exports);
  vecgres_addon::RegisterHnsw(env, exports);
  vecgres_addon::RegisterIvf(env, exports);
  return exports;
}

NODE_API_MODULE(vecgres_native, Init)
