// UTF-8 helpers: well-formedness by the Unicode table, U+FFFD replacement of
// maximal subparts, code-point columns and the classes emphasis rules use.
#include <gtest/gtest.h>

#include <string>

#include "notes/utf8.hpp"

namespace ng::notes::utf8 {
namespace {

std::size_t valid(std::string_view s) {
  auto p = reinterpret_cast<const unsigned char*>(s.data());
  return valid_length(p, p + s.size());
}

std::string sanitized(std::string_view s) {
  std::string out;
  append_sanitized(s, out);
  return out;
}

TEST(Utf8, AcceptsWellFormedSequences) {
  EXPECT_EQ(valid("a"), 1u);
  EXPECT_EQ(valid("\xC3\xA9"), 2u);          // é
  EXPECT_EQ(valid("\xEA\xB0\x80"), 3u);      // 가
  EXPECT_EQ(valid("\xF0\x9F\x93\x97"), 4u);  // 📗
}

TEST(Utf8, RejectsOverlongsSurrogatesAndOutOfRange) {
  EXPECT_EQ(valid("\xC0\xAF"), 0u);
  EXPECT_EQ(valid("\xE0\x80\xAF"), 0u);
  EXPECT_EQ(valid("\xED\xA0\x80"), 0u);
  EXPECT_EQ(valid("\xF4\x90\x80\x80"), 0u);
  EXPECT_EQ(valid("\xF5\x80\x80\x80"), 0u);
  EXPECT_EQ(valid("\x80"), 0u);
}

TEST(Utf8, RejectsTruncatedSequences) {
  EXPECT_EQ(valid("\xEA\xB0"), 0u);
  EXPECT_EQ(valid("\xEA\xB0x"), 0u);
}

TEST(Utf8, ReplacesEachMaximalSubpartWithOneReplacementCharacter) {
  EXPECT_EQ(sanitized("a\xEA\xB0"
                      "b"),
            "a\xEF\xBF\xBD"
            "b");
  EXPECT_EQ(sanitized("\xC0\xAF"), "\xEF\xBF\xBD\xEF\xBF\xBD");
  EXPECT_EQ(sanitized(std::string("x\0y", 3)), "x\xEF\xBF\xBDy");
  EXPECT_EQ(sanitized("가나"), "가나");
}

TEST(Utf8, IsCleanRejectsNulAndBadBytes) {
  EXPECT_TRUE(is_clean("클라우드"));
  EXPECT_FALSE(is_clean(std::string("a\0", 2)));
  EXPECT_FALSE(is_clean("\xFF"));
}

TEST(Utf8, ColumnsCountCodePoints) {
  EXPECT_EQ(column_after("한글 ab"), 6u);
  EXPECT_EQ(code_points("📗x"), 2u);
}

TEST(Utf8, ClassifiesForFlankingRules) {
  EXPECT_EQ(class_after("a", 0), CharClass::other);
  EXPECT_EQ(class_after("한", 0), CharClass::other);
  EXPECT_EQ(class_after("“", 0), CharClass::punctuation);
  EXPECT_EQ(class_after("\xE3\x80\x80", 0), CharClass::whitespace);  // ideographic space
  EXPECT_EQ(class_after("x", 1), CharClass::whitespace);
  EXPECT_EQ(class_before("a한", 4), CharClass::other);
  EXPECT_EQ(class_before("a.", 2), CharClass::punctuation);
  EXPECT_EQ(class_before("x", 0), CharClass::whitespace);
}

}  // namespace
}  // namespace ng::notes::utf8
