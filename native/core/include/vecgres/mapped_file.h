// A whole file mapped read-only into memory (POSIX mmap). Sealed segment files are immutable,
// so a mapping stays valid for as long as the segment is open: vector scans read the float32
// arena in place instead of copying it into the JS heap. Windows is not supported yet
// (open() returns kNotSupported).
#pragma once

#include <cstddef>
#include <cstdint>

#include "vecgres/status.h"

namespace vecgres {

// madvise hints: how the caller is about to read the mapping. kDontNeed releases the range
// from this process (its page-table entries; the page cache keeps the data, the next access
// maps it again): for ranges read once, e.g. to verify a checksum.
enum class AccessHint : int { kNormal = 0, kSequential = 1, kRandom = 2, kWillNeed = 3, kDontNeed = 4 };

class MappedFile {
 public:
  MappedFile() = default;
  ~MappedFile();
  MappedFile(const MappedFile&) = delete;
  MappedFile& operator=(const MappedFile&) = delete;
  MappedFile(MappedFile&& other) noexcept;
  MappedFile& operator=(MappedFile&& other) noexcept;

  // Maps the whole file at `path` read-only, asking for huge pages when it is at least 2 MiB
  // (see mapped_file.cpp). On failure returns a non-ok Status and, when
  // `sys_errno` is non-null, stores the errno of the failing call there (0 if none).
  // An empty file is valid: is_open() is true, size() is 0 and data() is null.
  static Status open(const char* path, MappedFile* out, int* sys_errno);

  // Hint for [offset, offset + length) (clamped to the file; page-aligned internally).
  Status advise(AccessHint hint, size_t offset, size_t length) const;

  // Unmaps; safe to call twice. The caller guarantees no reader still uses data().
  void close();

  bool is_open() const { return open_; }
  const uint8_t* data() const { return data_; }
  size_t size() const { return size_; }

 private:
  const uint8_t* data_ = nullptr;
  size_t size_ = 0;
  bool open_ = false;
};

}  // namespace vecgres
