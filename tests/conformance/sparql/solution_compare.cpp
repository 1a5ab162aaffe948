// Solution multiset comparison with a blank node bijection (see the header).
// Rows are matched greedily in a backtracking search: each expected row takes
// an unused actual row that agrees with the blank node mapping built so far.
#include "solution_compare.hpp"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <set>

namespace ng::sparql_conformance {

namespace {

const char* const kXsdString = "http://www.w3.org/2001/XMLSchema#string";

std::string show(const std::optional<model::Term>& t) {
  if (!t) return "UNDEF";
  switch (t->kind) {
    case model::TermKind::iri:
      return "<" + t->value + ">";
    case model::TermKind::blank:
      return "_:" + t->value;
    case model::TermKind::literal:
      break;
  }
  std::string s = "\"" + t->value + "\"";
  if (!t->language.empty()) return s + "@" + t->language;
  if (!t->datatype.empty()) return s + "^^<" + t->datatype + ">";
  return s;
}

std::string show(const Row& row) {
  std::string s = "(";
  for (std::size_t i = 0; i < row.size(); ++i) s += (i ? " " : "") + show(row[i]);
  return s + ")";
}

// A bijection between expected and actual blank node labels, with an undo log.
struct BlankMapping {
  std::map<std::string, std::string> forward, backward;
  std::vector<std::string> added;  // expected labels, in the order they were mapped

  bool unify(const std::optional<model::Term>& e, const std::optional<model::Term>& a) {
    if (!e || !a) return !e && !a;
    if (e->kind != model::TermKind::blank || a->kind != model::TermKind::blank) return *e == *a;
    const auto f = forward.find(e->value);
    const auto b = backward.find(a->value);
    if (f != forward.end() || b != backward.end())
      return f != forward.end() && b != backward.end() && f->second == a->value;
    forward.emplace(e->value, a->value);
    backward.emplace(a->value, e->value);
    added.push_back(e->value);
    return true;
  }
  void undo_to(std::size_t mark) {
    while (added.size() > mark) {
      backward.erase(forward[added.back()]);
      forward.erase(added.back());
      added.pop_back();
    }
  }
};

class Matcher {
 public:
  Matcher(const std::vector<Row>& expected, const std::vector<Row>& actual)
      : expected_(expected), actual_(actual), used_(actual.size(), false) {}

  bool run() { return match(0); }

 private:
  bool match(std::size_t i) {
    if (i == expected_.size()) return true;
    if (++steps_ > 2'000'000) return false;
    for (std::size_t j = 0; j < actual_.size(); ++j) {
      if (used_[j]) continue;
      const std::size_t mark = mapping_.added.size();
      bool ok = true;
      for (std::size_t c = 0; ok && c < expected_[i].size(); ++c) ok = mapping_.unify(expected_[i][c], actual_[j][c]);
      if (ok) {
        used_[j] = true;
        if (match(i + 1)) return true;
        used_[j] = false;
      }
      mapping_.undo_to(mark);
    }
    return false;
  }

