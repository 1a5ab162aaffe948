// Turns what the line scanner collected into Blocks of a Document: joins a
// block's lines, runs the inline parser, stores the plain text in the arena,
// and appends the block's links, line starts and table cells.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "notes/document.hpp"
#include "notes/inline_parser.hpp"
#include "notes/line_reader.hpp"
#include "notes/table_row.hpp"

namespace ng::notes {

// A piece of one source line that belongs to a block's text.
struct Piece {
  std::size_t begin = 0, end = 0;  // file offsets
  std::uint32_t line = 0;
  std::size_t column_base = 0;
};

inline Piece piece_of(const Line& line, std::size_t begin, std::size_t end) {
  return {begin, end, line.number, line.column_base};
}

// Code-point columns of offsets; consecutive queries on one line continue
// from the previous one, so a long line with many links stays linear.
class PositionMapper {
public:
  explicit PositionMapper(std::string_view text) : text_(text) {}
  SourcePos at(std::uint32_t line, std::size_t column_base, std::size_t offset);

private:
  std::string_view text_;
  std::size_t base_ = static_cast<std::size_t>(-1), offset_ = 0;
  std::uint32_t column_ = 1;
};

class BlockBuilder {
public:
  BlockBuilder(std::string_view input, Document& doc)
      : input_(input),
        doc_(doc),
        positions_(input),
        input_shared_(doc.source && input.data() >= doc.source->view().data() &&
                      input.data() + input.size() <= doc.source->view().data() + doc.source->view().size()) {}

  SourcePos position(const Line& line, std::size_t offset) {
    return positions_.at(line.number, line.column_base, offset);
  }
  SourcePos position(const Piece& piece, std::size_t offset) {
    return positions_.at(piece.line, piece.column_base, offset);
  }
  std::string_view text(const Piece& p) const { return input_.substr(p.begin, p.end - p.begin); }
  std::string_view store(std::string_view s) { return doc_.arena.store(s); }
  // `plain` as the block's text: a view of the input when it equals the
  // input's bytes [begin, end) and the Document shares the input, else a copy.
  std::string_view keep(std::string_view plain, std::size_t begin, std::size_t end);

  // A block whose text is the inline-parsed pieces (joined by '\n'). The
  // returned reference is valid until the next block is added.
  Block& add_text_block(BlockKind kind, SourcePos where, std::span<const Piece> pieces, std::uint32_t end_line);
  // A code block: the lines verbatim; `info` is the fence's info string.
  Block& add_code_block(SourcePos where, std::span<const Piece> lines, std::string_view info, std::uint32_t end_line);
  // A table row: cells inline-parsed one by one; the block's text is the
  // cells joined by '\t' and Document::cells point into it.
  Block& add_table_row(SourcePos where, const Piece& row, bool header);
  // Number of cells `row` splits into.
  std::size_t count_cells(const Piece& row);
  // Sets key/body_offset when a list item reads "term: body".
  void detect_term(Block& b);

private:
  SourcePos link_position(const LinkSpan& l, std::span<const Segment> segments);
  void append_links(std::string_view text, std::uint32_t text_shift, std::span<const Segment> segments);

  std::string_view input_;
  Document& doc_;
  PositionMapper positions_;
  bool input_shared_;  // input_ lies in doc_.source: blocks may point into it
  InlineParser inline_;
  CellSplitter cell_splitter_;
  std::string joined_;
  std::string masked_line_;  // detect_term()'s copy of a line whose links hold colons
  std::string row_text_;
  std::vector<Segment> segments_;
  std::vector<CellRange> cells_;
  std::vector<std::uint32_t> cell_offsets_;
  std::vector<LinkSpan> row_links_;
  std::vector<SourcePos> row_link_positions_;
};

}  // namespace ng::notes
