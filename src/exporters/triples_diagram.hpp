// A diagram of any set of triples (a CONSTRUCT/DESCRIBE result): one node per
// distinct subject or object term, one edge per triple labelled with its
// predicate. Labels: the node's rdfs:label in the store (Korean first), else
// a prefixed name (IRIs), "_:b" (blank nodes) or the lexical form (literals,
// drawn as plain boxes). Same escaping and font rules as the service diagram.
#pragma once

#include <ostream>
#include <string>
#include <vector>

#include "exporters/diagram.hpp"
#include "store/triple_store.hpp"

namespace ng::exporters {

struct TriplesDiagramOptions {
  DiagramOptions diagram;  // layout, rankdir, font (clusters are not used)
  std::string base;        // the entities' namespace for the "notes" prefix; empty = default
};

// `triples` hold TermIds of `store`'s dictionary; `store` also gives the
// rdfs:labels. `format` is "dot" (DOT text, not laid out) or a gvc output
// format ("svg", "png", "pdf"…). Returns false with `error` set when Graphviz
// refuses.
bool render_triples_diagram(const std::vector<store::Quad> &triples, const store::TripleStore &store,
                            const TriplesDiagramOptions &options, const std::string &format, std::ostream &out,
                            std::string &error);

}  // namespace ng::exporters
