// Greedy join ordering for basic graph patterns. The estimate of a pattern is
// the size of the index range its constants select, shrunk for every position
// a variable bound earlier will fix; patterns sharing no variable with what is
// bound are postponed (a cartesian product is the last resort).
#include "query/planner.hpp"

#include <algorithm>

namespace ng::query {

ResolvedTriple resolve_triple(EvalContext& ctx, const TriplePattern& t) {
  ResolvedTriple r;
  r.source = &t;
  r.path = t.path ? &*t.path : nullptr;
  auto resolve = [&](const Slot& s) {
    ResolvedSlot out{s.is_var, s.var, kNoTerm};
    if (!s.is_var) {
      // A path can match a constant the store does not hold (zero-length paths), so intern it there.
      out.id = r.path ? ctx.intern(s.term) : ctx.find(s.term);
      if (out.id == kNoTerm) r.unknown_constant = true;
    }
    return out;
  };
  r.s = resolve(t.s);
  if (!r.path) r.p = resolve(t.p);
  r.o = resolve(t.o);
  return r;
}

namespace {

double estimate(const EvalContext& ctx, const ResolvedTriple& t, const std::vector<bool>& bound) {
  if (t.unknown_constant) return 0;
  auto is_bound = [&](const ResolvedSlot& s) { return !s.is_var || bound[s.var]; };
  double total = static_cast<double>(std::max<std::size_t>(ctx.store.size(), 1));
  if (t.path) {
    bool s = is_bound(t.s), o = is_bound(t.o);
    return s || o ? 10 : total;
  }
  store::QuadPattern q;
  q.s = t.s.is_var ? kNoTerm : t.s.id;
  q.p = t.p.is_var ? kNoTerm : t.p.id;
  q.o = t.o.is_var ? kNoTerm : t.o.id;
  q.g = ctx.active_graph;
  double est = static_cast<double>(ctx.store.scan(q).size_estimate());
  // Each position a variable binding will fix cuts the range; subjects select most.
  if (t.s.is_var && bound[t.s.var]) est = std::min(est, std::max(1.0, est / 50));
  if (t.o.is_var && bound[t.o.var]) est = std::min(est, std::max(1.0, est / 20));
  if (t.p.is_var && bound[t.p.var]) est = std::min(est, std::max(1.0, est / 5));
  return est;
}

bool connected(const ResolvedTriple& t, const std::vector<bool>& bound) {
  for (const ResolvedSlot* s : {&t.s, &t.p, &t.o})
    if (s->is_var && bound[s->var]) return true;
  return false;
}

}  // namespace

std::vector<PlannedStep> plan_bgp(const EvalContext& ctx, const std::vector<ResolvedTriple>& triples,
                                  std::vector<bool> bound) {
  std::vector<PlannedStep> order;
  std::vector<bool> used(triples.size(), false);
  bool anything_bound = std::find(bound.begin(), bound.end(), true) != bound.end();
  for (std::size_t step = 0; step < triples.size(); ++step) {
    std::size_t best = triples.size();
    double best_cost = 0;
    double best_estimate = 0;
    for (std::size_t i = 0; i < triples.size(); ++i) {
      if (used[i]) continue;
      double est = estimate(ctx, triples[i], bound);
      double cost = est;
      if (anything_bound && !connected(triples[i], bound)) cost = cost * 1e6 + 1e6;
      if (best == triples.size() || cost < best_cost) {
        best = i;
        best_cost = cost;
        best_estimate = est;
      }
    }
    used[best] = true;
    order.push_back({best, best_estimate});
    for (const ResolvedSlot* s : {&triples[best].s, &triples[best].p, &triples[best].o})
      if (s->is_var) bound[s->var] = true;
    anything_bound = true;
  }
  return order;
}

}  // namespace ng::query
