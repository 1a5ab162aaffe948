// Line dispatch and the paragraph-like containers: paragraphs with their lazy
// continuation lines, headings, list items nested by a stack of content
// columns, blockquotes, tables and inline fields. Code and HTML blocks are in
// code_and_html.cpp.
#include "notes/block_scanner.hpp"

#include <algorithm>

namespace ng::notes {

namespace {

bool is_blank(char c) { return c == ' ' || c == '\t'; }
bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_bullet(char c) { return c == '-' || c == '*' || c == '+'; }

std::string_view trim_end(std::string_view s) {
  while (!s.empty() && is_blank(s.back())) s.remove_suffix(1);
  return s;
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && is_blank(s.front())) s.remove_prefix(1);
  return trim_end(s);
}

// A quote container never takes part in list interruption rules.
constexpr std::uint32_t kQuoteContainer = 0xFFFFFFFFu;

}  // namespace

BlockScanner::Indent measure_indent(std::string_view s, std::uint32_t column) {
  BlockScanner::Indent r{0, column};
  for (; r.bytes < s.size(); ++r.bytes) {
    if (s[r.bytes] == ' ')
      ++r.column;
    else if (s[r.bytes] == '\t')
      r.column = (r.column / 4 + 1) * 4;
    else
      break;
  }
  return r;
}

std::size_t strip_columns(std::string_view s, std::uint32_t columns) {
  std::size_t b = 0;
  for (std::uint32_t col = 0; b < s.size() && is_blank(s[b]) && col < columns; ++b)
    col = s[b] == '\t' ? (col / 4 + 1) * 4 : col + 1;
  return b;
}

BlockScanner::BlockScanner(std::string_view input, BlockBuilder& builder, diag::Diagnostics& diags,
                           const std::string& file, const ParseLimits& limits)
    : input_(input),
      builder_(builder),
      diags_(diags),
      file_(file),
      max_nesting_(std::max<std::size_t>(limits.max_nesting, 1)),
      max_line_bytes_(std::max<std::size_t>(limits.max_line_bytes, 4)),
      details_(max_nesting_) {}

void BlockScanner::run(LineReader& lines) {
  run_until(lines, LineReader::npos);
  finish();
  warn_unclosed_details();
}

void BlockScanner::run_until(LineReader& lines, std::size_t stop) {
  Line line;
  while (lines.position() < stop && lines.next(line)) {
    if (line.end - line.begin > max_line_bytes_) {
      std::size_t cut = line.begin + max_line_bytes_;
      while (cut > line.begin && (static_cast<unsigned char>(input_[cut]) & 0xC0) == 0x80) --cut;
      diags_.warning("line-too-long", file_, builder_.position(line, cut),
                     "line longer than " + std::to_string(max_line_bytes_) + " bytes; the rest is not parsed");
      line.end = cut;
    }
    last_line_ = line.number;
    process(line);
  }
}

void BlockScanner::process(const Line& line) {
  std::string_view s = input_.substr(line.begin, line.end - line.begin);
  if (mode_ == Mode::fenced && fenced_line(line, s)) return;
  if (mode_ == Mode::html_raw) {
    html_raw_line(line, s);
    return;
  }
  Indent ind = measure_indent(s, 0);
  bool blank = ind.bytes == s.size();
  if (mode_ == Mode::indented && indented_line(line, s, ind, blank)) return;
  if (mode_ == Mode::html_lines && html_line(line, s, ind, blank)) return;
  if (blank) {
    flush_pending();
    if (mode_ == Mode::table) mode_ = Mode::normal;
    return;
  }
  std::string_view rest = trim_end(s.substr(ind.bytes));
  std::uint32_t contain = containing(ind.column);
  std::uint32_t rel = ind.column - (contain != 0 ? frames_[contain - 1] : 0);
  if (mode_ == Mode::table) {
    if (rel >= 4 || !starts_block(rest)) {
      table_row(line, rest, false);
      return;
    }
    mode_ = Mode::normal;
  }
  if (rel < 4 && block_start(line, s, ind, rest, contain)) return;
  syntax::KeyValue kv;
  if (rest.find("::") != std::string_view::npos && syntax::inline_field(rest, kv)) {
    inline_field(line, kv, contain);
    return;
  }
  // "key:: value" with the key left out is most likely a slip; say so, and
  // keep the line as text since no field name can be made from it.
  if (rest.starts_with("::") && (rest.size() == 2 || is_blank(rest[2])))
    diags_.warning("empty-field-key", file_, at(line, rest), "inline field has no key before '::'; kept as text");
  text_line(line, s, rest, contain, rel);
}

