// The check the `ntriples` and `turtle` targets share: whatever a reader
// accepts, loaded into a store and written back as N-Triples, N-Quads and
// Turtle, must read again without an error and give the same statements.
#pragma once

#include <sstream>
#include <string_view>

#include "exporters/ntriples_writer.hpp"
#include "exporters/turtle_writer.hpp"
#include "fuzz_support.hpp"
#include "rdfio/store_loader.hpp"

namespace ng::fuzz {

inline void check_graph_roundtrip(std::string_view text, rdfio::GraphSyntax syntax, const rdfio::ReadOptions& options) {
  store::TripleStore store;
  diag::Diagnostics diags;
  rdfio::load_graph(text, syntax, options, store, diags);
  store.freeze();
  std::ostringstream nt, nq, ttl;
  exporters::write_ntriples(store, nt);
  check_reads_back(nt.str(), rdfio::GraphSyntax::ntriples, store.triple_count(), "N-Triples output");
  exporters::write_nquads(store, nq);
  check_reads_back(nq.str(), rdfio::GraphSyntax::nquads, store.size(), "N-Quads output");
  exporters::write_turtle(store, ttl);
  check_reads_back(ttl.str(), rdfio::GraphSyntax::turtle, store.triple_count(), "Turtle output");
}

}  // namespace ng::fuzz
