// Fuzz target `ntriples`: random text through the N-Triples and N-Quads
// readers into a store, then written back by our N-Triples, N-Quads and
// Turtle writers, which must read again without an error and with the same
// number of statements.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "graph_roundtrip.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace ng;
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  rdfio::ReadOptions options;
  options.file_name = "fuzz.nt";
  fuzz::check_graph_roundtrip(text, rdfio::GraphSyntax::ntriples, options);
  options.file_name = "fuzz.nq";
  fuzz::check_graph_roundtrip(text, rdfio::GraphSyntax::nquads, options);
  return 0;
}
