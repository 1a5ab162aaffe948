// Counting sorts for the permutation indexes. A least-significant-key-first
// sequence of stable counting sorts, one per quad position, sorts by all
// positions; POSG and OSPG need only the positions that differ from SPOG's
// order (stable by O then P gives P,O,S,G; stable by O alone gives O,S,P,G),
// and are sorted as positions into SPOG rather than as copies of the quads.
#include "store/quad_sort.hpp"

#include <algorithm>
#include <tuple>

#include "support/run_both.hpp"

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

constexpr auto kS = [](const QuadWithProvenance& e) { return e.quad.s; };
constexpr auto kP = [](const QuadWithProvenance& e) { return e.quad.p; };
constexpr auto kO = [](const QuadWithProvenance& e) { return e.quad.o; };
constexpr auto kG = [](const QuadWithProvenance& e) { return e.quad.g; };

// Stable sort of one subject's quads by P,O,G. Most subjects have a few dozen
// quads: insertion sort is the fastest stable sort at that size.
void sort_subject_run(std::span<QuadWithProvenance> run) {
  auto less = [](const QuadWithProvenance& a, const QuadWithProvenance& b) {
    return std::tie(a.quad.p, a.quad.o, a.quad.g) < std::tie(b.quad.p, b.quad.o, b.quad.g);
  };
  if (run.size() > 48) {
    std::stable_sort(run.begin(), run.end(), less);
    return;
  }
  for (std::size_t i = 1; i < run.size(); ++i) {
    const QuadWithProvenance moving = run[i];
    std::size_t j = i;
    for (; j > 0 && less(moving, run[j - 1]); --j) run[j] = run[j - 1];
    run[j] = moving;
  }
}

}  // namespace

void sort_spog(std::vector<QuadWithProvenance>& quads, TermId id_limit) {
  // Extraction adds quads subject by subject, in the order the subjects'
  // ids were given: then only each subject's run needs sorting, in cache.
  const bool by_subject =
      std::is_sorted(quads.begin(), quads.end(), [](const auto& a, const auto& b) { return a.quad.s < b.quad.s; });
  if (by_subject) {
    auto sort_runs = [&](std::size_t from, std::size_t to) {
      for (std::size_t i = from; i < to;) {
        std::size_t j = i + 1;
        while (j < to && quads[j].quad.s == quads[i].quad.s) ++j;
        sort_subject_run(std::span(quads).subspan(i, j - i));
        i = j;
      }
    };
    // Two halves split between subjects are independent.
    std::size_t middle = quads.size() / 2;
    while (middle > 0 && middle < quads.size() && quads[middle].quad.s == quads[middle - 1].quad.s) ++middle;
    if (quads.size() < (std::size_t{1} << 16)) {
      sort_runs(0, quads.size());
    } else {
      support::run_both([&] { sort_runs(0, middle); }, [&] { sort_runs(middle, quads.size()); });
    }
    return;
  }
  if (id_limit == kNoTerm) {
    id_limit = 0;
    for (const auto& e : quads)
      for (TermId id : {e.quad.s, e.quad.p, e.quad.o, e.quad.g})
        if (id != kNoTerm) id_limit = std::max(id_limit, id + 1);
  }
  if (counting_sort_pays(quads.size(), id_limit)) {
    counting_sort(quads, id_limit, kG, kO, kP, kS);
    return;
  }
  std::stable_sort(quads.begin(), quads.end(), [](const QuadWithProvenance& a, const QuadWithProvenance& b) {
    return std::tie(a.quad.s, a.quad.p, a.quad.o, a.quad.g) < std::tie(b.quad.s, b.quad.p, b.quad.o, b.quad.g);
  });
}

std::vector<std::uint32_t> order_from_spog(std::span<const Quad> spog, Permutation perm, TermId id_limit) {
  std::vector<std::uint32_t> order(spog.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = static_cast<std::uint32_t>(i);
  const bool counting = counting_sort_pays(order.size(), id_limit);
  auto p_of = [&](std::uint32_t i) { return spog[i].p; };
  auto o_of = [&](std::uint32_t i) { return spog[i].o; };
  switch (perm) {
    case Permutation::spo:
      break;
    case Permutation::pos:
      if (counting) {
        counting_sort(order, id_limit, o_of, p_of);
      } else {
        std::stable_sort(order.begin(), order.end(), [&](std::uint32_t a, std::uint32_t b) {
          return std::tie(spog[a].p, spog[a].o) < std::tie(spog[b].p, spog[b].o);
        });
      }
      break;
    case Permutation::osp:
      if (counting) {
        counting_sort(order, id_limit, o_of);
      } else {
        std::stable_sort(order.begin(), order.end(),
                         [&](std::uint32_t a, std::uint32_t b) { return spog[a].o < spog[b].o; });
      }
      break;
  }
  return order;
}

}  // namespace ng::store
