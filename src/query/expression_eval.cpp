// Expression evaluation: variables, constants, logical operators with the
// spec's error-absorbing truth tables, comparisons, arithmetic with numeric
// promotion, IN / NOT IN and EXISTS. Built-in functions are in functions.cpp.
#include "query/expression_eval.hpp"

#include "query/term_values.hpp"

namespace ng::query {

TermId Value::to_id(EvalContext& ctx) const {
  if (state == State::id) return id;
  if (state == State::term) return ctx.intern(computed);
  return kNoTerm;
}

std::optional<bool> ExpressionEvaluator::ebv(const Expr& e, const TermId* row) {
  Value v = eval(e, row);
  if (!v.ok()) return std::nullopt;
  return effective_boolean_value(v.term(ctx_));
}

Value ExpressionEvaluator::eval(const Expr& e, const TermId* row) {
  using K = Expr::Kind;
  auto boolean = [](bool b) { return Value::of_term(boolean_term(b)); };
  switch (e.kind) {
    case K::constant: {
      TermId id = ctx_.find(e.constant);
      return id != kNoTerm ? Value::of_id(id) : Value::of_term(e.constant);
    }
    case K::variable:
    case K::aggregate: {
      TermId id = row[e.var];
      return id == kNoTerm ? Value::error() : Value::of_id(id);
    }
    case K::logical_or:
    case K::logical_and: {
      // n operands (a chain): SPARQL's || is true when any operand is true,
      // even beside errors, else an error if any is one, else false; && dually.
      const bool is_or = e.kind == K::logical_or;
      bool error = false;
      for (const Expr& operand : e.args) {
        auto v = ebv(operand, row);
        if (v && *v == is_or) return boolean(is_or);  // true || x, false && x
        error = error || !v;
      }
      return error ? Value::error() : boolean(!is_or);
    }
    case K::logical_not: {
      auto a = ebv(e.args[0], row);
      return a ? boolean(!*a) : Value::error();
    }
    case K::equal:
    case K::not_equal:
    case K::less:
    case K::greater:
    case K::less_equal:
    case K::greater_equal: {
      Value a = eval(e.args[0], row);
      Value b = eval(e.args[1], row);
      if (!a.ok() || !b.ok()) return Value::error();
      if (e.kind == K::equal || e.kind == K::not_equal) {
        if (a.state == Value::State::id && b.state == Value::State::id && a.id == b.id)
          return boolean(e.kind == K::equal ? values_equal(a.term(ctx_), b.term(ctx_)).value_or(true)
                                            : !values_equal(a.term(ctx_), b.term(ctx_)).value_or(true));
        auto eq = values_equal(a.term(ctx_), b.term(ctx_));
        if (!eq) return Value::error();
        return boolean(e.kind == K::equal ? *eq : !*eq);
      }
      auto c = compare_values(a.term(ctx_), b.term(ctx_));
      if (!c) return Value::error();
      bool r = e.kind == K::less      ? *c < 0
               : e.kind == K::greater ? *c > 0
               : e.kind == K::less_equal ? *c <= 0
                                         : *c >= 0;
      return boolean(r);
    }
    case K::add:
    case K::subtract:
    case K::multiply:
    case K::divide: {
      Value a = eval(e.args[0], row);
      Value b = eval(e.args[1], row);
      if (!a.ok() || !b.ok()) return Value::error();
      auto na = numeric_value(a.term(ctx_));
      auto nb = numeric_value(b.term(ctx_));
      if (!na || !nb) return Value::error();
      char op = e.kind == K::add ? '+' : e.kind == K::subtract ? '-' : e.kind == K::multiply ? '*' : '/';
      auto r = arithmetic(op, *na, *nb);
      return r ? Value::of_term(numeric_term(*r)) : Value::error();
    }
    case K::negate:
    case K::unary_plus: {
      Value a = eval(e.args[0], row);
      if (!a.ok()) return a;
      // Unary plus returns its operand and minus flips the sign of the
      // lexical form, so "3"^^xsd:decimal stays "3" and becomes "-3".
      model::Term t = a.term(ctx_).to_term();
      if (!numeric_value(t)) return Value::error();
      if (e.kind == K::unary_plus || t.value == "NaN") return a;
      if (t.value.starts_with('-')) t.value.erase(0, 1);
      else if (t.value.starts_with('+')) t.value[0] = '-';
      else t.value.insert(0, 1, '-');
      return Value::of_term(std::move(t));
    }
    case K::in:
    case K::not_in: {
      Value a = eval(e.args[0], row);
      if (!a.ok()) return a;
      bool error_seen = false;
      for (std::size_t i = 1; i < e.args.size(); ++i) {
        Value b = eval(e.args[i], row);
        if (!b.ok()) {
          error_seen = true;
          continue;
        }
        auto eq = values_equal(a.term(ctx_), b.term(ctx_));
        if (!eq) error_seen = true;
        else if (*eq) return boolean(e.kind == K::in);
      }
      return error_seen ? Value::error() : boolean(e.kind == K::not_in);
    }
    case K::exists:
    case K::not_exists: {
      bool found = ctx_.exists(*e.pattern, row);
      return boolean(e.kind == K::exists ? found : !found);
    }
    case K::call: return call(e, row);
  }
  return Value::error();
}

}  // namespace ng::query
