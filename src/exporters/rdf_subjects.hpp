// The default graph grouped by subject, the shape of every writer that nests
// statements (Turtle, JSON-LD): subjects, then predicates, then objects, each
// sorted by its N-Triples text (rdf:type first) so outputs are byte-stable.
#pragma once

#include <string>
#include <vector>

#include "store/triple_store.hpp"

namespace ng::exporters {

struct PredicateObjects {
  store::TermId predicate;
  std::vector<store::TermId> objects;
};

struct SubjectStatements {
  store::TermId subject;
  std::vector<PredicateObjects> predicates;
};

// Each distinct (s,p,o) of the store once, whatever graphs hold it.
std::vector<SubjectStatements>
group_by_subject(const store::TripleStore &store);

} // namespace ng::exporters
