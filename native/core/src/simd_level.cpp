#include "vecgres/simd_level.h"
namespace vecgres {
SimdLevel detect_simd_level() { return SimdLevel::kScalar; }
const char* simd_level_name(SimdLevel) { return "scalar"; }
}