bool BlockScanner::block_start(const Line& line, std::string_view s, Indent ind, std::string_view rest,
                               std::uint32_t contain) {
  char c = rest[0];
  bool under_paragraph = pending_.active && pending_.kind == BlockKind::paragraph && pending_.container == contain;
  if ((c == '=' || c == '-') && under_paragraph) {
    if (char underline = syntax::setext_underline(rest)) {
      setext_heading(line, underline);
      return true;
    }
  }
  if ((c == '|' || c == '-' || c == ':') && under_paragraph && rest.find('|') != std::string_view::npos) {
    const Piece& header = pending_.pieces.back();
    std::size_t cells = syntax::table_delimiter_row(rest);
    if (cells != 0 && builder_.text(header).find('|') != std::string_view::npos &&
        builder_.count_cells(header) == cells) {
      start_table(contain);
      return true;
    }
  }
  if ((c == '-' || c == '*' || c == '_') && syntax::thematic_break(rest)) {
    flush_pending();
    close_frames(contain);
    return true;
  }
  if (c == '#') {
    syntax::AtxHeading h;
    if (syntax::atx_heading(rest, h)) {
      atx_heading(line, rest, h, contain);
      return true;
    }
  }
  if (c == '`' || c == '~') {
    syntax::FenceOpen f;
    if (syntax::fence_open(rest, f)) {
      open_fence(line, rest, f, ind.column, contain, 0);
      return true;
    }
  }
  if (c == '>') {
    quote_line(line, s, ind, contain);
    return true;
  }
  if (c == '<') {
    syntax::HtmlStart kind = syntax::html_block_start(rest);
    if (kind != syntax::HtmlStart::none && !(kind == syntax::HtmlStart::other_tag && pending_.active)) {
      html_start(line, rest, kind, contain);
      return true;
    }
  }
  if (is_bullet(c) || is_digit(c)) {
    syntax::ListMarker m;
    if (syntax::list_marker(rest, m) && may_start_item(m, rest, contain)) {
      list_item(line, s, ind, m, contain);
      return true;
    }
  }
  return false;
}

// Whether `rest` begins a block that ends a table (GFM: any other block start).
bool BlockScanner::starts_block(std::string_view rest) const {
  char c = rest[0];
  syntax::AtxHeading h;
  syntax::FenceOpen f;
  syntax::ListMarker m;
  return c == '>' || (c == '#' && syntax::atx_heading(rest, h)) ||
         ((c == '`' || c == '~') && syntax::fence_open(rest, f)) ||
         ((c == '-' || c == '*' || c == '_') && syntax::thematic_break(rest)) ||
         (c == '<' && syntax::html_block_start(rest) != syntax::HtmlStart::none) ||
         ((is_bullet(c) || is_digit(c)) && syntax::list_marker(rest, m));
}

