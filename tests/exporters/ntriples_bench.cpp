// Timing of write_ntriples on a million notegraph-like triples (IRIs about 50
// bytes, Hangul and English literals), into a discarding stream so that only
// formatting is measured. Not a test; run by hand.
#include <benchmark/benchmark.h>

#include <ostream>
#include <random>
#include <streambuf>
#include <string>

#include "exporters/ntriples_writer.hpp"

namespace ng::exporters {
namespace {

class DiscardingBuffer : public std::streambuf {
protected:
  std::streamsize xsputn(const char*, std::streamsize n) override { return n; }
  int_type overflow(int_type c) override { return c; }
};

store::TripleStore notes_like_store(std::size_t triples) {
  store::TripleStore store;
  auto& dict = store.dictionary();
  std::mt19937 rng(3);
  std::uniform_int_distribution<int> entity(0, 99'999), predicate(0, 19), kind(0, 2);
  for (std::size_t i = 0; i < triples; ++i) {
    const auto s = dict.intern_iri("https://w3id.org/notegraph/notes/entity-" + std::to_string(entity(rng)));
    const auto p = dict.intern_iri("https://w3id.org/notegraph/ns#property" + std::to_string(predicate(rng)));
    store::TermId o;
    switch (kind(rng)) {
      case 0: o = dict.intern_iri("https://w3id.org/notegraph/notes/entity-" + std::to_string(entity(rng))); break;
      case 1:
        o = dict.intern(model::Term::lang_literal(
            "\xEC\x95\x84\xEB\xA7\x88\xEC\xA1\xB4 \xEC\x9B\xB9 \xEC\x84\x9C\xEB\xB9\x84\xEC\x8A\xA4 " +
                std::to_string(i),
            "ko"));
        break;
      default: o = dict.intern(model::Term::literal("Amazon \"Simple\" Storage Service, line " + std::to_string(i)));
    }
    store.add(s, p, o, store::kNoTerm, {0, static_cast<std::uint32_t>(i)});
  }
  store.add_file("notes/aws-overview.ko.md");
  store.freeze();
  return store;
}

void BM_WriteNTriples(benchmark::State& state) {
  const store::TripleStore store = notes_like_store(static_cast<std::size_t>(state.range(0)));
  DiscardingBuffer discard;
  std::ostream out(&discard);
  const WriteOptions options{.with_lines = state.range(1) != 0};
  for (auto _ : state) write_ntriples(store, out, options);
  state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(store.triple_count()));
}
BENCHMARK(BM_WriteNTriples)
    ->Args({20'000, 0})
    ->Args({1'000'000, 0})
    ->Args({1'000'000, 1})
    ->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace ng::exporters
