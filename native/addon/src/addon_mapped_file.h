// Access to a MappedFile JS object (created by openMappedFile) from other glue files, so a scan
// can use a memory-mapped sealed segment as its arena without copying.
#pragma once

#include <napi.h>

#include <cstddef>
#include <cstdint>
#include <memory>

#include "vecgres/mapped_file.h"

// True when `v` is an open MappedFile; then *data / *bytes describe the whole mapping.
// The pointer is valid only while the JS object stays open: async work must take a lease with
// AcquireMappedFile instead, so a close() during the work cannot unmap memory under it.
bool UnwrapMappedFile(Napi::Value v, const uint8_t** data, size_t* bytes);

// True when `v` is an open MappedFile; *out then shares ownership of the mapping. The mapping
// is unmapped only when the JS object is closed (or collected) AND every lease is dropped.
bool AcquireMappedFile(Napi::Value v, std::shared_ptr<const vecgres::MappedFile>* out);