void BlockScanner::text_line(const Line& line, std::string_view s, std::string_view rest, std::uint32_t contain,
                             std::uint32_t rel) {
  if (pending_.active) {  // a continuation line, lazy or not
    pending_.pieces.push_back(piece(line, rest));
    pending_.last_line = line.number;
    return;
  }
  if (rel >= 4 && contain == 0) {
    close_frames(0);
    mode_ = Mode::indented;
    code_.clear();
    code_blanks_.clear();
    code_where_ = at(line, rest);
    code_.push_back(piece(line, s.substr(strip_columns(s, 4))));
    return;
  }
  close_frames(contain);
  start_pending(BlockKind::paragraph, at(line, rest), contain, contain, line.number);
  pending_.pieces.push_back(piece(line, rest));
}

void BlockScanner::setext_heading(const Line& line, char underline) {
  Piece& first = pending_.pieces.front();
  std::string_view number, body;
  if (syntax::outline_number(builder_.text(first), number, body)) first.begin = offset(body);
  Block& b = builder_.add_text_block(BlockKind::heading, pending_.where, pending_.pieces, line.number);
  b.level = underline == '=' ? 1 : 2;
  b.setext = true;
  b.number = builder_.store(number);
  b.depth = pending_.depth;
  pending_.active = false;
  pending_.pieces.clear();
}

void BlockScanner::atx_heading(const Line& line, std::string_view rest, const syntax::AtxHeading& h,
                               std::uint32_t contain) {
  flush_pending();
  close_frames(contain);
  SourcePos where = at(line, rest);
  std::string_view number, body = h.content;
  std::string_view split_body;
  if (syntax::outline_number(h.content, number, split_body)) body = split_body;
  Piece p = piece(line, body);
  Block& b = builder_.add_text_block(BlockKind::heading, where, {&p, 1}, line.number);
  b.level = static_cast<std::uint8_t>(h.level);
  b.number = builder_.store(number);
  b.depth = contain;
}

void BlockScanner::start_table(std::uint32_t contain) {
  Piece header = pending_.pieces.back();
  pending_.pieces.pop_back();
  if (pending_.pieces.empty()) {
    pending_.active = false;
  } else {
    pending_.last_line = pending_.pieces.back().line;
    flush_pending();
  }
  Block& b = builder_.add_table_row(builder_.position(header, header.begin), header, true);
  b.depth = contain;
  table_depth_ = contain;
  mode_ = Mode::table;
}

void BlockScanner::table_row(const Line& line, std::string_view rest, bool header) {
  Piece p = piece(line, rest);
  Block& b = builder_.add_table_row(at(line, rest), p, header);
  b.depth = table_depth_;
}

void BlockScanner::quote_line(const Line& line, std::string_view s, Indent ind, std::uint32_t contain) {
  std::size_t j = ind.bytes;
  std::size_t depth = 0;
  std::size_t too_deep_at = 0;
  while (j < s.size() && s[j] == '>') {
    if (++depth == max_nesting_ + 1) too_deep_at = j;
    ++j;
    if (j < s.size() && is_blank(s[j])) ++j;
    std::size_t k = j;
    while (k < s.size() && k - j < 3 && s[k] == ' ') ++k;
    if (k < s.size() && s[k] == '>') j = k;
  }
  if (depth > max_nesting_) {
    warn_nesting(builder_.position(line, line.begin + too_deep_at));
    depth = max_nesting_;
  }
  auto d = static_cast<std::uint32_t>(depth);
  if (d != quote_frames_depth_ || line.number != quote_frames_line_ + 1) quote_frames_.clear();
  quote_frames_depth_ = d;
  quote_frames_line_ = line.number;
  std::string_view content = trim(s.substr(j));
  if (content.empty()) {  // ">" alone separates paragraphs inside the quote
    flush_pending();
    close_frames(contain);
    return;
  }
  if (content[0] == '`' || content[0] == '~') {
    syntax::FenceOpen f;
    if (syntax::fence_open(content, f)) {
      open_fence(line, content, f, 0, contain, d);
      return;
    }
  }
  if (quoted_list_item(line, s.substr(j), d, contain)) return;
  if (pending_.active && pending_.quote_depth == d) {  // the quoted paragraph or item goes on
    pending_.pieces.push_back(piece(line, content));
    pending_.last_line = line.number;
    return;
  }
  flush_pending();
  close_frames(contain);
  start_pending(BlockKind::blockquote, at(line, s.substr(ind.bytes)), d, kQuoteContainer, line.number);
  pending_.quote_depth = d;
  pending_.pieces.push_back(piece(line, content));
}

