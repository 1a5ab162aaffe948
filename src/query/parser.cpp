// The SPARQL parser's frame: token access and errors, the prologue and IRI
// resolution, the query forms, the solution modifiers and the meaning checks
// on SELECT (projection of never-bound variables, aggregate misuse).
#include "query/parser.hpp"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <limits>

#include "diag/source_file.hpp"
#include "model/iri.hpp"
#include "model/vocab.hpp"

namespace ng::query {
namespace {

bool iequals(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::toupper(static_cast<unsigned char>(x)) == std::toupper(static_cast<unsigned char>(y));
         });
}

std::string describe(const Token& t) {
  switch (t.kind) {
    case TokenKind::end: return "end of query";
    case TokenKind::invalid:
      return t.value == "\"" || t.value == "'" ? "a string that is not closed or has a bad escape"
                                                : "an invalid character";
    case TokenKind::iri: return "<" + t.value + ">";
    case TokenKind::var: return "?" + t.value;
    case TokenKind::string: return "a string";
    case TokenKind::nil: return "'()'";
    case TokenKind::anon: return "'[]'";
    case TokenKind::pname: return "'" + t.value + ":" + t.local + "'";
    default:
      // '<' is a term only as an IRI, and one that is not (a space, a quote,
      // a brace inside) lexes as the less-than sign.
      if (t.kind == TokenKind::punct && t.value == "<") return "'<' that starts no valid IRI";
      return "'" + t.value + "'";
  }
}

// A LIMIT or OFFSET count. Past 2^64 - 1 no table can reach it anyway, so it
// saturates instead of failing (std::stoull would throw out_of_range).
std::size_t row_count(std::string_view digits) {
  std::size_t n = 0;
  auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), n);
  return ec == std::errc::result_out_of_range ? std::numeric_limits<std::size_t>::max() : n;
}

}  // namespace

Parser::Parser(std::string_view text, const ParseOptions& options)
    : text_(text), options_(options), tokens_(tokenize(text)), base_(options.base) {
  prefixes_ = {{"ng", std::string(vocab::ng)},       {"field", std::string(vocab::field)},
               {"rdf", std::string(vocab::rdf)},     {"rdfs", std::string(vocab::rdfs)},
               {"xsd", std::string(vocab::xsd)},     {"skos", std::string(vocab::skos)},
               {"dcterms", std::string(vocab::dcterms)}, {"", options.base}};
}

Parser::Nesting::Nesting(Parser& p) : parser(p) {
  if (++parser.depth_ > parser.options_.max_nesting) {
    parser.fail("nesting-too-deep", parser.peek().offset,
                "nesting too deep (more than " + std::to_string(parser.options_.max_nesting) + " levels)");
  }
}

void Parser::OperatorChain::link() {
  ++links;
  if (++parser.depth_ > parser.options_.max_nesting) {
    parser.fail("nesting-too-deep", parser.peek().offset,
                "expression too deep (more than " + std::to_string(parser.options_.max_nesting) +
                    " levels of operators and parentheses)");
  }
}

const Token& Parser::peek(std::size_t ahead) const { return tokens_[std::min(at_ + ahead, tokens_.size() - 1)]; }
const Token& Parser::next() {
  const Token& t = peek();
  if (at_ + 1 < tokens_.size()) ++at_;
  return t;
}
bool Parser::at_punct(std::string_view p, std::size_t ahead) const {
  const Token& t = peek(ahead);
  return t.kind == TokenKind::punct && t.value == p;
}
bool Parser::accept_punct(std::string_view p) {
  if (!at_punct(p)) return false;
  next();
  return true;
}
void Parser::expect_punct(std::string_view p) {
  if (!accept_punct(p)) fail_expected("'" + std::string(p) + "'");
}
bool Parser::at_keyword(std::string_view kw, std::size_t ahead) const {
  const Token& t = peek(ahead);
  return t.kind == TokenKind::keyword && iequals(t.value, kw);
}
bool Parser::accept_keyword(std::string_view kw) {
  if (!at_keyword(kw)) return false;
  next();
  return true;
}
void Parser::expect_keyword(std::string_view kw) {
  if (!accept_keyword(kw)) fail_expected(std::string(kw));
}
void Parser::fail_expected(std::string_view what) const {
  fail("syntax", peek().offset, "expected " + std::string(what) + " but found " + describe(peek()));
}
void Parser::fail(std::string kind, std::size_t offset, std::string message) const {
  throw ParseError{std::move(kind), offset, std::move(message)};
}
diag::SourcePos Parser::pos_of(const Token& t) const {
  // Positions for expressions only need the line and column of a token; a
  // SourceFile per call would copy the text, so count here.
  const std::size_t target = std::min(t.offset, text_.size());
  if (target < pos_offset_) {
    pos_offset_ = 0;
    pos_at_ = {1, 1};
  }
  for (std::size_t i = pos_offset_; i < target; ++i) {
    unsigned char c = static_cast<unsigned char>(text_[i]);
    if (c == '\n') {
      ++pos_at_.line;
      pos_at_.column = 1;
    } else if ((c & 0xC0) != 0x80) {
      ++pos_at_.column;
    }
  }
  pos_offset_ = target;
  return pos_at_;
}

