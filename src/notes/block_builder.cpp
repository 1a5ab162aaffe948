// Block building: the glue between the line scanner (pieces of lines), the
// inline parser (plain text and link spans) and the Document (arena texts,
// links with source positions, line starts, cells).
#include "notes/block_builder.hpp"

#include <algorithm>

#include "notes/line_syntax.hpp"
#include "notes/utf8.hpp"

namespace ng::notes {

namespace {

constexpr std::size_t kMaxTermCodePoints = 60;

bool is_url_scheme(std::string_view term) {
  static constexpr std::string_view kSchemes[] = {"http", "https", "ftp", "mailto", "file"};
  return std::any_of(std::begin(kSchemes), std::end(kSchemes), [&](std::string_view s) {
    return s.size() == term.size() &&
           std::equal(s.begin(), s.end(), term.begin(), [](char a, char b) { return a == (b | 0x20); });
  });
}

std::uint32_t u32(std::size_t n) { return static_cast<std::uint32_t>(n); }

}  // namespace

SourcePos PositionMapper::at(std::uint32_t line, std::size_t column_base, std::size_t offset) {
  if (column_base != base_ || offset < offset_) {
    base_ = column_base;
    offset_ = column_base;
    column_ = 1;
  }
  column_ = utf8::column_after(text_.substr(offset_, offset - offset_), column_);
  offset_ = offset;
  return {line, column_};
}

std::string_view BlockBuilder::keep(std::string_view plain, std::size_t begin, std::size_t end) {
  if (input_shared_ && begin <= end && end <= input_.size() && end - begin == plain.size()) {
    std::string_view verbatim = input_.substr(begin, end - begin);
    if (verbatim == plain) return verbatim;
  }
  return store(plain);
}

SourcePos BlockBuilder::link_position(const LinkSpan& l, std::span<const Segment> segments) {
  auto it = std::upper_bound(segments.begin(), segments.end(), l.src_offset,
                             [](std::uint32_t o, const Segment& s) { return o < s.text_begin; });
  const Segment& s = it == segments.begin() ? *it : *std::prev(it);
  return positions_.at(s.line, s.column_base, s.src_begin + (l.src_offset - s.text_begin));
}

void BlockBuilder::append_links(std::string_view text, std::uint32_t text_shift, std::span<const Segment> segments) {
  for (const LinkSpan& l : inline_.links()) {
    Link link;
    std::uint32_t b = std::min(text_shift + l.text_begin, u32(text.size()));
    std::uint32_t e = std::clamp(text_shift + l.text_end, b, u32(text.size()));
    link.text = text.substr(b, e - b);
    link.target = store(l.target);
    link.where = link_position(l, segments);
    link.wiki = l.wiki;
    doc_.links.push_back(link);
  }
}

Block& BlockBuilder::add_text_block(BlockKind kind, SourcePos where, std::span<const Piece> pieces,
                                    std::uint32_t end_line) {
  segments_.clear();
  std::string_view src;
  // The pieces' span in the input: the block's text may be a view of it.
  std::size_t span_begin = pieces.empty() ? 0 : pieces.front().begin;
  std::size_t span_end = pieces.empty() ? 0 : pieces.back().end;
  if (pieces.size() == 1) {
    src = text(pieces[0]);
    segments_.push_back({0, pieces[0].line, pieces[0].begin, pieces[0].column_base});
  } else if (pieces.size() > 1) {
    joined_.clear();
    for (std::size_t i = 0; i < pieces.size(); ++i) {
      if (i != 0) joined_ += '\n';
      segments_.push_back({u32(joined_.size()), pieces[i].line, pieces[i].begin, pieces[i].column_base});
      joined_.append(text(pieces[i]));
    }
    src = joined_;
  }
  std::string_view plain = inline_.parse(src, segments_);
  Block b;
  b.kind = kind;
  b.where = where;
  b.end_line = end_line;
  b.text = keep(plain, span_begin, span_end);
  b.first_link = u32(doc_.links.size());
  append_links(b.text, 0, segments_);
  b.link_count = u32(doc_.links.size()) - b.first_link;
  b.first_line = u32(doc_.line_starts.size());
  if (pieces.empty()) doc_.line_starts.push_back({0, where.line});
  for (const TextLine& l : inline_.lines()) doc_.line_starts.push_back({l.offset, l.line});
  b.line_count = u32(doc_.line_starts.size()) - b.first_line;
  doc_.blocks.push_back(b);
  return doc_.blocks.back();
}

Block& BlockBuilder::add_code_block(SourcePos where, std::span<const Piece> lines, std::string_view info,
                                    std::uint32_t end_line) {
  Block b;
  b.kind = BlockKind::code_block;
  b.where = where;
  b.end_line = end_line;
  b.first_line = u32(doc_.line_starts.size());
  joined_.clear();
  for (std::size_t i = 0; i < lines.size(); ++i) {
    if (i != 0) joined_ += '\n';
    doc_.line_starts.push_back({u32(joined_.size()), lines[i].line});
    joined_.append(text(lines[i]));
  }
  b.line_count = u32(doc_.line_starts.size()) - b.first_line;
  b.text = lines.empty() ? std::string_view() : keep(joined_, lines.front().begin, lines.back().end);
  b.key = store(info);
  doc_.blocks.push_back(b);
  return doc_.blocks.back();
}

std::size_t BlockBuilder::count_cells(const Piece& row) {
  cell_splitter_.split(text(row), cells_);
  return cells_.size();
}

Block& BlockBuilder::add_table_row(SourcePos where, const Piece& row, bool header) {
  std::string_view row_src = text(row);
  cell_splitter_.split(row_src, cells_);
  row_text_.clear();
  row_links_.clear();
  row_link_positions_.clear();
  cell_offsets_.clear();
  for (std::size_t i = 0; i < cells_.size(); ++i) {
    if (i != 0) row_text_ += '\t';
    const CellRange& c = cells_[i];
    Segment seg{0, row.line, row.begin + c.begin, row.column_base};
    std::string_view plain = inline_.parse(row_src.substr(c.begin, c.end - c.begin), {&seg, 1});
    auto offset = u32(row_text_.size());
    cell_offsets_.push_back(offset);
    cell_offsets_.push_back(u32(plain.size()));
    row_text_.append(plain);
    for (LinkSpan l : inline_.links()) {
      row_link_positions_.push_back(link_position(l, {&seg, 1}));
      l.text_begin += offset;
      l.text_end += offset;
      row_links_.push_back(l);
    }
  }
  Block b;
  b.kind = BlockKind::table_row;
  b.where = where;
  b.end_line = row.line;
  b.header_row = header;
  b.text = store(row_text_);
  b.first_cell = u32(doc_.cells.size());
  for (std::size_t i = 0; i < cell_offsets_.size(); i += 2)
    doc_.cells.push_back(b.text.substr(cell_offsets_[i], cell_offsets_[i + 1]));
  b.cell_count = u32(doc_.cells.size()) - b.first_cell;
  b.first_link = u32(doc_.links.size());
  for (std::size_t i = 0; i < row_links_.size(); ++i) {
    const LinkSpan& l = row_links_[i];
    Link link;
    link.text = b.text.substr(l.text_begin, l.text_end - l.text_begin);
    link.target = store(l.target);
    link.where = row_link_positions_[i];
    link.wiki = l.wiki;
    doc_.links.push_back(link);
  }
  b.link_count = u32(doc_.links.size()) - b.first_link;
  b.first_line = u32(doc_.line_starts.size());
  doc_.line_starts.push_back({0, row.line});
  b.line_count = 1;
  doc_.blocks.push_back(b);
  return doc_.blocks.back();
}

void BlockBuilder::detect_term(Block& b) {
  std::string_view first_line = b.text.substr(0, b.text.find('\n'));
  // Most items have no colon at all; the grammar would read them to the end.
  if (first_line.find(':') == std::string_view::npos) return;
  // A colon inside a link's text is part of the term, not its end
  // ("[Table: Service Matrix](#matrix): How services compare"): the grammar
  // reads a copy with those colons masked, and the term is taken at the same
  // offsets from the text.
  std::string_view line = first_line;
  bool masked = false;
  for (std::uint32_t i = b.first_link; i < b.first_link + b.link_count; ++i) {
    const std::string_view shown = doc_.links[i].text;
    if (shown.data() < first_line.data() || shown.data() + shown.size() > first_line.data() + first_line.size() ||
        shown.find(':') == std::string_view::npos)
      continue;
    if (!masked) {
      masked_line_.assign(first_line);
      line = masked_line_;
      masked = true;
    }
    const auto at = static_cast<std::size_t>(shown.data() - first_line.data());
    std::replace(masked_line_.begin() + at, masked_line_.begin() + at + shown.size(), ':', '\x01');
  }
  syntax::KeyValue kv;
  if (!syntax::term_item(line, kv)) return;
  std::string_view term = first_line.substr(static_cast<std::size_t>(kv.key.data() - line.data()), kv.key.size());
  kv.value = first_line.substr(static_cast<std::size_t>(kv.value.data() - line.data()), kv.value.size());
  if (term.empty() || term.front() == ' ' || term.back() == ' ' || term.back() == '\t' ||
      term.find("://") != std::string_view::npos || is_url_scheme(term) || utf8::code_points(term) > kMaxTermCodePoints)
    return;
  b.key = term;
  b.body_offset = u32(kv.value.data() - b.text.data());
}

}  // namespace ng::notes
