// Evaluates expressions over one solution: a value is an error, a stored term
// (by id) or a computed term. Errors propagate per the spec (|| and && absorb
// them where the truth table allows); FILTER keeps a row only on true.
#pragma once

#include <optional>

#include "query/eval_context.hpp"

namespace ng::query {

struct Value {
  enum class State { error, id, term };
  State state = State::error;
  TermId id = kNoTerm;
  model::Term computed;

  static Value error() { return {}; }
  static Value of_id(TermId i) { return {State::id, i, {}}; }
  static Value of_term(model::Term t) { return {State::term, kNoTerm, std::move(t)}; }
  bool ok() const { return state != State::error; }
  // The term; valid until the next term is interned.
  model::TermView term(const EvalContext& ctx) const { return state == State::id ? ctx.term(id) : computed; }
  // The id, interning a computed term.
  TermId to_id(EvalContext& ctx) const;
};

class ExpressionEvaluator {
public:
  explicit ExpressionEvaluator(EvalContext& ctx) : ctx_(ctx) {}
  Value eval(const Expr& e, const TermId* row);
  std::optional<bool> ebv(const Expr& e, const TermId* row);
  bool passes(const Expr& filter, const TermId* row) { return ebv(filter, row) == std::optional<bool>(true); }

private:
  Value call(const Expr& e, const TermId* row);  // built-ins, in functions.cpp
  Value cast(const std::string& datatype, const Value& v);
  EvalContext& ctx_;
};

}  // namespace ng::query
