// Counting sorts for the permutation indexes. A least-significant-key-first
// sequence of stable counting sorts, one per quad position, sorts by all
// positions; POSG and OSPG need only the positions that differ from SPOG's
// order (stable by O then P gives P,O,S,G; stable by O alone gives O,S,P,G).
#include "store/quad_sort.hpp"

#include <algorithm>
#include <tuple>

namespace ng::store {
namespace {

// Counting sort costs one bucket per possible id; above this many buckets per
// quad a comparison sort is cheaper.
constexpr std::size_t kMaxBucketsPerQuad = 4;

// kNoTerm (the default graph) sorts after every id, as it does numerically.
std::size_t bucket_of(TermId id, TermId id_limit) { return id == kNoTerm ? id_limit : id; }

bool counting_sort_pays(std::size_t count, TermId id_limit) {
  return static_cast<std::size_t>(id_limit) + 1 <= kMaxBucketsPerQuad * count + 1024;
}

// One stable counting-sort pass on the position `field` of each element's
// quad, from `in` to `out`. Returns false (and leaves `out` alone) when every
// element has the same id there, so the caller can skip the copy.
template <class Element, class Field>
bool counting_sort_pass(std::span<const Element> in, std::vector<Element>& out, Field field, TermId id_limit,
                        std::vector<std::size_t>& starts) {
  starts.assign(static_cast<std::size_t>(id_limit) + 2, 0);
  for (const Element& e : in) ++starts[bucket_of(field(e), id_limit) + 1];
  if (starts[bucket_of(field(in.front()), id_limit) + 1] == in.size()) return false;
  for (std::size_t b = 1; b < starts.size(); ++b) starts[b] += starts[b - 1];
  out.resize(in.size());
  for (const Element& e : in) out[starts[bucket_of(field(e), id_limit)]++] = e;
  return true;
}

// Stable sort of `items` by the given positions, listed least significant
// first (the order the passes run in).
template <class Element, class... Fields>
void counting_sort(std::vector<Element>& items, TermId id_limit, Fields... least_significant_first) {
  if (items.size() < 2) return;
  std::vector<Element> scratch;
  std::vector<std::size_t> starts;
  auto pass = [&](auto field) {
    if (counting_sort_pass<Element>(items, scratch, field, id_limit, starts)) items.swap(scratch);
  };
  (pass(least_significant_first), ...);
}

const Quad& quad_of(const Quad& q) { return q; }
const Quad& quad_of(const QuadWithProvenance& e) { return e.quad; }

constexpr auto kS = [](const auto& e) { return quad_of(e).s; };
constexpr auto kP = [](const auto& e) { return quad_of(e).p; };
constexpr auto kO = [](const auto& e) { return quad_of(e).o; };
constexpr auto kG = [](const auto& e) { return quad_of(e).g; };

}  // namespace

void sort_spog(std::vector<QuadWithProvenance>& quads, TermId id_limit) {
  if (counting_sort_pays(quads.size(), id_limit)) {
    counting_sort(quads, id_limit, kG, kO, kP, kS);
    return;
  }
  std::stable_sort(quads.begin(), quads.end(), [](const QuadWithProvenance& a, const QuadWithProvenance& b) {
    return std::tie(a.quad.s, a.quad.p, a.quad.o, a.quad.g) < std::tie(b.quad.s, b.quad.p, b.quad.o, b.quad.g);
  });
}

std::vector<Quad> reorder_from_spog(std::span<const Quad> spog, Permutation perm, TermId id_limit) {
  std::vector<Quad> quads(spog.begin(), spog.end());
  const bool counting = counting_sort_pays(quads.size(), id_limit);
  switch (perm) {
    case Permutation::spo: break;
    case Permutation::pos:
      if (counting) {
        counting_sort(quads, id_limit, kO, kP);
      } else {
        std::stable_sort(quads.begin(), quads.end(),
                         [](const Quad& a, const Quad& b) { return std::tie(a.p, a.o) < std::tie(b.p, b.o); });
      }
      break;
    case Permutation::osp:
      if (counting) {
        counting_sort(quads, id_limit, kO);
      } else {
        std::stable_sort(quads.begin(), quads.end(), [](const Quad& a, const Quad& b) { return a.o < b.o; });
      }
      break;
  }
  return quads;
}

}  // namespace ng::store
