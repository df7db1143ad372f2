// Arguments every native index handle shares (addon_hnsw*, addon_ivf*): the options object,
// the stop flag, and the inputs and caller-allocated outputs of a batched search
//   search(arena, queries, nq, k, options {allow?, stop?, ...}, out {ids, dists, counts})
//     queries: nq packed rows of the index's element type (any TypedArray / ArrayBuffer)
//     allow:   Uint8Array bitmap over row ids, LSB-first (bit clear = excluded)
//     out.ids: Uint32Array nq*k; out.dists: Float32Array nq*k; out.counts: Uint32Array nq
// Every buffer read here is Keep()t by the worker. The index's own options (ef, probes) are
// read by the caller from the returned options object.
#pragma once

#include <napi.h>

#include <cstdint>
#include <memory>
#include <utility>
#include <string>

#include "addon_args.h"
#include "addon_errors.h"
#include "addon_promise_worker.h"
#include "vecgres/mapped_file.h"

namespace vecgres_addon {

constexpr uint64_t kMaxQueries = 0xFFFFFFFFull;
constexpr uint64_t kMaxK = uint64_t{1} << 24;

// Starts an index worker: constructs Worker(env, extra...), lets it Read() and pin its
// arguments on the JS thread, and queues it on the threadpool; returns its promise.
template <typename Worker, typename... Extra>
Napi::Value StartIndexWorker(const Napi::CallbackInfo& info, Extra&&... extra) {
  return PromiseCall(info, [&]() {
    auto worker = std::make_unique<Worker>(info.Env(), std::forward<Extra>(extra)...);
    worker->Read(info);
    return AddonPromiseWorker::Start(std::move(worker));
  });
}

// The bytes an index opens in place: open(source, byteOffset = 0, byteLength = rest) where
// source is a MappedFile handle (the index keeps `lease`) or a buffer (the JS wrapper keeps
// `source` referenced for the index's lifetime).
struct IndexSource {
  std::shared_ptr<const vecgres::MappedFile> lease;
  const uint8_t* data = nullptr;
  size_t length = 0;
  napi_value source = nullptr;
};
IndexSource ReadIndexSource(const Napi::CallbackInfo& info);

// The options object at `v` (an empty one when undefined).
Napi::Object ReadOptions(const Napi::Value& v, Napi::Env env);

// options.stop: a shared Int32Array the core polls (nonzero cancels); nullptr when absent.
const volatile int32_t* ReadStop(const Napi::Object& opts, BufferKeeper& worker);

// The caller-allocated outputs of a search.
struct SearchOut {
  uint32_t* ids = nullptr;
  float* dists = nullptr;
  uint32_t* counts = nullptr;
};

// Reads info[1..5] of a search call into `args` (a core *SearchArgs: queries, nq, k, allow,
// allow_bits, stop) and `out`; returns the options object (info[4]).
template <class Args>
Napi::Object ReadSearchIo(const Napi::CallbackInfo& info, size_t row_bytes, BufferKeeper& worker,
                          Args& args, SearchOut& out) {
  const BufferArg queries = ReadBuffer(info[1], napi_uint8_array, false, "queries");
  args.nq = ReadInteger(info[2], 0, kMaxQueries, "nq");
  args.k = ReadInteger(info[3], 0, kMaxK, "k");
  const size_t qbytes = CheckedMul(args.nq, row_bytes, "nq * row bytes");
  if (queries.byte_length < qbytes) {
    ThrowInvalid("queries has " + std::to_string(queries.byte_length) + " bytes; nq * rowBytes = " +
                 std::to_string(qbytes) + " needed");
  }
  worker.Keep(queries.object);
  args.queries = queries.data;
  const Napi::Object opts = ReadOptions(info[4], info.Env());
  if (!opts.Get("allow").IsUndefined()) {
    const BufferArg allow = ReadTypedArray(opts.Get("allow"), napi_uint8_array, "allow");
    worker.Keep(allow.object);
    args.allow = allow.data;
    args.allow_bits = allow.byte_length * 8;
  }
  args.stop = ReadStop(opts, worker);
  const Napi::Object o = ReadObject(info[5], "out");
  const size_t slots = CheckedMul(args.nq, args.k, "nq * k");
  const BufferArg ids = ReadTypedArray(o.Get("ids"), napi_uint32_array, "out.ids");
  const BufferArg dists = ReadTypedArray(o.Get("dists"), napi_float32_array, "out.dists");
  const BufferArg counts = ReadTypedArray(o.Get("counts"), napi_uint32_array, "out.counts");
  if (ids.length < slots || dists.length < slots) {
    ThrowInvalid("out.ids and out.dists need nq * k = " + std::to_string(slots) + " elements");
  }
  if (counts.length < args.nq) ThrowInvalid("out.counts needs nq = " + std::to_string(args.nq) + " elements");
  worker.Keep(ids.object);
  worker.Keep(dists.object);
  worker.Keep(counts.object);
  out.ids = reinterpret_cast<uint32_t*>(ids.data);
  out.dists = reinterpret_cast<float*>(dists.data);
  out.counts = reinterpret_cast<uint32_t*>(counts.data);
  return opts;
}

}  // namespace vecgres_addon
