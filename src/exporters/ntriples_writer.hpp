// N-Triples and N-Quads writers for a frozen TripleStore. Output is in SPOG id
// order, so the same store always gives the same bytes.
#pragma once

#include <ostream>

#include "exporters/ntriples_term.hpp"
#include "store/triple_store.hpp"

namespace ng::exporters {

struct WriteOptions {
  // Append " # file:line" (where the statement came from) to each statement.
  bool with_lines = false;
};

// The default graph: every distinct (s,p,o) once, whatever graphs hold it.
// With with_lines, a triple held by several quads cites the earliest source.
void write_ntriples(const store::TripleStore& store, std::ostream& out, const WriteOptions& options = {});

// Every quad, with its graph as the fourth term; default-graph quads have none.
void write_nquads(const store::TripleStore& store, std::ostream& out, const WriteOptions& options = {});

}  // namespace ng::exporters
