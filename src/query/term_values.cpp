// Numeric parsing and promotion, effective boolean value, value comparison and
// the ORDER BY order of RDF terms, after SPARQL 1.1 sections 17.2-17.4 and 15.1.
#include "query/term_values.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>

#include "model/vocab.hpp"

namespace ng::query {
namespace {

bool is_integer_type(std::string_view dt) {
  static constexpr std::string_view derived[] = {
      "integer",         "int",         "long",          "short",          "byte",
      "nonNegativeInteger", "positiveInteger", "negativeInteger", "nonPositiveInteger", "unsignedInt",
      "unsignedLong",    "unsignedShort", "unsignedByte"};
  if (dt.substr(0, vocab::xsd.size()) != vocab::xsd) return false;
  dt.remove_prefix(vocab::xsd.size());
  for (auto d : derived)
    if (dt == d) return true;
  return false;
}

bool parse_integer(std::string_view s, std::int64_t& out) {
  if (!s.empty() && s[0] == '+') s.remove_prefix(1);
  if (s.empty()) return false;
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
  return ec == std::errc() && p == s.data() + s.size();
}

bool parse_real(std::string_view s, bool allow_exponent, double& out) {
  if (!s.empty() && s[0] == '+') s.remove_prefix(1);
  if (s == "INF") return out = HUGE_VAL, allow_exponent;
  if (s == "-INF") return out = -HUGE_VAL, allow_exponent;
  if (s == "NaN") return out = NAN, allow_exponent;
  if (s.empty() || (!allow_exponent && s.find_first_of("eE") != s.npos)) return false;
  for (char c : s)
    if (!(std::isdigit(static_cast<unsigned char>(c)) || c == '.' || c == '-' || c == '+' || c == 'e' || c == 'E'))
      return false;
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
  return ec == std::errc() && p == s.data() + s.size();
}

template <class T>
int three_way(const T& a, const T& b) {
  return a < b ? -1 : (b < a ? 1 : 0);
}

int kind_rank(const model::Term* t) {
  if (!t) return 0;
  switch (t->kind) {
    case model::TermKind::blank: return 1;
    case model::TermKind::iri: return 2;
    case model::TermKind::literal: return 3;
  }
  return 3;
}

// An xsd:dateTime or xsd:date as seconds from 0000-03-01 (proleptic
// Gregorian), normalized to UTC when it has a timezone.
struct Instant {
  double seconds = 0;
  bool has_timezone = false;
};

std::optional<Instant> instant_value(const model::Term& t) {
  const bool date_time = t.datatype == xsd_iri("dateTime");
  if (t.kind != model::TermKind::literal || (!date_time && t.datatype != xsd_iri("date"))) return std::nullopt;
  const std::string& v = t.value;
  long year = 0, month = 0, day = 0, hour = 0, minute = 0;
  double second = 0;
  int used = 0;
  const bool negative_year = !v.empty() && v[0] == '-';
  const char* text = v.c_str() + (negative_year ? 1 : 0);
  if (std::sscanf(text, "%ld-%2ld-%2ld%n", &year, &month, &day, &used) != 3) return std::nullopt;
  text += used;
  if (date_time) {
    if (std::sscanf(text, "T%2ld:%2ld:%lf%n", &hour, &minute, &second, &used) != 3) return std::nullopt;
    text += used;
  }
  if (negative_year) year = -year;
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 24 || minute > 59 || second >= 61) return std::nullopt;
  Instant out;
  long offset_minutes = 0;
  if (*text == 'Z') {
    out.has_timezone = true;
    ++text;
  } else if (*text == '+' || *text == '-') {
    long tz_hour = 0, tz_minute = 0;
    if (std::sscanf(text + 1, "%2ld:%2ld%n", &tz_hour, &tz_minute, &used) != 2) return std::nullopt;
    offset_minutes = (*text == '-' ? -1 : 1) * (tz_hour * 60 + tz_minute);
    out.has_timezone = true;
    text += 1 + used;
  }
  if (*text != '\0') return std::nullopt;
  // Days from civil (Howard Hinnant's algorithm).
  const long y = year - (month <= 2 ? 1 : 0);
  const long era = (y >= 0 ? y : y - 399) / 400;
  const long yoe = y - era * 400;
  const long doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
  const long days = era * 146097 + yoe * 365 + yoe / 4 - yoe / 100 + doy;
  out.seconds = static_cast<double>(days) * 86400 +
                static_cast<double>(hour * 3600 + minute * 60 - offset_minutes * 60) + second;
  return out;
}

// XSD order of two instants of the same type; nullopt when indeterminate (one
// has a timezone, the other not, and they are within 14 hours).
std::optional<int> compare_instants(const Instant& a, const Instant& b) {
  if (a.has_timezone == b.has_timezone) return three_way(a.seconds, b.seconds);
  constexpr double k14h = 14 * 3600;
  const double lo = a.has_timezone ? a.seconds : a.seconds - k14h, hi = a.has_timezone ? a.seconds : a.seconds + k14h;
  const double blo = b.has_timezone ? b.seconds : b.seconds - k14h, bhi = b.has_timezone ? b.seconds : b.seconds + k14h;
  if (hi < blo) return -1;
  if (lo > bhi) return 1;
  return std::nullopt;
}

}  // namespace