std::string Parser::resolve(std::string_view iri) const {
  // Absolute only with a real scheme: <htt%p://x> or <:x> are relative.
  if (model::has_scheme(iri)) return std::string(iri);
  if (iri.empty()) return base_;
  if (iri[0] == '#') return base_.substr(0, base_.find('#')) + std::string(iri);
  if (iri[0] == '/') {
    auto scheme_end = base_.find("://");
    auto host_end = scheme_end == std::string::npos ? std::string::npos : base_.find('/', scheme_end + 3);
    return base_.substr(0, host_end) + std::string(iri);
  }
  return base_.substr(0, base_.rfind('/') + 1) + std::string(iri);
}

std::string Parser::expand(const Token& pname) const {
  auto found = prefixes_.find(pname.value);
  if (found == prefixes_.end()) fail("unknown-prefix", pname.offset, "unknown prefix '" + pname.value + ":'");
  return found->second + pname.local;
}

bool Parser::at_iri() const { return peek().kind == TokenKind::iri || peek().kind == TokenKind::pname; }

std::string Parser::iri() {
  const Token& t = peek();
  if (t.kind == TokenKind::iri) return resolve(next().value);
  if (t.kind == TokenKind::pname) return expand(next());
  fail_expected("an IRI");
}

VarId Parser::var_id(const std::string& name) {
  auto found = var_ids_.find(name);
  if (found != var_ids_.end()) return found->second;
  VarId id = static_cast<VarId>(query_->var_names.size());
  query_->var_names.push_back(name);
  var_ids_.emplace(name, id);
  return id;
}

VarId Parser::hidden_var(const std::string& hint) {
  return var_id("." + hint + std::to_string(query_->var_names.size()));
}

void Parser::prologue() {
  for (;;) {
    if (accept_keyword("BASE")) {
      if (peek().kind != TokenKind::iri) fail_expected("an IRI after BASE");
      base_ = resolve(next().value);
    } else if (accept_keyword("PREFIX")) {
      if (peek().kind != TokenKind::pname || !peek().local.empty()) fail_expected("a prefix name like 'ex:'");
      std::string name = next().value;
      if (peek().kind != TokenKind::iri) fail_expected("an IRI");
      prefixes_[name] = resolve(next().value);
    } else {
      return;
    }
  }
}

std::shared_ptr<Query> Parser::parse() {
  query_ = std::make_shared<Query>();
  prologue();
  Query& q = *query_;
  std::size_t form_offset = peek().offset;
  if (at_keyword("SELECT")) {
    q.form = QueryForm::select;
    select_query(q.select, false);
  } else if (accept_keyword("ASK")) {
    q.form = QueryForm::ask;
    dataset_clauses();
    where_clause(q.select);
    solution_modifiers(q.select);
  } else if (accept_keyword("CONSTRUCT")) {
    q.form = QueryForm::construct;
    construct_query(q);
  } else if (accept_keyword("DESCRIBE")) {
    q.form = QueryForm::describe;
    describe_query(q);
  } else {
    fail_expected("SELECT, ASK, CONSTRUCT or DESCRIBE");
  }
  if (accept_keyword("VALUES")) q.select.values = data_block();
  if (peek().kind != TokenKind::end) fail_expected("end of query");
  if (q.form == QueryForm::select) check_select(q.select, form_offset);
  q.base_iri = base_;
  return query_;
}

void Parser::select_query(SelectQuery& q, bool sub) {
  SelectQuery* outer = current_select_;
  current_select_ = &q;
  std::size_t select_offset = peek().offset;
  select_clause(q);
  if (!sub) dataset_clauses();
  where_clause(q);
  solution_modifiers(q);
  if (sub) {
    if (accept_keyword("VALUES")) q.values = data_block();
    check_select(q, select_offset);
  }
  current_select_ = outer;
}

