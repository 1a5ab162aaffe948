// The blocks whose lines are not prose: fenced code (``` or ~~~, also inside
// quotes), indented code, and HTML blocks (<details> markers as their own
// blocks, comments and raw-text elements until their end marker, other tags
// line by line until a blank line or a markdown="1" attribute).
#include "notes/block_scanner.hpp"

namespace ng::notes {

namespace {

bool is_blank(char c) { return c == ' ' || c == '\t'; }

std::string_view trim_end(std::string_view s) {
  while (!s.empty() && is_blank(s.back())) s.remove_suffix(1);
  return s;
}

// Offset just past up to `depth` quote markers at the start of `s`, or npos
// when `s` has none.
std::size_t skip_quote_markers(std::string_view s, std::uint32_t depth) {
  std::size_t j = measure_indent(s, 0).bytes;
  if (j >= s.size() || s[j] != '>') return std::string_view::npos;
  for (std::uint32_t n = 0; n < depth && j < s.size() && s[j] == '>'; ++n) {
    ++j;
    if (j < s.size() && is_blank(s[j])) ++j;
    std::size_t k = j;
    while (k < s.size() && k - j < 3 && s[k] == ' ') ++k;
    if (k < s.size() && s[k] == '>') j = k;
  }
  return j;
}

}  // namespace

void BlockScanner::open_fence(const Line& line, std::string_view rest, const syntax::FenceOpen& f, std::uint32_t indent,
                              std::uint32_t contain, std::uint32_t quote_depth) {
  flush_pending();
  close_frames(contain);
  fence_.ch = f.ch;
  fence_.length = f.length;
  fence_.indent = indent;
  fence_.quote_depth = quote_depth;
  fence_.depth = contain;
  fence_.where = at(line, rest);
  fence_.info = f.info;
  code_.clear();
  mode_ = Mode::fenced;
}

bool BlockScanner::fenced_line(const Line& line, std::string_view s) {
  std::string_view content = s;
  if (fence_.quote_depth > 0) {
    std::size_t j = skip_quote_markers(s, fence_.quote_depth);
    if (j == std::string_view::npos) {  // the quote ended, and the fence with it
      close_fence(line.number - 1);
      return false;
    }
    content = s.substr(j);
  }
  Indent ind = measure_indent(content, 0);
  if (ind.column < fence_.indent + 4 && syntax::fence_close(content.substr(ind.bytes), fence_.ch, fence_.length)) {
    close_fence(line.number);
    return true;
  }
  code_.push_back(piece(line, content.substr(strip_columns(content, fence_.indent))));
  return true;
}

void BlockScanner::close_fence(std::uint32_t end_line) {
  Block& b = builder_.add_code_block(fence_.where, code_, fence_.info, end_line);
  b.depth = fence_.depth;
  code_.clear();
  mode_ = Mode::normal;
}

bool BlockScanner::indented_line(const Line& line, std::string_view s, Indent ind, bool blank) {
  if (blank) {  // inside the code only if more code follows
    code_blanks_.push_back(piece(line, s.substr(s.size())));
    return true;
  }
  if (ind.column >= 4) {
    code_.insert(code_.end(), code_blanks_.begin(), code_blanks_.end());
    code_blanks_.clear();
    code_.push_back(piece(line, s.substr(strip_columns(s, 4))));
    return true;
  }
  close_indented_code();
  return false;
}

void BlockScanner::close_indented_code() {
  builder_.add_code_block(code_where_, code_, {}, code_.back().line);
  code_.clear();
  code_blanks_.clear();
  mode_ = Mode::normal;
}

void BlockScanner::html_start(const Line& line, std::string_view rest, syntax::HtmlStart kind, std::uint32_t contain) {
  flush_pending();
  close_frames(contain);
  SourcePos where = at(line, rest);
  Piece p = piece(line, rest);
  switch (kind) {
    case syntax::HtmlStart::details_open: {
      builder_.add_text_block(BlockKind::details_open, where, {&p, 1}, line.number).depth = contain;
      details_.open(where);
      return;
    }
    case syntax::HtmlStart::details_close: {
      builder_.add_text_block(BlockKind::details_close, where, {&p, 1}, line.number).depth = contain;
      details_.close();
      return;
    }
    case syntax::HtmlStart::block_tag:
    case syntax::HtmlStart::other_tag: {
      builder_.add_text_block(BlockKind::html_block, where, {&p, 1}, line.number).depth = contain;
      // <div markdown="1">: what follows is Markdown again.
      if (rest.find("markdown=") == std::string_view::npos) {
        mode_ = Mode::html_lines;
        html_depth_ = contain;
      }
      return;
    }
    default: {  // comments, <pre>/<script>/..., <? ?>, <!X>, CDATA: not prose
      html_kind_ = kind;
      html_where_ = where;
      html_depth_ = contain;
      if (syntax::html_block_ends(kind, rest.substr(2))) {
        builder_.add_text_block(BlockKind::html_block, where, {}, line.number).depth = contain;
      } else {
        mode_ = Mode::html_raw;
      }
      return;
    }
  }
}

bool BlockScanner::html_line(const Line& line, std::string_view s, Indent ind, bool blank) {
  if (blank) {
    mode_ = Mode::normal;
    return false;
  }
  std::string_view rest = trim_end(s.substr(ind.bytes));
  if (rest[0] == '<') {
    syntax::HtmlStart kind = syntax::html_block_start(rest);
    if (kind != syntax::HtmlStart::none && kind != syntax::HtmlStart::block_tag &&
        kind != syntax::HtmlStart::other_tag) {
      mode_ = Mode::normal;  // <details> markers and raw blocks start afresh
      return false;
    }
  }
  Piece p = piece(line, rest);
  builder_.add_text_block(BlockKind::html_block, at(line, rest), {&p, 1}, line.number).depth = html_depth_;
  if (rest.find("markdown=") != std::string_view::npos) mode_ = Mode::normal;
  return true;
}

void BlockScanner::html_raw_line(const Line& line, std::string_view s) {
  if (!syntax::html_block_ends(html_kind_, s)) return;
  builder_.add_text_block(BlockKind::html_block, html_where_, {}, line.number).depth = html_depth_;
  mode_ = Mode::normal;
}

}  // namespace ng::notes
