// addressMod(buffer, align): where a JS buffer's memory lies relative to an alignment, so that
// JS can place scan arenas on 64-byte boundaries (libs/native-bindings allocAlignedArena).
//
// Why: the AVX-512 kernels stream rows with 64-byte loads; a row that is not 64-byte aligned
// makes each load span two cache lines (20-35 % slower scans at d=1536, docs/benchmarks.md).
// The kernels peel rows to the next boundary themselves, but aligned arenas also let the scan
// align its copy of the query and skip the peel, and JS cannot see addresses otherwise.
//
// O(1) and synchronous (one napi_get_*_info call). The address is stable: an ArrayBuffer's
// memory is allocated outside V8's moving heap and never relocated while the buffer lives (a
// TypedArray created without an explicit buffer is moved there when native code first asks).
#include <napi.h>

#include <cstdint>

#include "addon_args.h"
#include "addon_errors.h"

namespace vecgres_addon {
namespace {

constexpr uint64_t kMaxAlign = uint64_t{1} << 20;

// buffer: ArrayBuffer (its first byte) or any TypedArray/Buffer (the first byte of its view,
// byteOffset included); align: integer in [1, 2^20]. Returns address % align.
Napi::Value AddressMod(const Napi::CallbackInfo& info) {
  try {
    const BufferArg buffer = ReadBuffer(info[0], napi_uint8_array, false, "buffer");
    const uint64_t align = ReadInteger(info[1], 1, kMaxAlign, "align");
    const uint64_t address = static_cast<uint64_t>(reinterpret_cast<uintptr_t>(buffer.data));
    // An empty buffer has no memory of its own (BufferArg gives it a static dummy address).
    if (buffer.byte_length == 0) return Napi::Number::New(info.Env(), 0);
    return Napi::Number::New(info.Env(), static_cast<double>(address % align));
  } catch (const AddonError& e) {
    throw MakeNativeError(info.Env(), e.code(), std::string("addressMod: ") + e.what());
  }
}

}  // namespace

void RegisterScanAlign(Napi::Env env, Napi::Object exports) {
  exports.Set("addressMod", Napi::Function::New(env, AddressMod, "addressMod"));
}

}  // namespace vecgres_addon
