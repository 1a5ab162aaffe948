// A small hand-built SELECT result (Hangul, quotes, a comma, a line break, an
// unbound cell, a blank node, language and typed literals) and the conversion
// from decoded ExpectedResults back to a dictionary-encoded QueryResult.
#pragma once

#include "model/vocab.hpp"
#include "query/query_result.hpp"
#include "query/results/expected_results.hpp"
#include "store/dictionary.hpp"

namespace ng::query::results::testing {

inline ExpectedResults sample_results() {
  ExpectedResults r;
  r.variables = {"s", "o", "n"};
  r.rows.push_back({model::Term::iri("https://w3id.org/notegraph/ns#Service"),
                    model::Term::lang_literal("한국 \"q\", a\nb", "ko"),
                    model::Term::typed_literal("42", std::string(vocab::xsd_integer))});
  r.rows.push_back({model::Term::blank("b0"), std::nullopt, model::Term::typed_literal("x,y", "http://ex/dt")});
  return r;
}

inline QueryResult to_query_result(const ExpectedResults &expected, store::Dictionary &dict) {
  QueryResult result;
  if (expected.boolean) {
    result.form = QueryForm::ask;
    result.boolean = *expected.boolean;
    return result;
  }
  result.table.variables = expected.variables;
  for (const auto &row : expected.rows)
    for (const auto &cell : row) result.table.cells.push_back(cell ? dict.intern(*cell) : store::kNoTerm);
  if (expected.variables.empty()) result.table.rows_without_columns = expected.rows.size();
  return result;
}

}  // namespace ng::query::results::testing
