// Table row splitting: one pass over the row that steps over escapes and
// code spans (closers found through the backtick index) and cuts at pipes.
#include "notes/table_row.hpp"

namespace ng::notes {

namespace {

bool is_blank(char c) { return c == ' ' || c == '\t'; }

void push_trimmed(std::string_view row, std::size_t b, std::size_t e, std::vector<CellRange>& cells) {
  while (b < e && is_blank(row[b])) ++b;
  while (e > b && is_blank(row[e - 1])) --e;
  cells.push_back({static_cast<std::uint32_t>(b), static_cast<std::uint32_t>(e)});
}

}  // namespace

void CellSplitter::split(std::string_view row, std::vector<CellRange>& cells) {
  cells.clear();
  std::size_t end = row.size();
  while (end > 0 && is_blank(row[end - 1])) --end;
  std::size_t i = 0;
  if (i < end && row[i] == '|') ++i;
  // A trailing pipe closes the row unless it is escaped.
  bool trailing_pipe = end > i && row[end - 1] == '|' && (end < 2 || row[end - 2] != '\\');
  if (trailing_pipe) --end;
  backticks_.reset(row.substr(0, end));
  std::size_t cell_begin = i;
  while (i < end) {
    char c = row[i];
    if (c == '\\') {
      i += 2;
    } else if (c == '`') {
      std::size_t e = i;
      while (e < end && row[e] == '`') ++e;
      std::size_t close = backticks_.closer_end(i, e - i);
      i = close != 0 ? close : e;
    } else if (c == '|') {
      push_trimmed(row, cell_begin, i, cells);
      cell_begin = ++i;
    } else {
      ++i;
    }
  }
  if (i > end) i = end;
  push_trimmed(row, cell_begin, end, cells);
}

}  // namespace ng::notes
