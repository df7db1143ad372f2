// See addon_index_io.h.
#include "addon_index_io.h"

#include "addon_mapped_file.h"

namespace vecgres_addon {

IndexSource ReadIndexSource(const Napi::CallbackInfo& info) {
  constexpr uint64_t kMaxSafe = (uint64_t{1} << 53) - 1;
  IndexSource out;
  const uint8_t* base = nullptr;
  size_t bytes = 0;
  if (AcquireMappedFile(info[0], &out.lease)) {
    base = out.lease->data();
    bytes = out.lease->size();
  } else {
    const BufferArg buf = ReadBuffer(info[0], napi_uint8_array, false, "source");
    base = buf.data;
    bytes = buf.byte_length;
    out.source = buf.object;
  }
  const size_t offset = info[1].IsUndefined() ? 0 : ReadInteger(info[1], 0, kMaxSafe, "byteOffset");
  if (offset > bytes) ThrowInvalid("byteOffset is past the end of the source");
  out.length = info[2].IsUndefined() ? bytes - offset : ReadInteger(info[2], 0, bytes - offset, "byteLength");
  out.data = base + offset;
  return out;
}

Napi::Object ReadOptions(const Napi::Value& v, Napi::Env env) {
  return v.IsUndefined() ? Napi::Object::New(env) : ReadObject(v, "options");
}

const volatile int32_t* ReadStop(const Napi::Object& opts, BufferKeeper& worker) {
  const Napi::Value v = opts.Get("stop");
  if (v.IsUndefined()) return nullptr;
  const BufferArg stop = ReadTypedArray(v, napi_int32_array, "stop");
  if (stop.length < 1) ThrowInvalid("stop must have at least one element");
  worker.Keep(stop.object);
  return reinterpret_cast<const volatile int32_t*>(stop.data);
}

}  // namespace vecgres_addon
