// Test runner: runs every registered case (per-level cases once per SIMD level available on
// this machine), prints the levels tested and a parseable summary, exits 1 on any failure.
//
// Modes for the ctest entries that check the once-at-load level choice (run with
// VECGRES_SIMD_LEVEL set by ctest):
//   --expect-active <name|best>     active_kernels() must be that level (best = detected)
//   --expect-forced-ok              forced_level_unavailable() must be false
//   --expect-forced-unavailable     forced_level_unavailable() must be true
//   --filter <substring>            run only cases whose name contains it
#include <cstdlib>
#include <cstring>

#include "kernel_common.h"
#include "test_framework.h"
#include "vecgres/simd_level.h"

namespace vt {
namespace {

struct RunState {
  int case_failures = 0;
};
RunState& state() {
  static RunState s;
  return s;
}

std::vector<Level> levels_under_test() {
  using vecgres::SimdLevel;
  std::vector<Level> out;
  const SimdLevel all[] = {SimdLevel::kScalar, SimdLevel::kAvx2, SimdLevel::kAvx512, SimdLevel::kNeon};
  for (SimdLevel l : all) {
    const vecgres::KernelTable* t = vecgres::kernel_table(l);
    if (t != nullptr) out.push_back({vecgres::simd_level_name(l), t});
  }
#if defined(VECGRES_WITH_X86_KERNELS)
  // The AVX-512 table without the VNNI int8 kernels is what a CPU lacking VNNI gets; test it
  // too when this CPU chose the VNNI variant.
  const vecgres::KernelTable* with = vecgres::kernel_table(SimdLevel::kAvx512);
  const vecgres::KernelTable* without = vecgres::detail::avx512_kernel_table(false);
  if (with != nullptr && with != without) out.push_back({"avx512-novnni", without});
#endif
  return out;
}

int run_level_choice(int argc, char** argv) {
  const char* expect_active = nullptr;
  int forced = -1;
  for (int i = 1; i < argc; ++i) {
    if (std::strcmp(argv[i], "--expect-active") == 0 && i + 1 < argc) expect_active = argv[++i];
    if (std::strcmp(argv[i], "--expect-forced-ok") == 0) forced = 0;
    if (std::strcmp(argv[i], "--expect-forced-unavailable") == 0) forced = 1;
  }
  const char* env = std::getenv("VECGRES_SIMD_LEVEL");
  const vecgres::KernelTable& active = vecgres::active_kernels();
  std::printf("[ RUN  ] level_choice (VECGRES_SIMD_LEVEL=%s)\n", env ? env : "");
  std::printf("active: %s forced_unavailable: %d\n", vecgres::simd_level_name(active.level),
              vecgres::forced_level_unavailable() ? 1 : 0);
  if (expect_active != nullptr) {
    const char* want = std::strcmp(expect_active, "best") == 0
                           ? vecgres::simd_level_name(vecgres::detect_simd_level())
                           : expect_active;
    VT_CHECK_MSG(std::strcmp(vecgres::simd_level_name(active.level), want) == 0, "want %s", want);
  }
  if (forced >= 0) VT_CHECK(vecgres::forced_level_unavailable() == (forced == 1));
  // The choice is made once: a second call returns the very same table.
  VT_CHECK(&vecgres::active_kernels() == &active);
  const bool ok = state().case_failures == 0;
  std::printf("[ %s ] level_choice\n", ok ? " OK " : "FAIL");
  std::printf("VECGRES_TEST_SUMMARY passed=%d failed=%d\n", ok ? 1 : 0, ok ? 0 : 1);
  return ok ? 0 : 1;
}

}  // namespace

std::vector<Case>& registry() {
  static std::vector<Case> cases;
  return cases;
}

void fail(const char* file, int line, const std::string& what) {
  // Print the first few failures of a case; a broken kernel would otherwise print thousands.
  if (state().case_failures < 8) std::printf("  %s:%d: FAILED %s\n", file, line, what.c_str());
  ++state().case_failures;
}

std::string format(const char* fmt, ...) {
  char buf[512];
  va_list ap;
  va_start(ap, fmt);
  std::vsnprintf(buf, sizeof buf, fmt, ap);
  va_end(ap);
  return buf;
}

const vecgres::KernelTable& scalar() { return *vecgres::kernel_table(vecgres::SimdLevel::kScalar); }

}  // namespace vt

int main(int argc, char** argv) {
  const char* filter = nullptr;
  for (int i = 1; i < argc; ++i) {
    if (std::strncmp(argv[i], "--expect-", 9) == 0) return vt::run_level_choice(argc, argv);
    if (std::strcmp(argv[i], "--filter") == 0 && i + 1 < argc) filter = argv[++i];
  }
  const std::vector<vt::Level> levels = vt::levels_under_test();
  std::printf("levels:");
  for (const vt::Level& l : levels) std::printf(" %s", l.name.c_str());
  std::printf("\n");

  int passed = 0, failed = 0;
  auto run_one = [&](const std::string& name, auto&& body) {
    if (filter != nullptr && name.find(filter) == std::string::npos) return;
    vt::state().case_failures = 0;
    body();
    const bool ok = vt::state().case_failures == 0;
    if (!ok) std::printf("  (%d failed checks)\n", vt::state().case_failures);
    std::printf("[ %s ] %s\n", ok ? " OK " : "FAIL", name.c_str());
    (ok ? passed : failed)++;
  };
  for (const vt::Case& c : vt::registry()) {
    if (c.plain != nullptr) {
      run_one(c.name, [&] { c.plain(); });
    } else {
      for (const vt::Level& l : levels) run_one(std::string(c.name) + "[" + l.name + "]", [&] { c.per_level(l); });
    }
  }
  std::printf("VECGRES_TEST_SUMMARY passed=%d failed=%d\n", passed, failed);
  return failed == 0 ? 0 : 1;
}
