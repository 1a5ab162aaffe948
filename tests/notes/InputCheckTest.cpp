// The input check: first bad byte, first NUL, the binary heuristic, and
// offset-to-position mapping.
#include <gtest/gtest.h>

#include <string>

#include "notes/input_check.hpp"

namespace ng::notes {
namespace {

TEST(InputCheck, CleanTextHasNothingToReport) {
  InputReport r = check_input("# 제목\n본문 text\n");
  EXPECT_TRUE(r.clean());
  EXPECT_FALSE(r.binary);
}

TEST(InputCheck, FindsTheFirstBadByteAndCountsBadSequences) {
  InputReport r = check_input("0123456789abcdef\xC0\xAF ok \xFF");
  EXPECT_EQ(r.first_bad, 16u);
  EXPECT_EQ(r.bad_count, 3u);
  EXPECT_FALSE(r.binary);
}

TEST(InputCheck, FindsANulAfterTheSample) {
  std::string text(9000, 'a');
  text[8500] = '\0';
  InputReport r = check_input(text);
  EXPECT_FALSE(r.binary);
  EXPECT_EQ(r.first_nul, 8500u);
}

TEST(InputCheck, NulInTheFirst8KiBMeansBinary) {
  std::string text = "PK\x03\x04";
  text += std::string("\0\0", 2);
  InputReport r = check_input(text);
  EXPECT_TRUE(r.binary);
  EXPECT_EQ(r.binary_at, 4u);
}

TEST(InputCheck, MostlyInvalidBytesMeanBinary) {
  std::string text;
  for (int i = 0; i < 200; ++i) text += "\xFF\xFE\x01a";
  EXPECT_TRUE(check_input(text).binary);
}

TEST(InputCheck, AFewBadBytesInTextAreNotBinary) {
  std::string text(200, 'a');
  text[50] = '\xE9';  // Latin-1 é
  EXPECT_FALSE(check_input(text).binary);
}

TEST(InputCheck, LocateCountsLinesAndCodePoints) {
  std::string text = "a\r\nb\rc\n한글x";
  EXPECT_EQ(locate(text, 0, 0).line, 1u);
  EXPECT_EQ(locate(text, 0, 3).line, 2u);
  EXPECT_EQ(locate(text, 0, 5).line, 3u);
  auto pos = locate(text, 0, text.size() - 1);
  EXPECT_EQ(pos.line, 4u);
  EXPECT_EQ(pos.column, 3u);
}

TEST(InputCheck, LocateGivesTheBomNoColumn) {
  std::string text =
      "\xEF\xBB\xBF"
      "ab";
  EXPECT_EQ(locate(text, 3, 4).column, 2u);
}

}  // namespace
}  // namespace ng::notes