// "> - term: text": a list item inside a quote, nested by its column after
// the markers. Returns false when the quoted content is not a list item.
bool BlockScanner::quoted_list_item(const Line& line, std::string_view after_markers, std::uint32_t quote_depth,
                                    std::uint32_t contain) {
  Indent ind = measure_indent(after_markers, 0);
  std::string_view content = trim_end(after_markers.substr(ind.bytes));
  syntax::ListMarker m;
  if (!(is_bullet(content[0]) || is_digit(content[0])) || syntax::thematic_break(content) ||
      !syntax::list_marker(content, m))
    return false;
  flush_pending();
  close_frames(contain);
  std::size_t k = quote_frames_.size();
  while (k > 0 && quote_frames_[k - 1] > ind.column) --k;
  quote_frames_.resize(std::min(k, max_nesting_ - 1));
  auto after_col = ind.column + static_cast<std::uint32_t>(m.length);
  Indent gap = measure_indent(content.substr(m.length), after_col);
  std::string_view text = content.substr(m.length + gap.bytes);
  quote_frames_.push_back((text.empty() || gap.column - after_col > 4) ? after_col + 1 : gap.column);
  start_pending(BlockKind::list_item, at(line, content), static_cast<std::uint32_t>(quote_frames_.size() - 1),
                kQuoteContainer, line.number);
  pending_.ordered = m.ordered;
  pending_.quote_depth = quote_depth;
  if (!text.empty()) pending_.pieces.push_back(piece(line, text));
  return true;
}

// CommonMark: a list item may interrupt a paragraph of its own container only
// when it has content and, if ordered, starts at 1.
bool BlockScanner::may_start_item(const syntax::ListMarker& m, std::string_view rest, std::uint32_t contain) const {
  bool interrupts = pending_.active && pending_.container == contain &&
                    (pending_.kind == BlockKind::paragraph || pending_.kind == BlockKind::list_item);
  if (!interrupts) return true;
  if (trim(rest.substr(m.length)).empty()) return false;
  return !m.ordered || m.number == 1;
}

void BlockScanner::list_item(const Line& line, std::string_view s, Indent ind, syntax::ListMarker m,
                             std::uint32_t contain) {
  flush_pending();
  close_frames(contain);
  std::size_t pos = ind.bytes;     // marker offset in the line
  std::uint32_t col = ind.column;  // marker column
  if (frames_.size() >= max_nesting_) {
    warn_nesting(builder_.position(line, line.begin + pos));
    frames_.resize(max_nesting_ - 1);
  }
  std::string_view trimmed = trim_end(s);
  for (;;) {
    std::size_t after = pos + m.length;
    std::uint32_t after_col = col + static_cast<std::uint32_t>(m.length);
    Indent gap = measure_indent(trimmed.substr(std::min(after, trimmed.size())), after_col);
    std::size_t content_pos = std::min(after + gap.bytes, trimmed.size());
    bool empty = content_pos >= trimmed.size();
    // Five or more blanks after the marker: the content column is one past it.
    std::uint32_t content_col = (empty || gap.column - after_col > 4) ? after_col + 1 : gap.column;
    frames_.push_back(content_col);
    auto depth = static_cast<std::uint32_t>(frames_.size() - 1);
    start_pending(BlockKind::list_item, builder_.position(line, line.begin + pos), depth,
                  static_cast<std::uint32_t>(frames_.size()), line.number);
    pending_.ordered = m.ordered;
    std::string_view content = trimmed.substr(content_pos);
    syntax::ListMarker inner;
    bool nested = !content.empty() && (is_bullet(content[0]) || is_digit(content[0])) &&
                  !syntax::thematic_break(content) && syntax::list_marker(content, inner) &&
                  !trim(content.substr(inner.length)).empty();
    if (nested && frames_.size() >= max_nesting_) {
      warn_nesting(builder_.position(line, line.begin + content_pos));
      nested = false;  // deeper markers stay text of the deepest item
    }
    if (!nested) {
      if (!content.empty()) pending_.pieces.push_back(piece(line, content));
      return;
    }
    flush_pending();  // "- - a": the outer item has no text of its own
    pos = content_pos;
    col = gap.column;
    m = inner;
  }
}

