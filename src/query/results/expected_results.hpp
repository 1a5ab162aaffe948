// Readers of SPARQL result documents (.srx XML, .srj JSON, .tsv, .csv) into a
// plain decoded form, for comparing our answers with the W3C test suites'
// expected results. Errors go to `diags` (kind "results-syntax") and the
// reader returns nullopt.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "diag/diagnostic.hpp"
#include "model/term.hpp"

namespace ng::query::results {

struct ExpectedResults {
  std::vector<std::string> variables;                         // without '?'
  std::vector<std::vector<std::optional<model::Term>>> rows;  // one cell per variable; nullopt = unbound
  std::optional<bool> boolean;                                // set for an ASK result

  bool operator==(const ExpectedResults &) const = default;
};

std::optional<ExpectedResults> read_srx(std::string_view text, const std::string &file, diag::Diagnostics &diags);
std::optional<ExpectedResults> read_srj(std::string_view text, const std::string &file, diag::Diagnostics &diags);
// TSV cells are terms in Turtle syntax (bare numbers become xsd:integer,
// xsd:decimal or xsd:double literals).
std::optional<ExpectedResults> read_tsv_results(std::string_view text, const std::string &file,
                                                diag::Diagnostics &diags);
// CSV keeps no term kinds: cells become simple literals of their text, except
// "_:label" cells, which become blank nodes; empty cells are unbound.
std::optional<ExpectedResults> read_csv_results(std::string_view text, const std::string &file,
                                                diag::Diagnostics &diags);

}  // namespace ng::query::results
