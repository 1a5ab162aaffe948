// The SPARQL facade: parse a query, evaluate it over a frozen TripleStore, or
// explain the chosen plan. No Boost in here; the grammar, algebra, planner and
// evaluator stay behind these three functions.
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>

#include "diag/diagnostic.hpp"
#include "query/query_result.hpp"
#include "store/triple_store.hpp"

namespace ng::query {

struct Query;

struct ParseOptions {
  std::string file = "<query>";  // names the query in diagnostics
  std::string base = "https://w3id.org/notegraph/notes/";  // the ':' prefix and the default BASE
  std::size_t max_nesting = 500;  // deeper groups or parentheses give "nesting-too-deep"
};

struct EvalOptions {
  double timeout = 0;          // seconds; 0 = none
  std::size_t max_rows = 0;    // intermediate or final rows; 0 = none
  std::size_t max_memory = std::size_t{2} << 30;  // estimated bytes of intermediate results
  std::string file = "<query>";  // names the query in diagnostics
};

// A parsed query; empty (ok() false) when parsing failed.
class ParsedQuery {
public:
  ParsedQuery() = default;
  explicit ParsedQuery(std::shared_ptr<const Query> q) : query_(std::move(q)) {}
  bool ok() const { return query_ != nullptr; }
  QueryForm form() const;
  const Query& query() const { return *query_; }

private:
  std::shared_ptr<const Query> query_;
};

ParsedQuery parse_query(std::string_view text, const ParseOptions& options, diag::Diagnostics& diags);

// The dataset: the named graphs are the store's graph names (quads with g
// set). The default graph is the quads with g = kNoTerm when the store has
// any (a graph file loaded beside named graphs, as in the W3C tests);
// otherwise it is the distinct union of all named graphs (a notes graph puts
// every triple in its file's graph, and queries without GRAPH see them all).
//
// Evaluates on a frozen store; new terms (BIND, CONCAT ...) are interned into
// store.dictionary(). On a limit ("timeout", "row-limit", "memory-limit") the
// result is empty and a diagnostic says which.
QueryResult evaluate(const ParsedQuery& query, store::TripleStore& store, const EvalOptions& options,
                     diag::Diagnostics& diags);

// Evaluates and describes the plan: one line per operator, indented by depth,
// with its estimated and actual row counts.
std::string explain(const ParsedQuery& query, store::TripleStore& store, const EvalOptions& options,
                    diag::Diagnostics& diags);

}  // namespace ng::query
