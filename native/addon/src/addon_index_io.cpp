// See addon_index_io.h.
#include "addon_index_io.h"

namespace vecgres_addon {

Napi::Object ReadOptions(const Napi::Value& v, Napi::Env env) {
  return v.IsUndefined() ? Napi::Object::New(env) : ReadObject(v, "options");
}

const volatile int32_t* ReadStop(const Napi::Object& opts, AddonPromiseWorker& worker) {
  const Napi::Value v = opts.Get("stop");
  if (v.IsUndefined()) return nullptr;
  const BufferArg stop = ReadTypedArray(v, napi_int32_array, "stop");
  if (stop.length < 1) ThrowInvalid("stop must have at least one element");
  worker.Keep(stop.object);
  return reinterpret_cast<const volatile int32_t*>(stop.data);
}

}  // namespace vecgres_addon
