// Evaluation of graph patterns to tables of solutions. A group folds its
// elements left to right like the spec's translation: triples extend the
// current table by index nested loops (evaluator_bgp.cpp); OPTIONAL, MINUS,
// UNION, GRAPH, VALUES and sub-SELECT are evaluated on their own and joined.
// Recursion follows the query's nesting only, never the data.
#pragma once

#include <optional>
#include <unordered_map>
#include <vector>

#include "query/eval_context.hpp"
#include "query/expression_eval.hpp"

namespace ng::query {

// Where a BGP's rows go when only their number matters (COUNT(*)): a total,
// or counts per value of one variable (GROUP BY ?key).
struct RowCounts {
  std::uint64_t total = 0;
  std::optional<VarId> key;
  std::unordered_map<TermId, std::uint64_t> by_key;
};

class PatternEvaluator {
public:
  explicit PatternEvaluator(EvalContext& ctx);

  // `cap` (0 = none) lets a group stop once it has that many rows, when no
  // later step of the group could remove rows.
  Table eval_group(const GroupPattern& g, std::size_t cap = 0);
  // A group evaluated against one solution (EXISTS): true if any row results.
  bool exists(const GroupPattern& g, const TermId* row);
  // A whole SELECT with its solution modifiers (solution_modifiers.cpp);
  // columns of unprojected variables are unbound in the result.
  Table run_select(const SelectQuery& q, std::size_t cap = 0);

private:
  Table fold_group(const GroupPattern& g, Table current, std::size_t cap);
  // Extends every row of `t` with the matches of the triples; applies each
  // filter of `filters` as soon as its variables are bound and erases it.
  // With `counts`, the rows are only counted into it and `t` is left empty.
  void extend_bgp(Table& t, const std::vector<TriplePattern>& triples, std::vector<const Expr*>& filters,
                  std::size_t cap, RowCounts* counts = nullptr);
  Table join(const Table& a, const Table& b);
  Table left_join(const Table& a, const GroupPattern& optional);
  Table minus(const Table& a, const Table& b);
  Table values_table(const InlineData& data);
  Table graph(const GroupElement& el);
  void bind(Table& t, const Expr& e, VarId var);
  void filter(Table& t, const Expr& e);

  // COUNT(*) of a group of triples (optionally grouped by one of their
  // variables), or of triples then independent OPTIONALs, without building
  // its rows (count_pushdown.cpp): the aggregated table, before HAVING;
  // nullopt when the query has another shape.
  std::optional<Table> count_without_rows(const SelectQuery& q);

  // Solution modifiers (solution_modifiers.cpp).
  Table group_and_aggregate(const SelectQuery& q, const Table& in);
  void order(Table& t, const std::vector<OrderCondition>& conditions);

  EvalContext& ctx_;
  ExpressionEvaluator expressions_;
};

// Variables bound in every row of a table.
std::vector<bool> always_bound(const Table& t);

}  // namespace ng::query

namespace ng::query {
// The variables a SELECT returns, in order: SELECT * gives the pattern's
// visible variables in order of first appearance.
std::vector<VarId> projected_vars(const Query& query, const SelectQuery& select);
}  // namespace ng::query
