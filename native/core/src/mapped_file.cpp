// POSIX implementation of MappedFile. The descriptor is closed right after mmap: the mapping
// keeps the file alive on its own, so an open segment costs no file descriptor.
#include "vecgres/mapped_file.h"

#include <cerrno>
#include <utility>

#if defined(__unix__) || defined(__APPLE__)
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>
#define VECGRES_HAVE_MMAP 1
#endif

namespace vecgres {

namespace {
constexpr size_t kHugePageBytes = size_t{2} << 20;
}  // namespace

MappedFile::~MappedFile() { close(); }

MappedFile::MappedFile(MappedFile&& other) noexcept
    : data_(std::exchange(other.data_, nullptr)),
      size_(std::exchange(other.size_, 0)),
      open_(std::exchange(other.open_, false)) {}

MappedFile& MappedFile::operator=(MappedFile&& other) noexcept {
  if (this != &other) {
    close();
    data_ = std::exchange(other.data_, nullptr);
    size_ = std::exchange(other.size_, 0);
    open_ = std::exchange(other.open_, false);
  }
  return *this;
}

#ifdef VECGRES_HAVE_MMAP

Status MappedFile::open(const char* path, MappedFile* out, int* sys_errno) {
  if (sys_errno) *sys_errno = 0;
  if (path == nullptr || out == nullptr) return Status::invalid("mapped file: null argument");
  out->close();
  int fd = ::open(path, O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    if (sys_errno) *sys_errno = errno;
    return {StatusCode::kInternal, "could not open file"};
  }
  struct stat st;
  if (::fstat(fd, &st) != 0) {
    if (sys_errno) *sys_errno = errno;
    ::close(fd);
    return {StatusCode::kInternal, "could not stat file"};
  }
  if (!S_ISREG(st.st_mode)) {
    ::close(fd);
    return Status::invalid("not a regular file");
  }
  const size_t size = static_cast<size_t>(st.st_size);
  void* p = nullptr;
  if (size > 0) {
    p = ::mmap(nullptr, size, PROT_READ, MAP_SHARED, fd, 0);
    if (p == MAP_FAILED) {
      if (sys_errno) *sys_errno = errno;
      ::close(fd);
      return {StatusCode::kInternal, "could not mmap file"};
    }
  }
  ::close(fd);
  // Random reads over a large arena (HNSW walks, rescoring) miss the TLB on nearly every row
  // with 4 KiB pages. Asking for huge pages before the first touch makes the fault path read
  // the file into 2 MiB page-cache folios and map them with 2 MiB entries (Linux 6.x with a
  // large-folio file system such as ext4 or xfs, THP "madvise" or "always"). Pages already
  // cached in smaller folios (e.g. by buffered reads) stay 4 KiB-mapped, so segment files are
  // verified through the mapping (the addon's mappedCrc32c), not by read(). Elsewhere the
  // hint is refused or ignored, which is harmless.
#if defined(MADV_HUGEPAGE)
  if (size >= kHugePageBytes) (void)::madvise(p, size, MADV_HUGEPAGE);
#endif
  out->data_ = static_cast<const uint8_t*>(p);
  out->size_ = size;
  out->open_ = true;
  return Status::ok();
}

Status MappedFile::advise(AccessHint hint, size_t offset, size_t length) const {
  if (!open_ || size_ == 0 || offset >= size_) return Status::ok();
  if (length > size_ - offset) length = size_ - offset;
  const size_t page = static_cast<size_t>(::sysconf(_SC_PAGESIZE));
  const size_t start = offset - offset % page;  // madvise wants a page-aligned address
  int advice = MADV_NORMAL;
  switch (hint) {
    case AccessHint::kNormal: advice = MADV_NORMAL; break;
    case AccessHint::kSequential: advice = MADV_SEQUENTIAL; break;
    case AccessHint::kRandom: advice = MADV_RANDOM; break;
    case AccessHint::kWillNeed: advice = MADV_WILLNEED; break;
    case AccessHint::kDontNeed: advice = MADV_DONTNEED; break;
    default: return Status::invalid("unknown access hint");
  }
  void* addr = const_cast<uint8_t*>(data_ + start);
  if (::madvise(addr, length + (offset - start), advice) != 0) {
    return {StatusCode::kInternal, "madvise failed"};
  }
  return Status::ok();
}

void MappedFile::close() {
  if (data_ != nullptr && size_ > 0) ::munmap(const_cast<uint8_t*>(data_), size_);
  data_ = nullptr;
  size_ = 0;
  open_ = false;
}

#else  // no mmap (Windows): left for later

Status MappedFile::open(const char*, MappedFile*, int* sys_errno) {
  if (sys_errno) *sys_errno = 0;
  return {StatusCode::kNotSupported, "memory-mapped files are not supported on this platform"};
}

Status MappedFile::advise(AccessHint, size_t, size_t) const { return Status::ok(); }

void MappedFile::close() {
  data_ = nullptr;
  size_ = 0;
  open_ = false;
}

#endif

}  // namespace vecgres