void Parser::select_clause(SelectQuery& q) {
  expect_keyword("SELECT");
  if (accept_keyword("DISTINCT")) q.distinct = true;
  else if (accept_keyword("REDUCED")) q.reduced = true;
  if (accept_punct("*")) {
    q.select_all = true;
    return;
  }
  aggregates_allowed_ = true;
  while (peek().kind == TokenKind::var || at_punct("(")) {
    if (peek().kind == TokenKind::var) {
      q.projection.push_back({var_id(next().value), std::nullopt});
      continue;
    }
    next();
    Expr e = expression();
    expect_keyword("AS");
    if (peek().kind != TokenKind::var) fail_expected("a variable after AS");
    const Token& v = next();
    VarId id = var_id(v.value);
    for (const Projection& p : q.projection)
      if (p.var == id) fail("syntax", v.offset, "variable ?" + v.value + " is already projected");
    q.projection.push_back({id, std::move(e)});
    expect_punct(")");
  }
  aggregates_allowed_ = false;
  if (q.projection.empty()) fail_expected("'*', a variable or '(' expression AS ?var ')'");
}

void Parser::dataset_clauses() {
  // The store is the dataset: FROM / FROM NAMED are read and not used.
  while (accept_keyword("FROM")) {
    accept_keyword("NAMED");
    iri();
  }
}

void Parser::where_clause(SelectQuery& q) {
  accept_keyword("WHERE");
  if (!at_punct("{")) fail_expected("'{'");
  q.where = std::move(*group_graph_pattern());
}

bool Parser::at_constraint_start() const {
  if (at_punct("(") || at_iri()) return true;
  if (peek().kind != TokenKind::keyword) return false;
  for (std::string_view clause : {"HAVING", "ORDER", "LIMIT", "OFFSET", "VALUES"})
    if (at_keyword(clause)) return false;
  return true;
}

void Parser::solution_modifiers(SelectQuery& q) {
  if (at_keyword("GROUP")) group_clause(q);
  if (accept_keyword("HAVING")) {
    aggregates_allowed_ = true;
    do q.having.push_back(at_punct("(") ? bracketted_expression() : primary_expression());
    while (at_constraint_start());
    aggregates_allowed_ = false;
    q.aggregating = true;
  }
  if (accept_keyword("ORDER")) {
    expect_keyword("BY");
    aggregates_allowed_ = true;
    do {
      OrderCondition c;
      if (accept_keyword("ASC") || (at_keyword("DESC") && (c.descending = true, next(), true))) {
        c.expr = bracketted_expression();
      } else if (peek().kind == TokenKind::var) {
        const Token& v = next();
        c.expr.kind = Expr::Kind::variable;
        c.expr.var = var_id(v.value);
      } else {
        c.expr = at_punct("(") ? bracketted_expression() : primary_expression();
      }
      q.order_by.push_back(std::move(c));
    } while (peek().kind == TokenKind::var || at_constraint_start());
    aggregates_allowed_ = false;
  }
  for (int i = 0; i < 2; ++i) {
    if (accept_keyword("LIMIT")) {
      if (peek().kind != TokenKind::integer) fail_expected("an integer after LIMIT");
      q.limit = row_count(next().value);
    } else if (accept_keyword("OFFSET")) {
      if (peek().kind != TokenKind::integer) fail_expected("an integer after OFFSET");
      q.offset = row_count(next().value);
    }
  }
  if (!q.aggregates.empty()) q.aggregating = true;
}

void Parser::group_clause(SelectQuery& q) {
  expect_keyword("GROUP");
  expect_keyword("BY");
  q.aggregating = true;
  do {
    if (peek().kind == TokenKind::var) {
      q.group_by.push_back({var_id(next().value), std::nullopt});
    } else if (accept_punct("(")) {
      Expr e = expression();
      VarId v = accept_keyword("AS") ? (peek().kind == TokenKind::var ? var_id(next().value)
                                                                        : (fail_expected("a variable"), 0u))
                                     : hidden_var("group");
      expect_punct(")");
      q.group_by.push_back({v, std::move(e)});
    } else {
      q.group_by.push_back({hidden_var("group"), primary_expression()});
    }
  } while (peek().kind == TokenKind::var || at_constraint_start());
}

std::optional<model::Term> Parser::data_value() {
  if (accept_keyword("UNDEF")) return std::nullopt;
  std::optional<Slot> s = var_or_term();
  if (!s || s->is_var || s->term.kind == model::TermKind::blank) fail_expected("a data value (IRI, literal or UNDEF)");
  return s->term;
}

