// Definitions of the SPARQL token rules, after the terminals of the SPARQL 1.1
// grammar (section 19.8). Non-ASCII bytes count as PN_CHARS_BASE: the input is
// valid UTF-8 and the spec's ranges cover nearly every letter.
// Included only by grammar.cpp, which instantiates them.
#pragma once

#include "query/x3/ast.hpp"
#include "query/x3/ast_adapted.hpp"
#include "query/x3/grammar.hpp"

namespace ng::query::grammar {
namespace rules {

using x3::char_;
using x3::lit;

// X3's character classes call <cctype>, which asserts on bytes >= 0x80; the
// grammar classifies bytes itself.
template <bool (*Test)(unsigned char)>
struct byte_class : x3::char_parser<byte_class<Test>> {
  using attribute_type = char;
  static bool const has_attribute = true;
  template <typename Char, typename Context>
  bool test(Char ch, Context const&) const {
    return Test(static_cast<unsigned char>(ch));
  }
};

constexpr bool is_digit(unsigned char c) { return c >= '0' && c <= '9'; }
constexpr bool is_xdigit(unsigned char c) { return is_digit(c) || ((c | 0x20) >= 'a' && (c | 0x20) <= 'f'); }
constexpr bool is_alpha(unsigned char c) { return (c | 0x20) >= 'a' && (c | 0x20) <= 'z'; }
constexpr bool is_alnum(unsigned char c) { return is_alpha(c) || is_digit(c); }
constexpr bool is_pn_chars_base(unsigned char c) { return is_alpha(c) || c >= 0x80; }
constexpr bool is_pn_chars_u(unsigned char c) { return is_pn_chars_base(c) || c == '_'; }
constexpr bool is_pn_chars(unsigned char c) { return is_pn_chars_u(c) || is_digit(c) || c == '-'; }
constexpr bool is_iri_char(unsigned char c) {
  return c > ' ' && c != '<' && c != '>' && c != '"' && c != '{' && c != '}' && c != '|' && c != '^' && c != '`' &&
         c != '\\';
}
constexpr bool is_local_escapable(unsigned char c) {
  for (char e : std::string_view("_~.-!$&'()*+,;=/?#@%"))
    if (c == static_cast<unsigned char>(e)) return true;
  return false;
}

byte_class<is_digit> const digit{};
byte_class<is_xdigit> const xdigit{};
byte_class<is_alpha> const alpha{};
byte_class<is_alnum> const alnum{};
byte_class<is_pn_chars_base> const pn_chars_base{};
byte_class<is_pn_chars_u> const pn_chars_u{};
byte_class<is_pn_chars> const pn_chars{};
byte_class<is_iri_char> const iri_char{};
byte_class<is_local_escapable> const local_escapable{};

// Dots may occur inside a name but not at its end: "*('.') then a name char".
auto const plx = (lit('%') >> xdigit >> xdigit) | (lit('\\') >> local_escapable);
auto const pn_prefix = pn_chars_base >> *(*lit('.') >> pn_chars);
auto const pn_local = (pn_chars_u | char_(':') | digit | plx) >> *(*lit('.') >> (pn_chars | char_(':') | plx));
auto const exponent = char_("eE") >> -char_("+-") >> +digit;
auto const echar = lit('\\') >> char_;

iriref_type const iriref = "iriref";
pname_ns_type const pname_ns = "pname_ns";
pname_ln_type const pname_ln = "pname_ln";
blank_node_label_type const blank_node_label = "blank_node_label";
var_type const var = "var";
langtag_type const langtag = "langtag";
integer_type const integer = "integer";
decimal_type const decimal = "decimal";
double_type const double_ = "double";
string_literal_type const string_literal = "string_literal";
keyword_type const keyword = "keyword";

auto const iriref_def = lit('<') >> *iri_char >> lit('>');
auto const pname_ns_def = -pn_prefix >> lit(':');
auto const pname_ln_def = pname_ns >> pn_local;
auto const blank_node_label_def = lit("_:") >> (pn_chars_u | digit) >> *(*lit('.') >> pn_chars);
auto const var_def = (lit('?') | lit('$')) >> +(pn_chars_u | digit);
auto const langtag_def = lit('@') >> +alpha >> *(lit('-') >> +alnum);
auto const integer_def = +digit;
auto const decimal_def = *digit >> lit('.') >> +digit;
auto const double__def = (+digit >> lit('.') >> *digit >> exponent) | (lit('.') >> +digit >> exponent) |
                        (+digit >> exponent);
auto const string_literal_def =
    (lit("\"\"\"") >> *(!lit("\"\"\"") >> (echar | char_)) >> lit("\"\"\"")) |
    (lit("'''") >> *(!lit("'''") >> (echar | char_)) >> lit("'''")) |
    (lit('"') >> *(echar | (char_ - char_("\"\\\n\r"))) >> lit('"')) |
    (lit('\'') >> *(echar | (char_ - char_("'\\\n\r"))) >> lit('\''));
auto const keyword_def = alpha >> *(alnum | char_('_'));

BOOST_SPIRIT_DEFINE(iriref, pname_ns, pname_ln, blank_node_label, var, langtag, integer, decimal, double_,
                    string_literal, keyword)

}  // namespace rules

rules::iriref_type const& iriref() { return rules::iriref; }
rules::pname_ns_type const& pname_ns() { return rules::pname_ns; }
rules::pname_ln_type const& pname_ln() { return rules::pname_ln; }
rules::blank_node_label_type const& blank_node_label() { return rules::blank_node_label; }
rules::var_type const& var() { return rules::var; }
rules::langtag_type const& langtag() { return rules::langtag; }
rules::integer_type const& integer() { return rules::integer; }
rules::decimal_type const& decimal() { return rules::decimal; }
rules::double_type const& double_() { return rules::double_; }
rules::string_literal_type const& string_literal() { return rules::string_literal; }
rules::keyword_type const& keyword() { return rules::keyword; }

}  // namespace ng::query::grammar
