// Inline parsing of one block's source (its lines joined by '\n') into the
// plain text a reader sees plus link spans: code spans dropped, emphasis and
// link markup removed, wikilinks shown by alias, entities decoded. Linear in
// the source: every scan is bounded by a precomputed index or a failure memo.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "notes/backtick_index.hpp"
#include "notes/emphasis.hpp"

namespace ng::notes {

// Where one source line's piece sits inside the inline source.
struct Segment {
  std::uint32_t text_begin = 0;  // offset in the inline source
  std::uint32_t line = 0;        // 1-based source line
  std::size_t src_begin = 0;     // file offset of the piece's first byte
  std::size_t column_base = 0;   // file offset of the line's column 1
};

struct LinkSpan {
  std::uint32_t text_begin = 0, text_end = 0;  // in the plain text
  std::uint32_t src_offset = 0;                // of '[' / '<' / the URL, in the inline source
  std::string_view target;                     // a view into the inline source
  bool wiki = false;
};

// Offset in the plain text where a source line's text begins.
struct TextLine {
  std::uint32_t offset = 0;
  std::uint32_t line = 0;
};

class InlineParser {
public:
  // Parses `src`. The returned text, links() and lines() stay valid until the
  // next call (the text may be `src` itself when there is no markup).
  std::string_view parse(std::string_view src, std::span<const Segment> segments);
  const std::vector<LinkSpan>& links() const { return links_; }
  const std::vector<TextLine>& lines() const { return lines_; }

private:
  std::size_t on_backslash(std::size_t p);
  std::size_t on_backtick(std::size_t p);
  std::size_t on_delimiter(std::size_t p);
  std::size_t on_open_bracket(std::size_t p, bool image);
  std::size_t on_close_bracket(std::size_t p);
  std::size_t on_angle(std::size_t p);
  std::size_t on_ampersand(std::size_t p);
  std::size_t on_colon(std::size_t p);
  void add_mark(MarkKind kind, std::size_t begin, std::size_t end);
  std::uint32_t add_link(std::size_t src_offset, std::string_view target, bool wiki);
  void emit();
  void emit_literal(std::size_t a, std::size_t b);
  void record_lines_through(std::size_t x);

  struct Bracket {
    std::uint32_t mark = 0;
    std::int32_t delimiter_bottom = -1;
    bool image = false;
  };

  std::string_view src_;
  std::span<const Segment> segments_;
  std::vector<Mark> marks_;
  DelimiterList delimiters_;
  std::vector<Bracket> brackets_;
  std::size_t link_openers_active_from_ = 0;  // brackets below this index cannot open links
  BacktickIndex backticks_;
  bool comment_unclosed_ = false;
  std::vector<LinkSpan> links_;
  std::vector<TextLine> lines_;
  std::string out_;
  std::size_t next_segment_ = 0;
};

}  // namespace ng::notes