void BlockScanner::inline_field(const Line& line, const syntax::KeyValue& kv, std::uint32_t contain) {
  flush_pending();
  close_frames(contain);
  SourcePos where = at(line, kv.key);
  Piece value = piece(line, kv.value);
  Block& b = builder_.add_text_block(BlockKind::inline_field, where, {&value, 1}, line.number);
  b.key = builder_.store(kv.key);
  b.depth = contain;
}

void BlockScanner::start_pending(BlockKind kind, SourcePos where, std::uint32_t depth, std::uint32_t container,
                                 std::uint32_t line) {
  pending_.active = true;
  pending_.kind = kind;
  pending_.where = where;
  pending_.depth = depth;
  pending_.ordered = false;
  pending_.quote_depth = 0;
  pending_.container = container;
  pending_.last_line = line;
  pending_.pieces.clear();
}

void BlockScanner::flush_pending() {
  if (!pending_.active) return;
  Block& b = builder_.add_text_block(pending_.kind, pending_.where, pending_.pieces, pending_.last_line);
  b.depth = pending_.depth;
  b.ordered = pending_.ordered;
  if (b.kind == BlockKind::list_item) builder_.detect_term(b);
  pending_.active = false;
  pending_.pieces.clear();
}

void BlockScanner::close_frames(std::uint32_t keep) {
  if (frames_.size() > keep) frames_.resize(keep);
}

std::uint32_t BlockScanner::containing(std::uint32_t column) const {
  auto k = static_cast<std::uint32_t>(frames_.size());
  while (k > 0 && frames_[k - 1] > column) --k;
  return k;
}

void BlockScanner::warn_nesting(SourcePos where) {
  if (nesting_warned_) return;
  nesting_warned_ = true;
  diags_.warning(std::string(kNestingTooDeep), file_, where,
                 "lists or quotes nested deeper than " + std::to_string(max_nesting_) + " levels are clamped");
}

void BlockScanner::finish() {
  switch (mode_) {
    case Mode::fenced:
      diags_.warning("unclosed-fence", file_, fence_.where, "code fence is never closed; the rest of the file is code");
      close_fence(last_line_);
      break;
    case Mode::indented: close_indented_code(); break;
    case Mode::html_raw: {
      Block& b = builder_.add_text_block(BlockKind::html_block, html_where_, {}, last_line_);
      b.depth = html_depth_;
      break;
    }
    default: break;
  }
  mode_ = Mode::normal;
  flush_pending();
}

void BlockScanner::warn_unclosed_details() {
  for (const SourcePos& where : details_.remembered())
    diags_.warning("unclosed-details", file_, where, "<details> is never closed by </details>");
}

bool BlockScanner::close_before_top_level_heading() {
  // What process() does before atx_heading() for such a line.
  switch (mode_) {
    case Mode::fenced:
    case Mode::html_raw:
    case Mode::html_lines: return false;  // the line is code or HTML
    case Mode::indented: close_indented_code(); break;
    case Mode::table: mode_ = Mode::normal; break;
    case Mode::normal: break;
  }
  flush_pending();
  close_frames(0);
  return true;
}

}  // namespace ng::notes
