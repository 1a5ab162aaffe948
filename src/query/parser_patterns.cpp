// The SPARQL parser's graph patterns: group graph patterns and their elements
// (OPTIONAL, MINUS, UNION, GRAPH, FILTER, BIND, VALUES, sub-SELECT), triples
// with ';' and ',' lists, blank node property lists, collections, literals and
// property paths. Blank nodes of a pattern become hidden variables.
#include <algorithm>

#include "model/vocab.hpp"
#include "query/parser.hpp"

namespace ng::query {
namespace {

std::string lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

std::string xsd(std::string_view local) { return std::string(vocab::xsd) + std::string(local); }

}  // namespace

std::shared_ptr<GroupPattern> Parser::group_graph_pattern() {
  Nesting nesting(*this);
  bool aggregates_were_allowed = aggregates_allowed_;
  aggregates_allowed_ = false;
  expect_punct("{");
  auto g = std::make_shared<GroupPattern>();
  if (at_keyword("SELECT")) {
    GroupElement el;
    el.kind = GroupElement::Kind::subselect;
    el.subquery = std::make_shared<SelectQuery>();
    select_query(*el.subquery, true);
    g->elements.push_back(std::move(el));
  } else {
    group_graph_pattern_sub(*g);
  }
  expect_punct("}");
  aggregates_allowed_ = aggregates_were_allowed;
  return g;
}

bool is_boolean_keyword(const Token& t) { return t.kind == TokenKind::keyword && (lower(t.value) == "true" || lower(t.value) == "false"); }

static bool starts_term(const Token& t) {
  switch (t.kind) {
    case TokenKind::var:
    case TokenKind::iri:
    case TokenKind::pname:
    case TokenKind::blank_label:
    case TokenKind::string:
    case TokenKind::integer:
    case TokenKind::decimal:
    case TokenKind::double_:
    case TokenKind::nil:
    case TokenKind::anon: return true;
    case TokenKind::keyword: return is_boolean_keyword(t);
    case TokenKind::punct: return t.value == "(" || t.value == "[" || t.value == "-" || t.value == "+";
    default: return false;
  }
}

void Parser::group_graph_pattern_sub(GroupPattern& g) {
  while (!at_punct("}")) {
    const Token& t = peek();
    GroupElement el;
    if (starts_term(t)) {
      triples_block(el.triples);
      // Triples separated only by filters form one basic graph pattern.
      if (!g.elements.empty() && g.elements.back().kind == GroupElement::Kind::triples) {
        auto& prev = g.elements.back().triples;
        prev.insert(prev.end(), el.triples.begin(), el.triples.end());
        continue;
      }
    } else if (accept_keyword("OPTIONAL")) {
      el.kind = GroupElement::Kind::optional;
      el.groups.push_back(group_graph_pattern());
    } else if (accept_keyword("MINUS")) {
      el.kind = GroupElement::Kind::minus;
      el.groups.push_back(group_graph_pattern());
    } else if (accept_keyword("GRAPH")) {
      el.kind = GroupElement::Kind::graph;
      if (peek().kind == TokenKind::var) el.graph = {true, var_id(next().value), {}};
      else el.graph = {false, 0, model::Term::iri(iri())};
      el.groups.push_back(group_graph_pattern());
    } else if (at_punct("{")) {
      el.groups.push_back(group_graph_pattern());
      while (accept_keyword("UNION")) el.groups.push_back(group_graph_pattern());
      el.kind = el.groups.size() == 1 ? GroupElement::Kind::group : GroupElement::Kind::union_of;
    } else if (accept_keyword("FILTER")) {
      g.filters.push_back(at_punct("(") ? bracketted_expression() : primary_expression());
      accept_punct(".");
      continue;
    } else if (accept_keyword("BIND")) {
      expect_punct("(");
      el.kind = GroupElement::Kind::bind;
      el.expr = expression();
      expect_keyword("AS");
      if (peek().kind != TokenKind::var) fail_expected("a variable after AS");
      el.var = var_id(next().value);
      expect_punct(")");
    } else if (accept_keyword("VALUES")) {
      el.kind = GroupElement::Kind::values;
      el.data = data_block();
    } else if (at_keyword("SERVICE")) {
      fail("unsupported", t.offset, "SERVICE is not supported");
    } else {
      fail_expected("a triple pattern, '{', OPTIONAL, MINUS, GRAPH, FILTER, BIND, VALUES or '}'");
    }
    g.elements.push_back(std::move(el));
    accept_punct(".");
  }
}

void Parser::triples_block(std::vector<TriplePattern>& out) {
  triples_same_subject(out);
  while (accept_punct(".")) {
    if (!starts_term(peek())) return;
    triples_same_subject(out);
  }
}

void Parser::triples_same_subject(std::vector<TriplePattern>& out) {
  if (at_punct("[") || at_punct("(")) {
    Slot subject = graph_node(out);
    bool verb_follows = peek().kind == TokenKind::var || at_iri() || at_keyword("a") || at_punct("^") ||
                        at_punct("!") || at_punct("(");
    if (verb_follows) property_list(subject, out);
    return;
  }
  std::optional<Slot> subject = var_or_term();
  if (!subject) fail_expected("a subject");
  property_list(*subject, out);
}

void Parser::property_list(const Slot& subject, std::vector<TriplePattern>& out) {
  for (;;) {
    Slot verb;
    std::optional<Path> path_expr;
    if (peek().kind == TokenKind::var) {
      verb = {true, var_id(next().value), {}};
    } else {
      if (!(at_iri() || at_keyword("a") || at_punct("^") || at_punct("!") || at_punct("(")))
        fail_expected("a predicate (IRI, 'a', variable or path)");
      const std::size_t path_offset = peek().offset;
      Path p = path();
      if (p.kind == Path::Kind::link) verb = {false, 0, p.iri};
      else if (!paths_allowed_) fail("syntax", path_offset, "a CONSTRUCT template takes no property paths");
      else path_expr = std::move(p);
    }
    object_list(subject, verb, path_expr, out);
    if (!accept_punct(";")) return;
    while (accept_punct(";")) {
    }
    bool verb_follows = peek().kind == TokenKind::var || at_iri() || at_keyword("a") || at_punct("^") ||
                        at_punct("!") || at_punct("(");
    if (!verb_follows) return;
  }
}

void Parser::object_list(const Slot& subject, const Slot& verb, const std::optional<Path>& path_expr,
                         std::vector<TriplePattern>& out) {
  do {
    Slot object = graph_node(out);
    out.push_back({subject, verb, object, path_expr});
  } while (accept_punct(","));
}

Slot Parser::graph_node(std::vector<TriplePattern>& out) {
  if (at_punct("[")) return blank_node_property_list(out);
  if (at_punct("(")) return collection(out);
  std::optional<Slot> s = var_or_term();
  if (!s) fail_expected("a variable, IRI, literal or blank node");
  return *s;
}

Slot Parser::fresh_blank() {
  if (in_template_) return {false, 0, model::Term::blank("t" + std::to_string(blank_counter_++))};
  return {true, hidden_var("bnode"), {}};
}

Slot Parser::blank_node_property_list(std::vector<TriplePattern>& out) {
  Nesting nesting(*this);
  expect_punct("[");
  Slot node = fresh_blank();
  property_list(node, out);
  expect_punct("]");
  return node;
}

Slot Parser::collection(std::vector<TriplePattern>& out) {
  Nesting nesting(*this);
  expect_punct("(");
  std::vector<Slot> items;
  while (!accept_punct(")")) {
    if (peek().kind == TokenKind::end) fail_expected("')'");
    items.push_back(graph_node(out));
  }
  Slot nil{false, 0, model::Term::iri(std::string(vocab::rdf) + "nil")};
  Slot first{false, 0, model::Term::iri(std::string(vocab::rdf) + "first")};
  Slot rest{false, 0, model::Term::iri(std::string(vocab::rdf) + "rest")};
  Slot head = nil;
  std::vector<Slot> cells;
  for (std::size_t i = 0; i < items.size(); ++i) cells.push_back(fresh_blank());
  for (std::size_t i = 0; i < items.size(); ++i) {
    out.push_back({cells[i], first, items[i], std::nullopt});
    out.push_back({cells[i], rest, i + 1 < items.size() ? cells[i + 1] : nil, std::nullopt});
  }
  if (!cells.empty()) head = cells[0];
  return head;
}

model::Term Parser::literal() {
  std::string value = next().value;
  if (peek().kind == TokenKind::langtag) return model::Term::lang_literal(std::move(value), lower(next().value));
  if (accept_punct("^^")) {
    std::string datatype = iri();
    if (datatype == xsd("string")) return model::Term::literal(std::move(value));
    return model::Term::typed_literal(std::move(value), std::move(datatype));
  }
  return model::Term::literal(std::move(value));
}

std::optional<Slot> Parser::var_or_term() {
  const Token& t = peek();
  auto constant = [](model::Term term) { return Slot{false, 0, std::move(term)}; };
  switch (t.kind) {
    case TokenKind::var: return Slot{true, var_id(next().value), {}};
    case TokenKind::iri:
    case TokenKind::pname: return constant(model::Term::iri(iri()));
    case TokenKind::blank_label: {
      std::string label = next().value;
      if (in_template_) return constant(model::Term::blank("l" + label));
      return Slot{true, var_id("._:" + label), {}};
    }
    case TokenKind::anon: next(); return fresh_blank();
    case TokenKind::nil: next(); return constant(model::Term::iri(std::string(vocab::rdf) + "nil"));
    case TokenKind::string: return constant(literal());
    case TokenKind::integer: return constant(model::Term::typed_literal(next().value, xsd("integer")));
    case TokenKind::decimal: return constant(model::Term::typed_literal(next().value, xsd("decimal")));
    case TokenKind::double_: return constant(model::Term::typed_literal(next().value, xsd("double")));
    case TokenKind::keyword:
      if (is_boolean_keyword(t)) return constant(model::Term::typed_literal(lower(next().value), xsd("boolean")));
      return std::nullopt;
    case TokenKind::punct:
      if ((t.value == "-" || t.value == "+") &&
          (peek(1).kind == TokenKind::integer || peek(1).kind == TokenKind::decimal ||
           peek(1).kind == TokenKind::double_)) {
        std::string sign = next().value;
        std::optional<Slot> number = var_or_term();
        number->term.value = sign + number->term.value;
        return number;
      }
      return std::nullopt;
    default: return std::nullopt;
  }
}

Path Parser::path() {
  Nesting nesting(*this);
  Path first = path_sequence();
  if (!at_punct("|")) return first;
  Path alt;
  alt.kind = Path::Kind::alternative;
  alt.parts.push_back(std::move(first));
  while (accept_punct("|")) alt.parts.push_back(path_sequence());
  return alt;
}

Path Parser::path_sequence() {
  Path first = path_element();
  if (!at_punct("/")) return first;
  Path seq;
  seq.kind = Path::Kind::sequence;
  seq.parts.push_back(std::move(first));
  while (accept_punct("/")) seq.parts.push_back(path_element());
  return seq;
}

Path Parser::path_element() {
  bool inverse = accept_punct("^");
  Path p = path_primary();
  auto wrap = [&](Path::Kind kind) {
    Path w;
    w.kind = kind;
    w.parts.push_back(std::move(p));
    p = std::move(w);
  };
  if (accept_punct("*")) wrap(Path::Kind::zero_or_more);
  else if (accept_punct("+")) wrap(Path::Kind::one_or_more);
  else if (accept_punct("?")) wrap(Path::Kind::zero_or_one);
  if (inverse) wrap(Path::Kind::inverse);
  return p;
}

Path Parser::path_primary() {
  Path p;
  if (accept_keyword("a")) {
    p.iri = model::Term::iri(std::string(vocab::rdf_type));
  } else if (at_iri()) {
    p.iri = model::Term::iri(iri());
  } else if (accept_punct("!")) {
    return negated_property_set();
  } else if (accept_punct("(")) {
    p = path();
    expect_punct(")");
  } else {
    fail_expected("a property path");
  }
  return p;
}

Path Parser::negated_property_set() {
  Path p;
  p.kind = Path::Kind::negated;
  auto one = [&] {
    bool inverse = accept_punct("^");
    model::Term iri_term = model::Term::iri(accept_keyword("a") ? std::string(vocab::rdf_type) : iri());
    (inverse ? p.inverse_excluded : p.forward_excluded).push_back(std::move(iri_term));
  };
  if (peek().kind == TokenKind::nil) {
    next();
  } else if (accept_punct("(")) {
    one();
    while (accept_punct("|")) one();
    expect_punct(")");
  } else {
    one();
  }
  return p;
}

}  // namespace ng::query
