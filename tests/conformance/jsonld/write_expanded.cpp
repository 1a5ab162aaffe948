// Test helper for the W3C JSON-LD fromRdf suite: loads one N-Quads file with
// notegraph's reader into a TripleStore and writes it with notegraph's JSON-LD
// writer in expanded form (the form the suite's outputs are comparable with).
// Usage: jsonld_fromrdf_writer IN.nq   (JSON-LD on stdout; exit 1 on a read error)
#include <iostream>

#include "exporters/jsonld_writer.hpp"
#include "rdfio/store_loader.hpp"

int main(int argc, char** argv) {
  if (argc != 2) {
    std::cerr << "usage: jsonld_fromrdf_writer IN.nq\n";
    return 2;
  }
  ng::store::TripleStore store;
  ng::diag::Diagnostics diags;
  ng::rdfio::load_graph_file(argv[1], ng::rdfio::GraphSyntax::nquads, store, diags);
  for (const auto& d : diags.items()) std::cerr << argv[1] << ": " << d.message << "\n";
  if (diags.has_errors()) return 1;
  store.freeze();
  ng::exporters::JsonLdOptions options;
  options.form = ng::exporters::JsonLdForm::expanded;
  ng::exporters::write_jsonld(store, std::cout, options);
  return std::cout ? 0 : 1;
}
