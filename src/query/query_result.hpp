// What a query evaluation returns, still dictionary-encoded: a table of
// solutions (SELECT), a boolean (ASK) or triples (CONSTRUCT/DESCRIBE). Terms
// made during evaluation (BIND, CONCAT, BNODE...) are interned into the same
// Dictionary, so every cell is a TermId. Result writers decode only to print.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "store/dictionary.hpp"
#include "store/triple_store.hpp"

namespace ng::query {

enum class QueryForm { select, ask, construct, describe };

struct SolutionTable {
  std::vector<std::string> variables;  // projected names, without '?'
  std::vector<store::TermId> cells;    // row-major; store::kNoTerm = unbound

  std::size_t width() const { return variables.size(); }
  std::size_t row_count() const { return variables.empty() ? rows_without_columns : cells.size() / variables.size(); }
  store::TermId at(std::size_t row, std::size_t column) const { return cells[row * variables.size() + column]; }
  std::size_t rows_without_columns = 0;  // SELECT with no variables still has rows
};

struct QueryResult {
  QueryForm form = QueryForm::select;
  SolutionTable table;                // select
  bool boolean = false;               // ask
  std::vector<store::Quad> triples;   // construct / describe (g = kNoTerm)
  bool ordered = false;               // the query had ORDER BY: row order is significant
};

}  // namespace ng::query
