// Not a test: times reading a graph file (parse only, then parse + intern +
// add, then freeze) and reports triples/s and resident bytes per triple, to
// compare with `serdi -i ntriples -o ntriples` on the same file.
// Usage: graph_load_bench FILE.nt|.nq|.ttl
#include <chrono>
#include <cstdio>
#include <fstream>
#include <string>

#include "diag/source_file.hpp"
#include "rdfio/store_loader.hpp"

namespace {

using Clock = std::chrono::steady_clock;

class CountingSink : public ng::rdfio::StatementSink {
public:
  void statement(const ng::rdfio::TermView &s, const ng::rdfio::TermView &, const ng::rdfio::TermView &o,
                 const ng::rdfio::TermView *, std::uint32_t) override {
    bytes += s.value.size() + o.value.size();
  }
  std::size_t bytes = 0;
};

long resident_kb() {
  std::ifstream status("/proc/self/status");
  std::string key;
  long value = 0;
  while (status >> key) {
    if (key == "VmRSS:") {
      status >> value;
      return value;
    }
    status.ignore(1 << 20, '\n');
  }
  return 0;
}

double seconds_since(Clock::time_point start) { return std::chrono::duration<double>(Clock::now() - start).count(); }

}  // namespace

int main(int argc, char **argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: graph_load_bench FILE\n");
    return 2;
  }
  const std::string path = argv[1];
  const auto syntax = ng::rdfio::syntax_for_path(path);
  ng::diag::Diagnostics diags;
  std::string text;
  if (!syntax || !ng::diag::read_source(path, text, diags)) return 1;
  ng::rdfio::ReadOptions options;
  options.file_name = path;

  auto start = Clock::now();
  CountingSink counting;
  const auto parsed = ng::rdfio::read_graph(text, *syntax, options, counting, diags);
  const double parse_s = seconds_since(start);
  std::printf(
      "parse only: %zu statements, %zu errors, %.3f s, %.2f M "
      "statements/s, %.0f MB/s\n",
      parsed.statements, parsed.errors, parse_s, parsed.statements / parse_s / 1e6, text.size() / parse_s / 1e6);

  const long before_kb = resident_kb();
  {
    ng::store::TripleStore store;
    start = Clock::now();
    const auto loaded = ng::rdfio::load_graph(text, *syntax, options, store, diags);
    const double load_s = seconds_since(start);
    start = Clock::now();
    store.freeze();
    const double freeze_s = seconds_since(start);
    const long after_kb = resident_kb();
    std::printf(
        "load (parse+intern+add): %.3f s, %.2f M statements/s; freeze: "
        "%.3f s; total %.2f M statements/s\n",
        load_s, loaded.statements / load_s / 1e6, freeze_s, loaded.statements / (load_s + freeze_s) / 1e6);
    std::printf(
        "store: %zu quads, %zu terms, resident growth %.1f "
        "bytes/triple\n",
        store.size(), store.dictionary().size(),
        (after_kb - before_kb + static_cast<double>(0)) * 1024.0 / store.size());
  }
  return 0;
}
