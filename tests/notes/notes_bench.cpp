// Times parse_notes on a large synthetic input: a note (the seed by default)
// repeated up to the requested size. Prints MB/s; not a test.
//   notes_bench [megabytes=100] [note.md]
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>

#include "notes/notes_parser.hpp"

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
  double best = 1e9;
  std::size_t blocks = 0, links = 0;
  for (int run = 0; run < 3; ++run) {
    ng::diag::Diagnostics diags;
    auto start = std::chrono::steady_clock::now();
    ng::notes::Document doc = ng::notes::parse_notes(source, diags);
    double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    best = s < best ? s : best;
    blocks = doc.blocks.size();
    links = doc.links.size();
  }
  double mb = static_cast<double>(source.text().size()) / 1e6;
  std::printf("%.1f MB, %zu blocks, %zu links: best of 3 %.3f s = %.0f MB/s\n", mb, blocks, links, best, mb / best);
  return 0;
}
