// Definitions of the notes grammar rules. Rule names and shapes match
// grammar/notes.ebnf. Included only by grammar.cpp, which instantiates them;
// everything else calls them through notes/line_syntax.hpp.
#pragma once

#include "notes/x3/ast.hpp"
#include "notes/x3/ast_adapted.hpp"
#include "notes/x3/grammar.hpp"

namespace ng::notes::grammar {
namespace rules {

using x3::attr;
using x3::char_;
using x3::eoi;
using x3::lit;
using x3::omit;
using x3::raw;
using x3::repeat;

// X3's character classes call <cctype>, which asserts on bytes >= 0x80 (every
// byte of Hangul); the grammar classifies bytes itself.
template <bool (*Test)(unsigned char)>
struct byte_class : x3::char_parser<byte_class<Test>> {
  using attribute_type = char;
  static bool const has_attribute = true;
  template <typename Char, typename Context>
  bool test(Char ch, Context const&) const {
    return Test(static_cast<unsigned char>(ch));
  }
};

constexpr bool is_blank(unsigned char c) { return c == ' ' || c == '\t'; }
constexpr bool is_space(unsigned char c) { return is_blank(c) || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }
constexpr bool is_digit(unsigned char c) { return c >= '0' && c <= '9'; }
constexpr bool is_xdigit(unsigned char c) { return is_digit(c) || ((c | 0x20) >= 'a' && (c | 0x20) <= 'f'); }
constexpr bool is_alpha(unsigned char c) { return (c | 0x20) >= 'a' && (c | 0x20) <= 'z'; }
constexpr bool is_alnum(unsigned char c) { return is_alpha(c) || is_digit(c); }
constexpr bool is_bullet(unsigned char c) { return c == '-' || c == '*' || c == '+'; }
// Field keys: letters (any non-ASCII byte belongs to a letter), digits, '-', '_'.
constexpr bool is_key_char(unsigned char c) { return is_alnum(c) || c == '-' || c == '_' || c >= 0x80; }
constexpr bool is_dest_char(unsigned char c) { return c > ' ' && c != 0x7F && c != '(' && c != ')' && c != '\\'; }
constexpr bool is_scheme_char(unsigned char c) { return is_alnum(c) || c == '+' || c == '.' || c == '-'; }
constexpr bool is_uri_char(unsigned char c) { return c > ' ' && c != 0x7F && c != '<' && c != '>'; }
constexpr bool is_email_char(unsigned char c) {
  return is_alnum(c) || c == '.' || c == '!' || c == '#' || c == '$' || c == '%' || c == '&' || c == '\'' || c == '*' ||
         c == '+' || c == '/' || c == '=' || c == '?' || c == '^' || c == '_' || c == '`' || c == '{' || c == '|' ||
         c == '}' || c == '~' || c == '-';
}
constexpr bool is_label_char(unsigned char c) { return is_alnum(c) || c == '-'; }
constexpr bool is_tag_name_char(unsigned char c) { return is_alnum(c) || c == '-'; }
constexpr bool is_attr_name_first(unsigned char c) { return is_alpha(c) || c == '_' || c == ':'; }
constexpr bool is_attr_name_char(unsigned char c) {
  return is_alnum(c) || c == '_' || c == '.' || c == ':' || c == '-';
}
constexpr bool is_unquoted_value_char(unsigned char c) {
  return c > ' ' && c != '"' && c != '\'' && c != '=' && c != '<' && c != '>' && c != '`';
}

byte_class<is_blank> const blank_char{};
auto const blank = omit[blank_char];
auto const space = omit[byte_class<is_space>{}];
byte_class<is_digit> const digit{};
byte_class<is_xdigit> const xdigit{};
byte_class<is_alpha> const alpha{};
byte_class<is_alnum> const alnum{};
byte_class<is_bullet> const bullet_char{};
byte_class<is_key_char> const key_char{};
byte_class<is_dest_char> const dest_char{};
byte_class<is_scheme_char> const scheme_char{};
byte_class<is_uri_char> const uri_char{};
byte_class<is_email_char> const email_char{};
byte_class<is_label_char> const label_char{};
byte_class<is_tag_name_char> const tag_name_char{};
byte_class<is_attr_name_first> const attr_name_first{};
byte_class<is_attr_name_char> const attr_name_char{};
byte_class<is_unquoted_value_char> const unquoted_value_char{};
auto const escaped = lit('\\') >> char_;
auto const empty_range = attr(ast::range());

// ---- block level -----------------------------------------------------------
atx_heading_type const atx_heading = "atx_heading";
setext_underline_type const setext_underline = "setext_underline";
thematic_break_type const thematic_break = "thematic_break";
outline_number_type const outline_number = "outline_number";
fence_open_type const fence_open = "fence_open";
fence_run_type const fence_run = "fence_run";
list_marker_type const list_marker = "list_marker";
table_delimiter_row_type const table_delimiter_row = "table_delimiter_row";
inline_field_type const inline_field = "inline_field";
term_item_type const term_item = "term_item";
html_block_tag_type const html_block_tag = "html_block_tag";
html_block_special_type const html_block_special = "html_block_special";

auto const atx_heading_def = raw[repeat(1, 6)[lit('#')]] >> &(blank | eoi) >> *blank >> raw[*char_];

auto const setext_underline_def = ((+lit('=') >> attr('=')) | (+lit('-') >> attr('-'))) >> *blank >> eoi;

auto const thematic_run = [](char c) {
  return lit(c) >> *blank >> lit(c) >> *blank >> lit(c) >> *(lit(c) | blank) >> eoi;
};
auto const thematic_break_def = thematic_run('*') | thematic_run('-') | thematic_run('_');

auto const outline_number_def = raw[repeat(1, 3)[digit] % '.'] >> -lit('.') >> +blank >> raw[+char_];

auto const backtick_fence = raw[repeat(3, x3::inf)[lit('`')]] >> *blank >> raw[*(char_ - '`')] >> eoi;
auto const tilde_fence = raw[repeat(3, x3::inf)[lit('~')]] >> *blank >> raw[*char_];
auto const fence_open_def = backtick_fence | tilde_fence;

auto const fence_run_def = raw[+lit('`') | +lit('~')] >> *blank >> eoi;

auto const list_marker_def = raw[bullet_char | (repeat(1, 9)[digit] >> (lit('.') | lit(')')))] >> &(blank | eoi);

auto const delimiter_cell = *blank >> -lit(':') >> +lit('-') >> -lit(':') >> *blank >> attr('c');
auto const table_delimiter_row_def = -lit('|') >> (delimiter_cell % '|') >> -lit('|') >> *blank >> eoi;

auto const inline_field_def = raw[key_char >> *(key_char | blank_char)] >> lit("::") >> &(blank | eoi) >> *blank
                              >> raw[*char_];

auto const term_item_def = raw[+(char_ - ':' - '\n')] >> ':' >> +blank >> raw[+char_];

auto const html_block_tag_def = lit('<') >> raw[-lit('/') >> alpha >> *tag_name_char];

auto const html_block_special_def = (lit("<!--") >> attr('c')) | (lit("<?") >> attr('p')) |
                                    (lit("<![CDATA[") >> attr('x')) | (lit("<!") >> &alpha >> attr('d'));

// ---- front matter ----------------------------------------------------------
front_matter_open_type const front_matter_open = "front_matter_open";
front_matter_close_type const front_matter_close = "front_matter_close";
front_matter_entry_type const front_matter_entry = "front_matter_entry";
front_matter_item_type const front_matter_item = "front_matter_item";
front_matter_flow_list_type const front_matter_flow_list = "front_matter_flow_list";

auto const front_matter_open_def = lit("---") >> *blank >> eoi;
auto const front_matter_close_def = (lit("---") | lit("...")) >> *blank >> eoi;

auto const scalar_tail = (+blank >> raw[*char_]) | (eoi >> empty_range);
auto const front_matter_entry_def = raw[(char_ - ':' - blank_char - '#' - '-') >> *(char_ - ':')] >> ':' >> scalar_tail;
auto const front_matter_item_def = *blank >> lit('-') >> scalar_tail;

auto const double_quoted = lit('"') >> *(escaped | (char_ - '"')) >> lit('"');
auto const single_quoted = lit('\'') >> *(lit("''") | (char_ - '\'')) >> lit('\'');
auto const plain_flow_scalar = (char_ - ',' - ']' - '[' - blank_char - '"' - '\'') >> *(char_ - ',' - ']');
auto const flow_item = raw[double_quoted | single_quoted | plain_flow_scalar];
auto const front_matter_flow_list_def = lit('[') >> *blank >> -(flow_item % (*blank >> ',' >> *blank)) >> *blank >>
                                        lit(']') >> *blank >> eoi;

// ---- inline ----------------------------------------------------------------
wikilink_type const wikilink = "wikilink";
link_tail_type const link_tail = "link_tail";
autolink_type const autolink = "autolink";
email_autolink_type const email_autolink = "email_autolink";
bare_url_type const bare_url = "bare_url";
html_tag_type const html_tag = "html_tag";
html_comment_type const html_comment = "html_comment";
entity_type const entity = "entity";

auto const wikilink_def = lit("[[") >> raw[+(char_ - '|' - ']' - '[' - '\n')] >>
                          ((lit('|') >> raw[*(char_ - ']' - '[' - '\n')]) | empty_range) >> lit("]]");

auto const link_dest_angle = lit('<') >> raw[*(escaped | (char_ - '<' - '>' - '\n' - '\\'))] >> lit('>');
// One level of balanced parentheses (Wikipedia URLs); never recursive.
auto const paren_group = lit('(') >> *(escaped | dest_char) >> lit(')');
auto const link_dest_bare = raw[+(escaped | paren_group | dest_char)];
auto const link_title = omit[(lit('"') >> *(escaped | (char_ - '"')) >> lit('"')) |
                             (lit('\'') >> *(escaped | (char_ - '\'')) >> lit('\'')) |
                             (lit('(') >> *(escaped | (char_ - '(' - ')')) >> lit(')'))];
auto const link_tail_def = lit('(') >> *space >> (link_dest_angle | link_dest_bare | empty_range) >>
                           -(+space >> link_title) >> *space >> lit(')');

auto const autolink_def = lit('<') >> raw[alpha >> repeat(1, 31)[scheme_char] >> ':' >> *uri_char] >> lit('>');
auto const email_autolink_def = lit('<') >> raw[+email_char >> '@' >> (+label_char % '.')] >> lit('>');
auto const bare_url_def = raw[(lit("https://") | lit("http://")) >> +uri_char];

auto const attribute_value =
    +unquoted_value_char | (lit('"') >> *(char_ - '"') >> lit('"')) | (lit('\'') >> *(char_ - '\'') >> lit('\''));
auto const html_attribute = +space >> attr_name_first >> *attr_name_char >>
                            -(*space >> lit('=') >> *space >> attribute_value);
auto const open_tag = lit('<') >> alpha >> *tag_name_char >> *html_attribute >> *space >> -lit('/') >> lit('>');
auto const closing_tag = lit("</") >> alpha >> *tag_name_char >> *space >> lit('>');
auto const html_tag_def = omit[open_tag | closing_tag];
auto const html_comment_def = lit("<!--") >> *(char_ - lit("-->")) >> lit("-->");

auto const entity_def =
    lit('&') >>
    raw[(lit('#') >> (((lit('x') | lit('X')) >> repeat(1, 6)[xdigit]) | repeat(1, 7)[digit])) | repeat(1, 32)[alnum]] >>
    lit(';');

BOOST_SPIRIT_DEFINE(atx_heading, setext_underline, thematic_break, outline_number, fence_open, fence_run, list_marker,
                    table_delimiter_row, inline_field, term_item, html_block_tag, html_block_special)
BOOST_SPIRIT_DEFINE(front_matter_open, front_matter_close, front_matter_entry, front_matter_item,
                    front_matter_flow_list)
BOOST_SPIRIT_DEFINE(wikilink, link_tail, autolink, email_autolink, bare_url, html_tag, html_comment, entity)

}  // namespace rules

rules::atx_heading_type const& atx_heading() { return rules::atx_heading; }
rules::setext_underline_type const& setext_underline() { return rules::setext_underline; }
rules::thematic_break_type const& thematic_break() { return rules::thematic_break; }
rules::outline_number_type const& outline_number() { return rules::outline_number; }
rules::fence_open_type const& fence_open() { return rules::fence_open; }
rules::fence_run_type const& fence_run() { return rules::fence_run; }
rules::list_marker_type const& list_marker() { return rules::list_marker; }
rules::table_delimiter_row_type const& table_delimiter_row() { return rules::table_delimiter_row; }
rules::inline_field_type const& inline_field() { return rules::inline_field; }
rules::term_item_type const& term_item() { return rules::term_item; }
rules::html_block_tag_type const& html_block_tag() { return rules::html_block_tag; }
rules::html_block_special_type const& html_block_special() { return rules::html_block_special; }
rules::front_matter_open_type const& front_matter_open() { return rules::front_matter_open; }
rules::front_matter_close_type const& front_matter_close() { return rules::front_matter_close; }
rules::front_matter_entry_type const& front_matter_entry() { return rules::front_matter_entry; }
rules::front_matter_item_type const& front_matter_item() { return rules::front_matter_item; }
rules::front_matter_flow_list_type const& front_matter_flow_list() { return rules::front_matter_flow_list; }
rules::wikilink_type const& wikilink() { return rules::wikilink; }
rules::link_tail_type const& link_tail() { return rules::link_tail; }
rules::autolink_type const& autolink() { return rules::autolink; }
rules::email_autolink_type const& email_autolink() { return rules::email_autolink; }
rules::bare_url_type const& bare_url() { return rules::bare_url; }
rules::html_tag_type const& html_tag() { return rules::html_tag; }
rules::html_comment_type const& html_comment() { return rules::html_comment; }
rules::entity_type const& entity() { return rules::entity; }

}  // namespace ng::notes::grammar
