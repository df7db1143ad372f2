// CRC-32C: SSE4.2 `crc32` instruction when available (x86-64), else slicing-by-8 tables.
// The hardware function is compiled with `target("sse4.2")` so this file needs no per-file ISA
// flags and the rest of the core stays at the baseline ISA; it is only called after a runtime
// check.
#include "vecgres/crc32c.h"

#include <array>
#include <cstring>

#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
#include <nmmintrin.h>
#define VECGRES_CRC32C_X86 1
#endif

namespace vecgres {
namespace {

constexpr uint32_t kPoly = 0x82F63B78u;  // reflected Castagnoli polynomial

using Tables = std::array<std::array<uint32_t, 256>, 8>;

// tables[0] is the classic byte-at-a-time table; tables[k][b] advances tables[k-1][b] by one
// more zero byte, which lets the loop fold 8 input bytes with 8 independent lookups.
constexpr Tables make_tables() {
  Tables t{};
  for (uint32_t b = 0; b < 256; ++b) {
    uint32_t c = b;
    for (int i = 0; i < 8; ++i) c = (c & 1u) ? (c >> 1) ^ kPoly : (c >> 1);
    t[0][b] = c;
  }
  for (int k = 1; k < 8; ++k) {
    for (uint32_t b = 0; b < 256; ++b) t[k][b] = (t[k - 1][b] >> 8) ^ t[0][t[k - 1][b] & 0xFFu];
  }
  return t;
}

constexpr Tables kTables = make_tables();

inline uint32_t load_le32(const uint8_t* p) {
  uint32_t v;
  std::memcpy(&v, p, 4);
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
  v = __builtin_bswap32(v);
#endif
  return v;
}

uint32_t crc32c_sliced(uint32_t crc, const uint8_t* p, size_t n) {
  while (n >= 8) {
    const uint32_t lo = load_le32(p) ^ crc;
    const uint32_t hi = load_le32(p + 4);
    crc = kTables[7][lo & 0xFF] ^ kTables[6][(lo >> 8) & 0xFF] ^ kTables[5][(lo >> 16) & 0xFF] ^
          kTables[4][lo >> 24] ^ kTables[3][hi & 0xFF] ^ kTables[2][(hi >> 8) & 0xFF] ^
          kTables[1][(hi >> 16) & 0xFF] ^ kTables[0][hi >> 24];
    p += 8;
    n -= 8;
  }
  while (n--) crc = (crc >> 8) ^ kTables[0][(crc ^ *p++) & 0xFF];
  return crc;
}

#ifdef VECGRES_CRC32C_X86
__attribute__((target("sse4.2"))) uint32_t crc32c_sse42(uint32_t crc, const uint8_t* p, size_t n) {
  uint64_t c = crc;
  // Align to 8 bytes first so the 64-bit loads in the main loop never straddle a cache line.
  while (n > 0 && (reinterpret_cast<uintptr_t>(p) & 7u) != 0) {
    c = _mm_crc32_u8(static_cast<uint32_t>(c), *p++);
    --n;
  }
  while (n >= 8) {
    uint64_t v;
    std::memcpy(&v, p, 8);
    c = _mm_crc32_u64(c, v);
    p += 8;
    n -= 8;
  }
  while (n--) c = _mm_crc32_u8(static_cast<uint32_t>(c), *p++);
  return static_cast<uint32_t>(c);
}
#endif

using Impl = uint32_t (*)(uint32_t, const uint8_t*, size_t);

// Chosen once; a function-local static is immutable after its thread-safe initialisation.
Impl choose_impl() {
#ifdef VECGRES_CRC32C_X86
  __builtin_cpu_init();
  if (__builtin_cpu_supports("sse4.2")) return crc32c_sse42;
#endif
  return crc32c_sliced;
}

Impl active_impl() {
  static const Impl impl = choose_impl();
  return impl;
}

}  // namespace

uint32_t crc32c(uint32_t crc, const void* data, size_t bytes) {
  const uint32_t r = active_impl()(~crc, static_cast<const uint8_t*>(data), bytes);
  return ~r;
}

uint32_t crc32c_portable(uint32_t crc, const void* data, size_t bytes) {
  return ~crc32c_sliced(~crc, static_cast<const uint8_t*>(data), bytes);
}

bool crc32c_hardware_available() {
#ifdef VECGRES_CRC32C_X86
  return active_impl() == crc32c_sse42;
#else
  return false;
#endif
}

}  // namespace vecgres
