// SELECT's solution modifiers in the spec's order: GROUP BY and aggregates,
// HAVING, trailing VALUES, projection expressions, ORDER BY, projection,
// DISTINCT / REDUCED, OFFSET and LIMIT. A LIMIT without anything that needs
// every row first becomes a row cap that stops the pattern's loops early.
#include <algorithm>
#include <limits>
#include <numeric>
#include <unordered_map>
#include <unordered_set>

#include "query/evaluator.hpp"
#include "query/term_values.hpp"

namespace ng::query {
namespace {

struct RowHash {
  std::size_t operator()(const std::vector<TermId>& v) const {
    std::uint64_t h = 1469598103934665603ull;
    for (TermId t : v) h = (h ^ t) * 1099511628211ull;
    return static_cast<std::size_t>(h);
  }
};

}  // namespace

std::vector<VarId> projected_vars(const Query& query, const SelectQuery& select) {
  if (!select.select_all) {
    std::vector<VarId> vars;
    for (const Projection& p : select.projection) vars.push_back(p.var);
    return vars;
  }
  std::vector<VarId> vars;
  collect_pattern_vars(select.where, vars);
  if (select.values) vars.insert(vars.end(), select.values->vars.begin(), select.values->vars.end());
  std::sort(vars.begin(), vars.end());
  vars.erase(std::unique(vars.begin(), vars.end()), vars.end());
  vars.erase(std::remove_if(vars.begin(), vars.end(), [&](VarId v) { return is_hidden(query.var_names[v]); }),
             vars.end());
  return vars;
}

Table PatternEvaluator::run_select(const SelectQuery& q, std::size_t cap) {
  bool streaming = !q.aggregating && q.order_by.empty() && !q.distinct && !q.reduced && !q.values;
  // OFFSET + LIMIT rows are enough; 0 (no cap) when the sum would not fit.
  std::size_t pattern_cap =
      streaming && q.limit && *q.limit <= std::numeric_limits<std::size_t>::max() - q.offset ? q.offset + *q.limit : 0;
  if (streaming && cap && (pattern_cap == 0 || cap < pattern_cap)) pattern_cap = cap;
  if (streaming && q.limit && *q.limit == 0) return Table(ctx_.width());
  Table t = eval_group(q.where, pattern_cap);
  if (q.aggregating) {
    t = group_and_aggregate(q, t);
    for (const Expr& h : q.having) filter(t, h);
  }
  if (q.values) t = join(t, values_table(*q.values));
  for (const Projection& p : q.projection)
    if (p.expr) bind(t, *p.expr, p.var);
  if (!q.order_by.empty()) order(t, q.order_by);

  std::vector<VarId> keep = projected_vars(ctx_.query, q);
  Table out(t.width);
  std::unordered_set<std::vector<TermId>, RowHash> seen;
  std::vector<TermId> row(t.width, kNoTerm), key(keep.size());
  std::size_t skipped = 0;
  std::size_t line = ctx_.plan("Project", -1);
  for (std::size_t r = 0; r < t.rows; ++r) {
    const TermId* in = t.row(r);
    for (std::size_t i = 0; i < keep.size(); ++i) key[i] = row[keep[i]] = in[keep[i]];
    if ((q.distinct || q.reduced) && !seen.insert(key).second) continue;
    if (skipped < q.offset) {
      ++skipped;
      continue;
    }
    if (q.limit && out.rows >= *q.limit) break;
    out.add_row(row.data());
  }
  ctx_.plan_actual(line, out.rows);
  return out;
}

Table PatternEvaluator::group_and_aggregate(const SelectQuery& q, const Table& in) {
  std::size_t line = ctx_.plan("Group", -1);
  std::unordered_map<std::vector<TermId>, std::size_t, RowHash> index;
  std::vector<std::vector<TermId>> keys;
  std::vector<std::vector<std::size_t>> members;
  std::vector<TermId> key(q.group_by.size());
  for (std::size_t r = 0; r < in.rows; ++r) {
    ctx_.limits.tick();
    for (std::size_t i = 0; i < q.group_by.size(); ++i) {
      const Projection& g = q.group_by[i];
      key[i] = g.expr ? expressions_.eval(*g.expr, in.row(r)).to_id(ctx_) : in.row(r)[g.var];
    }
    auto [it, inserted] = index.emplace(key, keys.size());
    if (inserted) {
      keys.push_back(key);
      members.emplace_back();
    }
    members[it->second].push_back(r);
  }
  if (q.group_by.empty() && keys.empty()) {  // aggregates over no rows still give one group
    keys.emplace_back();
    members.emplace_back();
  }
  Table out(ctx_.width());
  for (std::size_t g = 0; g < keys.size(); ++g) {
    out.add_empty_row();
    for (std::size_t i = 0; i < q.group_by.size(); ++i) out.row(g)[q.group_by[i].var] = keys[g][i];
    for (const Aggregate& agg : q.aggregates) {
      std::vector<TermId> values;
      bool error = false;
      for (std::size_t r : members[g]) {
        if (agg.star) {
          values.push_back(0);
          continue;
        }
        Value v = expressions_.eval(*agg.arg, in.row(r));
        if (v.ok()) values.push_back(v.to_id(ctx_));
        else error = true;
      }
      if (agg.distinct && !agg.star) {
        std::unordered_set<TermId> distinct;
        std::vector<TermId> kept;
        for (TermId v : values)
          if (distinct.insert(v).second) kept.push_back(v);
        values = std::move(kept);
      } else if (agg.distinct) {  // COUNT(DISTINCT *): distinct solutions
        std::unordered_set<std::vector<TermId>, RowHash> distinct;
        for (std::size_t r : members[g]) distinct.insert(std::vector<TermId>(in.row(r), in.row(r) + in.width));
        values.assign(distinct.size(), 0);
      }
      std::optional<model::Term> result;
      if (agg.name == "COUNT") {
        result = numeric_term(Numeric{NumericType::integer, static_cast<std::int64_t>(values.size()), 0});
      } else if (agg.name == "SUM" || agg.name == "AVG") {
        std::optional<Numeric> sum = Numeric{};
        for (TermId v : values) {
          auto n = numeric_value(ctx_.term(v));
          sum = n && sum ? arithmetic('+', *sum, *n) : std::nullopt;
        }
        if (error) sum.reset();
        if (sum && agg.name == "AVG" && !values.empty())
          sum = arithmetic('/', *sum, Numeric{NumericType::integer, static_cast<std::int64_t>(values.size()), 0});
        if (sum) result = numeric_term(*sum);
      } else if (agg.name == "MIN" || agg.name == "MAX") {
        std::optional<TermId> best;
        for (TermId v : values) {
          int c = best ? order_compare(&ctx_.term(v), &ctx_.term(*best)) : 0;
          if (!best || (agg.name == "MIN" ? c < 0 : c > 0)) best = v;
        }
        if (best) out.row(g)[agg.result] = *best;
      } else if (agg.name == "SAMPLE") {
        if (!values.empty()) out.row(g)[agg.result] = values.front();
      } else if (agg.name == "GROUP_CONCAT") {
        std::string joined;
        bool ok = !error;
        for (std::size_t i = 0; i < values.size(); ++i) {
          const model::Term& t = ctx_.term(values[i]);
          if (t.kind != model::TermKind::literal) ok = false;
          if (i) joined += agg.separator;
          joined += t.value;
        }
        if (ok) result = model::Term::literal(std::move(joined));
      }
      if (result) out.row(g)[agg.result] = ctx_.intern(*result);
    }
    ctx_.check(out);
  }
  ctx_.plan_actual(line, out.rows);
  return out;
}

void PatternEvaluator::order(Table& t, const std::vector<OrderCondition>& conditions) {
  std::size_t line = ctx_.plan("OrderBy", -1);
  std::vector<TermId> keys(t.rows * conditions.size());
  for (std::size_t r = 0; r < t.rows; ++r)
    for (std::size_t c = 0; c < conditions.size(); ++c)
      keys[r * conditions.size() + c] = expressions_.eval(conditions[c].expr, t.row(r)).to_id(ctx_);
  std::vector<std::size_t> perm(t.rows);
  std::iota(perm.begin(), perm.end(), 0);
  const store::Dictionary& dict = ctx_.store.dictionary();
  std::stable_sort(perm.begin(), perm.end(), [&](std::size_t a, std::size_t b) {
    for (std::size_t c = 0; c < conditions.size(); ++c) {
      TermId x = keys[a * conditions.size() + c], y = keys[b * conditions.size() + c];
      if (x == y) continue;
      int cmp = order_compare(x == kNoTerm ? nullptr : &dict.term(x), y == kNoTerm ? nullptr : &dict.term(y));
      if (cmp != 0) return conditions[c].descending ? cmp > 0 : cmp < 0;
    }
    return false;
  });
  Table sorted(t.width);
  sorted.cells.reserve(t.cells.size());
  for (std::size_t r : perm) sorted.add_row(t.row(r));
  t = std::move(sorted);
  ctx_.plan_actual(line, t.rows);
}

}  // namespace ng::query
