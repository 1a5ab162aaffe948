// Whether two small RDF graphs are the same up to blank node labels, for the
// W3C evaluation tests: exact match of blank-free triples, then colour
// refinement of blank nodes by their neighbourhoods and a backtracking search
// for a bijection among nodes of equal colour.
#pragma once

#include <array>
#include <vector>

#include "model/term.hpp"

namespace ng::rdfio::testing {

using TermTriple = std::array<model::Term, 3>;

// Literals should already be normalized (lower-case language, no xsd:string).
bool isomorphic(std::vector<TermTriple> a, std::vector<TermTriple> b);

}  // namespace ng::rdfio::testing
