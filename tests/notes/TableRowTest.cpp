// CellSplitter: where a GFM table row is cut into cells.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "notes/table_row.hpp"

namespace ng::notes {
namespace {

std::vector<std::string> split(std::string_view row) {
  CellSplitter splitter;
  std::vector<CellRange> cells;
  splitter.split(row, cells);
  std::vector<std::string> out;
  for (const CellRange& c : cells) out.emplace_back(row.substr(c.begin, c.end - c.begin));
  return out;
}

TEST(CellSplitter, SplitsOnPipesAndTrimsCells) {
  EXPECT_EQ(split("| a |  b c | d |"), (std::vector<std::string>{"a", "b c", "d"}));
}

TEST(CellSplitter, OuterPipesAreOptional) {
  EXPECT_EQ(split("a | b"), (std::vector<std::string>{"a", "b"}));
  EXPECT_EQ(split("| a | b"), (std::vector<std::string>{"a", "b"}));
  EXPECT_EQ(split("a | b |   "), (std::vector<std::string>{"a", "b"}));
}

TEST(CellSplitter, EscapedPipeDoesNotSplit) {
  EXPECT_EQ(split("| a \\| b | c |"), (std::vector<std::string>{"a \\| b", "c"}));
}

TEST(CellSplitter, PipeInsideCodeSpanDoesNotSplit) {
  EXPECT_EQ(split("| `a|b` | ``c`|`` | d |"), (std::vector<std::string>{"`a|b`", "``c`|``", "d"}));
}

TEST(CellSplitter, UnclosedCodeSpanDoesNotHideLaterPipes) {
  EXPECT_EQ(split("| `a | b |"), (std::vector<std::string>{"`a", "b"}));
}

TEST(CellSplitter, KeepsEmptyCells) { EXPECT_EQ(split("| | x ||"), (std::vector<std::string>{"", "x", ""})); }

}  // namespace
}  // namespace ng::notes
