// QuadStreamWriter: windows of quads written while the store grows give the
// bytes write_ntriples() and write_nquads() give for the finished store, and
// a window that cannot keep S,P,O,G order is refused whole.
#include "exporters/quad_stream_writer.hpp"

#include <gtest/gtest.h>

#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "exporters/ntriples_writer.hpp"

namespace ng::exporters {
namespace {

using model::Term;
using store::kNoTerm;
using store::Quad;
using store::TermId;

TEST(QuadStreamWriter, WindowsWrittenAsTheStoreGrowsGiveTheFinishedStoresBytes) {
  std::mt19937 random(20261127);
  for (int round = 0; round < 40; ++round) {
    store::TripleStore store;
    auto& dict = store.dictionary();
    std::ostringstream triples, quads;
    QuadStreamWriter writer(dict, triples, quads);
    // Subjects first, so that their ids rise in the order they are written;
    // objects, some needing escapes, are interned as the windows go, which
    // grows the dictionary between windows.
    const int subjects = 1 + static_cast<int>(random() % 60);
    std::vector<TermId> subject_ids;
    for (int s = 0; s < subjects; ++s) subject_ids.push_back(dict.intern_iri("http://x/s" + std::to_string(s)));
    std::vector<TermId> objects, graphs;
    for (int g = 0; g < 3; ++g) graphs.push_back(dict.intern_iri("http://x/doc " + std::to_string(g)));
    const TermId preds[] = {dict.intern_iri("http://x/p"), dict.intern_iri("http://x/q\"")};
    auto new_object = [&] {
      switch (random() % 4) {
        case 0:
          return dict.intern_iri("http://x/o" + std::to_string(random() % 50));
        case 1:
          return dict.intern(Term::lang_literal("say \"hi\"\n" + std::to_string(random() % 9), "en"));
        case 2:
          return dict.intern(Term::literal("plain\\" + std::to_string(random() % 9)));
        default:
          return dict.intern(Term::blank("b" + std::to_string(random() % 5)));
      }
    };
    std::size_t window_first = 0;
    for (int s = 0; s < subjects; ++s) {
      for (int k = static_cast<int>(random() % (round % 5 == 0 ? 80 : 8)); k > 0; --k) {
        if (objects.empty() || random() % 3 == 0) objects.push_back(new_object());
        const TermId o = objects[random() % objects.size()];
        const TermId g = random() % 5 == 0 ? kNoTerm : graphs[random() % graphs.size()];
        store.add({subject_ids[s], preds[random() % 2], o, g}, {0, static_cast<std::uint32_t>(k)});
      }
      if (random() % 4 == 0 || s + 1 == subjects) {
        ASSERT_TRUE(writer.write(store.sort_added(window_first))) << "round " << round;
        window_first = store.added_count();
      }
    }
    writer.flush();
    store.freeze();
    std::ostringstream expected_triples, expected_quads;
    write_ntriples(store, expected_triples);
    write_nquads(store, expected_quads);
    ASSERT_EQ(triples.str(), expected_triples.str()) << "round " << round;
    ASSERT_EQ(quads.str(), expected_quads.str()) << "round " << round;
  }
}

TEST(QuadStreamWriter, AWindowThatWouldBreakTheOrderIsRefusedWhole) {
  store::Dictionary dict;
  const TermId a = dict.intern_iri("http://x/a"), b = dict.intern_iri("http://x/b"), p = dict.intern_iri("http://x/p");
  std::ostringstream triples, quads;
  QuadStreamWriter writer(dict, triples, quads);
  const std::vector<Quad> first = {{b, p, a, kNoTerm}};
  ASSERT_TRUE(writer.write(first));
  writer.flush();
  const std::string written = quads.str();
  const std::vector<Quad> earlier_subject = {{a, p, b, kNoTerm}};
  const std::vector<Quad> same_subject = {{b, p, b, kNoTerm}};
  const std::vector<Quad> unsorted = {{b + 1, p, b, kNoTerm}, {b + 1, p, a, kNoTerm}};
  EXPECT_FALSE(writer.write(earlier_subject));
  EXPECT_FALSE(writer.write(same_subject));
  EXPECT_FALSE(writer.write(unsorted));
  writer.flush();
  EXPECT_EQ(quads.str(), written);
  EXPECT_EQ(triples.str(), "<http://x/b> <http://x/p> <http://x/a> .\n");
}

}  // namespace
}  // namespace ng::exporters
