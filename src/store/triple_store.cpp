// TripleStore: building the permutation indexes at freeze() and answering
// pattern scans with a binary search over the permutation that best covers the
// bound positions.
#include "store/triple_store.hpp"

#include <algorithm>
#include <array>
#include <cassert>
#include <cstdint>
#include <stdexcept>
#include <tuple>

#include "store/quad_sort.hpp"
#include "support/run_both.hpp"

namespace ng::store {
namespace {

bool matches(const Quad& q, const QuadPattern& f) {
  return (f.s == kNoTerm || q.s == f.s) && (f.p == kNoTerm || q.p == f.p) && (f.o == kNoTerm || q.o == f.o) &&
         (f.g == kNoTerm || q.g == f.g);
}

// A quad's (or a pattern's) ids in the order a permutation sorts by.
std::array<TermId, 4> key_in(Permutation perm, TermId s, TermId p, TermId o, TermId g) {
  switch (perm) {
    case Permutation::pos:
      return {p, o, s, g};
    case Permutation::osp:
      return {o, s, p, g};
    case Permutation::spo:
      break;
  }
  return {s, p, o, g};
}

bool spog_less(const Quad& a, const Quad& b) { return std::tie(a.s, a.p, a.o, a.g) < std::tie(b.s, b.p, b.o, b.g); }

// One more than the largest id used by the quads (kNoTerm aside).
TermId id_limit_of(const Quad& q, TermId limit) {
  for (TermId id : {q.s, q.p, q.o, q.g}) {
    if (id != kNoTerm) limit = std::max(limit, id + 1);
  }
  return limit;
}
TermId id_limit_of(const std::vector<QuadWithProvenance>& quads) {
  TermId limit = 0;
  for (const auto& e : quads) limit = id_limit_of(e.quad, limit);
  return limit;
}
TermId id_limit_of(std::span<const Quad> quads) {
  TermId limit = 0;
  for (const Quad& q : quads) limit = id_limit_of(q, limit);
  return limit;
}

// Frees a vector's buffer (`v = {}` would assign an empty initializer list
// and keep the capacity).
template <class T>
void release(std::vector<T>& v) {
  std::vector<T>().swap(v);
}

}  // namespace

void QuadRange::iterator::skip() {
  while (at_ != end_ && !matches(**this, filter_)) ++at_;
}

bool QuadRange::exact() const {
  return filter_.s == kNoTerm && filter_.p == kNoTerm && filter_.o == kNoTerm && filter_.g == kNoTerm;
}

std::uint32_t TripleStore::add_file(std::string name) {
  files_.push_back(std::move(name));
  return static_cast<std::uint32_t>(files_.size() - 1);
}

void TripleStore::add(const Quad& q, Provenance where) {
  pending_.push_back(q);
  pending_provenance_.push_back(where);
  sorted_ = frozen_ = false;
}

void TripleStore::freeze() {
  sort_quads();
  index_permutations();
}

void TripleStore::sort_quads() {
  if (sorted_) return;
  release(pos_);
  release(osp_);
  release(added_scratch_);
  // Writes each distinct quad once to kept[0, k), the first added (sorting is
  // stable) with its provenance, and counts the triples. `kept` may be the
  // input itself: each quad is written at or before the place it is read from.
  std::vector<Quad> kept;
  auto keep_distinct = [&](std::size_t count, auto quad_at, auto where_at) {
    bool one_file = true;
    for (std::size_t i = 0; i < count && one_file; ++i) one_file = where_at(i).file == 0;
    line_of_.reserve(count);
    if (!one_file) file_of_.reserve(count);
    triple_count_ = 0;
    has_default_graph_quads_ = false;
    std::size_t k = 0;
    for (std::size_t i = 0; i < count; ++i) {
      const Quad q = quad_at(i);
      if (k > 0 && kept[k - 1] == q) continue;
      has_default_graph_quads_ = has_default_graph_quads_ || q.g == kNoTerm;
      if (k == 0 || kept[k - 1].s != q.s || kept[k - 1].p != q.p || kept[k - 1].o != q.o) ++triple_count_;
      kept[k++] = q;
      const Provenance where = where_at(i);
      line_of_.push_back(where.line);
      if (!one_file) file_of_.push_back(where.file);
    }
    kept.resize(k);
  };
  if (spo_.empty() && std::is_sorted(pending_.begin(), pending_.end(), spog_less)) {
    // Added in order (see sort_added()): compacted in place, no copy, no sort.
    kept = std::move(pending_);
    release(pending_);
    const std::vector<Provenance> where = std::move(pending_provenance_);
    release(pending_provenance_);
    release(line_of_);
    release(file_of_);
    id_limit_ = id_limit_of(kept);
    support::run_both(
        [&] {
          keep_distinct(
              kept.size(), [&](std::size_t i) { return kept[i]; }, [&](std::size_t i) { return where[i]; });
        },
        [&] { dict_.shrink_to_fit(); });  // up to half of the terms' records are growth slack after a load
  } else {
    // The quads of an earlier freeze() come first so that their provenance
    // wins over a later duplicate.
    std::vector<QuadWithProvenance> all;
    all.reserve(spo_.size() + pending_.size());
    for (std::size_t i = 0; i < spo_.size(); ++i) all.push_back({spo_[i], provenance(i)});
    for (std::size_t i = 0; i < pending_.size(); ++i) all.push_back({pending_[i], pending_provenance_[i]});
    release(pending_);
    release(pending_provenance_);
    release(spo_);
    release(line_of_);
    release(file_of_);
    id_limit_ = id_limit_of(all);
    sort_spog(all, id_limit_);
    kept.resize(all.size());
    support::run_both(
        [&] {
          keep_distinct(
              all.size(), [&](std::size_t i) { return all[i].quad; }, [&](std::size_t i) { return all[i].where; });
        },
        [&] { dict_.shrink_to_fit(); });  // up to half of the terms' records are growth slack after a load
  }
  spo_ = std::move(kept);
  spo_.shrink_to_fit();  // duplicates removed leave slack
  line_of_.shrink_to_fit();
  file_of_.shrink_to_fit();
  if (spo_.size() > UINT32_MAX) throw std::length_error("triple store: more than 2^32-1 quads");
  sorted_ = true;
}

std::span<const Quad> TripleStore::sort_added(std::size_t from) {
  from = std::min(from, pending_.size());
  std::vector<QuadWithProvenance>& added = added_scratch_;
  added.clear();
  for (std::size_t i = from; i < pending_.size(); ++i) added.push_back({pending_[i], pending_provenance_[i]});
  sort_spog(added, kNoTerm);
  for (std::size_t k = 0; k < added.size(); ++k) {
    pending_[from + k] = added[k].quad;
    pending_provenance_[from + k] = added[k].where;
  }
  return std::span<const Quad>(pending_).subspan(from);
}

void TripleStore::index_permutations() {
  if (frozen_) return;
  sort_quads();
  // The two orders only read SPOG: build them at once.
  support::run_both([&] { pos_ = order_from_spog(spo_, Permutation::pos, id_limit_); },
                    [&] { osp_ = order_from_spog(spo_, Permutation::osp, id_limit_); });
  frozen_ = true;
}

std::optional<Provenance> TripleStore::provenance_of(const Quad& q) const {
  assert(frozen_);
  auto it = std::lower_bound(spo_.begin(), spo_.end(), q, spog_less);
  if (it == spo_.end() || !(*it == q)) return std::nullopt;
  return provenance(static_cast<std::size_t>(it - spo_.begin()));
}

QuadRange TripleStore::scan(const QuadPattern& pattern) const {
  assert(frozen_);
  const bool s = pattern.s != kNoTerm, p = pattern.p != kNoTerm, o = pattern.o != kNoTerm;
  Permutation perm = Permutation::spo;
  std::size_t prefix = 0;  // leading positions of perm's key that are bound: all bound ones of S, P, O
  if (s && p) {
    perm = Permutation::spo, prefix = o ? 3 : 2;
  } else if (p && o) {
    perm = Permutation::pos, prefix = 2;
  } else if (o && s) {
    perm = Permutation::osp, prefix = 2;
  } else if (s) {
    perm = Permutation::spo, prefix = 1;
  } else if (p) {
    perm = Permutation::pos, prefix = 1;
  } else if (o) {
    perm = Permutation::osp, prefix = 1;
  }
  // G is last in every permutation, so it joins the prefix only after S, P and O.
  if (prefix == 3 && pattern.g != kNoTerm) prefix = 4;

  const std::uint32_t* order = perm == Permutation::spo   ? nullptr
                               : perm == Permutation::pos ? pos_.data()
                                                          : osp_.data();
  const auto wanted = key_in(perm, pattern.s, pattern.p, pattern.o, pattern.g);
  auto prefix_less = [&](const std::array<TermId, 4>& a, const std::array<TermId, 4>& b) {
    return std::lexicographical_compare(a.begin(), a.begin() + prefix, b.begin(), b.begin() + prefix);
  };
  auto key_at = [&](std::size_t i) {
    const Quad& q = spo_[order ? order[i] : i];
    return key_in(perm, q.s, q.p, q.o, q.g);
  };
  // Binary searches over [0, size) by position, since the order may be indirect.
  auto partition_point = [&](std::size_t lo, std::size_t hi, const auto& before) {
    while (lo < hi) {
      const std::size_t mid = lo + (hi - lo) / 2;
      if (before(mid))
        lo = mid + 1;
      else
        hi = mid;
    }
    return lo;
  };
  const std::size_t first =
      partition_point(0, spo_.size(), [&](std::size_t i) { return prefix_less(key_at(i), wanted); });
  const std::size_t last =
      partition_point(first, spo_.size(), [&](std::size_t i) { return !prefix_less(wanted, key_at(i)); });

  // Every bound S, P or O is in the prefix, so only G can be left to filter.
  const QuadPattern residual{kNoTerm, kNoTerm, kNoTerm, prefix == 4 ? kNoTerm : pattern.g};
  return QuadRange(spo_.data(), order, first, last, residual, perm);
}

std::size_t TripleStore::triple_count() const { return triple_count_; }

std::size_t TripleStore::memory_bytes() const {
  std::size_t bytes = dict_.memory_bytes();
  bytes += (pending_.capacity() + spo_.capacity()) * sizeof(Quad);
  bytes += (pos_.capacity() + osp_.capacity() + line_of_.capacity() + file_of_.capacity()) * sizeof(std::uint32_t);
  bytes += pending_provenance_.capacity() * sizeof(Provenance);
  for (const auto& f : files_) bytes += f.capacity() + sizeof(f);
  return bytes;
}

}  // namespace ng::store
