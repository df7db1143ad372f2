// SIMD levels and the once-at-load choice between them.
#pragma once

namespace vecgres {

// Ordered by capability on x86; kNeon is the arm64 level.
enum class SimdLevel : int { kScalar = 0, kAvx2 = 1, kAvx512 = 2, kNeon = 3 };

// Best level this CPU supports AND this binary was compiled with (CPU detection via
// __builtin_cpu_supports on x86, always NEON on arm64).
SimdLevel detect_simd_level();

// Whether `level` can run here (compiled in and supported by the CPU).
bool simd_level_available(SimdLevel level);

// "scalar" | "avx2" | "avx512" | "neon"
const char* simd_level_name(SimdLevel level);

// Parses a name as above; returns false for an unknown name.
bool parse_simd_level(const char* name, SimdLevel* out);

}  // namespace vecgres
