// Exact IEEE-754 binary16 <-> binary32 conversion in portable C++ (the scalar level's
// reference; F16C/AVX-512/NEON convert in hardware and must agree bit for bit).
//
// Every helper here is `static inline` on purpose: this header is included by translation
// units compiled with different ISA flags, and an inline function with external linkage
// would let the linker keep the AVX-512 copy for the scalar code (an illegal instruction on
// older CPUs). Internal linkage gives each TU its own copy.
#pragma once

#include <cstdint>
#include <cstring>

namespace vecgres {
namespace detail {

static inline float bits_to_float(uint32_t bits) {
  float f;
  std::memcpy(&f, &bits, sizeof f);
  return f;
}

// binary16 bit pattern -> float, exact for every input:
//   zero/subnormal: mant * 2^-24 (exact: mant < 2^10 and the scale is a power of two);
//   normal: re-bias the exponent (15 -> 127) and widen the mantissa;
//   inf stays inf; NaN keeps its payload with the quiet bit set, as F16C and ARM FCVT do.
static inline float half_to_float(uint16_t h) {
  const uint32_t sign = static_cast<uint32_t>(h & 0x8000u) << 16;
  const uint32_t exp = (h >> 10) & 0x1fu;
  const uint32_t mant = h & 0x3ffu;
  if (exp == 0) {
    const float mag = static_cast<float>(mant) * 5.9604644775390625e-8f;  // 2^-24
    uint32_t bits;
    std::memcpy(&bits, &mag, sizeof bits);
    return bits_to_float(bits | sign);
  }
  if (exp == 0x1f) {
    if (mant == 0) return bits_to_float(sign | 0x7f800000u);
    return bits_to_float(sign | 0x7fc00000u | (mant << 13));
  }
  return bits_to_float(sign | ((exp + 112u) << 23) | (mant << 13));
}

}  // namespace detail
}  // namespace vecgres
