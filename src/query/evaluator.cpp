// Group graph patterns: the left fold over a group's elements, hash joins on
// the variables both sides always bind, OPTIONAL as a left join (by index
// nested loop when its group is plain triples), MINUS, GRAPH, BIND, VALUES and
// the filters a BGP could not take earlier. Also the limits and plan trace.
#include "query/evaluator.hpp"

#include <algorithm>
#include <unordered_map>

namespace ng::query {

Limits::Limits(const EvalOptions& options) : options_(options), start_(std::chrono::steady_clock::now()) {}

void Limits::check_time() {
  if (options_.timeout <= 0) return;
  std::chrono::duration<double> spent = std::chrono::steady_clock::now() - start_;
  if (spent.count() > options_.timeout)
    throw LimitExceeded{"timeout", "query timed out after " + std::to_string(options_.timeout) + " s"};
}

void Limits::check_table(std::size_t rows, std::size_t width) {
  if (options_.max_rows && rows > options_.max_rows)
    throw LimitExceeded{"row-limit", "more than " + std::to_string(options_.max_rows) + " rows (max_rows)"};
  if (options_.max_memory && rows * std::max<std::size_t>(width, 1) * sizeof(TermId) > options_.max_memory)
    throw LimitExceeded{"memory-limit", "intermediate results would exceed " +
                                            std::to_string(options_.max_memory >> 20) + " MiB"};
}

std::size_t EvalContext::plan(std::string op, double estimated) {
  if (!trace) return 0;
  trace->push_back({depth, std::move(op), estimated, 0});
  return trace->size() - 1;
}

void EvalContext::plan_actual(std::size_t line, std::size_t actual) {
  if (trace && line < trace->size()) (*trace)[line].actual = actual;
}

std::vector<bool> always_bound(const Table& t) {
  std::vector<bool> bound(t.width, t.rows > 0);
  for (std::size_t r = 0; r < t.rows; ++r) {
    const TermId* row = t.row(r);
    for (std::size_t v = 0; v < t.width; ++v)
      if (row[v] == kNoTerm) bound[v] = false;
  }
  return bound;
}

namespace {

bool compatible(const TermId* a, const TermId* b, std::size_t width) {
  for (std::size_t v = 0; v < width; ++v)
    if (a[v] != kNoTerm && b[v] != kNoTerm && a[v] != b[v]) return false;
  return true;
}

void merge_into(std::vector<TermId>& out, const TermId* a, const TermId* b, std::size_t width) {
  for (std::size_t v = 0; v < width; ++v) out[v] = a[v] != kNoTerm ? a[v] : b[v];
}

std::vector<VarId> shared_keys(const Table& a, const Table& b) {
  std::vector<bool> ba = always_bound(a), bb = always_bound(b);
  std::vector<VarId> keys;
  for (std::size_t v = 0; v < a.width; ++v)
    if (ba[v] && bb[v]) keys.push_back(static_cast<VarId>(v));
  return keys;
}

std::uint64_t key_hash(const TermId* row, const std::vector<VarId>& keys) {
  std::uint64_t h = 1469598103934665603ull;
  for (VarId k : keys) h = (h ^ row[k]) * 1099511628211ull;
  return h;
}

// Rows of `b` indexed by their key values; candidates still need compatible().
struct HashIndex {
  HashIndex(const Table& b, std::vector<VarId> k) : keys(std::move(k)) {
    for (std::size_t r = 0; r < b.rows; ++r) buckets[key_hash(b.row(r), keys)].push_back(r);
  }
  const std::vector<std::size_t>* candidates(const TermId* row, const std::vector<std::size_t>& all) const {
    if (keys.empty()) return &all;
    auto found = buckets.find(key_hash(row, keys));
    return found == buckets.end() ? nullptr : &found->second;
  }
  std::vector<VarId> keys;
  std::unordered_map<std::uint64_t, std::vector<std::size_t>> buckets;
};

}  // namespace

PatternEvaluator::PatternEvaluator(EvalContext& ctx) : ctx_(ctx), expressions_(ctx) {
  ctx_.exists = [this](const GroupPattern& g, const TermId* row) { return exists(g, row); };
}

Table PatternEvaluator::eval_group(const GroupPattern& g, std::size_t cap) {
  return fold_group(g, Table::unit(ctx_.width()), cap);
}

bool PatternEvaluator::exists(const GroupPattern& g, const TermId* row) {
  Table seed(ctx_.width());
  seed.add_row(row);
  std::vector<PlanLine>* trace = ctx_.trace;
  ctx_.trace = nullptr;  // one EXISTS per row would flood the plan
  Table t = fold_group(g, std::move(seed), 1);
  ctx_.trace = trace;
  return t.rows > 0;
}

Table PatternEvaluator::fold_group(const GroupPattern& g, Table current, std::size_t cap) {
  ++ctx_.depth;
  std::vector<const Expr*> pending;
  bool all_pushable = true;
  std::vector<VarId> triple_vars;
  if (is_plain_triples(g)) collect_pattern_vars(g, triple_vars);
  for (const Expr& f : g.filters) {
    pending.push_back(&f);
    std::vector<VarId> used;
    collect_expr_vars(f, used);
    for (VarId v : used)
      if (std::find(triple_vars.begin(), triple_vars.end(), v) == triple_vars.end()) all_pushable = false;
    if (has_exists(f)) all_pushable = false;
  }
  std::size_t bgp_cap = is_plain_triples(g) && all_pushable ? cap : 0;
  for (const GroupElement& el : g.elements) {
    using K = GroupElement::Kind;
    switch (el.kind) {
      case K::triples: extend_bgp(current, el.triples, pending, bgp_cap); break;
      case K::optional: current = left_join(current, *el.groups[0]); break;
      case K::minus: current = minus(current, eval_group(*el.groups[0])); break;
      case K::group:
        if (is_plain_triples(*el.groups[0]) && el.groups[0]->filters.empty()) {
          std::vector<const Expr*> none;
          extend_bgp(current, el.groups[0]->elements[0].triples, none, 0);
        } else {
          current = join(current, eval_group(*el.groups[0]));
        }
        break;
      case K::union_of: {
        std::size_t line = ctx_.plan("Union", -1);
        Table all(ctx_.width());
        for (const auto& branch : el.groups) {
          Table t = eval_group(*branch);
          all.cells.insert(all.cells.end(), t.cells.begin(), t.cells.end());
          all.rows += t.rows;
          ctx_.check(all);
        }
        ctx_.plan_actual(line, all.rows);
        current = join(current, all);
        break;
      }
      case K::graph: current = join(current, graph(el)); break;
      case K::bind: bind(current, el.expr, el.var); break;
      case K::values: current = join(current, values_table(el.data)); break;
      case K::subselect: {
        std::size_t line = ctx_.plan("SubSelect", -1);
        Table sub = run_select(*el.subquery);
        ctx_.plan_actual(line, sub.rows);
        current = join(current, sub);
        break;
      }
    }
  }
  for (const Expr* f : pending) filter(current, *f);
  --ctx_.depth;
  return current;
}

Table PatternEvaluator::join(const Table& a, const Table& b) {
  Table out(ctx_.width());
  if (a.rows == 0 || b.rows == 0) return out;
  if (a.rows == 1 && std::all_of(a.cells.begin(), a.cells.end(), [](TermId t) { return t == kNoTerm; })) return b;
  if (b.rows == 1 && std::all_of(b.cells.begin(), b.cells.end(), [](TermId t) { return t == kNoTerm; })) return a;
  std::size_t line = ctx_.plan("HashJoin", -1);
  HashIndex index(b, shared_keys(a, b));
  std::vector<std::size_t> all(b.rows);
  for (std::size_t i = 0; i < b.rows; ++i) all[i] = i;
  std::vector<TermId> merged(out.width);
  for (std::size_t r = 0; r < a.rows; ++r) {
    const auto* candidates = index.candidates(a.row(r), all);
    if (!candidates) continue;
    for (std::size_t c : *candidates) {
      ctx_.limits.tick();
      if (!compatible(a.row(r), b.row(c), out.width)) continue;
      merge_into(merged, a.row(r), b.row(c), out.width);
      out.add_row(merged.data());
      ctx_.check(out);
    }
  }
  ctx_.plan_actual(line, out.rows);
  return out;
}

Table PatternEvaluator::left_join(const Table& a, const GroupPattern& optional) {
  Table out(ctx_.width());
  std::size_t line = ctx_.plan("LeftJoin", -1);
  ++ctx_.depth;
  if (is_plain_triples(optional)) {
    // Index nested loop: the optional triples with each row's bindings substituted.
    Table one(ctx_.width());  // reused: one allocation for the whole loop
    std::vector<const Expr*> conditions;
    for (std::size_t r = 0; r < a.rows; ++r) {
      one.cells.assign(a.row(r), a.row(r) + a.width);
      one.rows = 1;
      conditions.clear();
      for (const Expr& f : optional.filters) conditions.push_back(&f);
      std::vector<PlanLine>* trace = r == 0 ? ctx_.trace : nullptr;
      std::swap(trace, ctx_.trace);
      extend_bgp(one, optional.elements[0].triples, conditions, 0);
      std::swap(trace, ctx_.trace);
      for (const Expr* f : conditions) filter(one, *f);
      if (one.rows == 0) {
        out.add_row(a.row(r));
      } else {
        out.cells.insert(out.cells.end(), one.cells.begin(), one.cells.begin() + one.rows * one.width);
        out.rows += one.rows;
      }
      ctx_.check(out);
    }
  } else {
    GroupPattern without_filters = optional;
    without_filters.filters.clear();
    Table b = eval_group(without_filters);
    HashIndex index(b, shared_keys(a, b));
    std::vector<std::size_t> all(b.rows);
    for (std::size_t i = 0; i < b.rows; ++i) all[i] = i;
    std::vector<TermId> merged(out.width);
    for (std::size_t r = 0; r < a.rows; ++r) {
      bool matched = false;
      if (const auto* candidates = index.candidates(a.row(r), all)) {
        for (std::size_t c : *candidates) {
          ctx_.limits.tick();
          if (!compatible(a.row(r), b.row(c), out.width)) continue;
          merge_into(merged, a.row(r), b.row(c), out.width);
          bool ok = std::all_of(optional.filters.begin(), optional.filters.end(),
                                [&](const Expr& f) { return expressions_.passes(f, merged.data()); });
          if (!ok) continue;
          matched = true;
          out.add_row(merged.data());
          ctx_.check(out);
        }
      }
      if (!matched) out.add_row(a.row(r));
    }
  }
  --ctx_.depth;
  ctx_.plan_actual(line, out.rows);
  return out;
}

Table PatternEvaluator::minus(const Table& a, const Table& b) {
  Table out(ctx_.width());
  std::size_t line = ctx_.plan("Minus", -1);
  HashIndex index(b, shared_keys(a, b));
  std::vector<std::size_t> all(b.rows);
  for (std::size_t i = 0; i < b.rows; ++i) all[i] = i;
  for (std::size_t r = 0; r < a.rows; ++r) {
    const TermId* ra = a.row(r);
    bool removed = false;
    if (const auto* candidates = index.candidates(ra, all)) {
      for (std::size_t c : *candidates) {
        ctx_.limits.tick();
        const TermId* rb = b.row(c);
        bool shares = false;
        for (std::size_t v = 0; v < a.width && !shares; ++v) shares = ra[v] != kNoTerm && rb[v] != kNoTerm;
        if (shares && compatible(ra, rb, a.width)) {
          removed = true;
          break;
        }
      }
    }
    if (!removed) out.add_row(ra);
  }
  ctx_.plan_actual(line, out.rows);
  return out;
}

Table PatternEvaluator::values_table(const InlineData& data) {
  Table t(ctx_.width());
  for (const auto& values : data.rows) {
    t.add_empty_row();
    TermId* row = t.row(t.rows - 1);
    for (std::size_t i = 0; i < data.vars.size(); ++i)
      if (values[i]) row[data.vars[i]] = ctx_.intern(*values[i]);
  }
  ctx_.plan_actual(ctx_.plan("Values", static_cast<double>(t.rows)), t.rows);
  return t;
}

Table PatternEvaluator::graph(const GroupElement& el) {
  TermId saved = ctx_.active_graph;
  Table out(ctx_.width());
  std::size_t line = ctx_.plan("Graph", -1);
  if (!el.graph.is_var) {
    TermId g = ctx_.find(el.graph.term);
    if (g != kNoTerm) {
      ctx_.active_graph = g;
      out = eval_group(*el.groups[0]);
    }
  } else {
    std::vector<TermId> names;
    for (const store::Quad& q : ctx_.store.quads())
      if (q.g != kNoTerm) names.push_back(q.g);
    std::sort(names.begin(), names.end());
    names.erase(std::unique(names.begin(), names.end()), names.end());
    for (TermId g : names) {
      ctx_.active_graph = g;
      Table t = eval_group(*el.groups[0]);
      for (std::size_t r = 0; r < t.rows; ++r) {
        TermId* row = t.row(r);
        if (row[el.graph.var] != kNoTerm && row[el.graph.var] != g) continue;
        row[el.graph.var] = g;
        out.add_row(row);
      }
      ctx_.check(out);
    }
  }
  ctx_.active_graph = saved;
  ctx_.plan_actual(line, out.rows);
  return out;
}

void PatternEvaluator::bind(Table& t, const Expr& e, VarId var) {
  std::size_t line = ctx_.plan("Bind ?" + ctx_.query.var_names[var], -1);
  for (std::size_t r = 0; r < t.rows; ++r) {
    ctx_.limits.tick();
    Value v = expressions_.eval(e, t.row(r));
    if (v.ok()) {
      TermId id = v.to_id(ctx_);
      t.row(r)[var] = id;
    }
  }
  ctx_.plan_actual(line, t.rows);
}

void PatternEvaluator::filter(Table& t, const Expr& e) {
  std::size_t line = ctx_.plan("Filter", -1);
  std::size_t kept = 0;
  for (std::size_t r = 0; r < t.rows; ++r) {
    ctx_.limits.tick();
    if (!expressions_.passes(e, t.row(r))) continue;
    if (kept != r) std::copy(t.row(r), t.row(r) + t.width, t.row(kept));
    ++kept;
  }
  t.rows = kept;
  t.cells.resize(kept * t.width);
  ctx_.plan_actual(line, kept);
}

}  // namespace ng::query
