// Reads the JS ScanSpec object (libs/native-bindings ScanSpec) into vecgres::ScanArgs.
#pragma once

#include <napi.h>

#include <cstddef>
#include <cstdint>

#include "addon_promise_worker.h"
#include "vecgres/scan.h"

namespace vecgres_addon {

struct ScanSpecArg {
  vecgres::ScanArgs args;
  size_t row_bytes = 0;      // bytes of one packed row (and of one query)
  size_t rows_scanned = 0;   // m: n_ids when ids are given, else n_rows
};

// Validates every field of `value` (types, enums, integer ranges, buffer lengths against
// nq/dim/nRows/rowStride) and pins its buffers on `worker`. Throws AddonError on bad input.
// Does NOT check that ids < nRows (O(n_ids)); the worker does that off the JS thread with
// CheckIdsInRange before calling the core.
ScanSpecArg ReadScanSpec(const Napi::Value& value, AddonPromiseWorker& worker);

// Throws AddonError(kInvalidArgument) naming the first id >= n_rows. Threadpool-safe.
void CheckIdsInRange(const vecgres::ScanArgs& args);

// Throws AddonError(kCancelled) when the stop flag is already set. Threadpool-safe.
void CheckNotStopped(const vecgres::ScanArgs& args);

}  // namespace vecgres_addon
