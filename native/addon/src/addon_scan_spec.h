// Reads the JS ScanSpec object (libs/native-bindings ScanSpec) into vecgres::ScanArgs.
#pragma once

#include <napi.h>

#include <cstddef>
#include <cstdint>
#include <memory>

#include "addon_promise_worker.h"
#include "vecgres/mapped_file.h"
#include "vecgres/scan.h"

namespace vecgres_addon {

struct ScanSpecArg {
  vecgres::ScanArgs args;
  size_t row_bytes = 0;      // bytes of one packed row (and of one query)
  size_t rows_scanned = 0;   // m: n_ids when ids are given, else n_rows
  // Lease on a mapped-file arena ({file, byteOffset}): keeps the mapping alive while the worker
  // runs, even if the JS side closes the file meanwhile.
  std::shared_ptr<const vecgres::MappedFile> mapping;
};

// Validates every field of `value` (types, enums, integer ranges, buffer lengths against
// nq/dim/nRows/rowStride) and pins its buffers on `worker`. The arena is a TypedArray /
// ArrayBuffer, or `{file: MappedFile, byteOffset}` (rows read in place from the mapping). Throws AddonError on bad input.
// Does NOT check that ids < nRows (O(n_ids)); the worker does that off the JS thread with
// CheckIdsInRange before calling the core.
ScanSpecArg ReadScanSpec(const Napi::Value& value, BufferKeeper& worker);

// Throws AddonError(kInvalidArgument) naming the first id >= n_rows. Threadpool-safe.
void CheckIdsInRange(const vecgres::ScanArgs& args);

// Throws AddonError(kCancelled) when the stop flag is already set. Threadpool-safe.
void CheckNotStopped(const vecgres::ScanArgs& args);

}  // namespace vecgres_addon
