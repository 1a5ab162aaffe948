// The Boost-free matchers over the X3 rules: parse_with() owns every
// x3::parse call; the rest turns rule attributes into trimmed string_views and
// does the checks a grammar cannot express (closing '#'s, tag name tables).
#include "notes/line_syntax.hpp"

#include <algorithm>
#include <array>
#include <optional>

#include "notes/x3/ast_adapted.hpp"
#include "notes/x3/grammar.hpp"

namespace ng::notes::syntax {

namespace {

namespace x3 = boost::spirit::x3;
using grammar::ast::range;

enum class Match { whole, prefix };

// Runs `rule` over `s`. A whole match must consume all of `s`; a prefix match
// reports how many bytes it consumed.
template <typename Rule, typename Attribute>
std::optional<std::size_t> parse_with(Rule const& rule, std::string_view s, Attribute& attribute, Match match) {
  const char* first = s.data();
  const char* const last = first + s.size();
  if (!x3::parse(first, last, rule, attribute)) return std::nullopt;
  auto consumed = static_cast<std::size_t>(first - s.data());
  if (match == Match::whole && consumed != s.size()) return std::nullopt;
  return consumed;
}

std::size_t prefix_length(std::optional<std::size_t> r) { return r ? *r : 0; }

std::string_view view(const range& r) { return {r.begin(), r.size()}; }

bool is_blank(char c) { return c == ' ' || c == '\t'; }

std::string_view trim_end(std::string_view s) {
  while (!s.empty() && is_blank(s.back())) s.remove_suffix(1);
  return s;
}

char lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c + ('a' - 'A')) : c; }

bool iequals(std::string_view a, std::string_view b) {
  return a.size() == b.size() &&
         std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) { return lower(x) == y; });
}

bool icontains(std::string_view hay, std::string_view needle) {
  if (needle.size() > hay.size()) return false;
  for (std::size_t i = 0; i + needle.size() <= hay.size(); ++i)
    if (lower(hay[i]) == needle[0] && iequals(hay.substr(i, needle.size()), needle)) return true;
  return false;
}

// CommonMark's HTML block type 6 tag names (sorted).
constexpr std::array<std::string_view, 62> kBlockTags = {
    "address",  "article",    "aside",  "base",    "basefont", "blockquote", "body",     "caption",  "center",
    "col",      "colgroup",   "dd",     "details", "dialog",   "dir",        "div",      "dl",       "dt",
    "fieldset", "figcaption", "figure", "footer",  "form",     "frame",      "frameset", "h1",       "h2",
    "h3",       "h4",         "h5",     "h6",      "head",     "header",     "hr",       "html",     "iframe",
    "legend",   "li",         "link",   "main",    "menu",     "menuitem",   "nav",      "noframes", "ol",
    "optgroup", "option",     "p",      "param",   "search",   "section",    "summary",  "table",    "tbody",
    "td",       "tfoot",      "th",     "thead",   "title",    "tr",         "track",    "ul"};

constexpr std::array<std::string_view, 4> kRawTextTags = {"pre", "script", "style", "textarea"};

bool is_block_tag(std::string_view lowered) {
  return std::binary_search(kBlockTags.begin(), kBlockTags.end(), lowered);
}

}  // namespace

bool atx_heading(std::string_view s, AtxHeading& out) {
  grammar::ast::atx_heading a;
  if (!parse_with(grammar::atx_heading(), s, a, Match::whole)) return false;
  out.level = static_cast<unsigned>(a.marks.size());
  std::string_view content = trim_end(view(a.content));
  // An optional closing sequence: '#'s preceded by a blank, or nothing but '#'s.
  std::size_t h = content.size();
  while (h > 0 && content[h - 1] == '#') --h;
  if (h < content.size() && (h == 0 || is_blank(content[h - 1]))) content = trim_end(content.substr(0, h));
  out.content = content;
  return true;
}

char setext_underline(std::string_view s) {
  char c = 0;
  return parse_with(grammar::setext_underline(), s, c, Match::whole) ? c : 0;
}

bool thematic_break(std::string_view s) {
  return parse_with(grammar::thematic_break(), s, x3::unused, Match::whole).has_value();
}

bool outline_number(std::string_view s, std::string_view& number, std::string_view& rest) {
  grammar::ast::outline_number n;
  if (!parse_with(grammar::outline_number(), s, n, Match::whole)) return false;
  number = view(n.number);
  rest = view(n.rest);
  return true;
}

bool fence_open(std::string_view s, FenceOpen& out) {
  grammar::ast::fence_open f;
  if (!parse_with(grammar::fence_open(), s, f, Match::whole)) return false;
  out.ch = *f.fence.begin();
  out.length = f.fence.size();
  out.info = trim_end(view(f.info));
  return true;
}

bool fence_close(std::string_view s, char ch, std::size_t min_length) {
  range run;
  if (s.empty() || s[0] != ch || !parse_with(grammar::fence_run(), s, run, Match::whole)) return false;
  return run.size() >= min_length;
}

bool list_marker(std::string_view s, ListMarker& out) {
  range marker;
  auto n = parse_with(grammar::list_marker(), s, marker, Match::prefix);
  if (!n) return false;
  std::string_view m = view(marker);
  out.length = m.size();
  out.ordered = m.back() == '.' || m.back() == ')';
  out.number = 0;
  if (out.ordered)
    for (char c : m.substr(0, m.size() - 1)) out.number = out.number * 10 + static_cast<std::uint64_t>(c - '0');
  return true;
}