std::string xsd_iri(std::string_view local) { return std::string(vocab::xsd) + std::string(local); }

bool is_string_literal(const model::Term& t) {
  return t.kind == model::TermKind::literal && t.language.empty() && (t.datatype.empty() || t.datatype == vocab::xsd_string);
}

std::optional<Numeric> numeric_value(const model::Term& t) {
  if (t.kind != model::TermKind::literal || t.datatype.empty()) return std::nullopt;
  Numeric n;
  if (is_integer_type(t.datatype)) {
    if (!parse_integer(t.value, n.integer)) {
      double d;  // out of int64 range: keep it as a decimal value
      if (!parse_real(t.value, false, d) || t.value.find('.') != std::string::npos) return std::nullopt;
      n.type = NumericType::decimal;
      n.real = d;
    }
    return n;
  }
  if (t.datatype == xsd_iri("decimal")) {
    n.type = NumericType::decimal;
    if (!parse_real(t.value, false, n.real) || t.value == "INF" || t.value == "NaN") return std::nullopt;
    return n;
  }
  if (t.datatype == xsd_iri("double") || t.datatype == xsd_iri("float")) {
    n.type = t.datatype == xsd_iri("double") ? NumericType::double_ : NumericType::float_;
    if (!parse_real(t.value, true, n.real)) return std::nullopt;
    return n;
  }
  return std::nullopt;
}

model::Term numeric_term(const Numeric& n) {
  if (n.type == NumericType::integer) return model::Term::typed_literal(std::to_string(n.integer), xsd_iri("integer"));
  char buf[64];
  if (std::isnan(n.real)) return model::Term::typed_literal("NaN", xsd_iri("double"));
  if (std::isinf(n.real)) return model::Term::typed_literal(n.real > 0 ? "INF" : "-INF", xsd_iri("double"));
  if (n.type == NumericType::decimal) {
    // Decimals are doubles here: 15 significant digits hide the binary
    // rounding (1.0 + 2.2 + ... gives 11.1, not 11.100000000000001).
    const double magnitude = std::fabs(n.real);
    const int before_point = magnitude < 1 ? 1 : static_cast<int>(std::floor(std::log10(magnitude))) + 1;
    const int decimals = std::clamp(15 - before_point, 1, 30);
    auto [p, ec] = std::to_chars(buf, buf + sizeof buf, n.real, std::chars_format::fixed, decimals);
    std::string s(buf, p);
    while (s.back() == '0' && s[s.size() - 2] != '.') s.pop_back();
    if (s == "-0.0") s = "0.0";
    return model::Term::typed_literal(s, xsd_iri("decimal"));
  }
  auto [p, ec] = std::to_chars(buf, buf + sizeof buf, n.real, std::chars_format::scientific);
  std::string s(buf, p);  // e.g. 1.5e+00 -> 1.5E0
  auto e = s.find('e');
  std::string mantissa = s.substr(0, e);
  if (mantissa.find('.') == std::string::npos) mantissa += ".0";
  int exponent = std::stoi(s.substr(e + 1));
  return model::Term::typed_literal(mantissa + "E" + std::to_string(exponent),
                                    xsd_iri(n.type == NumericType::float_ ? "float" : "double"));
}

model::Term boolean_term(bool b) { return model::Term::typed_literal(b ? "true" : "false", xsd_iri("boolean")); }

std::optional<bool> boolean_value(const model::Term& t) {
  if (t.kind != model::TermKind::literal || t.datatype != xsd_iri("boolean")) return std::nullopt;
  if (t.value == "true" || t.value == "1") return true;
  if (t.value == "false" || t.value == "0") return false;
  return std::nullopt;
}

