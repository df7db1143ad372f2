// The flat, versioned graph layout. Checksums are the storage layer's job (it writes the bytes
// as a segment file); open() checks only the header and section bounds, O(1), and then reads
// the graph where it lies (a memory-mapped file or a JS buffer): no deserialization pass.
//
//   offset  size  field (little-endian)
//   0       8     magic "VGHNSW01"
//   8       4     format version (1)          12  4  header bytes (128)
//   16      4     element type (ElemType)     20  4  metric (Metric)
//   24      4     dim                         28  4  m
//   32      4     ef_construction             36  4  max level (int32, -1 when empty)
//   40      8     level generator seed
//   48      4     nodes                       52  4  entry point (0xFFFFFFFF when empty)
//   56      8     upper-layer words
//   64      8     offset of levels   uint8[nodes]
//   72      8     offset of layer 0  uint32[nodes * (1 + 2m)]
//   80      8     offset of up_off   uint32[nodes]
//   88      8     offset of upper    uint32[upper words]
//   96      8     total bytes
//   104     8     offset of norms    float32[nodes] (cosine only: 1 / |row|; else 0)
//   112     8     payload-link ids (p_words)  120  4  payload_m   124  4  payload-link nodes (pn)
//                 (all zero in version 1 and when there are no payload links)
// Sections start at 64-byte boundaries (zero padding in between). Version 2 adds, after the
// version-1 sections, when pn > 0:
//   p_off   uint32[pn + 1]   CSR offsets into p_ids (p_off[0] = 0, p_off[pn] = p_words)
//   p_ids   uint32[p_words]  payload links (node ids)
// and "total bytes" includes them. A graph without payload links is written as version 1,
// byte for byte as before; open() accepts both versions.
#include <algorithm>
#include <cstring>

#include "hnsw_internal.h"
#include "vecgres/hnsw.h"

static_assert(__BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__, "the HNSW file layout is little-endian");

