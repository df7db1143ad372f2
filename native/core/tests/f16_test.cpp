// Half-precision conversion at every level over all 65,536 bit patterns (zeros, subnormals,
// normals, infinities, NaNs), checked against the definition in test_data.h.
#include <cmath>

#include "test_data.h"
#include "test_framework.h"

namespace {

// Builds a 16-element vector holding `h` in lane `lane` and +0 elsewhere. 16 lanes: a full
// vector at every level, so the hardware conversion (F16C / AVX-512 / FCVTL) is what runs,
// in every lane position over the sweep.
void place(uint16_t h, size_t lane, uint16_t out[16]) {
  for (size_t i = 0; i < 16; ++i) out[i] = 0;
  out[lane] = h;
}

VT_LEVEL_TEST(f16_every_bit_pattern_converts_exactly) {
  const vecgres::KernelTable& t = *level.table;
  uint16_t ones[16], zeros[16] = {0}, x[16];
  for (uint16_t& o : ones) o = 0x3c00;  // 1.0
  for (uint32_t h = 0; h <= 0xffff; ++h) {
    place(static_cast<uint16_t>(h), h % 16, x);
    const double want = vt::half_reference(static_cast<uint16_t>(h));
    // x . 1 = x and |x - 0| = |x|: exact in float for every finite half, inf stays inf,
    // NaN stays NaN; the zero lanes add +0.
    const float dot = t.f16_dot(x, ones, 16);
    const float l1 = t.f16_l1(x, zeros, 16);
    if (std::isnan(want)) {
      VT_CHECK_MSG(std::isnan(dot) && std::isnan(l1), "h=0x%04x", h);
    } else {
      VT_CHECK_MSG(dot == static_cast<float>(want), "h=0x%04x dot=%a want=%a", h, dot, want);
      VT_CHECK_MSG(l1 == static_cast<float>(std::fabs(want)), "h=0x%04x l1=%a", h, l1);
    }
  }
}

VT_LEVEL_TEST(f16_special_values_in_distances) {
  const vecgres::KernelTable& t = *level.table;
  for (size_t d : {1, 7, 16, 17, 33}) {
    std::vector<uint16_t> a = vt::random_halves(d, 41), b = vt::random_halves(d, 42);
    std::vector<uint16_t> inf(a), nan(a), sub(d, 0x0001);
    inf[d / 2] = 0x7c00;   // +inf
    nan[d - 1] = 0x7e00;   // quiet NaN
    VT_CHECK_MSG(std::isinf(t.f16_l2sq(inf.data(), b.data(), d)), "d=%zu", d);
    VT_CHECK_MSG(std::isinf(t.f16_l1(inf.data(), b.data(), d)), "d=%zu", d);
    VT_CHECK_MSG(std::isnan(t.f16_l2sq(nan.data(), b.data(), d)), "d=%zu", d);
    VT_CHECK_MSG(std::isnan(t.f16_dot(nan.data(), b.data(), d)), "d=%zu", d);
    VT_CHECK_MSG(std::isnan(t.f16_cosine(nan.data(), b.data(), d)), "d=%zu", d);
    // Smallest subnormal 2^-24: d of them dotted with 1.0 is d * 2^-24, exact in float.
    std::vector<uint16_t> ones(d, 0x3c00);
    VT_CHECK_MSG(t.f16_dot(sub.data(), ones.data(), d) == std::ldexp(static_cast<float>(d), -24), "d=%zu", d);
    // Largest half: 65504^2 = 4.29e9 is a finite float.
    std::vector<uint16_t> big(d, 0x7bff), zero(d, 0);
    VT_CHECK_MSG(t.f16_l2sq(big.data(), zero.data(), d) == static_cast<float>(d) * 65504.0f * 65504.0f ||
                     vt::close(t.f16_l2sq(big.data(), zero.data(), d), static_cast<float>(d) * 65504.0f * 65504.0f),
                 "d=%zu", d);
  }
}

}  // namespace
