// Fuzz target `turtle`: random text through the Turtle reader (relative IRIs
// resolved against a base) into a store, then written back by our
// N-Triples, N-Quads and Turtle writers, which must read again without an
// error and with the same number of statements.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "graph_roundtrip.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace ng;
  rdfio::ReadOptions options;
  options.file_name = "fuzz.ttl";
  options.base_iri = "http://example.org/base/dir/file.ttl";
  fuzz::check_graph_roundtrip(std::string_view(reinterpret_cast<const char*>(data), size), rdfio::GraphSyntax::turtle,
                              options);
  return 0;
}
