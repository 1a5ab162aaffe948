// The inline parser: one left-to-right walk that jumps between special bytes
// and records Marks (what to drop, keep or replace), bracket and delimiter
// stacks as CommonMark describes them, then one emission pass that copies the
// kept source ranges into the plain text and records links and line starts.
#include "notes/inline_parser.hpp"

#include <emmintrin.h>

#include <algorithm>
#include <array>
#include <utility>

#include "notes/line_syntax.hpp"
#include "notes/utf8.hpp"

namespace ng::notes {

namespace {

// The bytes that may start inline markup; the walk jumps from one to the next.
constexpr std::string_view kSpecialBytes = "\\`*_~[]!<&:";

constexpr std::array<bool, 256> make_special() {
  std::array<bool, 256> t{};
  for (unsigned char c : kSpecialBytes) t[c] = true;
  return t;
}
constexpr std::array<bool, 256> kSpecial = make_special();

// 0xFF in the lanes of `v` that hold a special byte (one compare per byte).
template <std::size_t... I>
__m128i special_lanes(__m128i v, std::index_sequence<I...>) {
  return (_mm_cmpeq_epi8(v, _mm_set1_epi8(kSpecialBytes[I])) | ...);
}

// Offset of the first special byte of `s` at or after `p`, or s.size():
// 16 bytes at a time while 16 are left (loads stay inside `s`), then one by one.
std::size_t next_special(std::string_view s, std::size_t p) {
  const std::size_t n = s.size();
  for (; p + 16 <= n; p += 16) {
    __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(s.data() + p));
    auto hits = static_cast<unsigned>(
        _mm_movemask_epi8(special_lanes(v, std::make_index_sequence<kSpecialBytes.size()>())));
    if (hits != 0) return p + static_cast<std::size_t>(__builtin_ctz(hits));
  }
  while (p < n && !kSpecial[static_cast<unsigned char>(s[p])]) ++p;
  return p;
}

bool is_ascii_punct(char c) {
  return (c >= '!' && c <= '/') || (c >= ':' && c <= '@') || (c >= '[' && c <= '`') || (c >= '{' && c <= '~');
}

bool is_alnum(char c) { return (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z'); }

struct NamedEntity {
  std::string_view name;
  char32_t cp;
};
constexpr NamedEntity kEntities[] = {
    {"amp", '&'},      {"lt", '<'},       {"gt", '>'},       {"quot", '"'},      {"apos", '\''},    {"nbsp", 0xA0},
    {"copy", 0xA9},    {"reg", 0xAE},     {"trade", 0x2122}, {"hellip", 0x2026}, {"mdash", 0x2014}, {"ndash", 0x2013},
    {"lsquo", 0x2018}, {"rsquo", 0x2019}, {"ldquo", 0x201C}, {"rdquo", 0x201D},  {"middot", 0xB7},  {"times", 0xD7},
    {"larr", 0x2190},  {"rarr", 0x2192},  {"uarr", 0x2191},  {"darr", 0x2193},   {"bull", 0x2022},  {"deg", 0xB0},
    {"laquo", 0xAB},   {"raquo", 0xBB},   {"euro", 0x20AC},  {"check", 0x2713},  {"ne", 0x2260},    {"le", 0x2264},
    {"ge", 0x2265}};

// Decodes an entity body ("amp", "#38", "#x26"); 0 when unknown.
char32_t decode_entity(std::string_view name) {
  if (name[0] == '#') {
    bool hex = name.size() > 1 && (name[1] == 'x' || name[1] == 'X');
    char32_t cp = 0;
    for (char c : name.substr(hex ? 2 : 1)) {
      unsigned d = c <= '9' ? unsigned(c - '0') : unsigned((c | 0x20) - 'a' + 10);
      cp = cp * (hex ? 16 : 10) + d;
      if (cp > 0x10FFFF) return 0xFFFD;
    }
    return cp == 0 ? 0xFFFD : cp;
  }
  for (const auto& e : kEntities)
    if (e.name == name) return e.cp;
  return 0;
}

}  // namespace

std::string_view InlineParser::parse(std::string_view src, std::span<const Segment> segments) {
  src_ = src;
  segments_ = segments;
  marks_.clear();
  delimiters_.clear();
  brackets_.clear();
  link_openers_active_from_ = 0;
  backticks_.reset(src);
  comment_unclosed_ = false;
  links_.clear();
  lines_.clear();

  const std::size_t n = src.size();
  std::size_t p = next_special(src, 0);
  if (p == n) {
    for (const Segment& s : segments) lines_.push_back({s.text_begin, s.line});
    return src;
  }
  while (p < n) {
    switch (src[p]) {
      case '\\': p = on_backslash(p); break;
      case '`': p = on_backtick(p); break;
      case '*':
      case '_':
      case '~': p = on_delimiter(p); break;
      case '!': p = (p + 1 < n && src[p + 1] == '[') ? on_open_bracket(p, true) : p + 1; break;
      case '[': p = on_open_bracket(p, false); break;
      case ']': p = on_close_bracket(p); break;
      case '<': p = on_angle(p); break;
      case '&': p = on_ampersand(p); break;
      default: p = on_colon(p); break;
    }
    p = next_special(src, p);
  }
  delimiters_.process(-1, marks_);
  emit();
  if (!std::is_sorted(links_.begin(), links_.end(),
                      [](const LinkSpan& a, const LinkSpan& b) { return a.src_offset < b.src_offset; }))
    std::stable_sort(links_.begin(), links_.end(),
                     [](const LinkSpan& a, const LinkSpan& b) { return a.src_offset < b.src_offset; });
  return out_;
}

void InlineParser::add_mark(MarkKind kind, std::size_t begin, std::size_t end) {
  Mark m;
  m.kind = kind;
  m.begin = static_cast<std::uint32_t>(begin);
  m.end = static_cast<std::uint32_t>(end);
  m.show_begin = m.begin;
  m.show_end = m.end;
  marks_.push_back(m);
}

std::uint32_t InlineParser::add_link(std::size_t src_offset, std::string_view target, bool wiki) {
  LinkSpan l;
  l.src_offset = static_cast<std::uint32_t>(src_offset);
  l.target = target;
  l.wiki = wiki;
  links_.push_back(l);
  return static_cast<std::uint32_t>(links_.size() - 1);
}

std::size_t InlineParser::on_backslash(std::size_t p) {
  if (p + 1 >= src_.size()) return p + 1;
  char next = src_[p + 1];
  if (is_ascii_punct(next)) {
    add_mark(MarkKind::drop, p, p + 1);
    return p + 2;  // the escaped character is literal, never markup
  }
  if (next == '\n') add_mark(MarkKind::drop, p, p + 1);  // hard line break
  return p + 1;
}

std::size_t InlineParser::on_backtick(std::size_t p) {
  std::size_t e = p;
  while (e < src_.size() && src_[e] == '`') ++e;
  std::size_t end = backticks_.closer_end(p, e - p);
  if (end == 0) return e;  // no closer: the backticks are literal
  add_mark(MarkKind::drop, p, end);
  return end;
}

std::size_t InlineParser::on_delimiter(std::size_t p) {
  char c = src_[p];
  std::size_t e = p;
  while (e < src_.size() && src_[e] == c) ++e;
  std::size_t len = e - p;
  if (c == '~' && len != 2) return e;  // only "~~" strikes through; "1~3" stays
  auto before = utf8::class_before(src_, p);
  auto after = utf8::class_after(src_, e);
  using utf8::CharClass;
  bool left = after != CharClass::whitespace && (after != CharClass::punctuation || before != CharClass::other);
  bool right = before != CharClass::whitespace && (before != CharClass::punctuation || after != CharClass::other);
  bool can_open = left, can_close = right;
  if (c == '_') {
    // Intraword underscores (snake_case) neither open nor close.
    can_open = left && (!right || before == CharClass::punctuation);
    can_close = right && (!left || after == CharClass::punctuation);
  }
  if (!can_open && !can_close) return e;
  add_mark(MarkKind::delimiter, p, e);
  Delimiter d;
  d.mark = static_cast<std::uint32_t>(marks_.size() - 1);
  d.length = d.remaining = static_cast<std::uint32_t>(len);
  d.ch = c;
  d.can_open = can_open;
  d.can_close = can_close;
  delimiters_.push(d);
  return e;
}

std::size_t InlineParser::on_open_bracket(std::size_t p, bool image) {
  if (!image && p + 1 < src_.size() && src_[p + 1] == '[') {
    std::string_view target, alias;
    if (std::size_t n = syntax::wikilink(src_.substr(p), target, alias)) {
      add_mark(MarkKind::show, p, p + n);
      std::string_view shown = alias.empty() ? target : alias;
      marks_.back().show_begin = static_cast<std::uint32_t>(shown.data() - src_.data());
      marks_.back().show_end = static_cast<std::uint32_t>(marks_.back().show_begin + shown.size());
      marks_.back().link = add_link(p, target, true);
      return p + n;
    }
  }
  std::size_t len = image ? 2 : 1;
  add_mark(MarkKind::bracket, p, p + len);
  brackets_.push_back({static_cast<std::uint32_t>(marks_.size() - 1), delimiters_.tail(), image});
  return p + len;
}

std::size_t InlineParser::on_close_bracket(std::size_t p) {
  if (brackets_.empty()) return p + 1;
  Bracket b = brackets_.back();
  brackets_.pop_back();
  bool inactive = !b.image && brackets_.size() < link_openers_active_from_;  // no links inside links
  link_openers_active_from_ = std::min(link_openers_active_from_, brackets_.size());
  if (inactive) return p + 1;
  std::string_view destination;
  std::size_t n = (p + 1 < src_.size() && src_[p + 1] == '(') ? syntax::link_tail(src_.substr(p + 1), destination) : 0;
  if (n == 0) return p + 1;
  std::size_t end = p + 1 + n;
  Mark& open = marks_[b.mark];
  std::uint32_t link = Mark::kNoLink;
  if (b.image) {
    open.kind = MarkKind::image_open;
  } else {
    open.kind = MarkKind::link_open;
    link = add_link(open.begin, destination, false);
    open.link = link;
  }
  add_mark(MarkKind::link_close, p, end);
  marks_.back().link = link;
  delimiters_.process(b.delimiter_bottom, marks_);
  delimiters_.truncate(b.delimiter_bottom);
  if (!b.image) link_openers_active_from_ = brackets_.size();
  return end;
}

std::size_t InlineParser::on_angle(std::size_t p) {
  std::string_view rest = src_.substr(p);
  std::string_view uri;
  bool email = false;
  if (std::size_t n = syntax::autolink(rest, uri, email)) {
    add_mark(MarkKind::show, p, p + n);
    marks_.back().show_begin = static_cast<std::uint32_t>(p + 1);
    marks_.back().show_end = static_cast<std::uint32_t>(p + n - 1);
    marks_.back().link = add_link(p, uri, false);
    return p + n;
  }
  if (rest.starts_with("<!--")) {
    if (comment_unclosed_) return p + 1;
    if (std::size_t n = syntax::html_comment(rest)) {
      add_mark(MarkKind::drop, p, p + n);
      return p + n;
    }
    comment_unclosed_ = true;  // no "-->" later in this block: never search again
    return p + 1;
  }
  if (std::size_t n = syntax::html_tag(rest)) {
    add_mark(MarkKind::drop, p, p + n);
    return p + n;
  }
  return p + 1;
}

std::size_t InlineParser::on_ampersand(std::size_t p) {
  std::string_view name;
  std::size_t n = syntax::entity(src_.substr(p), name);
  if (n == 0) return p + 1;
  char32_t cp = decode_entity(name);
  if (cp == 0) return p + 1;
  std::string bytes;
  utf8::append_code_point(cp, bytes);
  add_mark(MarkKind::replace, p, p + n);
  marks_.back().byte_count = static_cast<std::uint8_t>(bytes.size());
  std::copy(bytes.begin(), bytes.end(), marks_.back().bytes);
  return p + n;
}

std::size_t InlineParser::on_colon(std::size_t p) {
  // A bare "http://" or "https://" URL: found at its "://", started at its scheme.
  if (src_.substr(p, 3) != "://") return p + 1;
  std::size_t s;
  if (p >= 5 && src_.substr(p - 5, 5) == "https")
    s = p - 5;
  else if (p >= 4 && src_.substr(p - 4, 4) == "http")
    s = p - 4;
  else
    return p + 1;
  if ((s > 0 && is_alnum(src_[s - 1])) || (!marks_.empty() && marks_.back().end > s)) return p + 1;
  if (!brackets_.empty()) return p + 1;  // "[https://x](https://x)": the link is the link
  std::string_view url;
  if (syntax::bare_url(src_.substr(s), url) == 0) return p + 1;
  // Trailing punctuation ends a sentence, not the URL; so does an unbalanced ')'.
  while (!url.empty()) {
    char c = url.back();
    if (c == ')') {
      auto open = std::count(url.begin(), url.end(), '(');
      auto close = std::count(url.begin(), url.end(), ')');
      if (close <= open) break;
    } else if (std::string_view("?!.,:;*_~'\"").find(c) == std::string_view::npos) {
      break;
    }
    url.remove_suffix(1);
  }
  std::size_t end = s + url.size();
  if (end <= p + 3) return p + 1;
  add_mark(MarkKind::show, s, end);
  marks_.back().link = add_link(s, url, false);
  return end;
}

void InlineParser::record_lines_through(std::size_t x) {
  while (next_segment_ < segments_.size() && segments_[next_segment_].text_begin <= x) {
    lines_.push_back({static_cast<std::uint32_t>(out_.size()), segments_[next_segment_].line});
    ++next_segment_;
  }
}

void InlineParser::emit_literal(std::size_t a, std::size_t b) {
  if (a >= b) return;
  record_lines_through(a);
  while (next_segment_ < segments_.size() && segments_[next_segment_].text_begin < b) {
    std::size_t boundary = segments_[next_segment_].text_begin;
    out_.append(src_.substr(a, boundary - a));
    a = boundary;
    record_lines_through(a);
  }
  out_.append(src_.substr(a, b - a));
}

void InlineParser::emit() {
  out_.clear();
  next_segment_ = 0;
  std::size_t pos = 0;
  for (const Mark& m : marks_) {
    emit_literal(pos, m.begin);
    record_lines_through(m.begin);
    switch (m.kind) {
      case MarkKind::drop:
      case MarkKind::image_open: break;
      case MarkKind::delimiter:
      case MarkKind::bracket: emit_literal(m.show_begin, m.show_end); break;
      case MarkKind::link_open: links_[m.link].text_begin = static_cast<std::uint32_t>(out_.size()); break;
      case MarkKind::link_close:
        if (m.link != Mark::kNoLink) links_[m.link].text_end = static_cast<std::uint32_t>(out_.size());
        break;
      case MarkKind::show:
        if (m.link != Mark::kNoLink) links_[m.link].text_begin = static_cast<std::uint32_t>(out_.size());
        emit_literal(m.show_begin, m.show_end);
        if (m.link != Mark::kNoLink) links_[m.link].text_end = static_cast<std::uint32_t>(out_.size());
        break;
      case MarkKind::replace: out_.append(m.bytes, m.byte_count); break;
    }
    pos = m.end;
  }
  emit_literal(pos, src_.size());
  record_lines_through(src_.size());
}

}  // namespace ng::notes
