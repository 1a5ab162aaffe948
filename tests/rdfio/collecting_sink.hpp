// A StatementSink for tests: keeps every statement as owned Terms, and the
// prefix and base events, so a test can compare what a reader produced.
#pragma once

#include <array>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "rdfio/statement_sink.hpp"

namespace ng::rdfio::testing {

struct CollectedStatement {
  model::Term s, p, o;
  std::optional<model::Term> g;
  std::uint32_t line = 0;
};

class CollectingSink : public StatementSink {
public:
  void statement(const TermView &s, const TermView &p, const TermView &o, const TermView *graph,
                 std::uint32_t line) override {
    statements.push_back({s.to_term(), p.to_term(), o.to_term(),
                          graph ? std::optional<model::Term>(graph->to_term()) : std::nullopt, line});
  }
  void prefix(std::string_view name, std::string_view iri) override {
    prefixes.emplace_back(std::string(name), std::string(iri));
  }
  void base(std::string_view iri) override { bases.emplace_back(iri); }

  std::vector<CollectedStatement> statements;
  std::vector<std::pair<std::string, std::string>> prefixes;
  std::vector<std::string> bases;
};

}  // namespace ng::rdfio::testing
