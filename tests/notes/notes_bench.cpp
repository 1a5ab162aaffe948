// Times parse_notes on a large synthetic input: a note (the seed by default)
// repeated up to the requested size. Prints MB/s by wall clock and by the
// thread's CPU time (steadier on a shared machine); not a test.
//   notes_bench [megabytes=100] [note.md]
#include <time.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>

#include "notes/notes_parser.hpp"

namespace {

double cpu_seconds() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
}

}  // namespace

int main(int argc, char** argv) {
  std::size_t megabytes = argc > 1 ? std::strtoul(argv[1], nullptr, 10) : 100;
  std::string path = argc > 2 ? argv[2] : std::string(NG_TEST_DATA) + "/aws-overview.ko.md";
  std::ifstream in(path, std::ios::binary);
  std::stringstream buffer;
  buffer << in.rdbuf();
  std::string note = buffer.str() + "\n\n";
  if (note.size() <= 2) {
    std::fprintf(stderr, "notes_bench: cannot read %s\n", path.c_str());
    return 1;
  }
  std::string text;
  text.reserve(megabytes << 20);
  while (text.size() + note.size() <= (megabytes << 20)) text += note;
  ng::diag::SourceFile source("bench.md", std::move(text));
  double best = 1e9, best_cpu = 1e9;
  std::size_t blocks = 0, links = 0;
  for (int run = 0; run < 3; ++run) {
    ng::diag::Diagnostics diags;
    auto start = std::chrono::steady_clock::now();
    double cpu_start = cpu_seconds();
    ng::notes::Document doc = ng::notes::parse_notes(source, diags);
    double cpu = cpu_seconds() - cpu_start;
    double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    best = s < best ? s : best;
    best_cpu = cpu < best_cpu ? cpu : best_cpu;
    blocks = doc.blocks.size();
    links = doc.links.size();
  }
  double mb = static_cast<double>(source.text().size()) / 1e6;
  std::printf("%.1f MB, %zu blocks, %zu links: best of 3 %.3f s = %.0f MB/s (CPU %.3f s = %.0f MB/s)\n", mb, blocks,
              links, best, mb / best, best_cpu, mb / best_cpu);
  return 0;
}