InlineData Parser::data_block() {
  InlineData d;
  if (peek().kind == TokenKind::var) {
    d.vars.push_back(var_id(next().value));
    expect_punct("{");
    while (!accept_punct("}")) {
      if (peek().kind == TokenKind::end) fail_expected("'}'");
      d.rows.push_back({data_value()});
    }
    return d;
  }
  if (peek().kind == TokenKind::nil) {
    next();
  } else {
    expect_punct("(");
    while (peek().kind == TokenKind::var) d.vars.push_back(var_id(next().value));
    expect_punct(")");
  }
  expect_punct("{");
  while (!accept_punct("}")) {
    std::vector<std::optional<model::Term>> row;
    if (peek().kind == TokenKind::nil) {
      next();
    } else {
      expect_punct("(");
      while (!accept_punct(")")) {
        if (peek().kind == TokenKind::end) fail_expected("')'");
        row.push_back(data_value());
      }
    }
    if (row.size() != d.vars.size())
      fail("syntax", peek().offset, "a VALUES row has " + std::to_string(row.size()) + " values for " +
                                        std::to_string(d.vars.size()) + " variables");
    d.rows.push_back(std::move(row));
  }
  return d;
}

void Parser::construct_query(Query& q) {
  if (at_punct("{")) {
    next();
    in_template_ = true;
    paths_allowed_ = false;
    if (!at_punct("}")) triples_block(q.construct_template);
    in_template_ = false;
    paths_allowed_ = true;
    expect_punct("}");
    dataset_clauses();
    where_clause(q.select);
  } else {
    // CONSTRUCT WHERE { triples }: the pattern is the template.
    dataset_clauses();
    expect_keyword("WHERE");
    expect_punct("{");
    GroupElement block;
    paths_allowed_ = false;
    if (!at_punct("}")) triples_block(block.triples);
    paths_allowed_ = true;
    expect_punct("}");
    q.construct_template = block.triples;
    q.select.where.elements.push_back(std::move(block));
  }
  solution_modifiers(q.select);
  q.select.select_all = true;
}

void Parser::describe_query(Query& q) {
  if (accept_punct("*")) {
    q.select.select_all = true;
  } else {
    do {
      if (peek().kind == TokenKind::var) q.describe_targets.push_back({true, var_id(next().value), {}});
      else q.describe_targets.push_back({false, 0, model::Term::iri(iri())});
    } while (peek().kind == TokenKind::var || at_iri());
  }
  dataset_clauses();
  if (at_keyword("WHERE") || at_punct("{")) where_clause(q.select);
  solution_modifiers(q.select);
  q.select.select_all = true;
}

void Parser::check_select(SelectQuery& q, std::size_t select_offset) {
  std::vector<VarId> in_scope;
  collect_pattern_vars(q.where, in_scope);
  if (q.values) in_scope.insert(in_scope.end(), q.values->vars.begin(), q.values->vars.end());
  auto contains = [](const std::vector<VarId>& v, VarId x) { return std::find(v.begin(), v.end(), x) != v.end(); };
  std::vector<VarId> group_vars;
  for (const Projection& g : q.group_by) group_vars.push_back(g.var);
  if (q.aggregating && q.select_all)
    fail("aggregate-misuse", select_offset, "SELECT * is not allowed with GROUP BY or aggregates");
  std::vector<VarId> defined;  // by earlier (expr AS ?v) of the projection
  for (const Projection& p : q.projection) {
    const std::string& name = query_->var_names[p.var];
    if (p.expr) {
      if (contains(in_scope, p.var))
        fail("syntax", select_offset, "variable ?" + name + " of (… AS ?" + name + ") is already in the pattern");
      if (q.aggregating) {
        std::vector<VarId> used;
        collect_expr_vars(*p.expr, used);
        for (VarId u : used)
          if (!contains(group_vars, u) && !contains(defined, u))
            fail("aggregate-misuse", select_offset,
                 "variable ?" + query_->var_names[u] + " is used outside an aggregate but not grouped by");
      }
      defined.push_back(p.var);
    } else if (q.aggregating && !contains(group_vars, p.var) && !contains(defined, p.var)) {
      fail("aggregate-misuse", select_offset, "variable ?" + name + " is projected but not grouped by");
    } else if (!q.aggregating && !contains(in_scope, p.var) && !contains(defined, p.var)) {
      warnings_.push_back({"unbound-projection", select_offset, "variable ?" + name + " is never bound in the pattern"});
    }
  }
}

}  // namespace ng::query
