// Turtle writer: the used prefixes, one block per subject with `a` first and
// `;`/`,` grouping, prefixed names where the local part is valid PN_LOCAL,
// N-Triples syntax (always valid Turtle) otherwise. NFC text, sorted output.
#pragma once

#include <ostream>
#include <string>

#include "store/triple_store.hpp"

namespace ng::exporters {

struct TurtleOptions {
  std::string
      base; // the entities' namespace, for the "notes" prefix; empty = default
};

// The default graph: every distinct (s,p,o) once.
void write_turtle(const store::TripleStore &store, std::ostream &out,
                  const TurtleOptions &options = {});

} // namespace ng::exporters
