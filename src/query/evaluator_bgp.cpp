// Basic graph patterns by index nested loops: every incoming row is extended
// pattern by pattern in the planner's order, each pattern a range scan of the
// permutation its bound positions select. When the first two patterns share a
// variable both of their scans come sorted by, they are merge-joined instead.
// Filters run as soon as their variables are bound; the loop stops at the row
// cap (LIMIT) or a limit.
#include <algorithm>
#include <cmath>
#include <optional>

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
  std::optional<VarId> merge_var;  // set: steps 0 and 1 are merge-joined on it
  RowCounts* counts = nullptr;  // set: count the rows instead of storing them


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

  // The quads of a plain pattern in the active graph, in scan order, the
  // default graph's duplicates (one triple in several graphs) dropped.
  void scan_into(const ResolvedTriple& t, std::vector<store::Quad>& quads) {
    ctx.for_each_triple(value(t.s), value(t.p), value(t.o), [&](const store::Quad& quad) {
      quads.push_back(quad);
      return true;
    });
  }

  // Steps 0 and 1 by a merge join on *merge_var: both scans come sorted by it
  // (extend_bgp checked), so equal runs meet in one pass over each.
  void run_merge() {
    const ResolvedTriple& a = triples[steps[0].index];
    const ResolvedTriple& b = triples[steps[1].index];
    std::vector<store::Quad> left, right;
    scan_into(a, left);
    scan_into(b, right);
    const VarId v = *merge_var;
    auto key = [v](const ResolvedTriple& t, const store::Quad& q) {
      return t.s.is_var && t.s.var == v ? q.s : q.o;
    };
    std::vector<VarId> assigned_a, assigned_b;
    for (std::size_t i = 0, j = 0; i < left.size() && j < right.size() && !stopped;) {
      const TermId ka = key(a, left[i]), kb = key(b, right[j]);
      if (ka != kb) {
        ka < kb ? ++i : ++j;
        continue;
      }
      std::size_t i_end = i, j_end = j;
      while (i_end < left.size() && key(a, left[i_end]) == ka) ++i_end;
      while (j_end < right.size() && key(b, right[j_end]) == kb) ++j_end;
      for (std::size_t x = i; x < i_end && !stopped; ++x) {
        const store::Quad& qa = left[x];
        if (!(bind(a.s, qa.s, assigned_a) && bind(a.p, qa.p, assigned_a) && bind(a.o, qa.o, assigned_a)) ||
            !filters_pass(1)) {
          undo(assigned_a);
          continue;
        }
        ++produced[0];
        for (std::size_t y = j; y < j_end && !stopped; ++y) {
          ctx.limits.tick();
          const store::Quad& qb = right[y];
          if (bind(b.s, qb.s, assigned_b) && bind(b.p, qb.p, assigned_b) && bind(b.o, qb.o, assigned_b))
            next_step(1, assigned_b);
          else
            undo(assigned_b);
        }
        undo(assigned_a);
      }
      i = i_end;
      j = j_end;
    }
  }

  void run(std::size_t k) {
    if (stopped) return;
    if (k == 0 && merge_var) {
      run_merge();
      return;
    }
    if (k == steps.size()) {
      if (counts) {
        ++counts->total;
        if (counts->key) ++counts->by_key[row[*counts->key]];
        return;
      }
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
    ctx.for_each_triple(value(t.s), value(t.p), value(t.o), [&](const store::Quad& quad) {
      if (bind(t.s, quad.s, assigned) && bind(t.p, quad.p, assigned) && bind(t.o, quad.o, assigned))
        next_step(k, assigned);
      else
        undo(assigned);
      return !stopped;
    });
  }
};

// The variable a plain pattern's scan comes sorted by, given which of its
// positions are bound: the position after the prefix of the permutation the
// store picks (POS for bound P and O, OSP for O alone give S; SPO for bound S
// and P, POS for P alone give O). Nothing when that position is not a
// variable of its own.
std::optional<VarId> sorted_by(const ResolvedTriple& t, const std::vector<bool>& bound) {
  auto is_bound = [&](const ResolvedSlot& slot) { return !slot.is_var || bound[slot.var]; };
  auto free_var = [&](const ResolvedSlot& slot) { return slot.is_var && !bound[slot.var]; };
  if (t.path || t.unknown_constant) return std::nullopt;
  const bool s = is_bound(t.s), p = is_bound(t.p), o = is_bound(t.o);
  std::optional<VarId> v;
  if (!s && o) v = free_var(t.s) ? std::optional<VarId>(t.s.var) : std::nullopt;       // POS / OSP: S next
  else if (!o && p) v = free_var(t.o) ? std::optional<VarId>(t.o.var) : std::nullopt;  // SPO / POS: O next
  if (!v) return std::nullopt;
  // The same variable twice in the pattern would need a check per quad.
  int uses = (t.s.is_var && t.s.var == *v) + (t.p.is_var && t.p.var == *v) + (t.o.is_var && t.o.var == *v);
  return uses == 1 ? v : std::nullopt;
}

std::string slot_text(const EvalContext& ctx, const Slot& s) {
  if (s.is_var) return "?" + ctx.query.var_names[s.var];
  if (s.term.kind == model::TermKind::iri) return "<" + s.term.value + ">";
  return "\"" + s.term.value + "\"";
}

}  // namespace

void PatternEvaluator::extend_bgp(Table& t, const std::vector<TriplePattern>& triples,
                                  std::vector<const Expr*>& filters, std::size_t cap, RowCounts* counts) {
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
    const bool uses_exists = has_exists(**it);
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
             std::vector<std::size_t>(steps.size(), 0), false, std::nullopt, counts};
  // Merge-join the first two patterns when both scans are sorted by the
  // variable they share and one pass over both beats a lookup per row of the
  // first: n0 + n1 < n0 * log2(N). Only from the unit table, where no row binds
  // anything that would change a scan's order.
  std::optional<std::size_t> merge_line;
  const bool unit = t.rows == 1 && std::all_of(t.cells.begin(), t.cells.end(), [](TermId c) { return c == kNoTerm; });
  if (unit && steps.size() >= 2 && cap == 0) {
    const ResolvedTriple& a = resolved[steps[0].index];
    const ResolvedTriple& b = resolved[steps[1].index];
    const auto va = sorted_by(a, bound), vb = sorted_by(b, bound);
    if (va && vb && *va == *vb) {
      auto size = [&](const ResolvedTriple& r) {
        return static_cast<double>(ctx_.store.scan({r.s.is_var ? kNoTerm : r.s.id, r.p.is_var ? kNoTerm : r.p.id,
                                                    r.o.is_var ? kNoTerm : r.o.id, ctx_.active_graph})
                                       .size_estimate());
      };
      const double n0 = size(a), n1 = size(b);
      if (n0 + n1 < n0 * std::log2(static_cast<double>(ctx_.store.size()) + 2)) {
        run.merge_var = *va;
        merge_line = ctx_.plan("MergeJoin ?" + ctx_.query.var_names[*va] + " (first two scans)", -1);
      }
    }
  }
  for (std::size_t r = 0; r < t.rows && !run.stopped; ++r) {
    std::copy(t.row(r), t.row(r) + t.width, run.row.begin());
    if (!run.filters_pass(0)) continue;
    run.run(0);
  }
  for (std::size_t k = 0; k < steps.size(); ++k) ctx_.plan_actual(lines[k], run.produced[k]);
  if (merge_line) ctx_.plan_actual(*merge_line, run.produced[1]);
  t = std::move(out);
}

}  // namespace ng::query
