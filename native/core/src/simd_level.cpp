// CPU feature detection and the once-per-process choice of the kernel table.
#include "vecgres/simd_level.h"

#include <cstdlib>
#include <cstring>

#include "kernel_common.h"
#include "vecgres/kernels.h"

#if defined(VECGRES_WITH_X86_KERNELS) && (defined(__GNUC__) || defined(__clang__))
#include <cpuid.h>
#endif

namespace vecgres {
namespace {

#if defined(VECGRES_WITH_X86_KERNELS)
struct CpuFeatures {
  bool avx2 = false;     // avx2 + fma + f16c + popcnt (what kernels_avx2.cpp is built with)
  bool avx512 = false;   // avx512f + bw + vl on top of the avx2 set
  bool avx512_vnni = false;
};

// AVX512_VNNI is CPUID.(EAX=7,ECX=0):ECX bit 11. Read directly because not every compiler
// accepts "avx512vnni" in __builtin_cpu_supports; the OS-enabled AVX-512 state was already
// established by __builtin_cpu_supports("avx512f").
bool cpu_has_avx512_vnni() {
  unsigned eax = 0, ebx = 0, ecx = 0, edx = 0;
  if (!__get_cpuid_count(7, 0, &eax, &ebx, &ecx, &edx)) return false;
  return (ecx & (1u << 11)) != 0;
}

CpuFeatures detect_features() {
  CpuFeatures f;
  __builtin_cpu_init();
  f.avx2 = __builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma") &&
           __builtin_cpu_supports("f16c") && __builtin_cpu_supports("popcnt");
  f.avx512 = f.avx2 && __builtin_cpu_supports("avx512f") && __builtin_cpu_supports("avx512bw") &&
             __builtin_cpu_supports("avx512vl");
  f.avx512_vnni = f.avx512 && cpu_has_avx512_vnni();
  return f;
}

// Detection runs once; the result is immutable afterwards (thread-safe static init).
const CpuFeatures& features() {
  static const CpuFeatures f = detect_features();
  return f;
}
#endif  // VECGRES_WITH_X86_KERNELS

struct ActiveChoice {
  const KernelTable* table = nullptr;
  bool forced_unavailable = false;
};

ActiveChoice choose_active() {
  ActiveChoice c;
  const char* forced = std::getenv("VECGRES_SIMD_LEVEL");
  if (forced != nullptr && forced[0] != '\0') {
    SimdLevel level;
    if (parse_simd_level(forced, &level) && simd_level_available(level)) {
      c.table = kernel_table(level);
      return c;
    }
    c.forced_unavailable = true;
  }
  c.table = kernel_table(detect_simd_level());
  return c;
}

const ActiveChoice& active_choice() {
  static const ActiveChoice c = choose_active();
  return c;
}

}  // namespace

SimdLevel detect_simd_level() {
#if defined(VECGRES_WITH_NEON_KERNELS)
  return SimdLevel::kNeon;
#elif defined(VECGRES_WITH_X86_KERNELS)
  const CpuFeatures& f = features();
  if (f.avx512) return SimdLevel::kAvx512;
  if (f.avx2) return SimdLevel::kAvx2;
  return SimdLevel::kScalar;
#else
  return SimdLevel::kScalar;
#endif
}

bool simd_level_available(SimdLevel level) { return kernel_table(level) != nullptr; }

const char* simd_level_name(SimdLevel level) {
  switch (level) {
    case SimdLevel::kScalar: return "scalar";
    case SimdLevel::kAvx2: return "avx2";
    case SimdLevel::kAvx512: return "avx512";
    case SimdLevel::kNeon: return "neon";
  }
  return "unknown";
}

bool parse_simd_level(const char* name, SimdLevel* out) {
  if (name == nullptr || out == nullptr) return false;
  static const SimdLevel kAll[] = {SimdLevel::kScalar, SimdLevel::kAvx2, SimdLevel::kAvx512,
                                   SimdLevel::kNeon};
  for (SimdLevel level : kAll) {
    if (std::strcmp(name, simd_level_name(level)) == 0) {
      *out = level;
      return true;
    }
  }
  return false;
}

const KernelTable* kernel_table(SimdLevel level) {
  switch (level) {
    case SimdLevel::kScalar:
      return detail::scalar_kernel_table();
    case SimdLevel::kAvx2:
#if defined(VECGRES_WITH_X86_KERNELS)
      if (features().avx2) return detail::avx2_kernel_table();
#endif
      return nullptr;
    case SimdLevel::kAvx512:
#if defined(VECGRES_WITH_X86_KERNELS)
      if (features().avx512) return detail::avx512_kernel_table(features().avx512_vnni);
#endif
      return nullptr;
    case SimdLevel::kNeon:
#if defined(VECGRES_WITH_NEON_KERNELS)
      return detail::neon_kernel_table();
#else
      return nullptr;
#endif
  }
  return nullptr;
}

const KernelTable& active_kernels() { return *active_choice().table; }

bool forced_level_unavailable() { return active_choice().forced_unavailable; }

}  // namespace vecgres
