// Splits a GFM table row into cells: on '|' that is neither escaped nor
// inside a code span, without the optional leading and trailing pipes; each
// cell trimmed.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "notes/backtick_index.hpp"

namespace ng::notes {

struct CellRange {
  std::uint32_t begin = 0, end = 0;  // offsets into the row
};

class CellSplitter {
public:
  // Clears `cells` and fills it; `row` starts at its first non-blank character.
  void split(std::string_view row, std::vector<CellRange>& cells);

private:
  BacktickIndex backticks_;
};

}  // namespace ng::notes
