// IvfIndex: creation, list assignment (add), stats.
#include "ivf_internal.h"

namespace vecgres {

IvfIndex::~IvfIndex() = default;

Status IvfIndex::create(const IvfParams& p, std::unique_ptr<IvfIndex>* out) {
  if (p.type != ElemType::kF32) return Status{StatusCode::kNotSupported, "IVFFlat supports f32 vectors only"};
  if (p.metric != Metric::kL2Sq && p.metric != Metric::kNegDot && p.metric != Metric::kCosine && p.metric != Metric::kL1) {
    return Status::invalid("IVFFlat metric must be l2sq, negdot, cosine or l1");
  }
  if (p.dim == 0 || p.dim > (1u << 24)) return Status::invalid("dim must be between 1 and 16777216");
  if (p.lists == 0 || p.lists > kIvfMaxLists) return Status::invalid("lists must be between 1 and 32768");
  if (p.iterations > 1000) return Status::invalid("iterations must be at most 1000");
  out->reset(new IvfIndex(p));
  return Status::ok();
}

void IvfIndex::materialize() {
  if (c_view_ == nullptr) return;
  const size_t lists = params_.lists;
  centroids_.assign(c_view_, c_view_ + lists * params_.dim);
  offsets_.assign(off_view_, off_view_ + lists + 1);
  ids_.assign(ids_view_, ids_view_ + rows_);
  c_view_ = nullptr;
  off_view_ = nullptr;
  ids_view_ = nullptr;
  keepalive_.reset();
}

uint32_t IvfIndex::nearest_list(const KernelTable& kt, const float* v) const {
  return ivf::nearest_centroid(kt, params_.metric, centroids(), params_.lists, v, params_.dim);
}

Status IvfIndex::add(const KernelTable& kt, const IvfArena& arena, uint32_t from, uint32_t to, unsigned threads,
                     const volatile int32_t* stop) {
  if (!trained_) return Status::invalid("the IVF index must be trained before rows are added");
  if (from != rows_) return Status::invalid("add: from must equal the number of rows already in the index");
  if (to < from || to > arena.n_rows) return Status::invalid("add: rows past the end of the arena");
  if (arena.data == nullptr && to > from) return Status::invalid("arena data is null");
  const size_t d = params_.dim;
  const size_t rb = row_bytes(params_.type, d);
  const size_t stride = arena.row_stride == 0 ? rb : arena.row_stride;
  if (stride < rb) return Status::invalid("row_stride is smaller than a row");
  materialize();
  progress_.store(0, std::memory_order_relaxed);
  const size_t n = to - from;
  std::vector<uint32_t> assign(n);
  bool cancelled = false;
  ivf::parallel_chunks(n, ivf::resolve_threads(threads), [&](size_t b, size_t e) {
    for (size_t i = b; i < e; i++) {
      if ((i & 1023) == 0 && stop != nullptr && *stop != 0) {
        cancelled = true;
        return;
      }
      const float* v = reinterpret_cast<const float*>(arena.data + (size_t(from) + i) * stride);
      assign[i] = ivf::nearest_centroid(kt, params_.metric, centroids_.data(), params_.lists, v, d);
      progress_.fetch_add(1, std::memory_order_relaxed);
    }
  });
  if (cancelled) return Status::cancelled();
  // Rebuild the flat lists: old members first, then the new rows (ids stay ascending per list).
  const uint32_t lists = params_.lists;
  std::vector<uint32_t> sizes(lists, 0);
  for (uint32_t l = 0; l < lists; l++) sizes[l] = offsets_[l + 1] - offsets_[l];
  for (uint32_t a : assign) sizes[a]++;
  std::vector<uint32_t> offsets(size_t(lists) + 1, 0);
  for (uint32_t l = 0; l < lists; l++) offsets[l + 1] = offsets[l] + sizes[l];
  std::vector<uint32_t> ids(offsets[lists]);
  std::vector<uint32_t> fill(offsets.begin(), offsets.end() - 1);
  for (uint32_t l = 0; l < lists; l++) {
    for (uint32_t j = offsets_[l]; j < offsets_[l + 1]; j++) ids[fill[l]++] = ids_[j];
  }
  for (size_t i = 0; i < n; i++) ids[fill[assign[i]]++] = uint32_t(from + i);
  offsets_ = std::move(offsets);
  ids_ = std::move(ids);
  rows_ = to;
  return Status::ok();
}

IvfStats IvfIndex::stats() const {
  IvfStats s;
  s.lists = params_.lists;
  s.rows = rows_;
  s.trained = trained_ ? 1 : 0;
  if (trained_) {
    const uint32_t* off = offsets();
    for (uint32_t l = 0; l < params_.lists; l++) s.largest_list = std::max(s.largest_list, off[l + 1] - off[l]);
  }
  s.bytes = serialized_size();
  return s;
}

}  // namespace vecgres
