// The SPARQL parser's expressions: the operator precedence levels of the
// grammar, IN / NOT IN, built-in calls checked for their argument count,
// EXISTS / NOT EXISTS, aggregates (only where the query allows them) and
// function calls by IRI (the XSD casts).
#include <algorithm>
#include <cctype>

#include "model/vocab.hpp"
#include "query/parser.hpp"

namespace ng::query {
namespace {

struct Arity {
  std::string_view name;
  int min, max;  // max -1 = any
};

constexpr Arity kBuiltins[] = {
    {"STR", 1, 1},        {"LANG", 1, 1},        {"LANGMATCHES", 2, 2}, {"DATATYPE", 1, 1},   {"BOUND", 1, 1},
    {"IRI", 1, 1},        {"URI", 1, 1},         {"BNODE", 0, 1},       {"RAND", 0, 0},       {"ABS", 1, 1},
    {"CEIL", 1, 1},       {"FLOOR", 1, 1},       {"ROUND", 1, 1},       {"CONCAT", 0, -1},    {"SUBSTR", 2, 3},
    {"STRLEN", 1, 1},     {"REPLACE", 3, 4},     {"UCASE", 1, 1},       {"LCASE", 1, 1},      {"ENCODE_FOR_URI", 1, 1},
    {"CONTAINS", 2, 2},   {"STRSTARTS", 2, 2},   {"STRENDS", 2, 2},     {"STRBEFORE", 2, 2},  {"STRAFTER", 2, 2},
    {"YEAR", 1, 1},       {"MONTH", 1, 1},       {"DAY", 1, 1},         {"HOURS", 1, 1},      {"MINUTES", 1, 1},
    {"SECONDS", 1, 1},    {"TIMEZONE", 1, 1},    {"TZ", 1, 1},          {"NOW", 0, 0},        {"UUID", 0, 0},
    {"STRUUID", 0, 0},    {"MD5", 1, 1},         {"SHA1", 1, 1},        {"SHA256", 1, 1},     {"SHA384", 1, 1},
    {"SHA512", 1, 1},     {"COALESCE", 0, -1},   {"IF", 3, 3},          {"STRLANG", 2, 2},    {"STRDT", 2, 2},
    {"SAMETERM", 2, 2},   {"ISIRI", 1, 1},       {"ISURI", 1, 1},       {"ISBLANK", 1, 1},    {"ISLITERAL", 1, 1},
    {"ISNUMERIC", 1, 1},  {"REGEX", 2, 3},
};

constexpr std::string_view kAggregates[] = {"COUNT", "SUM", "MIN", "MAX", "AVG", "SAMPLE", "GROUP_CONCAT"};

std::string upper(std::string s) {
  for (char& c : s) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return s;
}

Expr binary(Expr::Kind kind, Expr left, Expr right, diag::SourcePos where) {
  Expr e;
  e.kind = kind;
  e.where = where;
  e.args.push_back(std::move(left));
  e.args.push_back(std::move(right));
  return e;
}

}  // namespace

Expr Parser::expression() {
  Nesting nesting(*this);
  return or_expression();
}

Expr Parser::bracketted_expression() {
  expect_punct("(");
  Expr e = expression();
  expect_punct(")");
  return e;
}

// A chain of || (and of &&) is one node with an operand per link, not a
// left-deep tree: generated filters with thousands of alternatives stay flat,
// so neither evaluation nor destruction recurses once per link.
Expr Parser::or_expression() {
  Expr e = and_expression();
  if (!at_punct("||")) return e;
  Expr chain;
  chain.kind = Expr::Kind::logical_or;
  chain.where = pos_of(peek());
  chain.args.push_back(std::move(e));
  while (at_punct("||")) {
    next();
    chain.args.push_back(and_expression());
  }
  return chain;
}

Expr Parser::and_expression() {
  Expr e = relational_expression();
  if (!at_punct("&&")) return e;
  Expr chain;
  chain.kind = Expr::Kind::logical_and;
  chain.where = pos_of(peek());
  chain.args.push_back(std::move(e));
  while (at_punct("&&")) {
    next();
    chain.args.push_back(relational_expression());
  }
  return chain;
}

Expr Parser::relational_expression() {
  Expr e = additive_expression();
  static constexpr std::pair<std::string_view, Expr::Kind> ops[] = {
      {"=", Expr::Kind::equal},   {"!=", Expr::Kind::not_equal},     {"<", Expr::Kind::less},
      {">", Expr::Kind::greater}, {"<=", Expr::Kind::less_equal},    {">=", Expr::Kind::greater_equal}};
  for (auto [op, kind] : ops) {
    if (at_punct(op)) {
      auto where = pos_of(next());
      return binary(kind, std::move(e), additive_expression(), where);
    }
  }
  bool negated = at_keyword("NOT") && at_keyword("IN", 1);
  if (negated || at_keyword("IN")) {
    auto where = pos_of(peek());
    if (negated) next();
    next();
    Expr in;
    in.kind = negated ? Expr::Kind::not_in : Expr::Kind::in;
    in.where = where;
    in.args.push_back(std::move(e));
    for (Expr& a : argument_list()) in.args.push_back(std::move(a));
    return in;
  }
  return e;
}

Expr Parser::additive_expression() {
  OperatorChain chain(*this);
  Expr e = multiplicative_expression();
  for (;;) {
    if (at_punct("+") || at_punct("-")) {
      chain.link();
      bool plus = peek().value == "+";
      auto where = pos_of(next());
      e = binary(plus ? Expr::Kind::add : Expr::Kind::subtract, std::move(e), multiplicative_expression(), where);
    } else {
      return e;
    }
  }
}

Expr Parser::multiplicative_expression() {
  OperatorChain chain(*this);
  Expr e = unary_expression();
  while (at_punct("*") || at_punct("/")) {
    chain.link();
    bool times = peek().value == "*";
    auto where = pos_of(next());
    e = binary(times ? Expr::Kind::multiply : Expr::Kind::divide, std::move(e), unary_expression(), where);
  }
  return e;
}

Expr Parser::unary_expression() {
  for (auto [op, kind] : {std::pair{"!", Expr::Kind::logical_not}, std::pair{"-", Expr::Kind::negate},
                          std::pair{"+", Expr::Kind::unary_plus}}) {
    if (at_punct(op)) {
      Expr e;
      e.kind = kind;
      e.where = pos_of(next());
      Nesting nesting(*this);
      e.args.push_back(unary_expression());
      return e;
    }
  }
  return primary_expression();
}

std::vector<Expr> Parser::argument_list() {
  std::vector<Expr> args;
  if (peek().kind == TokenKind::nil) {
    next();
    return args;
  }
  expect_punct("(");
  args.push_back(expression());
  while (accept_punct(",")) args.push_back(expression());
  expect_punct(")");
  return args;
}

Expr Parser::primary_expression() {
  const Token& t = peek();
  Expr e;
  e.where = pos_of(t);
  if (at_punct("(")) return bracketted_expression();
  if (t.kind == TokenKind::var) {
    e.kind = Expr::Kind::variable;
    e.var = var_id(next().value);
    return e;
  }
  if (t.kind == TokenKind::iri || t.kind == TokenKind::pname) {
    std::string name = iri();
    if (peek().kind == TokenKind::nil || at_punct("(")) {
      e.kind = Expr::Kind::call;
      e.name = std::move(name);
      if (accept_punct("(")) {
        accept_keyword("DISTINCT");
        if (!accept_punct(")")) {
          e.args.push_back(expression());
          while (accept_punct(",")) e.args.push_back(expression());
          expect_punct(")");
        }
      } else {
        next();
      }
      return e;
    }
    e.constant = model::Term::iri(std::move(name));
    return e;
  }
  if (t.kind == TokenKind::keyword && !is_boolean_keyword(t)) {
    std::string name = upper(t.value);
    auto where = pos_of(t);
    next();
    return call(std::move(name), where);
  }
  if (std::optional<Slot> s = var_or_term(); s && !s->is_var) {
    e.constant = std::move(s->term);
    return e;
  }
  fail_expected("an expression");
}

Expr Parser::call(std::string name, diag::SourcePos where) {
  Expr e;
  e.kind = Expr::Kind::call;
  e.where = where;
  if (name == "NOT" || name == "EXISTS") {
    if (name == "NOT") expect_keyword("EXISTS");
    e.kind = name == "NOT" ? Expr::Kind::not_exists : Expr::Kind::exists;
    e.pattern = group_graph_pattern();
    return e;
  }
  if (std::find(std::begin(kAggregates), std::end(kAggregates), name) != std::end(kAggregates))
    return aggregate(std::move(name), where);
  auto builtin = std::find_if(std::begin(kBuiltins), std::end(kBuiltins), [&](const Arity& a) { return a.name == name; });
  if (builtin == std::end(kBuiltins)) {
    fail("syntax", tokens_[at_ - 1].offset, "unknown function or keyword '" + tokens_[at_ - 1].value + "'");
  }
  e.name = std::move(name);
  e.args = argument_list();
  int n = static_cast<int>(e.args.size());
  if (n < builtin->min || (builtin->max >= 0 && n > builtin->max))
    fail("syntax", tokens_[at_ - 1].offset, e.name + " takes " + std::to_string(builtin->min) +
                                                (builtin->max == builtin->min ? "" : " or more") + " argument(s), not " +
                                                std::to_string(n));
  if (e.name == "BOUND" && e.args[0].kind != Expr::Kind::variable)
    fail("syntax", tokens_[at_ - 1].offset, "BOUND takes a variable");
  return e;
}

Expr Parser::aggregate(std::string name, diag::SourcePos where) {
  std::size_t offset = tokens_[at_ - 1].offset;
  if (!aggregates_allowed_ || !current_select_)
    fail("aggregate-misuse", offset, "aggregate " + name + " is not allowed here");
  Aggregate agg;
  agg.name = name;
  expect_punct("(");
  agg.distinct = accept_keyword("DISTINCT");
  aggregates_allowed_ = false;  // no aggregate inside an aggregate
  if (name == "COUNT" && accept_punct("*")) {
    agg.star = true;
  } else {
    agg.arg = expression();
  }
  if (name == "GROUP_CONCAT" && accept_punct(";")) {
    expect_keyword("SEPARATOR");
    expect_punct("=");
    if (peek().kind != TokenKind::string) fail_expected("a string");
    agg.separator = next().value;
  }
  expect_punct(")");
  aggregates_allowed_ = true;
  agg.result = hidden_var("agg");
  Expr e;
  e.kind = Expr::Kind::aggregate;
  e.where = where;
  e.var = agg.result;
  e.name = name;
  current_select_->aggregates.push_back(std::move(agg));
  current_select_->aggregating = true;
  return e;
}

}  // namespace ng::query
