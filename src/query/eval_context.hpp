// What every part of the evaluator shares: tables of solutions (rows of term
// ids, one column per query variable), the resource limits checked in inner
// loops, and the context of one evaluation (store, query, active graph, plan
// trace for explain).
#pragma once

#include <chrono>
#include <functional>
#include <map>
#include <set>
#include <string>
#include <type_traits>
#include <vector>

#include "query/algebra.hpp"
#include "query/sparql.hpp"
#include "store/triple_store.hpp"

namespace ng::query {

using store::kNoTerm;
using store::TermId;

// Thrown from inner loops when a limit is hit; caught in sparql.cpp only.
struct LimitExceeded {
  std::string kind;  // "timeout", "row-limit", "memory-limit"
  std::string message;
};

class Limits {
public:
  explicit Limits(const EvalOptions& options);
  // Called once per unit of inner-loop work; looks at the clock every few thousand calls.
  void tick() {
    if ((++ticks_ & 0x3FF) == 0) check_time();
  }
  void check_time();
  // Called when a table grows to `rows` rows of `width` cells.
  void check_table(std::size_t rows, std::size_t width);

private:
  EvalOptions options_;
  std::chrono::steady_clock::time_point start_;
  std::uint64_t ticks_ = 0;
};

// A multiset of solutions; kNoTerm is unbound.
struct Table {
  std::size_t width = 0;
  std::vector<TermId> cells;
  std::size_t rows = 0;  // explicit, since width may be 0

  explicit Table(std::size_t w = 0) : width(w) {}
  static Table unit(std::size_t w) {
    Table t(w);
    t.add_empty_row();
    return t;
  }
  const TermId* row(std::size_t i) const { return cells.data() + i * width; }
  TermId* row(std::size_t i) { return cells.data() + i * width; }
  void add_row(const TermId* r) {
    cells.insert(cells.end(), r, r + width);
    ++rows;
  }
  void add_empty_row() {
    cells.insert(cells.end(), width, kNoTerm);
    ++rows;
  }
};

struct PlanLine {
  int depth = 0;
  std::string op;
  double estimated = -1;  // -1: no estimate
  std::size_t actual = 0;
};

struct EvalContext {
  EvalContext(store::TripleStore& s, const Query& q, Limits& l) : store(s), query(q), limits(l) {}
  store::TripleStore& store;
  const Query& query;
  Limits& limits;
  TermId active_graph = kNoTerm;  // kNoTerm: the default graph (see sparql.hpp)
  // The store has default-graph quads (g = kNoTerm), so the default graph is
  // exactly those; otherwise it is the distinct union of the named graphs.
  bool default_graph_only = false;
  // Whether a scanned quad belongs to the active graph (scans with g =
  // kNoTerm return every graph's quads).
  bool in_active_graph(const store::Quad& q) const {
    return active_graph != kNoTerm || !default_graph_only || q.g == kNoTerm;
  }
  std::vector<PlanLine>* trace = nullptr;
  int depth = 0;
  std::uint64_t bnode_counter = 0;
  std::map<std::pair<std::string, std::vector<TermId>>, TermId> bnodes_by_string;  // BNODE(str) per solution
  std::set<TermId> bnodes_minted;                                                   // the values of bnodes_by_string
  // Evaluates a pattern against one solution (for EXISTS); set by the evaluator.
  std::function<bool(const GroupPattern&, const TermId*)> exists;

  std::size_t width() const { return query.var_names.size(); }
  TermId intern(model::TermView t) { return store.dictionary().intern(t); }
  // The id of a constant if the store knows it, else kNoTerm.
  TermId find(model::TermView t) const {
    auto id = store.dictionary().find(t);
    return id ? *id : kNoTerm;
  }
  model::TermView term(TermId id) const { return store.dictionary().term(id); }
  // Calls visit(quad) for each triple of the active graph matching s p o
  // (kNoTerm: any), until it returns false (a visitor returning nothing sees
  // them all); in the default graph a triple held in several named graphs is
  // seen once (its quads are adjacent in a scan).
  template <class Visit>
  void for_each_triple(TermId s, TermId p, TermId o, Visit&& visit) {
    const store::Quad* previous = nullptr;
    for (const store::Quad& quad : store.scan({s, p, o, active_graph})) {
      limits.tick();
      if (!in_active_graph(quad)) continue;
      if (active_graph == kNoTerm && previous && previous->s == quad.s && previous->p == quad.p &&
          previous->o == quad.o)
        continue;
      previous = &quad;
      if constexpr (std::is_void_v<decltype(visit(quad))>) {
        visit(quad);
      } else if (!visit(quad)) {
        return;
      }
    }
  }
  // Adds a plan line and returns its index, to fill in the actual count later.
  std::size_t plan(std::string op, double estimated);
  void plan_actual(std::size_t line, std::size_t actual);
  void check(const Table& t) { limits.check_table(t.rows, t.width); }
};

}  // namespace ng::query
