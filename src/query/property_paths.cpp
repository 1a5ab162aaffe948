// Property paths over the active graph. Free ends of a closure start from
// every node of the graph; each start runs its own breadth-first search, so
// results are distinct per (start, end) as the spec requires.
#include "query/property_paths.hpp"

#include <algorithm>
#include <deque>
#include <unordered_set>

namespace ng::query {
namespace {

std::vector<TermId> graph_nodes(EvalContext& ctx) {
  std::unordered_set<TermId> seen;
  std::vector<TermId> nodes;
  ctx.for_each_triple(kNoTerm, kNoTerm, kNoTerm, [&](const store::Quad& q) {
    for (TermId t : {q.s, q.o})
      if (seen.insert(t).second) nodes.push_back(t);
  });
  return nodes;
}

Path inverse_of(const Path& p) {
  Path inv;
  inv.kind = Path::Kind::inverse;
  inv.parts.push_back(p);
  return inv;
}

// Nodes reachable from `start` by one or more steps of `step` (plus start itself when zero steps count).
std::vector<TermId> closure(EvalContext& ctx, const Path& step, TermId start, bool include_start) {
  std::unordered_set<TermId> visited;
  std::vector<TermId> reached;
  std::deque<TermId> frontier{start};
  if (include_start) {
    visited.insert(start);
    reached.push_back(start);
  }
  std::vector<TermPair> next;
  while (!frontier.empty()) {
    TermId node = frontier.front();
    frontier.pop_front();
    next.clear();
    path_pairs(ctx, step, node, kNoTerm, next);
    for (const TermPair& pair : next) {
      if (visited.insert(pair.second).second) {
        reached.push_back(pair.second);
        frontier.push_back(pair.second);
      }
    }
  }
  return reached;
}

void closure_pairs(EvalContext& ctx, const Path& path, TermId from, TermId to, std::vector<TermPair>& out) {
  const Path& step = path.parts[0];
  bool zero = path.kind != Path::Kind::one_or_more;
  if (from == kNoTerm && to != kNoTerm) {
    for (TermId n : closure(ctx, inverse_of(step), to, zero)) out.emplace_back(n, to);
    return;
  }
  std::vector<TermId> starts = from != kNoTerm ? std::vector<TermId>{from} : graph_nodes(ctx);
  for (TermId s : starts) {
    for (TermId n : closure(ctx, step, s, zero))
      if (to == kNoTerm || n == to) out.emplace_back(s, n);
  }
}

}  // namespace

bool is_graph_node(EvalContext& ctx, TermId node) {
  bool found = false;
  for (const store::QuadPattern& q : {store::QuadPattern{node, kNoTerm, kNoTerm, ctx.active_graph},
                                      store::QuadPattern{kNoTerm, kNoTerm, node, ctx.active_graph}}) {
    for (const store::Quad& quad : ctx.store.scan(q)) {
      if (!ctx.in_active_graph(quad)) continue;
      found = true;
      break;
    }
    if (found) break;
  }
  return found;
}

void path_pairs(EvalContext& ctx, const Path& path, TermId from, TermId to, std::vector<TermPair>& out) {
  switch (path.kind) {
    case Path::Kind::link: {
      TermId p = ctx.find(path.iri);
      if (p == kNoTerm) return;
      ctx.for_each_triple(from, p, to, [&](const store::Quad& q) { out.emplace_back(q.s, q.o); });
      return;
    }
    case Path::Kind::inverse: {
      std::vector<TermPair> inner;
      path_pairs(ctx, path.parts[0], to, from, inner);
      for (const TermPair& pair : inner) out.emplace_back(pair.second, pair.first);
      return;
    }
    case Path::Kind::alternative:
      for (const Path& part : path.parts) path_pairs(ctx, part, from, to, out);
      return;
    case Path::Kind::sequence: {
      if (from == kNoTerm && to != kNoTerm) {
        // Walk from the bound end: the reversed sequence of inverses.
        Path reversed;
        reversed.kind = Path::Kind::sequence;
        for (auto it = path.parts.rbegin(); it != path.parts.rend(); ++it) reversed.parts.push_back(inverse_of(*it));
        std::vector<TermPair> inner;
        path_pairs(ctx, reversed, to, kNoTerm, inner);
        for (const TermPair& pair : inner) out.emplace_back(pair.second, pair.first);
        return;
      }
      std::vector<TermPair> current;
      path_pairs(ctx, path.parts[0], from, path.parts.size() == 1 ? to : kNoTerm, current);
      for (std::size_t i = 1; i < path.parts.size(); ++i) {
        bool last = i + 1 == path.parts.size();
        std::vector<TermPair> extended, step;
        for (const TermPair& pair : current) {
          step.clear();
          path_pairs(ctx, path.parts[i], pair.second, last ? to : kNoTerm, step);
          for (const TermPair& s : step) extended.emplace_back(pair.first, s.second);
        }
        ctx.limits.check_table(extended.size(), 2);
        current = std::move(extended);
      }
      out.insert(out.end(), current.begin(), current.end());
      return;
    }
    case Path::Kind::zero_or_one: {
      std::vector<TermPair> pairs;
      if (from != kNoTerm && (to == kNoTerm || to == from)) pairs.emplace_back(from, from);
      else if (from == kNoTerm && to != kNoTerm) pairs.emplace_back(to, to);
      else if (from == kNoTerm)
        for (TermId n : graph_nodes(ctx)) pairs.emplace_back(n, n);
      path_pairs(ctx, path.parts[0], from, to, pairs);
      std::sort(pairs.begin(), pairs.end());
      pairs.erase(std::unique(pairs.begin(), pairs.end()), pairs.end());
      out.insert(out.end(), pairs.begin(), pairs.end());
      return;
    }
    case Path::Kind::zero_or_more:
    case Path::Kind::one_or_more: closure_pairs(ctx, path, from, to, out); return;
    case Path::Kind::negated: {
      auto ids = [&](const std::vector<model::Term>& terms) {
        std::vector<TermId> v;
        for (const auto& t : terms) v.push_back(ctx.find(t));
        return v;
      };
      std::vector<TermId> forward = ids(path.forward_excluded), inverse = ids(path.inverse_excluded);
      auto excluded = [](const std::vector<TermId>& v, TermId p) { return std::find(v.begin(), v.end(), p) != v.end(); };
      if (!path.forward_excluded.empty() || path.inverse_excluded.empty())
        ctx.for_each_triple(from, kNoTerm, to, [&](const store::Quad& q) {
          if (!excluded(forward, q.p)) out.emplace_back(q.s, q.o);
        });
      if (!path.inverse_excluded.empty())
        ctx.for_each_triple(to, kNoTerm, from, [&](const store::Quad& q) {
          if (!excluded(inverse, q.p)) out.emplace_back(q.o, q.s);
        });
      return;
    }
  }
}

}  // namespace ng::query
