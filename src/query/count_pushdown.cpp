// COUNT(*) over a group of triples, or of triples then OPTIONALs independent
// of one another, counted without building the rows: the triples' solutions
// are counted as the scans produce them, and for each, the left joins multiply
// its count by max(1, matches) per OPTIONAL. A star of OPTIONALs around one
// subject otherwise materializes the product of every subject's value lists
// (millions of rows for a million triples).
#include <algorithm>

#include "query/evaluator.hpp"
#include "query/term_values.hpp"

namespace ng::query {
namespace {

bool contains(const std::vector<VarId>& vars, VarId v) { return std::find(vars.begin(), vars.end(), v) != vars.end(); }

// Variables a plain-triples OPTIONAL reads or binds (its filters included).
std::vector<VarId> optional_vars(const GroupPattern& g) {
  std::vector<VarId> vars;
  collect_pattern_vars(g, vars);
  for (const Expr& f : g.filters) collect_expr_vars(f, vars);
  std::sort(vars.begin(), vars.end());
  vars.erase(std::unique(vars.begin(), vars.end()), vars.end());
  return vars;
}

}  // namespace

std::optional<Table> PatternEvaluator::count_without_rows(const SelectQuery& q) {
  // The shape: one COUNT(*) over all solutions, nothing that reads the rows.
  // Every aggregate (the projection's and HAVING's) is a plain COUNT(*).
  if (!q.aggregating || q.group_by.size() > 1 || q.aggregates.empty()) return std::nullopt;
  for (const Aggregate& a : q.aggregates)
    if (a.name != "COUNT" || !a.star || a.distinct) return std::nullopt;
  auto set_counts = [&](TermId* row, TermId n) {
    for (const Aggregate& a : q.aggregates) row[a.result] = n;
  };
  const GroupPattern& where = q.where;
  auto count_term = [&](std::uint64_t n) {
    return ctx_.intern(numeric_term(Numeric{NumericType::integer, static_cast<std::int64_t>(n), 0}));
  };
  auto result = [&](std::uint64_t total) {
    Table out(ctx_.width());
    out.add_empty_row();
    set_counts(out.row(0), count_term(total));
    return out;
  };
  std::optional<VarId> key;  // GROUP BY ?key, a variable of the triples
  if (!q.group_by.empty()) {
    if (q.group_by[0].expr || !is_plain_triples(where)) return std::nullopt;
    std::vector<VarId> vars;
    collect_pattern_vars(where, vars);
    if (!contains(vars, q.group_by[0].var)) return std::nullopt;
    key = q.group_by[0].var;
  }
  if (is_plain_triples(where)) {
    // One BGP: its filters must all go inside the scans, so each may read
    // only the BGP's variables and no EXISTS (which the scans do not take).
    std::vector<VarId> bgp_vars;
    collect_pattern_vars(where, bgp_vars);
    std::vector<const Expr*> trial;
    for (const Expr& f : where.filters) {
      std::vector<VarId> used;
      collect_expr_vars(f, used);
      for (VarId v : used)
        if (!contains(bgp_vars, v)) return std::nullopt;
      if (has_exists(f)) return std::nullopt;
      trial.push_back(&f);
    }
    RowCounts counts;
    counts.key = key;
    std::size_t line = ctx_.plan(key ? "CountRowsByKey (rows not built)" : "CountRows (rows not built)", -1);
    ++ctx_.depth;
    Table unit = Table::unit(ctx_.width());
    extend_bgp(unit, where.elements[0].triples, trial, 0, &counts);
    --ctx_.depth;
    if (!trial.empty()) return std::nullopt;  // not reached: every filter was checked placeable above
    ctx_.plan_actual(line, static_cast<std::size_t>(counts.total));
    if (!key) return result(counts.total);
    Table out(ctx_.width());  // one row per key, as group_and_aggregate gives
    for (const auto& [value, n] : counts.by_key) {
      out.add_empty_row();
      out.row(out.rows - 1)[*key] = value;
      set_counts(out.row(out.rows - 1), count_term(n));
      ctx_.check(out);
    }
    return out;
  }
  if (!where.filters.empty()) return std::nullopt;
  std::size_t leading = 0;  // triples blocks first, then only OPTIONALs of plain triples
  while (leading < where.elements.size() && where.elements[leading].kind == GroupElement::Kind::triples) ++leading;
  if (leading == 0 || leading == where.elements.size()) return std::nullopt;
  std::vector<const GroupPattern*> optionals;
  for (std::size_t i = leading; i < where.elements.size(); ++i) {
    const GroupElement& el = where.elements[i];
    if (el.kind != GroupElement::Kind::optional || !is_plain_triples(*el.groups[0])) return std::nullopt;
    optionals.push_back(el.groups[0].get());
  }

  GroupPattern base_pattern;
  base_pattern.elements.assign(where.elements.begin(), where.elements.begin() + static_cast<std::ptrdiff_t>(leading));
  std::vector<VarId> base_vars;
  collect_pattern_vars(base_pattern, base_vars);

  // Independent: an OPTIONAL shares with the others only variables the base
  // binds (in every row: triples bind all their variables), so what one binds
  // can never constrain another.
  std::vector<std::vector<VarId>> own(optionals.size());
  for (std::size_t i = 0; i < optionals.size(); ++i)
    for (VarId v : optional_vars(*optionals[i]))
      if (!contains(base_vars, v)) own[i].push_back(v);
  for (std::size_t i = 0; i < optionals.size(); ++i)
    for (std::size_t j = i + 1; j < optionals.size(); ++j)
      for (VarId v : own[i])
        if (contains(own[j], v)) return std::nullopt;

  std::size_t line = ctx_.plan("CountLeftJoins (rows not built)", -1);
  ++ctx_.depth;
  Table base = eval_group(base_pattern);
  std::vector<const Expr*> conditions;
  Table one(ctx_.width());
  unsigned __int128 total = 0;
  for (std::size_t r = 0; r < base.rows; ++r) {
    unsigned __int128 product = 1;
    for (const GroupPattern* optional : optionals) {
      ctx_.limits.tick();
      one.cells.assign(base.row(r), base.row(r) + base.width);
      one.rows = 1;
      conditions.clear();
      for (const Expr& f : optional->filters) conditions.push_back(&f);
      std::vector<PlanLine>* trace = nullptr;
      std::swap(trace, ctx_.trace);
      extend_bgp(one, optional->elements[0].triples, conditions, 0);
      for (const Expr* f : conditions) filter(one, *f);
      std::swap(trace, ctx_.trace);
      product *= std::max<std::size_t>(one.rows, 1);
    }
    total += product;
    if (total > static_cast<unsigned __int128>(INT64_MAX)) {  // the general path reports the limit it hits
      --ctx_.depth;
      return std::nullopt;
    }
  }
  --ctx_.depth;
  ctx_.plan_actual(line, static_cast<std::size_t>(total));

  return result(static_cast<std::uint64_t>(total));
}

}  // namespace ng::query
