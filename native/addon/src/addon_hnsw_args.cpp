// Argument readers of the HNSW glue: index parameters and arenas (memory or mapped).
#include <string>

#include "addon_args.h"
#include "addon_errors.h"
#include "addon_hnsw.h"
#include "addon_mapped_file.h"

namespace vecgres_addon {
namespace {

constexpr uint64_t kMaxRows = 0xFFFFFFFEull;  // node ids are uint32 and 0xFFFFFFFF means "none"
constexpr uint64_t kMaxDim = uint64_t{1} << 24;
constexpr uint64_t kMaxSafe = (uint64_t{1} << 53) - 1;

struct Named {
  const char* name;
  int value;
};
constexpr Named kTypes[] = {{"f32", 0}, {"f16", 1}, {"i8", 2}, {"u8", 3}, {"bits", 4}};
constexpr Named kMetrics[] = {{"l2sq", 0}, {"negdot", 1}, {"cosine", 2}, {"l1", 3}, {"hamming", 4}, {"jaccard", 5}};

template <size_t N>
int ReadNamed(const Napi::Object& o, const char* key, const Named (&table)[N]) {
  const Napi::Value v = o.Get(key);
  if (!v.IsString()) ThrowInvalid(std::string(key) + " must be a string (got " + DescribeValue(v) + ")");
  const std::string s = v.As<Napi::String>().Utf8Value();
  for (const Named& n : table) {
    if (s == n.name) return n.value;
  }
  ThrowInvalid("unknown " + std::string(key) + " '" + s + "'");
}

}  // namespace

const char* ElemTypeName(vecgres::ElemType type) { return kTypes[static_cast<int>(type)].name; }
const char* MetricName(vecgres::Metric metric) { return kMetrics[static_cast<int>(metric)].name; }

vecgres::HnswParams ReadHnswParams(const Napi::Value& value) {
  const Napi::Object o = ReadObject(value, "hnsw params");
  vecgres::HnswParams p;
  p.type = static_cast<vecgres::ElemType>(ReadNamed(o, "type", kTypes));
  p.metric = static_cast<vecgres::Metric>(ReadNamed(o, "metric", kMetrics));
  p.dim = static_cast<uint32_t>(ReadInteger(o.Get("dim"), 1, kMaxDim, "dim"));
  p.m = static_cast<uint32_t>(ReadOptionalInteger(o, "m", 2, vecgres::kHnswMaxM, 16));
  p.ef_construction = static_cast<uint32_t>(
      ReadOptionalInteger(o, "efConstruction", p.m, vecgres::kHnswMaxEf, std::max<uint32_t>(64, p.m)));
  p.seed = ReadOptionalInteger(o, "seed", 0, kMaxSafe, p.seed);
  return p;
}

HnswArenaArg ReadHnswArena(const Napi::Value& value, size_t row_bytes, BufferKeeper& worker) {
  const Napi::Object o = ReadObject(value, "arena");
  HnswArenaArg out;
  out.arena.n_rows = ReadInteger(o.Get("rows"), 0, kMaxRows, "arena.rows");
  out.arena.row_stride = ReadOptionalInteger(o, "rowStride", row_bytes, kMaxDim * 8, row_bytes);
  const size_t offset = ReadOptionalInteger(o, "byteOffset", 0, kMaxSafe, 0);
  const uint8_t* base = nullptr;
  size_t bytes = 0;
  const Napi::Value file = o.Get("file");
  if (!file.IsUndefined()) {
    if (!AcquireMappedFile(file, &out.lease)) ThrowInvalid("arena.file must be an open MappedFile");
    base = out.lease->data();
    bytes = out.lease->size();
  } else {
    const BufferArg data = ReadBuffer(o.Get("data"), napi_uint8_array, false, "arena.data");
    worker.Keep(data.object);
    base = data.data;
    bytes = data.byte_length;
  }
  size_t needed = offset;
  if (out.arena.n_rows > 0) {
    needed = CheckedAdd(offset,
                        CheckedAdd(CheckedMul(out.arena.n_rows - 1, out.arena.row_stride, "arena size"), row_bytes,
                                   "arena size"),
                        "arena size");
  }
  if (needed > bytes) {
    ThrowInvalid("arena has " + std::to_string(bytes) + " bytes; byteOffset + (rows - 1) * rowStride + rowBytes = " +
                 std::to_string(needed) + " needed");
  }
  out.arena.data = base == nullptr ? nullptr : base + offset;
  return out;
}

}  // namespace vecgres_addon
