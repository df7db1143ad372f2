// Module entry: registers each group of functions (one Register* per addon_*.cpp file).
#include <napi.h>

#include "addon_register.h"

Napi::Object Init(Napi::Env env, Napi::Object exports) {
  vecgres_addon::RegisterSimd(env, exports);
  vecgres_addon::RegisterScan(env, exports);
  return exports;
}

NODE_API_MODULE(vecgres_native, Init)
