// The parsed query as SPARQL algebra-like data: expressions, property paths,
// group graph patterns (kept as ordered element lists, which the evaluator
// folds left as the spec's translation does) and the query with its solution
// modifiers. Variables are numbered per query; constants are model::Terms,
// interned into the store's dictionary only at evaluation.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "diag/diagnostic.hpp"
#include "model/term.hpp"
#include "query/query_result.hpp"

namespace ng::query {

using VarId = std::uint32_t;

// A position of a triple pattern: a variable or a constant term.
struct Slot {
  bool is_var = false;
  VarId var = 0;
  model::Term term;
};

struct GroupPattern;
struct SelectQuery;

struct Expr {
  enum class Kind {
    constant, variable,
    logical_or, logical_and, logical_not,
    equal, not_equal, less, greater, less_equal, greater_equal,
    add, subtract, multiply, divide, negate, unary_plus,
    in, not_in,
    call,        // built-in (name upper-cased) or a cast/extension function (name = IRI)
    exists, not_exists,
    aggregate,   // computed per group; reads the hidden variable `var`
  };
  Kind kind = Kind::constant;
  model::Term constant;
  VarId var = 0;
  std::string name;  // function name
  std::vector<Expr> args;
  std::shared_ptr<GroupPattern> pattern;  // exists / not_exists
  diag::SourcePos where;
};

struct Aggregate {
  std::string name;  // COUNT SUM MIN MAX AVG SAMPLE GROUP_CONCAT
  bool distinct = false;
  bool star = false;  // COUNT(*)
  std::optional<Expr> arg;
  std::string separator = " ";
  VarId result = 0;  // hidden variable holding the group's value
};

struct Path {
  enum class Kind { link, inverse, sequence, alternative, zero_or_more, one_or_more, zero_or_one, negated };
  Kind kind = Kind::link;
  model::Term iri;              // link
  std::vector<Path> parts;      // sequence / alternative: 2+; inverse / repetition: 1
  std::vector<model::Term> forward_excluded, inverse_excluded;  // negated
};

struct TriplePattern {
  Slot s, p, o;
  std::optional<Path> path;  // set when the predicate is a path other than a plain IRI or variable
};

struct InlineData {
  std::vector<VarId> vars;
  std::vector<std::vector<std::optional<model::Term>>> rows;  // nullopt = UNDEF
};

struct GroupElement {
  enum class Kind { triples, optional, minus, union_of, group, graph, bind, values, subselect };
  Kind kind = Kind::triples;
  std::vector<TriplePattern> triples;
  std::vector<std::shared_ptr<GroupPattern>> groups;  // optional/minus/group/graph: 1; union_of: 2+
  Slot graph;
  Expr expr;  // bind
  VarId var = 0;
  InlineData data;
  std::shared_ptr<SelectQuery> subquery;
};

struct GroupPattern {
  std::vector<GroupElement> elements;
  std::vector<Expr> filters;  // apply to the whole group
};

struct OrderCondition {
  Expr expr;
  bool descending = false;
};

struct Projection {
  VarId var = 0;
  std::optional<Expr> expr;  // (expr AS ?var)
};

struct SelectQuery {
  bool select_all = false;
  bool distinct = false;
  bool reduced = false;
  std::vector<Projection> projection;
  GroupPattern where;
  bool aggregating = false;  // GROUP BY or an aggregate present
  std::vector<Projection> group_by;  // expressions get hidden variables when not named
  std::vector<Aggregate> aggregates;
  std::vector<Expr> having;
  std::vector<OrderCondition> order_by;
  std::optional<std::size_t> limit;
  std::size_t offset = 0;
  std::optional<InlineData> values;  // trailing VALUES
};

struct Query {
  QueryForm form = QueryForm::select;
  SelectQuery select;                       // the pattern and modifiers of every form
  std::vector<TriplePattern> construct_template;
  std::vector<Slot> describe_targets;       // DESCRIBE *: empty with select.select_all
  std::vector<std::string> var_names;       // by VarId; hidden ones start with '.'
  std::string base_iri;
};

// Variables an expression reads, outside aggregates (which read hidden ones).
void collect_expr_vars(const Expr& e, std::vector<VarId>& out);
// Variables a group pattern can bind (its in-scope variables).
void collect_pattern_vars(const GroupPattern& g, std::vector<VarId>& out);
// Whether an expression holds an EXISTS or NOT EXISTS (which needs the
// evaluator, so no scan can apply it early).
bool has_exists(const Expr& e);
// A group of one block of triples (and possibly filters), nothing else.
bool is_plain_triples(const GroupPattern& g);

inline bool is_hidden(const std::string& var_name) { return !var_name.empty() && var_name[0] == '.'; }

}  // namespace ng::query
