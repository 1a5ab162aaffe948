// The line scanner: classifies each line by its indentation and first
// character, keeps the open containers (a stack of list-item indents, the
// quote depth, an open fence, HTML block or table) and hands finished blocks
// to the BlockBuilder. Nesting is a stack and a counter, never recursion.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "diag/diagnostic.hpp"
#include "notes/block_builder.hpp"
#include "notes/line_reader.hpp"
#include "notes/line_syntax.hpp"
#include "notes/notes_parser.hpp"
#include "notes/open_details.hpp"

namespace ng::notes {

// The kind of the one warning about clamped nesting a scanner gives.
inline constexpr std::string_view kNestingTooDeep = "nesting-too-deep";

class BlockScanner {
public:
  BlockScanner(std::string_view input, BlockBuilder& builder, diag::Diagnostics& diags, const std::string& file,
               const ParseLimits& limits);
  // Reads the remaining lines and adds their blocks: run_until(npos),
  // finish(), then the warnings about unclosed <details>.
  void run(LineReader& lines);

  // The steps of run(), for a file scanned in parts (split_parse.hpp).
  // Reads lines while the next one begins before offset `stop`.
  void run_until(LineReader& lines, std::size_t stop);
  // Ends the input: closes the open blocks, and warns about an unclosed fence.
  void finish();
  void warn_unclosed_details();
  // When the next line, an ATX heading at column 0, would leave this scanner
  // as a new one starts but for the open <details> and whether nesting was
  // warned about: closes what that heading closes (the pending paragraph,
  // list items, indented code, a table) and returns true. Returns false,
  // changing nothing, when the line would be code or HTML instead.
  bool close_before_top_level_heading();
  OpenDetails& open_details() { return details_; }
  bool warned_nesting() const { return nesting_warned_; }

  // Columns of leading blanks (a tab advances to the next multiple of 4).
  struct Indent {
    std::size_t bytes = 0;
    std::uint32_t column = 0;  // column after the blanks, counted from 0
  };

private:
  enum class Mode { normal, fenced, indented, html_raw, html_lines, table };

  // The paragraph-like block whose lines are still being collected.
  struct Pending {
    bool active = false;
    BlockKind kind = BlockKind::paragraph;
    SourcePos where;
    std::uint32_t depth = 0;
    bool ordered = false;
    std::uint32_t container = 0;    // list frames it lives in (interruption rules)
    std::uint32_t quote_depth = 0;  // '>' markers of its lines (0: not quoted)
    std::uint32_t last_line = 0;
    std::vector<Piece> pieces;
  };

  struct Fence {
    char ch = 0;
    std::size_t length = 0;
    std::uint32_t indent = 0;
    std::uint32_t quote_depth = 0;
    std::uint32_t depth = 0;
    SourcePos where;
    std::string_view info;
  };

  void process(const Line& line);
  bool block_start(const Line& line, std::string_view s, Indent ind, std::string_view rest, std::uint32_t contain);
  bool starts_block(std::string_view rest) const;
  void text_line(const Line& line, std::string_view s, std::string_view rest, std::uint32_t contain, std::uint32_t rel);
  void setext_heading(const Line& line, char underline);
  void atx_heading(const Line& line, std::string_view rest, const syntax::AtxHeading& h, std::uint32_t contain);
  void start_table(std::uint32_t contain);
  void table_row(const Line& line, std::string_view rest, bool header);
  void open_fence(const Line& line, std::string_view rest, const syntax::FenceOpen& f, std::uint32_t indent,
                  std::uint32_t contain, std::uint32_t quote_depth);
  bool fenced_line(const Line& line, std::string_view s);
  void close_fence(std::uint32_t end_line);
  bool indented_line(const Line& line, std::string_view s, Indent ind, bool blank);
  void close_indented_code();
  void html_start(const Line& line, std::string_view rest, syntax::HtmlStart kind, std::uint32_t contain);
  bool html_line(const Line& line, std::string_view s, Indent ind, bool blank);
  void html_raw_line(const Line& line, std::string_view s);
  void quote_line(const Line& line, std::string_view s, Indent ind, std::uint32_t contain);
  bool quoted_list_item(const Line& line, std::string_view after_markers, std::uint32_t quote_depth,
                        std::uint32_t contain);
  bool may_start_item(const syntax::ListMarker& m, std::string_view rest, std::uint32_t contain) const;
  void list_item(const Line& line, std::string_view s, Indent ind, syntax::ListMarker m, std::uint32_t contain);
  void inline_field(const Line& line, const syntax::KeyValue& kv, std::uint32_t contain);
  void start_pending(BlockKind kind, SourcePos where, std::uint32_t depth, std::uint32_t container, std::uint32_t line);
  void flush_pending();
  void close_frames(std::uint32_t keep);
  std::uint32_t containing(std::uint32_t column) const;
  void warn_nesting(SourcePos where);

  std::size_t offset(std::string_view inside) const { return static_cast<std::size_t>(inside.data() - input_.data()); }
  Piece piece(const Line& line, std::string_view part) const {
    return piece_of(line, offset(part), offset(part) + part.size());
  }
  SourcePos at(const Line& line, std::string_view part) { return builder_.position(line, offset(part)); }

  std::string_view input_;
  BlockBuilder& builder_;
  diag::Diagnostics& diags_;
  const std::string& file_;
  std::size_t max_nesting_;
  std::size_t max_line_bytes_;

  Mode mode_ = Mode::normal;
  std::vector<std::uint32_t> frames_;  // content column of each open list item
  // Lists inside a quote, by content column after the '>' markers; they last
  // while consecutive lines keep the same quote depth.
  std::vector<std::uint32_t> quote_frames_;
  std::uint32_t quote_frames_depth_ = 0;
  std::uint32_t quote_frames_line_ = 0;
  Pending pending_;
  Fence fence_;
  std::vector<Piece> code_;         // lines of the open code block
  std::vector<Piece> code_blanks_;  // blank lines not yet known to be inside indented code
  SourcePos code_where_;
  syntax::HtmlStart html_kind_ = syntax::HtmlStart::none;
  SourcePos html_where_;
  std::uint32_t html_depth_ = 0;
  std::uint32_t table_depth_ = 0;
  OpenDetails details_;  // remembers at most max_nesting
  bool nesting_warned_ = false;
  std::uint32_t last_line_ = 0;
};

// Leading blanks of `s`, starting at `column` (tabs advance to a multiple of 4).
BlockScanner::Indent measure_indent(std::string_view s, std::uint32_t column);
// Bytes of leading blanks that make up (at most) `columns` columns.
std::size_t strip_columns(std::string_view s, std::uint32_t columns);

}  // namespace ng::notes
