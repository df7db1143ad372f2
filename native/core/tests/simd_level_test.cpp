// Level names, parsing, availability, and read_memory's level-independent checksum.
#include <cstring>

#include "test_data.h"
#include "test_framework.h"
#include "vecgres/scan.h"
#include "vecgres/simd_level.h"

namespace {

using vecgres::SimdLevel;

VT_TEST(level_names_round_trip) {
  for (SimdLevel l : {SimdLevel::kScalar, SimdLevel::kAvx2, SimdLevel::kAvx512, SimdLevel::kNeon}) {
    SimdLevel parsed = SimdLevel::kScalar;
    VT_CHECK(vecgres::parse_simd_level(vecgres::simd_level_name(l), &parsed));
    VT_CHECK(parsed == l);
  }
  SimdLevel out = SimdLevel::kAvx2;
  VT_CHECK(!vecgres::parse_simd_level("AVX2", &out));
  VT_CHECK(!vecgres::parse_simd_level("", &out));
  VT_CHECK(!vecgres::parse_simd_level(nullptr, &out));
  VT_CHECK(out == SimdLevel::kAvx2);  // untouched on failure
}

VT_TEST(detected_level_is_available) {
  const SimdLevel best = vecgres::detect_simd_level();
  VT_CHECK(vecgres::simd_level_available(best));
  VT_CHECK(vecgres::simd_level_available(SimdLevel::kScalar));
  VT_CHECK(vecgres::kernel_table(best)->level == best);
#if defined(__x86_64__)
  VT_CHECK(!vecgres::simd_level_available(SimdLevel::kNeon));
#endif
#if defined(__aarch64__)
  VT_CHECK(best == SimdLevel::kNeon);
  VT_CHECK(!vecgres::simd_level_available(SimdLevel::kAvx2));
#endif
}

VT_LEVEL_TEST(table_is_complete) {
  const vecgres::KernelTable& t = *level.table;
  const void* fns[] = {reinterpret_cast<const void*>(t.f32_l2sq), reinterpret_cast<const void*>(t.f32_dot),
                       reinterpret_cast<const void*>(t.f32_cosine), reinterpret_cast<const void*>(t.f32_l1),
                       reinterpret_cast<const void*>(t.f16_l2sq), reinterpret_cast<const void*>(t.f16_dot),
                       reinterpret_cast<const void*>(t.f16_cosine), reinterpret_cast<const void*>(t.f16_l1),
                       reinterpret_cast<const void*>(t.i8_dot), reinterpret_cast<const void*>(t.i8_l2sq),
                       reinterpret_cast<const void*>(t.u8_dot), reinterpret_cast<const void*>(t.u8_l2sq),
                       reinterpret_cast<const void*>(t.bits_hamming), reinterpret_cast<const void*>(t.bits_jaccard),
                       reinterpret_cast<const void*>(t.read_memory)};
  for (const void* f : fns) VT_CHECK(f != nullptr);
}

VT_LEVEL_TEST(read_memory_checksum_is_level_independent) {
  const std::vector<uint8_t> src = vt::random_ints<uint8_t>((1u << 20) + 64, 51);
  std::vector<uint8_t> storage;
  // Offsets from a 64-byte boundary: 8, 16, 40 take the AVX-512 level's aligned-head path,
  // 1 and 3 (not 8-byte aligned) its plain one.
  const uint8_t* base = vt::place_at_offset(storage, src.data(), src.size(), 0);
  for (size_t bytes : {size_t{0}, size_t{1}, size_t{7}, size_t{8}, size_t{63}, size_t{64}, size_t{255},
                       size_t{256}, size_t{1000}, size_t{4099}, size_t{1u << 20}}) {
    for (size_t off : {0, 1, 3, 8, 16, 40}) {
      const uint8_t* p = base + off;
      uint64_t want = 0;  // sum of little-endian u64 words, then the trailing bytes
      size_t i = 0;
      for (; i + 8 <= bytes; i += 8) {
        uint64_t w;
        std::memcpy(&w, p + i, 8);
        want += w;
      }
      for (; i < bytes; ++i) want += p[i];
      VT_CHECK_MSG(vecgres::read_memory(*level.table, p, bytes) == want, "bytes=%zu off=%zu", bytes, off);
    }
  }
}

}  // namespace
