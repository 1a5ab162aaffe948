// TripleStore::scan against a brute-force filter: for each of the 16 shapes of
// bound S, P, O, G, every pattern drawn from a random store (fixed seed) must
// return exactly the matching quads.
#include <gtest/gtest.h>

#include <algorithm>
#include <random>
#include <string>
#include <tuple>
#include <vector>

#include "print_quad.hpp"
#include "store/triple_store.hpp"

namespace ng::store {
namespace {

bool spog_less(const Quad& a, const Quad& b) { return std::tie(a.s, a.p, a.o, a.g) < std::tie(b.s, b.p, b.o, b.g); }

// Small id ranges so that every shape has many matches and many duplicates.
TripleStore random_store(std::mt19937& rng) {
  TripleStore store;
  for (int i = 0; i < 120; ++i) store.dictionary().intern_iri("http://example.org/t" + std::to_string(i));
  std::uniform_int_distribution<TermId> subject(0, 39), predicate(40, 47), object(0, 119), graph(48, 52);
  std::bernoulli_distribution in_default_graph(0.4);
  for (std::uint32_t line = 1; line <= 4000; ++line) {
    const TermId g = in_default_graph(rng) ? kNoTerm : graph(rng);
    store.add(subject(rng), predicate(rng), object(rng), g, {0, line});
  }
  store.freeze();
  return store;
}

struct Shape {
  bool s, p, o, g;
};

Shape shape_of(int mask) { return {(mask & 1) != 0, (mask & 2) != 0, (mask & 4) != 0, (mask & 8) != 0}; }

std::string shape_name(const testing::TestParamInfo<int>& info) {
  const Shape shape = shape_of(info.param);
  std::string name = "bound";
  if (shape.s) name += "_s";
  if (shape.p) name += "_p";
  if (shape.o) name += "_o";
  if (shape.g) name += "_g";
  return name == "bound" ? "nothing_bound" : name;
}

class ScanShape : public testing::TestWithParam<int> {};

TEST_P(ScanShape, ReturnsExactlyTheQuadsABruteForceFilterFinds) {
  std::mt19937 rng(20240611);
  const TripleStore store = random_store(rng);
  const Shape shape = shape_of(GetParam());
  std::uniform_int_distribution<std::size_t> pick(0, store.size() - 1);
  std::uniform_int_distribution<TermId> any_id(0, 125);  // some ids are absent from the store
  for (int round = 0; round < 200; ++round) {
    // Half the patterns come from a stored quad, so they match something.
    Quad seed = round % 2 == 0 ? store.quads()[pick(rng)] : Quad{any_id(rng), any_id(rng), any_id(rng), any_id(rng)};
    // A pattern cannot ask for the default graph alone: kNoTerm there means any graph.
    if (seed.g == kNoTerm) seed.g = 48 + static_cast<TermId>(round % 5);
    const QuadPattern pattern{shape.s ? seed.s : kNoTerm, shape.p ? seed.p : kNoTerm, shape.o ? seed.o : kNoTerm,
                              shape.g ? seed.g : kNoTerm};
    std::vector<Quad> expected;
    for (const Quad& q : store.quads()) {
      if ((!shape.s || q.s == seed.s) && (!shape.p || q.p == seed.p) && (!shape.o || q.o == seed.o) &&
          (!shape.g || q.g == seed.g)) {
        expected.push_back(q);
      }
    }
    const QuadRange range = store.scan(pattern);
    std::vector<Quad> actual(range.begin(), range.end());
    EXPECT_GE(range.size_estimate(), actual.size());
    std::sort(actual.begin(), actual.end(), spog_less);
    ASSERT_EQ(actual, expected) << "round " << round;
  }
}

TEST_P(ScanShape, RangeIsExactUnlessOnlyTheGraphIsLeftToFilter) {
  std::mt19937 rng(7);
  const TripleStore store = random_store(rng);
  const Shape shape = shape_of(GetParam());
  Quad seed = store.quads()[store.size() / 2];
  if (seed.g == kNoTerm) seed.g = 48;
  const QuadRange range = store.scan(
      {shape.s ? seed.s : kNoTerm, shape.p ? seed.p : kNoTerm, shape.o ? seed.o : kNoTerm, shape.g ? seed.g : kNoTerm});
  const bool graph_is_residual = shape.g && !(shape.s && shape.p && shape.o);
  EXPECT_EQ(range.exact(), !graph_is_residual);
  if (range.exact()) {
    EXPECT_EQ(range.size_estimate(), static_cast<std::size_t>(std::distance(range.begin(), range.end())));
  }
}

INSTANTIATE_TEST_SUITE_P(AllSixteenShapes, ScanShape, testing::Range(0, 16), shape_name);

TEST(Scan, PicksThePermutationWhosePrefixCoversTheBoundPositions) {
  TripleStore store;
  store.add(0, 1, 2, kNoTerm, {});
  store.freeze();
  EXPECT_EQ(store.scan({0, kNoTerm, kNoTerm, kNoTerm}).permutation(), Permutation::spo);
  EXPECT_EQ(store.scan({kNoTerm, 1, kNoTerm, kNoTerm}).permutation(), Permutation::pos);
  EXPECT_EQ(store.scan({kNoTerm, kNoTerm, 2, kNoTerm}).permutation(), Permutation::osp);
  EXPECT_EQ(store.scan({0, 1, kNoTerm, kNoTerm}).permutation(), Permutation::spo);
  EXPECT_EQ(store.scan({kNoTerm, 1, 2, kNoTerm}).permutation(), Permutation::pos);
  EXPECT_EQ(store.scan({0, kNoTerm, 2, kNoTerm}).permutation(), Permutation::osp);
}

}  // namespace
}  // namespace ng::store
