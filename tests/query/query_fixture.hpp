// A small store built by hand and helpers to run a query over it and read the
// answer as text: terms are written ex:a (http://example.org/a), "x", "x"@en,
// numbers and booleans bare, _:b; rows as "?x=ex:a ?y=1" (unbound left out).
#pragma once

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "query/sparql.hpp"

namespace ng::query::testing {

inline constexpr std::string_view kEx = "http://example.org/";
inline constexpr std::string_view kXsd = "http://www.w3.org/2001/XMLSchema#";

// "ex:a" -> IRI, "_:b" -> blank, "\"x\"" / "\"x\"@en" -> literal, "12" / "1.5" -> number, "true" -> boolean.
inline model::Term term(const std::string& text) {
  if (text.rfind("ex:", 0) == 0) return model::Term::iri(std::string(kEx) + text.substr(3));
  if (text.rfind("_:", 0) == 0) return model::Term::blank(text.substr(2));
  if (text[0] == '"') {
    auto close = text.rfind('"');
    std::string value = text.substr(1, close - 1);
    if (close + 1 < text.size() && text[close + 1] == '@') return model::Term::lang_literal(value, text.substr(close + 2));
    return model::Term::literal(value);
  }
  if (text == "true" || text == "false") return model::Term::typed_literal(text, std::string(kXsd) + "boolean");
  bool decimal = text.find('.') != std::string::npos;
  return model::Term::typed_literal(text, std::string(kXsd) + (decimal ? "decimal" : "integer"));
}

inline std::string text(const model::Term& t) {
  switch (t.kind) {
    case model::TermKind::iri:
      return t.value.rfind(kEx, 0) == 0 ? "ex:" + t.value.substr(kEx.size()) : "<" + t.value + ">";
    case model::TermKind::blank: return "_:" + t.value;
    case model::TermKind::literal:
      if (!t.language.empty()) return "\"" + t.value + "\"@" + t.language;
      if (t.datatype.empty()) return "\"" + t.value + "\"";
      for (const char* bare : {"integer", "decimal", "double", "boolean"})
        if (t.datatype == std::string(kXsd) + bare) return t.value;
      return "\"" + t.value + "\"^^<" + t.datatype + ">";
  }
  return "?";
}

class QueryTest : public ::testing::Test {
protected:
  store::TripleStore store;
  diag::Diagnostics diags;
  EvalOptions eval_options;

  void add(const std::string& s, const std::string& p, const std::string& o, const std::string& g = "") {
    auto& d = store.dictionary();
    store.add(d.intern(term(s)), d.intern(term(p)), d.intern(term(o)), g.empty() ? store::kNoTerm : d.intern(term(g)),
              {});
  }

  QueryResult run(const std::string& body) {
    store.freeze();
    ParsedQuery q = parse_query("PREFIX ex: <http://example.org/>\n" + body, {}, diags);
    EXPECT_TRUE(q.ok()) << (diags.items().empty() ? "" : diags.items()[0].message);
    return evaluate(q, store, eval_options, diags);
  }

  // The rows as text, sorted unless the query orders them.
  std::vector<std::string> rows(const std::string& body) {
    QueryResult r = run(body);
    std::vector<std::string> out;
    for (std::size_t i = 0; i < r.table.row_count(); ++i) {
      std::string row;
      for (std::size_t c = 0; c < r.table.width(); ++c) {
        store::TermId id = r.table.at(i, c);
        if (id == store::kNoTerm) continue;
        if (!row.empty()) row += ' ';
        row += "?" + r.table.variables[c] + "=" + text(store.dictionary().term(id).to_term());
      }
      out.push_back(row);
    }
    if (!r.ordered) std::sort(out.begin(), out.end());
    return out;
  }

  bool ask(const std::string& body) { return run(body).boolean; }

  // Triples of a CONSTRUCT / DESCRIBE as "s p o" text, sorted.
  std::vector<std::string> triples(const std::string& body) {
    QueryResult r = run(body);
    std::vector<std::string> out;
    for (const store::Quad& q : r.triples) {
      auto& d = store.dictionary();
      out.push_back(text(d.term(q.s).to_term()) + " " + text(d.term(q.p).to_term()) + " " + text(d.term(q.o).to_term()));
    }
    std::sort(out.begin(), out.end());
    return out;
  }
};

using Rows = std::vector<std::string>;

}  // namespace ng::query::testing