namespace vecgres {

namespace {

struct Layout {
  uint64_t levels, l0, up_off, upper, norms, p_off, p_ids, total;
};

uint64_t align64(uint64_t x) { return (x + 63) & ~uint64_t{63}; }

Layout layout_for(uint64_t n, uint64_t s0, uint64_t upper_words, bool norms, uint64_t pn, uint64_t p_words) {
  Layout l;
  l.levels = kHnswHeaderBytes;
  l.l0 = align64(l.levels + n);
  l.up_off = align64(l.l0 + n * s0 * 4);
  l.upper = align64(l.up_off + n * 4);
  l.total = l.upper + upper_words * 4;
  l.norms = 0;
  if (norms) {
    l.norms = align64(l.total);
    l.total = l.norms + n * 4;
  }
  l.p_off = l.p_ids = 0;
  if (pn > 0) {
    l.p_off = align64(l.total);
    l.p_ids = align64(l.p_off + (pn + 1) * 4);
    l.total = l.p_ids + p_words * 4;
  }
  return l;
}

template <typename T>
void put(uint8_t* p, size_t off, T v) {
  std::memcpy(p + off, &v, sizeof(T));
}

template <typename T>
T get(const uint8_t* p, size_t off) {
  T v;
  std::memcpy(&v, p + off, sizeof(T));
  return v;
}

}  // namespace

size_t HnswIndex::serialized_size() const {
  return layout_for(n_, s0_, upper_words_, params_.metric == Metric::kCosine, pn_, p_words_).total;
}

Status HnswIndex::serialize(uint8_t* out, size_t bytes) const {
  std::shared_lock<std::shared_mutex> lock(rw_);
  if (broken_) return Status::invalid("hnsw: the index is unusable after a cancelled build");
  const Layout l = layout_for(n_, s0_, upper_words_, params_.metric == Metric::kCosine, pn_, p_words_);
  if (out == nullptr || bytes < l.total) return Status::invalid("hnsw: serialize buffer too small");
  std::memset(out, 0, l.total);
  std::memcpy(out, kHnswMagic, 8);
  put<uint32_t>(out, 8, pn_ > 0 ? kHnswFormatVersionPayload : kHnswFormatVersion);
  put<uint32_t>(out, 12, kHnswHeaderBytes);
  put<uint32_t>(out, 16, static_cast<uint32_t>(params_.type));
  put<uint32_t>(out, 20, static_cast<uint32_t>(params_.metric));
  put<uint32_t>(out, 24, params_.dim);
  put<uint32_t>(out, 28, params_.m);
  put<uint32_t>(out, 32, params_.ef_construction);
  put<int32_t>(out, 36, max_level_);
  put<uint64_t>(out, 40, params_.seed);
  put<uint32_t>(out, 48, n_);
  put<uint32_t>(out, 52, entry_);
  put<uint64_t>(out, 56, upper_words_);
  put<uint64_t>(out, 64, l.levels);
  put<uint64_t>(out, 72, l.l0);
  put<uint64_t>(out, 80, l.up_off);
  put<uint64_t>(out, 88, l.upper);
  put<uint64_t>(out, 96, l.total);
  put<uint64_t>(out, 104, l.norms);
  if (pn_ > 0) {
    put<uint64_t>(out, 112, p_words_);
    put<uint32_t>(out, 120, payload_m_);
    put<uint32_t>(out, 124, pn_);
  }
  if (n_ > 0) {
    std::memcpy(out + l.levels, levels_, n_);
    std::memcpy(out + l.l0, l0_, size_t(n_) * s0_ * 4);
    std::memcpy(out + l.up_off, up_off_, size_t(n_) * 4);
  }
  if (upper_words_ > 0) std::memcpy(out + l.upper, upper_, upper_words_ * 4);
  if (l.norms != 0 && n_ > 0) std::memcpy(out + l.norms, norms_, size_t(n_) * 4);
  if (pn_ > 0) {
    // Offsets rebased so that p_off[0] = 0 and p_off[pn] = p_words (clamped as readers see them).
    for (uint32_t i = 0; i <= pn_; ++i) put<uint32_t>(out, l.p_off + size_t(i) * 4, static_cast<uint32_t>(std::min<uint64_t>(p_off_[i], p_words_)));
    if (p_words_ > 0) std::memcpy(out + l.p_ids, p_ids_, p_words_ * 4);
  }
  return Status::ok();
}

Status HnswIndex::open(const uint8_t* data, size_t bytes, std::shared_ptr<const void> keepalive,
                       std::unique_ptr<HnswIndex>* out) {
  if (data == nullptr || bytes < kHnswHeaderBytes) return Status::invalid("hnsw: graph file too short");
  if (reinterpret_cast<uintptr_t>(data) % 4 != 0) return Status::invalid("hnsw: graph bytes must be 4-byte aligned");
  if (std::memcmp(data, kHnswMagic, 8) != 0) return Status::invalid("hnsw: not an HNSW graph file (bad magic)");
  const uint32_t version = get<uint32_t>(data, 8);
  if (version != kHnswFormatVersion && version != kHnswFormatVersionPayload) {
    return Status{StatusCode::kNotSupported, "hnsw: unsupported graph format version"};
  }
  if (get<uint32_t>(data, 12) != kHnswHeaderBytes) return Status::invalid("hnsw: bad header size");
  HnswParams p;
  const uint32_t type = get<uint32_t>(data, 16), metric = get<uint32_t>(data, 20);
  if (type > static_cast<uint32_t>(ElemType::kBits) || metric > static_cast<uint32_t>(Metric::kJaccard)) {
    return Status::invalid("hnsw: bad element type or metric in header");
  }
  p.type = static_cast<ElemType>(type);
  p.metric = static_cast<Metric>(metric);
  p.dim = get<uint32_t>(data, 24);
  p.m = get<uint32_t>(data, 28);
  p.ef_construction = get<uint32_t>(data, 32);
  p.seed = get<uint64_t>(data, 40);
  std::unique_ptr<HnswIndex> index;
  Status s = create(p, &index);
  if (!s.is_ok()) return s;
  const int32_t max_level = get<int32_t>(data, 36);
  const uint32_t n = get<uint32_t>(data, 48);
  const uint32_t entry = get<uint32_t>(data, 52);
  const uint64_t upper_words = get<uint64_t>(data, 56);
  if (upper_words > bytes / 4) return Status::invalid("hnsw: graph file truncated");
  // Version 1 files carry zeros here (the bytes were reserved), so they read as "no links".
  const uint64_t p_words = version == kHnswFormatVersionPayload ? get<uint64_t>(data, 112) : 0;
  const uint32_t payload_m = version == kHnswFormatVersionPayload ? get<uint32_t>(data, 120) : 0;
  const uint32_t pn = version == kHnswFormatVersionPayload ? get<uint32_t>(data, 124) : 0;
  if (p_words > bytes / 4 || p_words > UINT32_MAX || pn > n) return Status::invalid("hnsw: bad payload-link section");
  if (version == kHnswFormatVersionPayload && (pn == 0 || payload_m < 2 || payload_m > kHnswMaxM)) {
    return Status::invalid("hnsw: bad payload-link section");
  }
  const Layout l = layout_for(n, index->s0_, upper_words, p.metric == Metric::kCosine, pn, p_words);
  if (get<uint64_t>(data, 64) != l.levels || get<uint64_t>(data, 72) != l.l0 || get<uint64_t>(data, 80) != l.up_off ||
      get<uint64_t>(data, 88) != l.upper || get<uint64_t>(data, 96) != l.total || get<uint64_t>(data, 104) != l.norms) {
    return Status::invalid("hnsw: inconsistent section offsets");
  }
  if (l.total > bytes) return Status::invalid("hnsw: graph file truncated");
  if (n == kHnswNoNode || max_level > kHnswMaxLevel || max_level < -1 || (n == 0) != (max_level == -1) ||
      (n == 0) != (entry == kHnswNoNode) || (n > 0 && entry >= n)) {
    return Status::invalid("hnsw: bad node count, entry point or level");
  }
  HnswIndex& ix = *index;
  ix.owned_ = false;
  ix.keepalive_ = std::move(keepalive);
  ix.n_ = n;
  ix.entry_ = entry;
  ix.max_level_ = max_level;
  ix.levels_ = data + l.levels;
  // The mapping is read-only: these views are only ever written after materialize() copies them.
  ix.l0_ = const_cast<uint32_t*>(reinterpret_cast<const uint32_t*>(data + l.l0));
  ix.up_off_ = reinterpret_cast<const uint32_t*>(data + l.up_off);
  ix.upper_ = const_cast<uint32_t*>(reinterpret_cast<const uint32_t*>(data + l.upper));
  ix.upper_words_ = upper_words;
  ix.norms_ = l.norms != 0 ? reinterpret_cast<const float*>(data + l.norms) : nullptr;
  if (pn > 0) {
    ix.pn_ = pn;
    ix.payload_m_ = payload_m;
    ix.p_words_ = p_words;
    ix.p_off_ = reinterpret_cast<const uint32_t*>(data + l.p_off);
    ix.p_ids_ = reinterpret_cast<const uint32_t*>(data + l.p_ids);
    if (ix.p_off_[0] != 0 || ix.p_off_[pn] != p_words) return Status::invalid("hnsw: bad payload-link offsets");
  }
  // Continue the level sequence differently from the first build's.
  ix.rng_.seed(p.seed ^ (uint64_t{n} * 0x9E3779B97F4A7C15ull));
  if (n > 0 && ix.levels_[entry] != max_level) return Status::invalid("hnsw: entry point level mismatch");
  *out = std::move(index);
  return Status::ok();
}

}  // namespace vecgres
