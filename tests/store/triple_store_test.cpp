// TripleStore building: deduplication keeps the first provenance, quads come
// out in S,P,O,G order, add() after freeze() merges, and sparse ids sort the
// same way as dense ones.
#include "store/triple_store.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <random>
#include <thread>
#include <vector>

#include "print_quad.hpp"

namespace ng::store {
namespace {

std::vector<Quad> quads_of(const TripleStore& store) { return {store.quads().begin(), store.quads().end()}; }

TEST(TripleStore, AddFileReturnsConsecutiveIndexes) {
  TripleStore store;
  EXPECT_EQ(store.add_file("a.md"), 0u);
  EXPECT_EQ(store.add_file("b.md"), 1u);
  EXPECT_EQ(store.files(), (std::vector<std::string>{"a.md", "b.md"}));
}

TEST(TripleStore, DuplicateQuadIsStoredOnceWithTheFirstProvenance) {
  TripleStore store;
  store.add(1, 2, 3, kNoTerm, {0, 10});
  store.add(4, 2, 3, kNoTerm, {0, 11});
  store.add(1, 2, 3, kNoTerm, {1, 5});
  store.add(1, 2, 3, kNoTerm, {0, 1});
  store.freeze();
  ASSERT_EQ(store.size(), 2u);
  EXPECT_EQ(store.quads()[0], (Quad{1, 2, 3, kNoTerm}));
  EXPECT_EQ(store.provenance(0), (Provenance{0, 10}));
  EXPECT_EQ(store.provenance(1), (Provenance{0, 11}));
}

TEST(TripleStore, QuadsComeOutInSpogOrderWithDefaultGraphLast) {
  TripleStore store;
  store.add(2, 0, 0, kNoTerm, {});
  store.add(1, 5, 0, 3, {});
  store.add(1, 5, 0, kNoTerm, {});
  store.add(1, 5, 0, 0, {});
  store.add(1, 0, 9, kNoTerm, {});
  store.freeze();
  EXPECT_EQ(
      quads_of(store),
      (std::vector<Quad>{{1, 0, 9, kNoTerm}, {1, 5, 0, 0}, {1, 5, 0, 3}, {1, 5, 0, kNoTerm}, {2, 0, 0, kNoTerm}}));
}

TEST(TripleStore, TripleCountIgnoresGraphs) {
  TripleStore store;
  store.add(1, 2, 3, kNoTerm, {});
  store.add(1, 2, 3, 7, {});
  store.add(1, 2, 3, 8, {});
  store.add(1, 2, 4, 8, {});
  store.freeze();
  EXPECT_EQ(store.size(), 4u);
  EXPECT_EQ(store.triple_count(), 2u);
}

TEST(TripleStore, ProvenanceOfFindsPresentQuadsOnly) {
  TripleStore store;
  store.add(1, 2, 3, 4, {2, 30});
  store.add(1, 2, 3, kNoTerm, {1, 20});
  store.freeze();
  EXPECT_EQ(store.provenance_of({1, 2, 3, 4}), (Provenance{2, 30}));
  EXPECT_EQ(store.provenance_of({1, 2, 3, kNoTerm}), (Provenance{1, 20}));
  EXPECT_EQ(store.provenance_of({1, 2, 3, 5}), std::nullopt);
  EXPECT_EQ(store.provenance_of({0, 0, 0, kNoTerm}), std::nullopt);
}

TEST(TripleStore, AddAfterFreezeUnfreezesAndKeepsEarlierProvenance) {
  TripleStore store;
  store.add(1, 2, 3, kNoTerm, {0, 1});
  store.freeze();
  store.add(1, 2, 3, kNoTerm, {0, 99});
  store.add(0, 2, 3, kNoTerm, {0, 100});
  EXPECT_FALSE(store.frozen());
  store.freeze();
  EXPECT_TRUE(store.frozen());
  EXPECT_EQ(quads_of(store), (std::vector<Quad>{{0, 2, 3, kNoTerm}, {1, 2, 3, kNoTerm}}));
  EXPECT_EQ(store.provenance_of({1, 2, 3, kNoTerm}), (Provenance{0, 1}));
  EXPECT_EQ(store.provenance_of({0, 2, 3, kNoTerm}), (Provenance{0, 100}));
  EXPECT_EQ(store.scan({kNoTerm, 2, 3, kNoTerm}).size_estimate(), 2u);
}

// freeze() in two steps: after sort_quads() the quads, their provenance and
// the counts are final while the permutations are not built yet; a reader of
// quads() on another thread meanwhile sees them whole.
TEST(TripleStore, SortQuadsThenIndexPermutationsEqualsFreeze) {
  std::mt19937 random(7);
  std::vector<Quad> added;
  auto below = [&](TermId n) { return static_cast<TermId>(random() % n); };
  for (int i = 0; i < 5000; ++i)
    added.push_back({below(300), below(7), below(400), below(3) == 0 ? kNoTerm : below(4)});
  TripleStore whole, stepped;
  for (std::size_t i = 0; i < added.size(); ++i) {
    whole.add(added[i], {0, static_cast<std::uint32_t>(i)});
    stepped.add(added[i], {0, static_cast<std::uint32_t>(i)});
  }
  whole.freeze();
  stepped.sort_quads();
  EXPECT_FALSE(stepped.frozen());
  EXPECT_EQ(quads_of(stepped), quads_of(whole));
  EXPECT_EQ(stepped.triple_count(), whole.triple_count());
  EXPECT_EQ(stepped.has_default_graph_quads(), whole.has_default_graph_quads());
  for (std::size_t i = 0; i < whole.size(); ++i) ASSERT_EQ(stepped.provenance(i), whole.provenance(i)) << i;

  std::size_t read_while_indexing = 0;
  std::thread reader([&] {
    for (const Quad& q : stepped.quads()) read_while_indexing += q.s;
  });
  stepped.index_permutations();
  reader.join();
  std::size_t expected = 0;
  for (const Quad& q : whole.quads()) expected += q.s;
  EXPECT_EQ(read_while_indexing, expected);
  EXPECT_TRUE(stepped.frozen());
  for (TermId p = 0; p < 7; ++p) {
    std::vector<Quad> a, b;
    for (const Quad& q : whole.scan({kNoTerm, p, kNoTerm, kNoTerm})) a.push_back(q);
    for (const Quad& q : stepped.scan({kNoTerm, p, kNoTerm, kNoTerm})) b.push_back(q);
    EXPECT_EQ(a, b) << p;
  }
  for (TermId o = 0; o < 400; o += 37) {
    std::vector<Quad> a, b;
    for (const Quad& q : whole.scan({kNoTerm, kNoTerm, o, kNoTerm})) a.push_back(q);
    for (const Quad& q : stepped.scan({kNoTerm, kNoTerm, o, kNoTerm})) b.push_back(q);
    EXPECT_EQ(a, b) << o;
  }
}

TEST(TripleStore, FreezeTwiceChangesNothing) {
  TripleStore store;
  store.add(3, 2, 1, kNoTerm, {0, 1});
  store.add(1, 2, 3, kNoTerm, {0, 2});
  store.freeze();
  const std::vector<Quad> once = quads_of(store);
  store.freeze();
  EXPECT_EQ(quads_of(store), once);
}

// Ids far above the number of quads take the comparison-sort path.
TEST(TripleStore, SparseIdsSortAndDeduplicateLikeDenseIds) {
  TripleStore store;
  const TermId big = 3'000'000'000u;
  store.add(big, 1, big + 1, kNoTerm, {0, 1});
  store.add(5, big, 1, kNoTerm, {0, 2});
  store.add(big, 1, big + 1, kNoTerm, {0, 3});
  store.add(big, 1, 7, big + 2, {0, 4});
  store.freeze();
  EXPECT_EQ(quads_of(store),
            (std::vector<Quad>{{5, big, 1, kNoTerm}, {big, 1, 7, big + 2}, {big, 1, big + 1, kNoTerm}}));
  EXPECT_EQ(store.provenance_of({big, 1, big + 1, kNoTerm}), (Provenance{0, 1}));
  EXPECT_EQ(store.scan({kNoTerm, kNoTerm, 1, kNoTerm}).size_estimate(), 1u);
  EXPECT_EQ(store.scan({kNoTerm, 1, kNoTerm, kNoTerm}).size_estimate(), 2u);
}

// Quads added subject by subject (as extraction adds them) take the path that
// sorts each subject's run alone; the result must be what a store given the
// same quads in any order holds, duplicates keeping the first provenance.
TEST(TripleStore, QuadsAddedSubjectBySubjectSortLikeQuadsInAnyOrder) {
  std::mt19937 random(20261127);
  for (int round = 0; round < 50; ++round) {
    struct Added {
      Quad q;
      Provenance where;
    };
    std::vector<Added> added;
    const int subjects = 1 + static_cast<int>(random() % 20);
    for (TermId s = 0; s < static_cast<TermId>(subjects); ++s) {
      // Runs from empty to longer than the insertion-sort limit.
      const int run = static_cast<int>(random() % (round % 5 == 0 ? 120 : 12));
      for (int k = 0; k < run; ++k) {
        const TermId g = random() % 4 == 0 ? kNoTerm : static_cast<TermId>(random() % 3);
        added.push_back({{s, static_cast<TermId>(random() % 4), static_cast<TermId>(random() % 6), g},
                         {0, static_cast<std::uint32_t>(added.size() + 1)}});
      }
    }
    TripleStore grouped;
    for (const auto& a : added) grouped.add(a.q.s, a.q.p, a.q.o, a.q.g, a.where);
    grouped.freeze();
    // The reference: every distinct quad once, with its first provenance, in SPOG order.
    std::vector<Added> expected;
    for (const auto& a : added)
      if (std::none_of(expected.begin(), expected.end(), [&](const Added& e) { return e.q == a.q; }))
        expected.push_back(a);
    std::sort(expected.begin(), expected.end(), [](const Added& a, const Added& b) {
      return std::tie(a.q.s, a.q.p, a.q.o, a.q.g) < std::tie(b.q.s, b.q.p, b.q.o, b.q.g);
    });
    ASSERT_EQ(grouped.size(), expected.size()) << "round " << round;
    for (std::size_t i = 0; i < expected.size(); ++i) {
      EXPECT_EQ(grouped.quads()[i], expected[i].q) << "round " << round << " quad " << i;
      EXPECT_EQ(grouped.provenance(i), expected[i].where) << "round " << round << " quad " << i;
    }
    // The same quads out of subject order take the general sort and agree.
    std::shuffle(added.begin(), added.end(), random);
    TripleStore shuffled;
    for (const auto& a : added) shuffled.add(a.q.s, a.q.p, a.q.o, a.q.g, a.where);
    shuffled.freeze();
    ASSERT_EQ(shuffled.size(), expected.size());
    for (std::size_t i = 0; i < expected.size(); ++i) EXPECT_EQ(shuffled.quads()[i], expected[i].q);
  }
}

// sort_added() sorts each window of subjects as it is added (duplicates
// adjacent, the first added first); the store then freezes without a sort to
// the same quads, provenance (of several files) and counts as a store of
// the same quads added in any order.
TEST(TripleStore, QuadsSortedWindowByWindowAsAddedFreezeLikeAnyOther) {
  std::mt19937 random(20261128);
  for (int round = 0; round < 60; ++round) {
    TripleStore windowed, plain;
    std::vector<std::pair<Quad, Provenance>> added;
    std::size_t window_first = 0;
    const int subjects = 1 + static_cast<int>(random() % 40);
    for (TermId s = 0; s < static_cast<TermId>(subjects); ++s) {
      const int run = static_cast<int>(random() % (round % 4 == 0 ? 100 : 10));
      for (int k = 0; k < run; ++k) {
        const Quad q{s, static_cast<TermId>(random() % 4), static_cast<TermId>(random() % 6),
                     random() % 4 == 0 ? kNoTerm : static_cast<TermId>(random() % 3)};
        const Provenance where{static_cast<std::uint32_t>(random() % 2), static_cast<std::uint32_t>(added.size() + 1)};
        added.push_back({q, where});
        windowed.add(q, where);
        plain.add(q, where);
      }
      if (random() % 3 == 0 || s + 1 == static_cast<TermId>(subjects)) {
        ASSERT_EQ(windowed.added_count(), added.size());
        const auto sorted = windowed.sort_added(window_first);
        ASSERT_EQ(sorted.size(), added.size() - window_first);
        std::vector<Quad> expected;
        for (std::size_t i = window_first; i < added.size(); ++i) expected.push_back(added[i].first);
        std::stable_sort(expected.begin(), expected.end(), [](const Quad& a, const Quad& b) {
          return std::tie(a.s, a.p, a.o, a.g) < std::tie(b.s, b.p, b.o, b.g);
        });
        ASSERT_EQ(std::vector<Quad>(sorted.begin(), sorted.end()), expected) << "round " << round;
        window_first = added.size();
      }
    }
    windowed.freeze();
    plain.freeze();
    ASSERT_EQ(quads_of(windowed), quads_of(plain)) << "round " << round;
    for (std::size_t i = 0; i < plain.size(); ++i) ASSERT_EQ(windowed.provenance(i), plain.provenance(i)) << i;
    EXPECT_EQ(windowed.triple_count(), plain.triple_count());
    EXPECT_EQ(windowed.has_default_graph_quads(), plain.has_default_graph_quads());
    for (TermId o = 0; o < 6; ++o)
      EXPECT_EQ(windowed.scan({kNoTerm, kNoTerm, o, kNoTerm}).size_estimate(),
                plain.scan({kNoTerm, kNoTerm, o, kNoTerm}).size_estimate());
  }
}

// Enough quads that the subjects' runs are sorted on two threads, split
// between subjects: the same store as from the quads in another order.
TEST(TripleStore, ManyQuadsAddedSubjectBySubjectSortLikeShuffledOnes) {
  std::mt19937 random(7);
  std::vector<std::pair<Quad, Provenance>> added;
  for (TermId s = 0; added.size() < 200000; ++s) {
    const int run = 1 + static_cast<int>(random() % 40);
    for (int k = 0; k < run; ++k)
      added.push_back({{s, static_cast<TermId>(random() % 6), static_cast<TermId>(random() % 5000),
                        random() % 5 == 0 ? kNoTerm : static_cast<TermId>(random() % 3)},
                       {0, static_cast<std::uint32_t>(added.size() + 1)}});
  }
  TripleStore grouped;
  for (const auto& [q, where] : added) grouped.add(q.s, q.p, q.o, q.g, where);
  grouped.freeze();
  // Reversed, the first-added copy of a duplicate comes last: give the
  // shuffled store the provenance order of the grouped one by adding in a
  // stable shuffle of subjects only.
  std::vector<std::size_t> order(added.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    return (added[a].first.s * 2654435761u) % 1000003 < (added[b].first.s * 2654435761u) % 1000003;
  });
  TripleStore shuffled;
  for (std::size_t i : order)
    shuffled.add(added[i].first.s, added[i].first.p, added[i].first.o, added[i].first.g, added[i].second);
  shuffled.freeze();
  ASSERT_EQ(grouped.size(), shuffled.size());
  for (std::size_t i = 0; i < grouped.size(); ++i) {
    ASSERT_EQ(grouped.quads()[i], shuffled.quads()[i]) << i;
    ASSERT_EQ(grouped.provenance(i), shuffled.provenance(i)) << i;
  }
  ASSERT_GT(grouped.size(), 100000u);
  for (std::size_t i = 1; i < grouped.size(); ++i)
    ASSERT_TRUE(std::tie(grouped.quads()[i - 1].s, grouped.quads()[i - 1].p, grouped.quads()[i - 1].o,
                         grouped.quads()[i - 1].g) <
                std::tie(grouped.quads()[i].s, grouped.quads()[i].p, grouped.quads()[i].o, grouped.quads()[i].g))
        << i;
}

TEST(TripleStore, EmptyStoreScansToNothing) {
  TripleStore store;
  store.freeze();
  EXPECT_EQ(store.size(), 0u);
  EXPECT_EQ(store.triple_count(), 0u);
  const QuadRange all = store.scan({});
  EXPECT_EQ(all.begin(), all.end());
}

TEST(TripleStore, FreezeKeepsOneCopyOfEachQuadAndReleasesTheBuildBuffers) {
  TripleStore store;
  constexpr TermId kQuads = 100'000;
  for (TermId i = 0; i < kQuads; ++i) store.add(i, i % 7, i % 101, kNoTerm, {0, i});
  store.freeze();
  // 16 bytes of quad, two 4-byte positions (POS, OSP) and a 4-byte line per
  // quad when every quad is from file 0; the terms were never interned here.
  const std::size_t per_quad = sizeof(Quad) + 3 * sizeof(std::uint32_t);
  EXPECT_LE(store.memory_bytes(), kQuads * per_quad + store.dictionary().memory_bytes() + 4096);
  EXPECT_EQ(store.provenance(12345), (Provenance{0, 12345}));
}

TEST(TripleStore, ProvenanceKeepsFilesWhenQuadsComeFromSeveral) {
  TripleStore store;
  store.add(1, 2, 3, kNoTerm, {0, 4});
  store.add(5, 2, 3, kNoTerm, {2, 9});
  store.freeze();
  EXPECT_EQ(store.provenance(0), (Provenance{0, 4}));
  EXPECT_EQ(store.provenance(1), (Provenance{2, 9}));
  store.add(0, 2, 3, kNoTerm, {1, 1});
  store.freeze();
  EXPECT_EQ(store.provenance(0), (Provenance{1, 1}));
  EXPECT_EQ(store.provenance(1), (Provenance{0, 4}));
  EXPECT_EQ(store.provenance(2), (Provenance{2, 9}));
}

}  // namespace
}  // namespace ng::store