std::size_t table_delimiter_row(std::string_view s) {
  std::vector<char> cells;
  return parse_with(grammar::table_delimiter_row(), s, cells, Match::whole) ? cells.size() : 0;
}

bool inline_field(std::string_view s, KeyValue& out) {
  grammar::ast::key_value kv;
  if (!parse_with(grammar::inline_field(), s, kv, Match::whole)) return false;
  out.key = trim_end(view(kv.key));
  out.value = trim_end(view(kv.value));
  return true;
}

bool term_item(std::string_view plain, KeyValue& out) {
  grammar::ast::key_value kv;
  if (!parse_with(grammar::term_item(), plain, kv, Match::prefix)) return false;
  out.key = view(kv.key);
  out.value = view(kv.value);
  return true;
}

HtmlStart html_block_start(std::string_view s) {
  char special = 0;
  if (parse_with(grammar::html_block_special(), s, special, Match::prefix)) {
    switch (special) {
      case 'c': return HtmlStart::comment;
      case 'p': return HtmlStart::processing;
      case 'x': return HtmlStart::cdata;
      default: return HtmlStart::declaration;
    }
  }
  range name_range;
  if (auto n = parse_with(grammar::html_block_tag(), s, name_range, Match::prefix)) {
    std::string_view name = view(name_range);
    bool closing = name.front() == '/';
    if (closing) name.remove_prefix(1);
    std::string_view after = s.substr(*n);
    bool ends_name = after.empty() || is_blank(after[0]) || after[0] == '>' || after.starts_with("/>");
    char lowered[16];
    if (ends_name && name.size() < sizeof lowered) {
      std::transform(name.begin(), name.end(), lowered, lower);
      std::string_view low(lowered, name.size());
      if (low == "details") return closing ? HtmlStart::details_close : HtmlStart::details_open;
      if (!closing && std::find(kRawTextTags.begin(), kRawTextTags.end(), low) != kRawTextTags.end())
        return HtmlStart::raw_text;
      if (is_block_tag(low)) return HtmlStart::block_tag;
    }
  }
  if (std::size_t n = html_tag(s); n != 0 && trim_end(s.substr(n)).empty()) return HtmlStart::other_tag;
  return HtmlStart::none;
}

bool html_block_ends(HtmlStart k, std::string_view line) {
  switch (k) {
    case HtmlStart::raw_text:
      return icontains(line, "</script>") || icontains(line, "</pre>") || icontains(line, "</style>") ||
             icontains(line, "</textarea>");
    case HtmlStart::comment: return line.find("-->") != std::string_view::npos;
    case HtmlStart::processing: return line.find("?>") != std::string_view::npos;
    case HtmlStart::declaration: return line.find('>') != std::string_view::npos;
    case HtmlStart::cdata: return line.find("]]>") != std::string_view::npos;
    default: return false;
  }
}

bool front_matter_open(std::string_view line) {
  return parse_with(grammar::front_matter_open(), line, x3::unused, Match::whole).has_value();
}

bool front_matter_close(std::string_view line) {
  return parse_with(grammar::front_matter_close(), line, x3::unused, Match::whole).has_value();
}

bool front_matter_entry(std::string_view line, KeyValue& out) {
  grammar::ast::key_value kv;
  if (!parse_with(grammar::front_matter_entry(), line, kv, Match::whole)) return false;
  out.key = trim_end(view(kv.key));
  out.value = trim_end(view(kv.value));
  return true;
}

bool front_matter_item(std::string_view line, std::string_view& value) {
  range r;
  if (!parse_with(grammar::front_matter_item(), line, r, Match::whole)) return false;
  value = trim_end(view(r));
  return true;
}

bool front_matter_flow_list(std::string_view s, std::vector<std::string_view>& items) {
  std::vector<range> ranges;
  if (!parse_with(grammar::front_matter_flow_list(), s, ranges, Match::whole)) return false;
  items.clear();
  for (const range& r : ranges) items.push_back(trim_end(view(r)));
  return true;
}

std::size_t wikilink(std::string_view s, std::string_view& target, std::string_view& alias) {
  grammar::ast::wikilink w;
  auto n = parse_with(grammar::wikilink(), s, w, Match::prefix);
  if (n) {
    target = view(w.target);
    alias = view(w.alias);
  }
  return prefix_length(n);
}

std::size_t link_tail(std::string_view s, std::string_view& destination) {
  range d;
  auto n = parse_with(grammar::link_tail(), s, d, Match::prefix);
  if (n) destination = view(d);
  return prefix_length(n);
}

std::size_t autolink(std::string_view s, std::string_view& uri, bool& email) {
  range r;
  auto n = parse_with(grammar::autolink(), s, r, Match::prefix);
  email = false;
  if (!n) {
    n = parse_with(grammar::email_autolink(), s, r, Match::prefix);
    email = n.has_value();
  }
  if (n) uri = view(r);
  return prefix_length(n);
}

std::size_t bare_url(std::string_view s, std::string_view& url) {
  range r;
  auto n = parse_with(grammar::bare_url(), s, r, Match::prefix);
  if (n) url = view(r);
  return prefix_length(n);
}

std::size_t html_tag(std::string_view s) {
  return prefix_length(parse_with(grammar::html_tag(), s, x3::unused, Match::prefix));
}

std::size_t html_comment(std::string_view s) {
  return prefix_length(parse_with(grammar::html_comment(), s, x3::unused, Match::prefix));
}

std::size_t entity(std::string_view s, std::string_view& name) {
  range r;
  auto n = parse_with(grammar::entity(), s, r, Match::prefix);
  if (n) name = view(r);
  return prefix_length(n);
}

}  // namespace ng::notes::syntax