std::optional<bool> effective_boolean_value(const model::Term& t) {
  if (t.kind != model::TermKind::literal) return std::nullopt;
  if (t.datatype == xsd_iri("boolean")) {
    auto b = boolean_value(t);
    return b ? b : std::optional<bool>(false);
  }
  if (is_string_literal(t)) return !t.value.empty();
  if (!t.language.empty()) return std::nullopt;
  if (auto n = numeric_value(t)) {
    if (n->type == NumericType::integer) return n->integer != 0;
    return !(n->real == 0 || std::isnan(n->real));
  }
  // A numeric datatype with an invalid lexical form has EBV false.
  if (is_integer_type(t.datatype) || t.datatype == xsd_iri("decimal") || t.datatype == xsd_iri("double") ||
      t.datatype == xsd_iri("float"))
    return false;
  return std::nullopt;
}

std::optional<Numeric> arithmetic(char op, const Numeric& a, const Numeric& b) {
  Numeric r;
  r.type = std::max(a.type, b.type);
  if (r.type == NumericType::integer && op != '/') {
    std::int64_t out;
    bool overflow = op == '+'   ? __builtin_add_overflow(a.integer, b.integer, &out)
                    : op == '-' ? __builtin_sub_overflow(a.integer, b.integer, &out)
                                : __builtin_mul_overflow(a.integer, b.integer, &out);
    if (!overflow) {
      r.integer = out;
      return r;
    }
    r.type = NumericType::decimal;
  }
  if (op == '/' && r.type == NumericType::integer) r.type = NumericType::decimal;
  double x = a.as_double(), y = b.as_double();
  if (op == '/' && y == 0 && r.type == NumericType::decimal) return std::nullopt;
  r.real = op == '+' ? x + y : op == '-' ? x - y : op == '*' ? x * y : x / y;
  return r;
}

std::optional<int> compare_values(const model::Term& a, const model::Term& b) {
  auto na = numeric_value(a), nb = numeric_value(b);
  if (na && nb) {
    if (na->type == NumericType::integer && nb->type == NumericType::integer) return three_way(na->integer, nb->integer);
    double x = na->as_double(), y = nb->as_double();
    if (std::isnan(x) || std::isnan(y)) return std::nullopt;
    return three_way(x, y);
  }
  if (is_string_literal(a) && is_string_literal(b)) return three_way(a.value, b.value);
  if (a.kind == model::TermKind::literal && b.kind == model::TermKind::literal && !a.language.empty() &&
      a.language == b.language)
    return three_way(a.value, b.value);
  auto ba = boolean_value(a), bb = boolean_value(b);
  if (ba && bb) return three_way(*ba, *bb);
  if (a.datatype == b.datatype)
    if (auto ia = instant_value(a), ib = instant_value(b); ia && ib) return compare_instants(*ia, *ib);
  return std::nullopt;
}

std::optional<bool> values_equal(const model::Term& a, const model::Term& b) {
  if (a == b) {
    // The same term is equal to itself unless it is an ill-typed numeric (NaN is not equal to itself).
    if (auto n = numeric_value(a); n && n->type != NumericType::integer && std::isnan(n->real)) return false;
    return true;
  }
  if (a.kind != model::TermKind::literal || b.kind != model::TermKind::literal) return false;
  auto na = numeric_value(a), nb = numeric_value(b);
  if (na && nb) return compare_values(a, b) == std::optional<int>(0);
  if (is_string_literal(a) && is_string_literal(b)) return a.value == b.value;
  auto ba = boolean_value(a), bb = boolean_value(b);
  if (ba && bb) return *ba == *bb;
  if (!a.language.empty() || !b.language.empty()) return false;
  auto ia = instant_value(a), ib = instant_value(b);
  if (ia && ib && a.datatype == b.datatype) {
    auto c = compare_instants(*ia, *ib);
    return c ? std::optional<bool>(*c == 0) : std::nullopt;
  }
  // Known but different value spaces are simply unequal; unknown datatypes cannot be decided.
  bool a_known = na || is_string_literal(a) || ba || ia, b_known = nb || is_string_literal(b) || bb || ib;
  if (a_known && b_known) return false;
  return std::nullopt;
}

int order_compare(const model::Term* a, const model::Term* b) {
  int ra = kind_rank(a), rb = kind_rank(b);
  if (ra != rb) return three_way(ra, rb);
  if (!a) return 0;
  if (a->kind != model::TermKind::literal) return three_way(a->value, b->value);
  if (auto c = compare_values(*a, *b); c && *c != 0) return *c;
  // Not comparable or equal in value: simple literals first, then by type, language and lexical form.
  int sa = is_string_literal(*a) ? 0 : 1, sb = is_string_literal(*b) ? 0 : 1;
  if (sa != sb) return three_way(sa, sb);
  if (auto n = numeric_value(*a), m = numeric_value(*b); n && m) return three_way(a->value, b->value);
  if (int c = three_way(a->datatype, b->datatype)) return c;
  if (int c = three_way(a->language, b->language)) return c;
  return three_way(a->value, b->value);
}

}  // namespace ng::query
