// Every kernel at every level vs the scalar level (floats within vt::close, integers and bits
// exactly), at the brief's dimensions, aligned and offset by one element; and the scalar
// level itself vs references computed from the definitions.
#include <cmath>

#include "test_data.h"
#include "test_framework.h"

namespace {

using vecgres::KernelTable;

// Offsets 0 and 1 element: the +1 case makes every SIMD load unaligned.
const size_t kOffsets[] = {0, 1};

VT_LEVEL_TEST(f32_kernels_match_scalar) {
  const KernelTable& s = vt::scalar();
  const KernelTable& t = *level.table;
  for (size_t d : vt::test_dims()) {
    for (size_t off : kOffsets) {
      const std::vector<float> av = vt::random_floats(d + 1, 100 + static_cast<uint32_t>(d));
      const std::vector<float> bv = vt::random_floats(d + 1, 200 + static_cast<uint32_t>(d));
      const float* a = av.data() + off;
      const float* b = bv.data() + off;
      VT_CHECK_MSG(vt::close(t.f32_l2sq(a, b, d), s.f32_l2sq(a, b, d)), "d=%zu off=%zu", d, off);
      VT_CHECK_MSG(vt::close(t.f32_dot(a, b, d), s.f32_dot(a, b, d)), "d=%zu off=%zu", d, off);
      VT_CHECK_MSG(vt::close(t.f32_cosine(a, b, d), s.f32_cosine(a, b, d)), "d=%zu off=%zu", d, off);
      VT_CHECK_MSG(vt::close(t.f32_l1(a, b, d), s.f32_l1(a, b, d)), "d=%zu off=%zu", d, off);
    }
  }
}

VT_LEVEL_TEST(f16_kernels_match_scalar) {
  const KernelTable& s = vt::scalar();
  const KernelTable& t = *level.table;
  for (size_t d : vt::test_dims()) {
    for (size_t off : kOffsets) {
      const std::vector<uint16_t> av = vt::random_halves(d + 1, 300 + static_cast<uint32_t>(d));
      const std::vector<uint16_t> bv = vt::random_halves(d + 1, 400 + static_cast<uint32_t>(d));
      const uint16_t* a = av.data() + off;
      const uint16_t* b = bv.data() + off;
      VT_CHECK_MSG(vt::close(t.f16_l2sq(a, b, d), s.f16_l2sq(a, b, d)), "d=%zu off=%zu", d, off);
      VT_CHECK_MSG(vt::close(t.f16_dot(a, b, d), s.f16_dot(a, b, d)), "d=%zu off=%zu", d, off);
      VT_CHECK_MSG(vt::close(t.f16_cosine(a, b, d), s.f16_cosine(a, b, d)), "d=%zu off=%zu", d, off);
      VT_CHECK_MSG(vt::close(t.f16_l1(a, b, d), s.f16_l1(a, b, d)), "d=%zu off=%zu", d, off);
    }
  }
}

// Rows (the `b` side, which the AVX-512 kernels peel to a 64-byte boundary) and queries at
// byte offsets 0, 4, 16, 36 from a 64-byte boundary, in every combination, for every float
// kernel: the peeled head, the aligned body and the masked tail must add up to the scalar sum.
VT_LEVEL_TEST(float_kernels_misaligned_rows) {
  const KernelTable& s = vt::scalar();
  const KernelTable& t = *level.table;
  std::vector<size_t> dims = vt::test_dims();
  dims.insert(dims.end(), {9, 14, 47, 96, 384});
  std::vector<uint8_t> qa, rb, qh, rh;
  for (size_t d : dims) {
    const std::vector<float> av = vt::random_floats(d, 1100 + static_cast<uint32_t>(d));
    const std::vector<float> bv = vt::random_floats(d, 1200 + static_cast<uint32_t>(d));
    const std::vector<uint16_t> ah = vt::random_halves(d, 1300 + static_cast<uint32_t>(d));
    const std::vector<uint16_t> bh = vt::random_halves(d, 1400 + static_cast<uint32_t>(d));
    for (size_t qoff : vt::misaligned_offsets()) {
      for (size_t roff : vt::misaligned_offsets()) {
        const float* a = reinterpret_cast<const float*>(vt::place_at_offset(qa, av.data(), d * 4, qoff));
        const float* b = reinterpret_cast<const float*>(vt::place_at_offset(rb, bv.data(), d * 4, roff));
        VT_CHECK_MSG(vt::close(t.f32_l2sq(a, b, d), s.f32_l2sq(a, b, d)), "d=%zu q+%zu row+%zu", d, qoff, roff);
        VT_CHECK_MSG(vt::close(t.f32_dot(a, b, d), s.f32_dot(a, b, d)), "d=%zu q+%zu row+%zu", d, qoff, roff);
        VT_CHECK_MSG(vt::close(t.f32_cosine(a, b, d), s.f32_cosine(a, b, d)), "d=%zu q+%zu row+%zu", d, qoff, roff);
        VT_CHECK_MSG(vt::close(t.f32_l1(a, b, d), s.f32_l1(a, b, d)), "d=%zu q+%zu row+%zu", d, qoff, roff);
        const uint16_t* x = reinterpret_cast<const uint16_t*>(vt::place_at_offset(qh, ah.data(), d * 2, qoff));
        const uint16_t* y = reinterpret_cast<const uint16_t*>(vt::place_at_offset(rh, bh.data(), d * 2, roff));
        VT_CHECK_MSG(vt::close(t.f16_l2sq(x, y, d), s.f16_l2sq(x, y, d)), "d=%zu q+%zu row+%zu", d, qoff, roff);
        VT_CHECK_MSG(vt::close(t.f16_dot(x, y, d), s.f16_dot(x, y, d)), "d=%zu q+%zu row+%zu", d, qoff, roff);
        VT_CHECK_MSG(vt::close(t.f16_cosine(x, y, d), s.f16_cosine(x, y, d)), "d=%zu q+%zu row+%zu", d, qoff, roff);
        VT_CHECK_MSG(vt::close(t.f16_l1(x, y, d), s.f16_l1(x, y, d)), "d=%zu q+%zu row+%zu", d, qoff, roff);
      }
    }
  }
}

template <typename T>
int64_t dot_reference(const T* a, const T* b, size_t d) {
  int64_t s = 0;
  for (size_t i = 0; i < d; ++i) s += static_cast<int64_t>(a[i]) * b[i];
  return s;
}
template <typename T>
int64_t l2sq_reference(const T* a, const T* b, size_t d) {
  int64_t s = 0;
  for (size_t i = 0; i < d; ++i) s += (static_cast<int64_t>(a[i]) - b[i]) * (static_cast<int64_t>(a[i]) - b[i]);
  return s;
}

VT_LEVEL_TEST(int_kernels_exact) {
  const KernelTable& t = *level.table;
  std::vector<size_t> dims = vt::test_dims();
  dims.insert(dims.end(), {63, 64, 65, 255, 256, 257, 4096});
  for (size_t d : dims) {
    for (size_t off : kOffsets) {
      const std::vector<int8_t> ai = vt::random_ints<int8_t>(d + 1, 500 + static_cast<uint32_t>(d));
      const std::vector<int8_t> bi = vt::random_ints<int8_t>(d + 1, 600 + static_cast<uint32_t>(d));
      const std::vector<uint8_t> au = vt::random_ints<uint8_t>(d + 1, 700 + static_cast<uint32_t>(d));
      const std::vector<uint8_t> bu = vt::random_ints<uint8_t>(d + 1, 800 + static_cast<uint32_t>(d));
      const int8_t *a8 = ai.data() + off, *b8 = bi.data() + off;
      const uint8_t *au8 = au.data() + off, *bu8 = bu.data() + off;
      VT_CHECK_MSG(t.i8_dot(a8, b8, d) == dot_reference(a8, b8, d), "d=%zu off=%zu", d, off);
      VT_CHECK_MSG(t.i8_l2sq(a8, b8, d) == l2sq_reference(a8, b8, d), "d=%zu off=%zu", d, off);
      VT_CHECK_MSG(t.u8_dot(au8, bu8, d) == dot_reference(au8, bu8, d), "d=%zu off=%zu", d, off);
      VT_CHECK_MSG(t.u8_l2sq(au8, bu8, d) == l2sq_reference(au8, bu8, d), "d=%zu off=%zu", d, off);
    }
  }
}

// Extreme bytes everywhere: the largest products (-128*-128, 255*255) and differences, where
// the VNNI sign trick and 16-bit widening would show any overflow.
VT_LEVEL_TEST(int_kernels_extremes) {
  const KernelTable& t = *level.table;
  for (size_t d : {1, 31, 64, 100, 1536, 33000}) {
    const std::vector<int8_t> lo(d, -128), hi(d, 127);
    const std::vector<uint8_t> zero(d, 0), full(d, 255);
    VT_CHECK_MSG(t.i8_dot(lo.data(), lo.data(), d) == dot_reference(lo.data(), lo.data(), d), "d=%zu", d);
    VT_CHECK_MSG(t.i8_dot(lo.data(), hi.data(), d) == dot_reference(lo.data(), hi.data(), d), "d=%zu", d);
    VT_CHECK_MSG(t.i8_l2sq(lo.data(), hi.data(), d) == l2sq_reference(lo.data(), hi.data(), d), "d=%zu", d);
    VT_CHECK_MSG(t.u8_dot(full.data(), full.data(), d) == dot_reference(full.data(), full.data(), d), "d=%zu", d);
    VT_CHECK_MSG(t.u8_l2sq(zero.data(), full.data(), d) == l2sq_reference(zero.data(), full.data(), d), "d=%zu", d);
  }
}

VT_LEVEL_TEST(bits_kernels_exact) {
  const KernelTable& t = *level.table;
  std::vector<size_t> dims = vt::test_dims();
  dims.insert(dims.end(), {4, 5, 6, 9, 63, 64, 65, 500, 511, 512, 513, 1000, 1023, 4099});
  for (size_t d_bits : dims) {
    for (size_t off : kOffsets) {
      const size_t bytes = (d_bits + 7) / 8;
      // Random bytes include random garbage in the unused tail bits of the last byte: the
      // kernels must mask it (the references only look at the first d_bits bits).
      const std::vector<uint8_t> av = vt::random_ints<uint8_t>(bytes + 1, 900 + static_cast<uint32_t>(d_bits));
      const std::vector<uint8_t> bv = vt::random_ints<uint8_t>(bytes + 1, 1000 + static_cast<uint32_t>(d_bits));
      const uint8_t *a = av.data() + off, *b = bv.data() + off;
      VT_CHECK_MSG(t.bits_hamming(a, b, d_bits) == vt::hamming_reference(a, b, d_bits), "d_bits=%zu off=%zu", d_bits, off);
      VT_CHECK_MSG(t.bits_jaccard(a, b, d_bits) == vt::jaccard_reference(a, b, d_bits), "d_bits=%zu off=%zu", d_bits, off);
    }
  }
}

// The integer and bit kernels at rows and queries 4, 16, 36 bytes past a 64-byte boundary.
VT_LEVEL_TEST(int_and_bits_kernels_misaligned_rows) {
  const KernelTable& t = *level.table;
  std::vector<uint8_t> qs, rs;
  for (size_t d : {1, 17, 63, 64, 65, 100, 384, 1536}) {
    const std::vector<uint8_t> av = vt::random_ints<uint8_t>(d, 1500 + static_cast<uint32_t>(d));
    const std::vector<uint8_t> bv = vt::random_ints<uint8_t>(d, 1600 + static_cast<uint32_t>(d));
    for (size_t qoff : vt::misaligned_offsets()) {
      for (size_t roff : vt::misaligned_offsets()) {
        const uint8_t* a = vt::place_at_offset(qs, av.data(), d, qoff);
        const uint8_t* b = vt::place_at_offset(rs, bv.data(), d, roff);
        const int8_t *a8 = reinterpret_cast<const int8_t*>(a), *b8 = reinterpret_cast<const int8_t*>(b);
        VT_CHECK_MSG(t.i8_dot(a8, b8, d) == dot_reference(a8, b8, d), "d=%zu q+%zu row+%zu", d, qoff, roff);
        VT_CHECK_MSG(t.i8_l2sq(a8, b8, d) == l2sq_reference(a8, b8, d), "d=%zu q+%zu row+%zu", d, qoff, roff);
        VT_CHECK_MSG(t.u8_dot(a, b, d) == dot_reference(a, b, d), "d=%zu q+%zu row+%zu", d, qoff, roff);
        VT_CHECK_MSG(t.u8_l2sq(a, b, d) == l2sq_reference(a, b, d), "d=%zu q+%zu row+%zu", d, qoff, roff);
        const size_t bits = d * 8 - 3;  // a partial last byte too
        VT_CHECK_MSG(t.bits_hamming(a, b, bits) == vt::hamming_reference(a, b, bits), "d=%zu q+%zu row+%zu", d, qoff, roff);
        VT_CHECK_MSG(t.bits_jaccard(a, b, bits) == vt::jaccard_reference(a, b, bits), "d=%zu q+%zu row+%zu", d, qoff, roff);
      }
    }
  }
}

VT_LEVEL_TEST(bits_tail_garbage_ignored) {
  const KernelTable& t = *level.table;
  // 13 bits: byte 1 holds bits 8..12 in its top 5 bits; its low 3 bits are not part of it.
  const uint8_t a[2] = {0xA5, 0xF8 | 0x07}, b[2] = {0xA5, 0xF8};
  VT_CHECK(t.bits_hamming(a, b, 13) == 0);
  VT_CHECK(t.bits_jaccard(a, b, 13) == 0.0f);
  const uint8_t c[2] = {0x00, 0x07}, z[2] = {0x00, 0x00};
  VT_CHECK(t.bits_hamming(c, z, 13) == 0);
  VT_CHECK(t.bits_jaccard(c, c, 13) == 1.0f);  // no set bit inside the vector
}

VT_LEVEL_TEST(jaccard_edge_cases) {
  const KernelTable& t = *level.table;
  for (size_t d_bits : {1, 8, 100, 1024}) {
    const size_t bytes = (d_bits + 7) / 8;
    std::vector<uint8_t> zero(bytes, 0), one_bit(bytes, 0), two_bits(bytes, 0), other(bytes, 0);
    one_bit[0] = 0x80;
    two_bits[0] = 0x80;
    if (d_bits > 1) two_bits[0] |= 0x40;
    if (d_bits > 1) other[0] = 0x40;
    // pgvector: no common set bit -> 1, including two all-zero vectors (0/0 avoided).
    VT_CHECK_MSG(t.bits_jaccard(zero.data(), zero.data(), d_bits) == 1.0f, "d_bits=%zu", d_bits);
    VT_CHECK_MSG(t.bits_jaccard(one_bit.data(), zero.data(), d_bits) == 1.0f, "d_bits=%zu", d_bits);
    VT_CHECK_MSG(t.bits_jaccard(one_bit.data(), one_bit.data(), d_bits) == 0.0f, "d_bits=%zu", d_bits);
    if (d_bits > 1) {
      VT_CHECK_MSG(t.bits_jaccard(one_bit.data(), other.data(), d_bits) == 1.0f, "d_bits=%zu", d_bits);
      VT_CHECK_MSG(t.bits_jaccard(one_bit.data(), two_bits.data(), d_bits) == 0.5f, "d_bits=%zu", d_bits);
      VT_CHECK_MSG(t.bits_hamming(one_bit.data(), two_bits.data(), d_bits) == 1u, "d_bits=%zu", d_bits);
    }
  }
}

VT_LEVEL_TEST(cosine_zero_vectors_are_nan) {
  const KernelTable& t = *level.table;
  for (size_t d : {1, 3, 16, 17, 768}) {
    const std::vector<float> zf(d, 0.0f), xf = vt::random_floats(d, 11);
    const std::vector<uint16_t> zh(d, 0), xh = vt::random_halves(d, 12);
    VT_CHECK_MSG(std::isnan(t.f32_cosine(zf.data(), zf.data(), d)), "d=%zu", d);
    VT_CHECK_MSG(std::isnan(t.f32_cosine(xf.data(), zf.data(), d)), "d=%zu", d);
    VT_CHECK_MSG(std::isnan(t.f32_cosine(zf.data(), xf.data(), d)), "d=%zu", d);
    VT_CHECK_MSG(std::isnan(t.f16_cosine(zh.data(), zh.data(), d)), "d=%zu", d);
    VT_CHECK_MSG(std::isnan(t.f16_cosine(xh.data(), zh.data(), d)), "d=%zu", d);
  }
}

// The similarity is clamped to [-1, 1]: parallel vectors give a distance in [0, tiny],
// never negative; opposite vectors give at most 2.
VT_LEVEL_TEST(cosine_clamped) {
  const KernelTable& t = *level.table;
  for (size_t d : vt::test_dims()) {
    const std::vector<float> a = vt::random_floats(d, 21 + static_cast<uint32_t>(d));
    for (float c : {1.0f, 3.0f, 0.1f, 7.3f, -1.0f, -2.5f}) {
      std::vector<float> b(a);
      for (float& x : b) x *= c;
      const float dist = t.f32_cosine(a.data(), b.data(), d);
      if (c > 0) {
        VT_CHECK_MSG(dist >= 0.0f && dist <= 1e-6f, "d=%zu c=%g dist=%g", d, c, dist);
      } else {
        VT_CHECK_MSG(dist <= 2.0f && dist >= 2.0f - 1e-6f, "d=%zu c=%g dist=%g", d, c, dist);
      }
    }
  }
}

// The scalar level against double-precision sums from the definitions.
VT_TEST(scalar_matches_definitions) {
  const KernelTable& s = vt::scalar();
  for (size_t d : vt::test_dims()) {
    const std::vector<float> a = vt::random_floats(d, 31), b = vt::random_floats(d, 32);
    double l2 = 0, dot = 0, aa = 0, bb = 0, l1 = 0;
    for (size_t i = 0; i < d; ++i) {
      l2 += (double(a[i]) - b[i]) * (double(a[i]) - b[i]);
      dot += double(a[i]) * b[i];
      aa += double(a[i]) * a[i];
      bb += double(b[i]) * b[i];
      l1 += std::fabs(double(a[i]) - b[i]);
    }
    const double sim = dot / std::sqrt(aa * bb);
    VT_CHECK_MSG(vt::close(s.f32_l2sq(a.data(), b.data(), d), float(l2)), "d=%zu", d);
    VT_CHECK_MSG(vt::close(s.f32_dot(a.data(), b.data(), d), float(dot)), "d=%zu", d);
    VT_CHECK_MSG(vt::close(s.f32_cosine(a.data(), b.data(), d), float(1.0 - sim)), "d=%zu", d);
    VT_CHECK_MSG(vt::close(s.f32_l1(a.data(), b.data(), d), float(l1)), "d=%zu", d);

    const std::vector<uint16_t> ha = vt::random_halves(d, 33), hb = vt::random_halves(d, 34);
    double hl2 = 0, hdot = 0;
    for (size_t i = 0; i < d; ++i) {
      const double x = vt::half_reference(ha[i]), y = vt::half_reference(hb[i]);
      hl2 += (x - y) * (x - y);
      hdot += x * y;
    }
    VT_CHECK_MSG(vt::close(s.f16_l2sq(ha.data(), hb.data(), d), float(hl2)), "d=%zu", d);
    VT_CHECK_MSG(vt::close(s.f16_dot(ha.data(), hb.data(), d), float(hdot)), "d=%zu", d);
  }
}

}  // namespace
