// Comparison of SPARQL answers with the W3C expected results: solution
// multisets equal up to a consistent blank node renaming (a backtracking
// search for the bijection), with row order checked on the ORDER BY key
// columns when the query orders. Terms should be normalized first.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "model/term.hpp"

namespace ng::sparql_conformance {

using Row = std::vector<std::optional<model::Term>>;

struct Solutions {
  std::vector<std::string> variables;
  std::vector<Row> rows;  // one cell per variable
};

// Lower-case language tags, xsd:string dropped: one spelling per RDF term.
model::Term normalized(model::Term t);

// Empty when equal, else a short reason. `order_keys` names the columns whose
// sequence must agree (ties may permute the other columns); empty: unordered.
std::string compare_solutions(const Solutions& expected, const Solutions& actual,
                              const std::vector<std::string>& order_keys);

}  // namespace ng::sparql_conformance
