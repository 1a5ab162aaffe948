// Walks over the algebra that the parser's checks and the evaluator share:
// the variables an expression reads and the variables a pattern can bind.
#include "query/algebra.hpp"

namespace ng::query {

void collect_expr_vars(const Expr& e, std::vector<VarId>& out) {
  if (e.kind == Expr::Kind::variable) out.push_back(e.var);
  for (const Expr& a : e.args) collect_expr_vars(a, out);
}

bool has_exists(const Expr& e) {
  std::vector<const Expr*> stack{&e};  // iterative: expressions nest as deep as the parser allows
  while (!stack.empty()) {
    const Expr* at = stack.back();
    stack.pop_back();
    if (at->kind == Expr::Kind::exists || at->kind == Expr::Kind::not_exists) return true;
    for (const Expr& a : at->args) stack.push_back(&a);
  }
  return false;
}

bool is_plain_triples(const GroupPattern& g) {
  return g.elements.size() == 1 && g.elements[0].kind == GroupElement::Kind::triples;
}

void collect_pattern_vars(const GroupPattern& g, std::vector<VarId>& out) {
  auto slot = [&](const Slot& s) {
    if (s.is_var) out.push_back(s.var);
  };
  for (const GroupElement& el : g.elements) {
    for (const TriplePattern& t : el.triples) {
      slot(t.s);
      slot(t.p);
      slot(t.o);
    }
    if (el.kind != GroupElement::Kind::minus)
      for (const auto& sub : el.groups) collect_pattern_vars(*sub, out);
    if (el.kind == GroupElement::Kind::graph) slot(el.graph);
    if (el.kind == GroupElement::Kind::bind) out.push_back(el.var);
    if (el.kind == GroupElement::Kind::values) out.insert(out.end(), el.data.vars.begin(), el.data.vars.end());
    if (el.kind == GroupElement::Kind::subselect) {
      const SelectQuery& s = *el.subquery;
      if (s.select_all) collect_pattern_vars(s.where, out);
      for (const Projection& p : s.projection) out.push_back(p.var);
    }
  }
}

}  // namespace ng::query
