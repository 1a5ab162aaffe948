// Numeric parsing and promotion, effective boolean value, value comparison and
// the ORDER BY order of RDF terms, after SPARQL 1.1 sections 17.2-17.4 and 15.1.
#include "query/term_values.hpp"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstdlib>

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
  if (ec == std::errc::result_out_of_range && p == s.data() + s.size()) {
    // "1e400" is a valid xsd:double: XSD 1.1 rounds it to INF (and 1e-400 to
    // 0), which strtod does; from_chars only reports the range error.
    out = std::strtod(std::string(s).c_str(), nullptr);
    return true;
  }
  return ec == std::errc() && p == s.data() + s.size();
}

template <class T>
int three_way(const T& a, const T& b) {
  return a < b ? -1 : (b < a ? 1 : 0);
}

int kind_rank(const model::TermView* t) {
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

std::optional<Instant> instant_value(model::TermView t) {
  const bool date_time = t.datatype == xsd_iri("dateTime");
  if (t.kind != model::TermKind::literal || (!date_time && t.datatype != xsd_iri("date"))) return std::nullopt;
  const std::string v(t.value);
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

namespace {

constexpr Decimal kDecimalMax = static_cast<Decimal>((static_cast<unsigned __int128>(1) << 127) - 1);
constexpr Decimal kDecimalMin = -kDecimalMax - 1;

// 10^n, or nullopt when it does not fit.
std::optional<Decimal> power_of_ten(unsigned n) {
  Decimal p = 1;
  for (unsigned i = 0; i < n; ++i)
    if (__builtin_mul_overflow(p, Decimal(10), &p)) return std::nullopt;
  return p;
}

}  // namespace

double Numeric::as_double() const {
  if (type == NumericType::integer) return static_cast<double>(integer);
  if (type != NumericType::decimal) return real;
  // Drop trailing zeros first so that e.g. 0.1 is 1 / 10, the closest double.
  Decimal v = decimal, shift = kDecimalScale;
  if (v != 0)
    while (shift != 1 && v % 10 == 0) v /= 10, shift /= 10;
  return static_cast<double>(v) / static_cast<double>(shift);
}

std::optional<Decimal> parse_decimal(std::string_view s) {
  Decimal sign = 1;
  if (!s.empty() && (s[0] == '+' || s[0] == '-')) {
    sign = s[0] == '-' ? -1 : 1;
    s.remove_prefix(1);
  }
  const bool digits_before = !s.empty() && std::isdigit(static_cast<unsigned char>(s[0]));
  Decimal value = 0;
  auto push_digit = [&](char c) {
    return !__builtin_mul_overflow(value, Decimal(10), &value) &&
           !__builtin_add_overflow(value, sign * Decimal(c - '0'), &value);
  };
  while (!s.empty() && std::isdigit(static_cast<unsigned char>(s[0]))) {
    if (!push_digit(s[0])) return std::nullopt;
    s.remove_prefix(1);
  }
  Decimal scale = kDecimalScale;
  if (!s.empty()) {
    if (s[0] != '.') return std::nullopt;
    s.remove_prefix(1);
    if (s.empty() && !digits_before) return std::nullopt;  // "." alone
    while (!s.empty() && s.back() == '0') s.remove_suffix(1);
    for (char c : s) {
      if (!std::isdigit(static_cast<unsigned char>(c))) return std::nullopt;
      if (scale == 1) return std::nullopt;  // more than 18 fractional digits
      scale /= 10;
      if (!push_digit(c)) return std::nullopt;
    }
  } else if (!digits_before) {
    return std::nullopt;  // empty or a sign alone
  }
  if (__builtin_mul_overflow(value, scale, &value)) return std::nullopt;
  return value;
}

std::string format_decimal(Decimal d) {
  const bool negative = d < 0;
  unsigned __int128 magnitude = negative ? -static_cast<unsigned __int128>(d) : static_cast<unsigned __int128>(d);
  const unsigned __int128 scale = static_cast<unsigned __int128>(kDecimalScale);
  unsigned __int128 whole = magnitude / scale, fraction = magnitude % scale;
  std::string before;
  do {
    before.insert(before.begin(), static_cast<char>('0' + static_cast<int>(whole % 10)));
    whole /= 10;
  } while (whole != 0);
  std::string after(18, '0');
  for (int i = 17; i >= 0; --i) {
    after[i] = static_cast<char>('0' + static_cast<int>(fraction % 10));
    fraction /= 10;
  }
  while (after.size() > 1 && after.back() == '0') after.pop_back();
  return (negative ? "-" : "") + before + "." + after;
}

// As Oxigraph: drop the factors of ten of both operands, multiply, then put
// back the remaining power of ten (truncating when the exact product has more
// than 18 fractional digits, where Oxigraph gives an error).
std::optional<Decimal> decimal_multiply(Decimal a, Decimal b) {
  if (a == 0 || b == 0) return Decimal(0);
  int shift = -18;
  while (a % 10 == 0) a /= 10, ++shift;
  while (b % 10 == 0) b /= 10, ++shift;
  Decimal product;
  if (__builtin_mul_overflow(a, b, &product)) return std::nullopt;
  if (shift < 0) {
    auto p = power_of_ten(static_cast<unsigned>(-shift));
    return p ? product / *p : Decimal(0);
  }
  auto p = power_of_ten(static_cast<unsigned>(shift));
  if (!p || __builtin_mul_overflow(product, *p, &product)) return std::nullopt;
  return product;
}

// As Oxigraph: shift the dividend left as far as it fits, drop the factors of
// ten of the divisor, divide, then shift right (the result is truncated to 18
// fractional digits).
std::optional<Decimal> decimal_divide(Decimal a, Decimal b) {
  if (b == 0) return std::nullopt;
  if (a == 0) return Decimal(0);
  int shift = -18;
  for (Decimal next; !__builtin_mul_overflow(a, Decimal(10), &next);) a = next, ++shift;
  while (b % 10 == 0) b /= 10, ++shift;
  if (shift < 0) return std::nullopt;  // the quotient does not fit
  if (a == kDecimalMin && b == -1) return std::nullopt;
  Decimal quotient = a / b;
  auto p = power_of_ten(static_cast<unsigned>(shift));
  return p ? quotient / *p : Decimal(0);
}

std::optional<Decimal> decimal_round(Decimal d) {
  const Decimal tenths = d / (kDecimalScale / 10);
  const Decimal whole =
      tenths >= 0 ? tenths / 10 + (tenths % 10 >= 5 ? 1 : 0) : tenths / 10 - (-tenths % 10 > 5 ? 1 : 0);
  Decimal out;
  if (__builtin_mul_overflow(whole, kDecimalScale, &out)) return std::nullopt;
  return out;
}

std::optional<Decimal> decimal_ceil(Decimal d) {
  const Decimal whole = d / kDecimalScale + (d > 0 && d % kDecimalScale != 0 ? 1 : 0);
  Decimal out;
  if (__builtin_mul_overflow(whole, kDecimalScale, &out)) return std::nullopt;
  return out;
}

std::optional<Decimal> decimal_floor(Decimal d) {
  const Decimal whole = d / kDecimalScale - (d < 0 && d % kDecimalScale != 0 ? 1 : 0);
  Decimal out;
  if (__builtin_mul_overflow(whole, kDecimalScale, &out)) return std::nullopt;
  return out;
}

std::optional<Decimal> decimal_from_double(double d) {
  const double shifted = d * static_cast<double>(kDecimalScale);
  // 2^127 is exactly representable; the range check also rejects NaN.
  constexpr double limit = 170141183460469231731687303715884105728.0;
  if (!(shifted >= -limit && shifted < limit)) return std::nullopt;
  return static_cast<Decimal>(shifted);
}

bool is_string_literal(model::TermView t) {
  return t.kind == model::TermKind::literal && t.language.empty() && (t.datatype.empty() || t.datatype == vocab::xsd_string);
}

std::optional<Numeric> numeric_value(model::TermView t) {
  if (t.kind != model::TermKind::literal || t.datatype.empty()) return std::nullopt;
  Numeric n;
  if (is_integer_type(t.datatype)) {
    if (!parse_integer(t.value, n.integer)) {
      // Out of int64 range: keep it as a decimal value.
      if (t.value.find('.') != std::string::npos) return std::nullopt;
      auto d = parse_decimal(t.value);
      if (!d) return std::nullopt;
      n.type = NumericType::decimal;
      n.decimal = *d;
    }
    return n;
  }
  if (t.datatype == xsd_iri("decimal")) {
    n.type = NumericType::decimal;
    auto d = parse_decimal(t.value);
    if (!d) return std::nullopt;
    n.decimal = *d;
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
  if (n.type == NumericType::decimal) return model::Term::typed_literal(format_decimal(n.decimal), xsd_iri("decimal"));
  char buf[64];
  if (std::isnan(n.real)) return model::Term::typed_literal("NaN", xsd_iri("double"));
  if (std::isinf(n.real)) return model::Term::typed_literal(n.real > 0 ? "INF" : "-INF", xsd_iri("double"));
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

std::optional<bool> boolean_value(model::TermView t) {
  if (t.kind != model::TermKind::literal || t.datatype != xsd_iri("boolean")) return std::nullopt;
  if (t.value == "true" || t.value == "1") return true;
  if (t.value == "false" || t.value == "0") return false;
  return std::nullopt;
}

std::optional<bool> effective_boolean_value(model::TermView t) {
  if (t.kind != model::TermKind::literal) return std::nullopt;
  if (t.datatype == xsd_iri("boolean")) {
    auto b = boolean_value(t);
    return b ? b : std::optional<bool>(false);
  }
  if (is_string_literal(t)) return !t.value.empty();
  if (!t.language.empty()) return std::nullopt;
  if (auto n = numeric_value(t)) {
    if (n->type == NumericType::integer) return n->integer != 0;
    if (n->type == NumericType::decimal) return n->decimal != 0;
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
  if (r.type == NumericType::decimal) {
    // Exact fixed point; an overflow (or a division by zero) is an error.
    const Decimal x = a.as_decimal(), y = b.as_decimal();
    std::optional<Decimal> out;
    Decimal sum;
    if (op == '+') out = __builtin_add_overflow(x, y, &sum) ? std::nullopt : std::optional<Decimal>(sum);
    else if (op == '-') out = __builtin_sub_overflow(x, y, &sum) ? std::nullopt : std::optional<Decimal>(sum);
    else if (op == '*') out = decimal_multiply(x, y);
    else out = decimal_divide(x, y);
    if (!out) return std::nullopt;
    r.decimal = *out;
    return r;
  }
  double x = a.as_double(), y = b.as_double();
  r.real = op == '+' ? x + y : op == '-' ? x - y : op == '*' ? x * y : x / y;
  return r;
}

std::optional<int> compare_values(model::TermView a, model::TermView b) {
  auto na = numeric_value(a), nb = numeric_value(b);
  if (na && nb) {
    if (na->type == NumericType::integer && nb->type == NumericType::integer) return three_way(na->integer, nb->integer);
    if (na->type <= NumericType::decimal && nb->type <= NumericType::decimal)
      return three_way(na->as_decimal(), nb->as_decimal());
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

std::optional<bool> values_equal(model::TermView a, model::TermView b) {
  if (a == b) {
    // The same term is equal to itself unless it is an ill-typed numeric (NaN is not equal to itself).
    if (auto n = numeric_value(a); n && n->type >= NumericType::float_ && std::isnan(n->real)) return false;
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

int order_compare(const model::TermView* a, const model::TermView* b) {
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
