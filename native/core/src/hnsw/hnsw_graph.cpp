// HNSW graph storage: creation, growth for incremental inserts, the distance computer, stats.
#include <algorithm>
#include <cmath>
#include <cstring>
#include <limits>

#include "hnsw_internal.h"
#include "vecgres/hnsw.h"

namespace vecgres {

bool hnsw_metric_applies(ElemType type, Metric metric) {
  switch (type) {
    case ElemType::kF32:
    case ElemType::kF16:
      return metric == Metric::kL2Sq || metric == Metric::kNegDot || metric == Metric::kCosine ||
             metric == Metric::kL1;
    case ElemType::kI8:
    case ElemType::kU8:
      return metric == Metric::kL2Sq || metric == Metric::kNegDot;
    case ElemType::kBits:
      return metric == Metric::kHamming || metric == Metric::kJaccard;
  }
  return false;
}

DistanceComputer::DistanceComputer(const KernelTable& kt, const HnswParams& p, const HnswArena& arena,
                                   const float* inv_norms)
    : kt_(kt), arena_(arena), dim_(p.dim), row_bytes_(vecgres::row_bytes(p.type, p.dim)) {
  cosine_ = p.metric == Metric::kCosine;
  norms_ = inv_norms;
  stride_ = arena.row_stride != 0 ? arena.row_stride : row_bytes_;
  prefetch_bytes_ = std::min<size_t>(row_bytes_, 512);
  const int m = static_cast<int>(p.metric);
  switch (p.type) {
    case ElemType::kF32: kind_ = static_cast<Kind>(static_cast<int>(Kind::kF32L2) + m); break;
    case ElemType::kF16: kind_ = static_cast<Kind>(static_cast<int>(Kind::kF16L2) + m); break;
    case ElemType::kI8: kind_ = p.metric == Metric::kL2Sq ? Kind::kI8L2 : Kind::kI8Dot; break;
    case ElemType::kU8: kind_ = p.metric == Metric::kL2Sq ? Kind::kU8L2 : Kind::kU8Dot; break;
    case ElemType::kBits: kind_ = p.metric == Metric::kHamming ? Kind::kHamming : Kind::kJaccard; break;
  }
}

float DistanceComputer::distance(const void* a, const void* b) const {
  float d;
  // A switch rather than a function pointer: the kind never changes during a search, so the
  // branch is perfectly predicted, and no kernel is called through a mismatched signature.
  switch (kind_) {
    case Kind::kF32L2: return kt_.f32_l2sq(static_cast<const float*>(a), static_cast<const float*>(b), dim_);
    case Kind::kF32Dot: return -kt_.f32_dot(static_cast<const float*>(a), static_cast<const float*>(b), dim_);
    case Kind::kF32Cos: d = kt_.f32_cosine(static_cast<const float*>(a), static_cast<const float*>(b), dim_); break;
    case Kind::kF32L1: return kt_.f32_l1(static_cast<const float*>(a), static_cast<const float*>(b), dim_);
    case Kind::kF16L2: return kt_.f16_l2sq(static_cast<const uint16_t*>(a), static_cast<const uint16_t*>(b), dim_);
    case Kind::kF16Dot: return -kt_.f16_dot(static_cast<const uint16_t*>(a), static_cast<const uint16_t*>(b), dim_);
    case Kind::kF16Cos: d = kt_.f16_cosine(static_cast<const uint16_t*>(a), static_cast<const uint16_t*>(b), dim_); break;
    case Kind::kF16L1: return kt_.f16_l1(static_cast<const uint16_t*>(a), static_cast<const uint16_t*>(b), dim_);
    case Kind::kI8L2: return float(kt_.i8_l2sq(static_cast<const int8_t*>(a), static_cast<const int8_t*>(b), dim_));
    case Kind::kI8Dot: return -float(kt_.i8_dot(static_cast<const int8_t*>(a), static_cast<const int8_t*>(b), dim_));
    case Kind::kU8L2: return float(kt_.u8_l2sq(static_cast<const uint8_t*>(a), static_cast<const uint8_t*>(b), dim_));
    case Kind::kU8Dot: return -float(kt_.u8_dot(static_cast<const uint8_t*>(a), static_cast<const uint8_t*>(b), dim_));
    case Kind::kHamming: return float(kt_.bits_hamming(static_cast<const uint8_t*>(a), static_cast<const uint8_t*>(b), dim_));
    case Kind::kJaccard: d = kt_.bits_jaccard(static_cast<const uint8_t*>(a), static_cast<const uint8_t*>(b), dim_); break;
    default: d = std::numeric_limits<float>::infinity();
  }
  return std::isnan(d) ? std::numeric_limits<float>::infinity() : d;
}

float DistanceComputer::inverse_norm(const void* v) const {
  const double sq = kind_ == Kind::kF16Cos ? kt_.f16_dot(static_cast<const uint16_t*>(v), static_cast<const uint16_t*>(v), dim_)
                                           : kt_.f32_dot(static_cast<const float*>(v), static_cast<const float*>(v), dim_);
  if (!(sq > 0) || !std::isfinite(sq)) return 0.0f;
  return static_cast<float>(1.0 / std::sqrt(sq));
}

// pgvector's cosine distance, 1 - dot / (|q| |r|) with the similarity clamped to [-1, 1], from
// one dot product and the stored inverse norms (equal to the f32_cosine kernel within float
// rounding).
float DistanceComputer::cosine(const HnswQuery& q, uint32_t i) const {
  const float inv = norms_[i];
  if (q.inv_norm == 0.0f || inv == 0.0f) return std::numeric_limits<float>::infinity();
  const float dot = kind_ == Kind::kF16Cos
                        ? kt_.f16_dot(static_cast<const uint16_t*>(q.data), reinterpret_cast<const uint16_t*>(row(i)), dim_)
                        : kt_.f32_dot(static_cast<const float*>(q.data), reinterpret_cast<const float*>(row(i)), dim_);
  const float sim = std::min(1.0f, std::max(-1.0f, dot * q.inv_norm * inv));
  return 1.0f - sim;
}

HnswIndex::HnswIndex() : visited_(std::make_unique<VisitedPool>()) {}
HnswIndex::~HnswIndex() = default;

Status HnswIndex::create(const HnswParams& p, std::unique_ptr<HnswIndex>* out) {
  if (!hnsw_metric_applies(p.type, p.metric)) return Status::invalid("hnsw: metric does not apply to the element type");
  if (p.dim == 0 || p.dim > (1u << 24)) return Status::invalid("hnsw: dim must be in [1, 2^24]");
  if (p.m < 2 || p.m > kHnswMaxM) return Status::invalid("hnsw: m must be in [2, 100]");
  if (p.ef_construction < p.m || p.ef_construction > kHnswMaxEf) {
    return Status::invalid("hnsw: ef_construction must be in [m, 100000]");
  }
  std::unique_ptr<HnswIndex> index(new HnswIndex());
  index->params_ = p;
  index->s0_ = 1 + 2 * p.m;
  index->s_ = 1 + p.m;
  index->rng_.seed(p.seed);
  *out = std::move(index);
  return Status::ok();
}

void HnswIndex::refresh_views() {
  levels_ = own_levels_.data();
  l0_ = own_l0_.data();
  up_off_ = own_up_off_.data();
  upper_ = own_upper_.data();
  upper_words_ = own_upper_.size();
  norms_ = params_.metric == Metric::kCosine ? own_norms_.data() : nullptr;
  pn_ = own_p_off_.empty() ? 0 : static_cast<uint32_t>(own_p_off_.size() - 1);
  p_off_ = own_p_off_.empty() ? nullptr : own_p_off_.data();
  p_ids_ = own_p_ids_.data();
  p_words_ = own_p_ids_.size();
}

// Copies an opened (read-only) graph into owned vectors before the first insert.
void HnswIndex::materialize() {
  if (owned_) return;
  own_levels_.assign(levels_, levels_ + n_);
  own_l0_.assign(l0_, l0_ + size_t(n_) * s0_);
  own_up_off_.assign(up_off_, up_off_ + n_);
  own_upper_.assign(upper_, upper_ + upper_words_);
  if (norms_ != nullptr) own_norms_.assign(norms_, norms_ + n_);
  if (pn_ > 0) {
    own_p_off_.assign(p_off_, p_off_ + pn_ + 1);
    own_p_ids_.assign(p_ids_, p_ids_ + p_words_);
  }
  owned_ = true;
  keepalive_.reset();
  refresh_views();
}

// Room for nodes [n_, to): empty link lists and levels drawn from the seeded generator, all
// allocated before the (parallel) inserts so that no insert ever reallocates.
void HnswIndex::grow(uint32_t to) {
  const double mult = 1.0 / std::log(double(params_.m));
  std::uniform_real_distribution<double> uniform(0.0, 1.0);
  own_levels_.resize(to);
  own_l0_.resize(size_t(to) * s0_, 0);
  own_up_off_.resize(to, kHnswNoNode);
  size_t words = own_upper_.size();
  for (uint32_t i = n_; i < to; ++i) {
    const double r = -std::log(std::max(uniform(rng_), 1e-300)) * mult;
    const int level = std::min(static_cast<int>(r), kHnswMaxLevel);
    own_levels_[i] = static_cast<uint8_t>(level);
    if (level > 0) {
      own_up_off_[i] = static_cast<uint32_t>(words);
      words += size_t(level) * s_;
    }
  }
  own_upper_.resize(words, 0);
  if (params_.metric == Metric::kCosine) own_norms_.resize(to, 0.0f);
  refresh_views();
}

HnswStats HnswIndex::stats() const {
  std::shared_lock<std::shared_mutex> lock(rw_);
  HnswStats s;
  s.nodes = n_;
  s.max_level = max_level_;
  s.entry_point = entry_;
  s.bytes = serialized_size();
  s.payload_link_bytes = pn_ > 0 ? (uint64_t{pn_} + 1) * 4 + p_words_ * 4 : 0;
  s.payload_m = payload_m_;
  s.repaired = repaired_;
  return s;
}

uint32_t HnswIndex::greedy_descend(const DistanceComputer& dc, const HnswQuery& q, uint32_t ep, int from_level,
                                   int to_level, size_t* ndist) const {
  float best = dc(q, ep);
  size_t nd = 1;
  for (int level = from_level; level > to_level; --level) {
    bool changed = true;
    while (changed) {
      changed = false;
      const uint32_t* l = links(ep, level);
      const uint32_t cnt = l[0];
      for (uint32_t j = 1; j <= cnt; ++j) {
        const uint32_t v = l[j];
        if (v >= n_) continue;  // defensive: a damaged graph never reads out of bounds
        const float d = dc(q, v);
        ++nd;
        if (d < best) {
          best = d;
          ep = v;
          changed = true;
        }
      }
    }
  }
  if (ndist != nullptr) *ndist += nd;
  return ep;
}

}  // namespace vecgres
