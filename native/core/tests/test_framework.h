// A minimal self-contained test framework (no downloads, no gtest): registered cases, plain
// or run once per SIMD level available here, failures recorded per case with file:line.
// The runner prints one parseable line at the end:
//   VECGRES_TEST_SUMMARY passed=<cases> failed=<cases>
// which scripts/ctest.mjs sums over the ctest entries.
#pragma once

#include <cstdarg>
#include <cstdio>
#include <string>
#include <vector>

#include "vecgres/kernels.h"

namespace vt {

// A kernel table under test and the name printed for it ("avx512" or "avx512-novnni"...).
struct Level {
  std::string name;
  const vecgres::KernelTable* table;
};

struct Case {
  const char* name;
  void (*plain)();
  void (*per_level)(const Level&);
};

std::vector<Case>& registry();
struct Registrar {
  Registrar(const char* name, void (*fn)()) { registry().push_back({name, fn, nullptr}); }
  Registrar(const char* name, void (*fn)(const Level&)) { registry().push_back({name, nullptr, fn}); }
};

void fail(const char* file, int line, const std::string& what);
std::string format(const char* fmt, ...) __attribute__((format(printf, 1, 2)));

// The scalar table: the reference every level is compared to.
const vecgres::KernelTable& scalar();

}  // namespace vt

#define VT_TEST(name)                                                  \
  static void name();                                                  \
  static const ::vt::Registrar name##_registrar(#name, &name);         \
  static void name()

#define VT_LEVEL_TEST(name)                                            \
  static void name(const ::vt::Level&);                                \
  static const ::vt::Registrar name##_registrar(#name, &name);         \
  static void name(const ::vt::Level& level)

#define VT_CHECK(cond)                                                 \
  do {                                                                 \
    if (!(cond)) ::vt::fail(__FILE__, __LINE__, #cond);                \
  } while (0)

// VT_CHECK_MSG(cond, printf-format, args...): the message says which input failed.
#define VT_CHECK_MSG(cond, ...)                                                         \
  do {                                                                                  \
    if (!(cond)) ::vt::fail(__FILE__, __LINE__, std::string(#cond) + " -- " + ::vt::format(__VA_ARGS__)); \
  } while (0)
