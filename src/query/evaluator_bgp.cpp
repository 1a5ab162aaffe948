// Basic graph patterns by index nested loops: every incoming row is extended
// pattern by pattern in the planner's order, each pattern a range scan of the
// permutation its bound positions select. Filters run as soon as their
// variables are bound; the loop stops at the row cap (LIMIT) or a limit.
#include <algorithm>

#include "query/evaluator.hpp"
#include "query/planner.hpp"
#include "query/property_paths.hpp"

namespace ng::query {
namespace {

struct BgpRun {
  EvalContext& ctx;
  ExpressionEvaluator& expressions;
  const std::vector<ResolvedTriple>& triples;
  const std::vector<PlannedStep>& steps;
  const std::vector<std::vector<const Expr*>>& filters_after;  // by step
  std::size_t cap;
  Table& out;
  std::vector<TermId> row;
  std::vector<std::size_t> produced;  // per step, for explain
  bool stopped = false;

  bool filters_pass(std::size_t step) {
    for (const Expr* f : filters_after[step])
      if (!expressions.passes(*f, row.data())) return false;
    return true;
  }

  // Binds a slot to a value; false if the slot's variable already holds another.
  bool bind(const ResolvedSlot& s, TermId value, std::vector<VarId>& assigned) {
    if (!s.is_var) return true;
    TermId& cell = row[s.var];
    if (cell == kNoTerm) {
      cell = value;
      assigned.push_back(s.var);
      return true;
    }
    return cell == value;
  }

  void undo(std::vector<VarId>& assigned) {
    for (VarId v : assigned) row[v] = kNoTerm;
    assigned.clear();
  }

  TermId value(const ResolvedSlot& s) const { return s.is_var ? row[s.var] : s.id; }

  void next_step(std::size_t k, std::vector<VarId>& assigned) {
    if (filters_pass(k + 1)) {
      ++produced[k];
      run(k + 1);
    }
    undo(assigned);
  }

  void run(std::size_t k) {
    if (stopped) return;
    if (k == steps.size()) {
      out.add_row(row.data());
      ctx.check(out);
      if (cap && out.rows >= cap) stopped = true;
      return;
    }
    const ResolvedTriple& t = triples[steps[k].index];
    std::vector<VarId> assigned;
    if (t.path) {
      std::vector<TermPair> pairs;
      path_pairs(ctx, *t.path, value(t.s), value(t.o), pairs);
      // With both ends variables the zero-length step ranges over the graph's
      // nodes only: a value bound from outside (VALUES) that is not a node of
      // the graph does not connect to itself.
      const bool both_variables = t.s.is_var && t.o.is_var;
      for (const TermPair& pair : pairs) {
        ctx.limits.tick();
        if (both_variables && pair.first == pair.second && !is_graph_node(ctx, pair.first)) continue;
        if (bind(t.s, pair.first, assigned) && bind(t.o, pair.second, assigned)) next_step(k, assigned);
        else undo(assigned);
        if (stopped) return;
      }
      return;
    }
    if (t.unknown_constant) return;
    store::QuadPattern q{value(t.s), value(t.p), value(t.o), ctx.active_graph};
    const store::Quad* previous = nullptr;
    for (const store::Quad& quad : ctx.store.scan(q)) {
      ctx.limits.tick();
      if (!ctx.in_active_graph(quad)) continue;
      // The default graph is the distinct union: a triple in several graphs counts once.
      if (ctx.active_graph == kNoTerm && previous && previous->s == quad.s && previous->p == quad.p &&
          previous->o == quad.o)
        continue;
      previous = &quad;
      if (bind(t.s, quad.s, assigned) && bind(t.p, quad.p, assigned) && bind(t.o, quad.o, assigned))
        next_step(k, assigned);
      else
        undo(assigned);
      if (stopped) return;
    }
  }
};

std::string slot_text(const EvalContext& ctx, const Slot& s) {
  if (s.is_var) return "?" + ctx.query.var_names[s.var];
  if (s.term.kind == model::TermKind::iri) return "<" + s.term.value + ">";
  return "\"" + s.term.value + "\"";
}

}  // namespace

void PatternEvaluator::extend_bgp(Table& t, const std::vector<TriplePattern>& triples,
                                  std::vector<const Expr*>& filters, std::size_t cap) {
  std::vector<ResolvedTriple> resolved;
  for (const TriplePattern& tp : triples) resolved.push_back(resolve_triple(ctx_, tp));
  std::vector<bool> bound = always_bound(t);
  std::vector<PlannedStep> steps = plan_bgp(ctx_, resolved, bound);

  // filters_after[k]: filters whose variables are all bound once k patterns matched.
  std::vector<std::vector<const Expr*>> filters_after(steps.size() + 1);
  std::vector<std::vector<bool>> bound_after{bound};
  for (const PlannedStep& s : steps) {
    bound_after.push_back(bound_after.back());
    for (const ResolvedSlot* slot : {&resolved[s.index].s, &resolved[s.index].p, &resolved[s.index].o})
      if (slot->is_var) bound_after.back()[slot->var] = true;
  }
  for (auto it = filters.begin(); it != filters.end();) {
    std::vector<VarId> used;
    collect_expr_vars(**it, used);
    bool placed = false;
    bool uses_exists = false;
    std::vector<const Expr*> stack{*it};
    while (!stack.empty()) {
      const Expr* e = stack.back();
      stack.pop_back();
      if (e->kind == Expr::Kind::exists || e->kind == Expr::Kind::not_exists) uses_exists = true;
      for (const Expr& a : e->args) stack.push_back(&a);
    }
    for (std::size_t k = 0; k <= steps.size() && !uses_exists; ++k) {
      if (std::all_of(used.begin(), used.end(), [&](VarId v) { return bound_after[k][v]; })) {
        filters_after[k].push_back(*it);
        placed = true;
        break;
      }
    }
    it = placed ? filters.erase(it) : it + 1;
  }

  std::vector<std::size_t> lines;
  for (const PlannedStep& s : steps) {
    const TriplePattern& tp = *resolved[s.index].source;
    std::string text = "Scan " + slot_text(ctx_, tp.s) + " " + (tp.path ? std::string("<path>") : slot_text(ctx_, tp.p)) +
                       " " + slot_text(ctx_, tp.o);
    lines.push_back(ctx_.plan(std::move(text), s.estimate));
    ++ctx_.depth;
  }
  ctx_.depth -= static_cast<int>(steps.size());

  Table out(t.width);
  BgpRun run{ctx_, expressions_, resolved, steps, filters_after, cap, out, std::vector<TermId>(t.width),
             std::vector<std::size_t>(steps.size(), 0)};
  for (std::size_t r = 0; r < t.rows && !run.stopped; ++r) {
    std::copy(t.row(r), t.row(r) + t.width, run.row.begin());
    if (!run.filters_pass(0)) continue;
    run.run(0);
  }
  for (std::size_t k = 0; k < steps.size(); ++k) ctx_.plan_actual(lines[k], run.produced[k]);
  t = std::move(out);
}

}  // namespace ng::query
