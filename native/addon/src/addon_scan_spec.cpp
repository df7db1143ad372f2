#include "addon_scan_spec.h"

#include <string>

#include "addon_args.h"
#include "addon_errors.h"
#include "addon_mapped_file.h"

namespace vecgres_addon {
namespace {

// Row ids are uint32 and 0xFFFFFFFF marks an empty top-k slot, so at most 2^32 - 1 rows.
constexpr uint64_t kMaxRows = 0xFFFFFFFFull;
constexpr uint64_t kMaxQueries = 0xFFFFFFFFull;
// Float and bit rows: far above pgvector's limits (16,000 dims, 64,000 bits), low enough that
// size arithmetic stays small. Integer rows: the int32 accumulators are exact up to 33,000.
constexpr uint64_t kMaxDim = uint64_t{1} << 24;
constexpr uint64_t kMaxIntDim = 33000;

struct TypeInfo {
  const char* name;
  vecgres::ElemType type;
  napi_typedarray_type array_type;
  size_t elem_bytes;  // 0 for bits: rows are ceil(dim / 8) bytes
};

constexpr TypeInfo kTypes[] = {
    {"f32", vecgres::ElemType::kF32, napi_float32_array, 4},
    {"f16", vecgres::ElemType::kF16, napi_uint16_array, 2},
    {"i8", vecgres::ElemType::kI8, napi_int8_array, 1},
    {"u8", vecgres::ElemType::kU8, napi_uint8_array, 1},
    {"bits", vecgres::ElemType::kBits, napi_uint8_array, 0},
};

struct MetricInfo {
  const char* name;
  vecgres::Metric metric;
  bool for_bits;  // hamming/jaccard take bit rows; the others take numeric rows
};

constexpr MetricInfo kMetrics[] = {
    {"l2sq", vecgres::Metric::kL2Sq, false},     {"negdot", vecgres::Metric::kNegDot, false},
    {"cosine", vecgres::Metric::kCosine, false}, {"l1", vecgres::Metric::kL1, false},
    {"hamming", vecgres::Metric::kHamming, true}, {"jaccard", vecgres::Metric::kJaccard, true},
};

std::string ReadString(const Napi::Object& spec, const char* key) {
  Napi::Value value = spec.Get(key);
  if (!value.IsString()) {
    ThrowInvalid(std::string(key) + " must be a string (got " + DescribeValue(value) + ")");
  }
  return value.As<Napi::String>().Utf8Value();
}

const TypeInfo& ReadType(const Napi::Object& spec) {
  const std::string name = ReadString(spec, "type");
  for (const TypeInfo& info : kTypes) {
    if (name == info.name) return info;
  }
  ThrowInvalid("unknown type '" + name + "' (expected f32, f16, i8, u8 or bits)");
}

const MetricInfo& ReadMetric(const Napi::Object& spec, const TypeInfo& type) {
  const std::string name = ReadString(spec, "metric");
  for (const MetricInfo& info : kMetrics) {
    if (name != info.name) continue;
    // The same table as the core's metric_applies, checked here for a clearer message.
    const bool bits = type.type == vecgres::ElemType::kBits;
    const bool integer = type.type == vecgres::ElemType::kI8 || type.type == vecgres::ElemType::kU8;
    const bool int_metric = info.metric == vecgres::Metric::kL2Sq || info.metric == vecgres::Metric::kNegDot;
    if (info.for_bits != bits || (integer && !int_metric)) {
      const char* expected = bits ? "hamming or jaccard" : integer ? "l2sq or negdot" : "l2sq, negdot, cosine or l1";
      ThrowInvalid("metric '" + name + "' does not apply to type '" + type.name + "' (" + type.name +
                   " takes " + expected + ")");
    }
    return info;
  }
  ThrowInvalid("unknown metric '" + name + "' (expected l2sq, negdot, cosine, l1, hamming or jaccard)");
}

// The arena: a TypedArray / ArrayBuffer, or {file: MappedFile, byteOffset} whose rows start
// byteOffset bytes into the mapping. For a mapped arena `*mapping` takes a lease on the file and
// the returned BufferArg's object is empty (nothing to pin on the worker).
BufferArg ReadArena(const Napi::Value& value, napi_typedarray_type type,
                    std::shared_ptr<const vecgres::MappedFile>* mapping) {
  if (value.IsObject() && !value.IsTypedArray() && !value.IsArrayBuffer()) {
    const Napi::Object obj = value.As<Napi::Object>();
    if (obj.Has("file")) {
      if (!AcquireMappedFile(obj.Get("file"), mapping)) {
        ThrowInvalid("arena.file must be an open MappedFile (got " + DescribeValue(obj.Get("file")) + ")");
      }
      const size_t size = (*mapping)->size();
      const uint64_t offset = ReadInteger(obj.Get("byteOffset"), 0, size, "arena.byteOffset");
      BufferArg out{};
      out.data = (*mapping)->data() == nullptr ? nullptr : const_cast<uint8_t*>((*mapping)->data()) + offset;
      out.byte_length = size - offset;
      out.length = out.byte_length;
      return out;
    }
  }
  return ReadBuffer(value, type, true, "arena");
}

}  // namespace

ScanSpecArg ReadScanSpec(const Napi::Value& value, BufferKeeper& worker) {
  const Napi::Object spec = ReadObject(value, "scan spec");
  const TypeInfo& type = ReadType(spec);
  const MetricInfo& metric = ReadMetric(spec, type);
  const bool bits = type.type == vecgres::ElemType::kBits;
  const bool integer = type.type == vecgres::ElemType::kI8 || type.type == vecgres::ElemType::kU8;

  ScanSpecArg out;
  vecgres::ScanArgs& args = out.args;
  args.type = type.type;
  args.metric = metric.metric;
  args.dim = ReadInteger(spec.Get("dim"), 1, integer ? kMaxIntDim : kMaxDim, "dim");
  args.nq = ReadOptionalInteger(spec, "nq", 0, kMaxQueries, 1);
  args.n_rows = ReadInteger(spec.Get("nRows"), 0, kMaxRows, "nRows");

  const size_t row_elems = bits ? (args.dim + 7) / 8 : args.dim;
  out.row_bytes = row_elems * (bits ? 1 : type.elem_bytes);

  const BufferArg queries = ReadTypedArray(spec.Get("queries"), type.array_type, "queries");
  const size_t query_elems = CheckedMul(args.nq, row_elems, "nq * row length");
  if (queries.length < query_elems) {
    ThrowInvalid("queries has " + std::to_string(queries.length) + " elements; nq * " +
                 (bits ? "ceil(dim / 8)" : "dim") + " = " + std::to_string(query_elems) + " needed");
  }
  worker.Keep(queries.object);
  args.queries = queries.data;

  const BufferArg arena = ReadArena(spec.Get("arena"), type.array_type, &out.mapping);
  args.row_stride = ReadOptionalInteger(spec, "rowStride", out.row_bytes, kMaxDim * 8, out.row_bytes);
  if (args.n_rows > 0) {
    const size_t needed = CheckedAdd(CheckedMul(args.n_rows - 1, args.row_stride, "arena size"),
                                     out.row_bytes, "arena size");
    if (arena.byte_length < needed) {
      ThrowInvalid("arena has " + std::to_string(arena.byte_length) + " bytes; (nRows - 1) * rowStride + rowBytes = " +
                   std::to_string(needed) + " needed");
    }
  }
  if (!out.mapping) worker.Keep(arena.object);
  args.arena = arena.data;

  const Napi::Value ids_value = spec.Get("ids");
  if (!ids_value.IsUndefined()) {
    const BufferArg ids = ReadTypedArray(ids_value, napi_uint32_array, "ids");
    worker.Keep(ids.object);
    args.ids = reinterpret_cast<const uint32_t*>(ids.data);
    args.n_ids = ids.length;
  }
  out.rows_scanned = args.ids != nullptr ? args.n_ids : args.n_rows;

  const Napi::Value stop_value = spec.Get("stop");
  if (!stop_value.IsUndefined()) {
    const BufferArg stop = ReadTypedArray(stop_value, napi_int32_array, "stop");
    if (stop.length < 1) ThrowInvalid("stop must have at least one element");
    worker.Keep(stop.object);
    args.stop = reinterpret_cast<const volatile int32_t*>(stop.data);
  }
  return out;
}

void CheckIdsInRange(const vecgres::ScanArgs& args) {
  for (size_t i = 0; i < args.n_ids; ++i) {
    if (args.ids[i] >= args.n_rows) {
      throw AddonError(vecgres::StatusCode::kInvalidArgument,
                       "ids[" + std::to_string(i) + "] = " + std::to_string(args.ids[i]) +
                           " is out of range (nRows = " + std::to_string(args.n_rows) + ")");
    }
  }
}

void CheckNotStopped(const vecgres::ScanArgs& args) {
  if (args.stop != nullptr && *args.stop != 0) {
    throw AddonError(vecgres::StatusCode::kCancelled, "canceling statement due to user request");
  }
}

}  // namespace vecgres_addon