  const std::vector<Row>& expected_;
  const std::vector<Row>& actual_;
  std::vector<bool> used_;
  BlankMapping mapping_;
  std::size_t steps_ = 0;
};

// The rows with blank nodes replaced by one placeholder, for a diff that does
// not depend on labels.
std::multiset<std::string> shapes(const std::vector<Row>& rows) {
  std::multiset<std::string> out;
  for (Row r : rows) {
    for (auto& c : r)
      if (c && c->kind == model::TermKind::blank) c->value = "*";
    out.insert(show(r));
  }
  return out;
}

std::string first_difference(const std::vector<Row>& expected, const std::vector<Row>& actual) {
  const auto e = shapes(expected), a = shapes(actual);
  std::vector<std::string> missing, extra;
  std::set_difference(e.begin(), e.end(), a.begin(), a.end(), std::back_inserter(missing));
  std::set_difference(a.begin(), a.end(), e.begin(), e.end(), std::back_inserter(extra));
  std::string why = std::to_string(expected.size()) + " rows expected, " + std::to_string(actual.size()) + " got";
  if (!missing.empty()) why += "; missing " + missing.front();
  if (!extra.empty()) why += "; unexpected " + extra.front();
  if (missing.empty() && extra.empty()) why += "; blank nodes do not correspond";
  return why;
}

}  // namespace

namespace {

const std::string kXsd = "http://www.w3.org/2001/XMLSchema#";

// One lexical form per value of a decimal or integer: no sign on zero, no
// leading zeros, no trailing fraction zeros ("06.50" and "6.5" agree). Empty
// when the text is not such a number.
std::string canonical_decimal(const std::string& text) {
  std::size_t i = 0;
  bool negative = false;
  if (i < text.size() && (text[i] == '+' || text[i] == '-')) negative = text[i++] == '-';
  std::string whole, fraction;
  while (i < text.size() && text[i] >= '0' && text[i] <= '9') whole += text[i++];
  if (i < text.size() && text[i] == '.')
    for (++i; i < text.size() && text[i] >= '0' && text[i] <= '9';) fraction += text[i++];
  if (i != text.size() || (whole.empty() && fraction.empty())) return {};
  whole.erase(0, std::min(whole.find_first_not_of('0'), whole.size()));
  fraction.erase(fraction.find_last_not_of('0') + 1);
  if (whole.empty()) whole = "0";
  std::string out = (negative && (whole != "0" || !fraction.empty()) ? "-" : "") + whole;
  return fraction.empty() ? out : out + "." + fraction;
}

// The shortest form that reads back as the same double; empty if not a number.
std::string canonical_double(const std::string& text) {
  if (text == "NaN" || text == "INF" || text == "-INF") return text;
  char* end = nullptr;
  const double v = std::strtod(text.c_str(), &end);
  if (text.empty() || end != text.c_str() + text.size()) return {};
  char buffer[64];
  for (int digits = 1; digits <= 17; ++digits) {
    std::snprintf(buffer, sizeof buffer, "%.*g", digits, v);
    if (std::strtod(buffer, nullptr) == v) break;
  }
  return buffer;
}

}  // namespace

model::Term normalized(model::Term t) {
  if (t.kind != model::TermKind::literal) return t;
  for (char& c : t.language) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  if (!t.language.empty() || t.datatype == kXsdString) t.datatype.clear();
  // Numbers compare by value within their datatype: the suite's own results
  // disagree on lexical forms (3+3 as "6"^^xsd:decimal in add-numbers-cast
  // but AVG as "2.0" in agg-avg-02; 1050 as "1050"^^xsd:double in
  // agg-avg-distinct but "3.21E4" in agg-sum-02).
  std::string canonical;
  if (t.datatype == kXsd + "integer" || t.datatype == kXsd + "decimal")
    canonical = canonical_decimal(t.value);
  else if (t.datatype == kXsd + "double" || t.datatype == kXsd + "float")
    canonical = canonical_double(t.value);
  if (!canonical.empty()) t.value = canonical;
  return t;
}

std::string compare_solutions(const Solutions& expected, const Solutions& actual,
                              const std::vector<std::string>& order_keys) {
  // Lay the actual rows out in the expected column order.
  std::vector<std::size_t> column_of;
  for (const auto& v : expected.variables) {
    const auto at = std::find(actual.variables.begin(), actual.variables.end(), v);
    if (at == actual.variables.end()) return "variable ?" + v + " missing from the result";
    column_of.push_back(static_cast<std::size_t>(at - actual.variables.begin()));
  }
  for (const auto& v : actual.variables)
    if (std::find(expected.variables.begin(), expected.variables.end(), v) == expected.variables.end())
      return "unexpected variable ?" + v;
  std::vector<Row> rows;
  for (const Row& r : actual.rows) {
    Row laid;
    for (std::size_t c : column_of) laid.push_back(r[c]);
    rows.push_back(std::move(laid));
  }
  if (rows.size() != expected.rows.size() || !Matcher(expected.rows, rows).run())
    return first_difference(expected.rows, rows);
  for (const auto& key : order_keys) {
    const auto at = std::find(expected.variables.begin(), expected.variables.end(), key);
    if (at == expected.variables.end()) continue;
    const auto c = static_cast<std::size_t>(at - expected.variables.begin());
    for (std::size_t i = 0; i < rows.size(); ++i) {
      const auto& e = expected.rows[i][c];
      const auto& a = rows[i][c];
      const bool both_blank = e && a && e->kind == model::TermKind::blank && a->kind == model::TermKind::blank;
      if (!both_blank && e != a)
        return "order differs at row " + std::to_string(i + 1) + " on ?" + key + ": expected " + show(e) + ", got " +
               show(a) + " " + show(rows[i]);
    }
  }
  return {};
}

}  // namespace ng::sparql_conformance
