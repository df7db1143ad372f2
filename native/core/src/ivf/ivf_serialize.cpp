// IvfIndex::serialize / open: the flat layout of ivf.h (header, centroids, offsets, ids), read
// in place after open().
#include <cstring>

#include "ivf_internal.h"

namespace vecgres {
namespace {

size_t layout_bytes(size_t lists, size_t dim, size_t rows) {
  return sizeof(ivf::Header) + lists * dim * sizeof(float) + (lists + 1) * sizeof(uint32_t) + rows * sizeof(uint32_t);
}

}  // namespace

size_t IvfIndex::serialized_size() const { return layout_bytes(params_.lists, params_.dim, rows_); }

Status IvfIndex::serialize(uint8_t* out, size_t bytes) const {
  if (out == nullptr || bytes < serialized_size()) return Status::invalid("serialize: output buffer too small");
  if (!trained_) return Status::invalid("serialize: the IVF index is not trained");
  ivf::Header h{};
  h.magic = ivf::kMagic;
  h.version = ivf::kVersion;
  h.type = uint32_t(params_.type);
  h.metric = uint32_t(params_.metric);
  h.dim = params_.dim;
  h.lists = params_.lists;
  h.rows = rows_;
  h.trained = 1;
  h.seed = params_.seed;
  h.iterations = params_.iterations;
  uint8_t* p = out;
  std::memcpy(p, &h, sizeof h);
  p += sizeof h;
  const size_t cbytes = size_t(params_.lists) * params_.dim * sizeof(float);
  std::memcpy(p, centroids(), cbytes);
  p += cbytes;
  std::memcpy(p, offsets(), (size_t(params_.lists) + 1) * sizeof(uint32_t));
  p += (size_t(params_.lists) + 1) * sizeof(uint32_t);
  if (rows_ > 0) std::memcpy(p, list_ids(), size_t(rows_) * sizeof(uint32_t));
  return Status::ok();
}

Status IvfIndex::open(const uint8_t* data, size_t bytes, std::shared_ptr<const void> keepalive,
                      std::unique_ptr<IvfIndex>* out) {
  if (data == nullptr || bytes < sizeof(ivf::Header)) return Status::invalid("not an IVF index: too short");
  if (reinterpret_cast<uintptr_t>(data) % 4 != 0) return Status::invalid("IVF index bytes must be 4-byte aligned");
  ivf::Header h;
  std::memcpy(&h, data, sizeof h);
  if (h.magic != ivf::kMagic) return Status::invalid("not an IVF index: bad magic");
  if (h.version != ivf::kVersion) return Status{StatusCode::kNotSupported, "unsupported IVF index version"};
  if (h.trained != 1) return Status::invalid("IVF index is not trained");
  IvfParams p;
  p.type = ElemType(h.type);
  p.metric = Metric(h.metric);
  p.dim = h.dim;
  p.lists = h.lists;
  p.seed = h.seed;
  p.iterations = h.iterations;
  std::unique_ptr<IvfIndex> index;
  const Status st = create(p, &index);
  if (!st.is_ok()) return st;
  if (bytes < layout_bytes(h.lists, h.dim, h.rows)) return Status::invalid("IVF index is truncated");
  const uint8_t* c = data + sizeof h;
  const uint8_t* off = c + size_t(h.lists) * h.dim * sizeof(float);
  const uint8_t* ids = off + (size_t(h.lists) + 1) * sizeof(uint32_t);
  const uint32_t* offv = reinterpret_cast<const uint32_t*>(off);
  // O(lists) consistency check of the offsets, so a corrupt file cannot send search out of bounds.
  if (offv[0] != 0 || offv[h.lists] != h.rows) return Status::invalid("IVF index offsets are corrupt");
  for (uint32_t l = 0; l < h.lists; l++) {
    if (offv[l + 1] < offv[l]) return Status::invalid("IVF index offsets are corrupt");
  }
  index->c_view_ = reinterpret_cast<const float*>(c);
  index->off_view_ = offv;
  index->ids_view_ = reinterpret_cast<const uint32_t*>(ids);
  index->rows_ = h.rows;
  index->trained_ = true;
  index->keepalive_ = std::move(keepalive);
  *out = std::move(index);
  return Status::ok();
}

}  // namespace vecgres
