// Document storage: the text arena's views stay valid, and line_of maps a
// block's text offsets back to source lines.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "notes/document.hpp"

namespace ng::notes {
namespace {

TEST(TextArena, ViewsStayValidWhileTheArenaGrows) {
  TextArena arena;
  std::vector<std::string_view> views;
  for (int i = 0; i < 20000; ++i) views.push_back(arena.store("text-" + std::to_string(i)));
  for (int i = 0; i < 20000; ++i) ASSERT_EQ(views[i], "text-" + std::to_string(i));
}

TEST(TextArena, StoresTextsLargerThanAChunk) {
  TextArena arena;
  std::string_view small = arena.store("small");
  std::string big(5'000'000, 'x');
  std::string_view stored = arena.store(big);
  std::string_view after = arena.store("after");
  EXPECT_EQ(stored, big);
  EXPECT_EQ(small, "small");
  EXPECT_EQ(after, "after");
}

TEST(TextArena, EmptyTextNeedsNoStorage) {
  TextArena arena;
  EXPECT_TRUE(arena.store("").empty());
}

TEST(TextArena, MovedDocumentKeepsItsTexts) {
  Document a;
  std::string_view v = a.arena.store("kept");
  Document b = std::move(a);
  EXPECT_EQ(v, "kept");
}

TEST(DocumentLineOf, MapsOffsetsToTheLineTheyCameFrom) {
  Document doc;
  doc.line_starts = {{0, 3}, {6, 4}, {12, 6}};
  Block b;
  b.where = {3, 1};
  b.first_line = 0;
  b.line_count = 3;
  EXPECT_EQ(doc.line_of(b, 0), 3u);
  EXPECT_EQ(doc.line_of(b, 5), 3u);
  EXPECT_EQ(doc.line_of(b, 6), 4u);
  EXPECT_EQ(doc.line_of(b, 100), 6u);
}

TEST(DocumentLineOf, FallsBackToTheBlockLine) {
  Document doc;
  Block b;
  b.where = {9, 2};
  EXPECT_EQ(doc.line_of(b, 0), 9u);
}

}  // namespace
}  // namespace ng::notes
