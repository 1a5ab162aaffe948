// Timings for the store's hot paths: interning IRIs (new and already known)
// and freeze() on a million quads, beside a std::sort baseline for freeze so
// the counting sort's gain stays measured. Not a test; run by hand.
#include <benchmark/benchmark.h>

#include <algorithm>
#include <random>
#include <string>
#include <tuple>
#include <vector>

#include "store/triple_store.hpp"

namespace ng::store {
namespace {

constexpr TermId kSubjects = 200'000, kPredicates = 30, kObjects = 300'000;

std::vector<std::string> iris(std::size_t count) {
  std::vector<std::string> out;
  out.reserve(count);
  for (std::size_t i = 0; i < count; ++i) out.push_back("https://w3id.org/notegraph/notes/entity-" + std::to_string(i));
  return out;
}

void BM_InternNewIris(benchmark::State& state) {
  const auto names = iris(static_cast<std::size_t>(state.range(0)));
  for (auto _ : state) {
    Dictionary dict;
    for (const auto& n : names) benchmark::DoNotOptimize(dict.intern_iri(n));
  }
  state.SetItemsProcessed(state.iterations() * state.range(0));
}
BENCHMARK(BM_InternNewIris)->Arg(1'000'000)->Unit(benchmark::kMillisecond);

void BM_InternKnownIris(benchmark::State& state) {
  const auto names = iris(static_cast<std::size_t>(state.range(0)));
  Dictionary dict;
  for (const auto& n : names) dict.intern_iri(n);
  for (auto _ : state) {
    for (const auto& n : names) benchmark::DoNotOptimize(dict.intern_iri(n));
  }
  state.SetItemsProcessed(state.iterations() * state.range(0));
}
BENCHMARK(BM_InternKnownIris)->Arg(1'000'000)->Unit(benchmark::kMillisecond);

std::vector<Quad> random_quads(std::size_t count) {
  std::mt19937 rng(1);
  std::uniform_int_distribution<TermId> s(0, kSubjects - 1), p(0, kPredicates - 1), o(0, kObjects - 1);
  std::vector<Quad> quads(count);
  for (auto& q : quads) q = {s(rng), kSubjects + p(rng), o(rng), kNoTerm};
  return quads;
}

void BM_Freeze(benchmark::State& state) {
  const auto quads = random_quads(static_cast<std::size_t>(state.range(0)));
  for (auto _ : state) {
    state.PauseTiming();
    TripleStore store;
    for (std::uint32_t i = 0; i < quads.size(); ++i) store.add(quads[i], {0, i});
    state.ResumeTiming();
    store.freeze();
    benchmark::DoNotOptimize(store.size());
  }
  state.SetItemsProcessed(state.iterations() * state.range(0));
}
BENCHMARK(BM_Freeze)->Arg(1'000'000)->Unit(benchmark::kMillisecond);

// What freeze() would cost with three std::sort calls instead.
void BM_FreezeBaselineStdSort(benchmark::State& state) {
  const auto quads = random_quads(static_cast<std::size_t>(state.range(0)));
  struct Entry {
    Quad q;
    Provenance where;
    std::uint32_t order;
  };
  for (auto _ : state) {
    std::vector<Entry> all;
    all.reserve(quads.size());
    for (std::uint32_t i = 0; i < quads.size(); ++i) all.push_back({quads[i], {0, i}, i});
    std::sort(all.begin(), all.end(), [](const Entry& a, const Entry& b) {
      return std::tie(a.q.s, a.q.p, a.q.o, a.q.g, a.order) < std::tie(b.q.s, b.q.p, b.q.o, b.q.g, b.order);
    });
    std::vector<Quad> spo;
    for (const auto& e : all) {
      if (spo.empty() || !(spo.back() == e.q)) spo.push_back(e.q);
    }
    auto pos = spo, osp = spo;
    std::sort(pos.begin(), pos.end(),
              [](const Quad& a, const Quad& b) { return std::tie(a.p, a.o, a.s, a.g) < std::tie(b.p, b.o, b.s, b.g); });
    std::sort(osp.begin(), osp.end(),
              [](const Quad& a, const Quad& b) { return std::tie(a.o, a.s, a.p, a.g) < std::tie(b.o, b.s, b.p, b.g); });
    benchmark::DoNotOptimize(osp.data());
  }
  state.SetItemsProcessed(state.iterations() * state.range(0));
}
BENCHMARK(BM_FreezeBaselineStdSort)->Arg(1'000'000)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace ng::store
