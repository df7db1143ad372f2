// Module entry: registers each group of functions (one Register* per addon_*.cpp file).
#include <napi.h>

#include "addon_register.h"

void RegisterStorage(Napi::Env env, Napi::Object exports);  // addon_storage.cpp

Napi::Object Init(Napi::Env env, Napi::Object exports) {
  vecgres_addon::RegisterSimd(env, exports);
  vecgres_addon::RegisterScan(env, exports);
  RegisterStorage(env, exports);
  return exports;
}

NODE_API_MODULE(vecgres_native, Init)
