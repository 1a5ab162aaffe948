// GCC-style rendering: position, severity, kind, the quoted line and a caret
// that lines up under double-width Hangul.
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include "diag/render.hpp"
#include "diag/source_file.hpp"

using namespace ng::diag;

TEST(Render, FileLineColumnSeverityMessageAndKind) {
  Diagnostic d{Severity::error, "invalid-utf8", "a.md", {3, 5}, "invalid UTF-8"};
  EXPECT_EQ(render(d, "abcdefg"), "a.md:3:5: error: invalid UTF-8 [invalid-utf8]\n  abcdefg\n      ^\n");
}

TEST(Render, CaretCountsHangulAsTwoColumns) {
  Diagnostic d{Severity::warning, "k", "a.md", {1, 3}, "m"};
  EXPECT_EQ(render(d, "가나X"), "a.md:1:3: warning: m [k]\n  가나X\n      ^\n");
}

TEST(Render, TabsAreKeptSoTheCaretLinesUp) {
  Diagnostic d{Severity::error, "k", "f", {1, 2}, "m"};
  EXPECT_EQ(render(d, "\tx"), "f:1:2: error: m [k]\n  \tx\n  \t^\n");
}

TEST(Render, ControlCharactersAreNotEchoed) {
  Diagnostic d{Severity::error, "k", "f", {1, 1}, "m"};
  std::string out = render(d, std::string("\x1b[31mred", 8));
  EXPECT_EQ(out.find('\x1b'), std::string::npos);
}

TEST(Render, NoPositionMeansNoQuotedLine) {
  Diagnostic d{Severity::error, "unreadable-file", "missing.md", {}, "cannot open"};
  EXPECT_EQ(render(d, ""), "missing.md: error: cannot open [unreadable-file]\n");
}

TEST(Render, VeryLongLinesAreCut) {
  Diagnostic d{Severity::error, "k", "f", {1, 1}, "m"};
  std::string out = render(d, std::string(1000000, 'a'));
  EXPECT_LT(out.size(), 1000u);
}

TEST(SourceFile, PositionsCountCodePointsAndAllLineEndings) {
  SourceFile f("f", "ab\r\n가나다\rx\ny");
  EXPECT_EQ(f.line_count(), 4u);
  EXPECT_EQ(f.line(2), "가나다");
  EXPECT_EQ(f.line(3), "x");
  SourcePos p = f.position(4 + 3);  // the byte of '나'
  EXPECT_EQ(p.line, 2u);
  EXPECT_EQ(p.column, 2u);
  EXPECT_EQ(f.position(f.text().size() - 1).line, 4u);
}

TEST(SourceFile, LfOnlyTextGetsTheSameLineTable) {
  SourceFile f("f", "ab\n가나다\n\nx\n");
  EXPECT_EQ(f.line_count(), 4u);  // a final LF starts no line
  EXPECT_EQ(f.line(1), "ab");
  EXPECT_EQ(f.line(2), "가나다");
  EXPECT_EQ(f.line(3), "");
  EXPECT_EQ(f.line(4), "x");
  EXPECT_EQ(f.position(3 + 3).line, 2u);
  EXPECT_EQ(f.position(3 + 3).column, 2u);
  EXPECT_EQ(SourceFile("g", "").line_count(), 1u);
  EXPECT_EQ(SourceFile("h", "\n\n").line_count(), 2u);
}

TEST(SourceFile, LineTableMadeOnFirstUseIsTheSame) {
  const std::string text = "ab\r\n가나다\rx\ny";
  SourceFile now("f", SourceText::from_string(text));
  SourceFile later("f", SourceText::from_string(text), false);
  ASSERT_EQ(later.line_count(), now.line_count());
  for (std::uint32_t n = 0; n <= now.line_count() + 1; ++n) EXPECT_EQ(later.line(n), now.line(n));
  EXPECT_EQ(later.position(7).line, now.position(7).line);
  EXPECT_EQ(later.position(7).column, now.position(7).column);
  SourceFile dropped("g", SourceText::from_string(text), false);
  dropped.drop_text();  // before the table was made
  EXPECT_FALSE(dropped.has_text());
  EXPECT_EQ(dropped.line_count(), 0u);
  EXPECT_EQ(dropped.line(1), "");
}

TEST(SourceFile, DroppedTextKeepsTheNameAndQuotesNothing) {
  SourceFile f("notes.md", "a\nb\n");
  ASSERT_TRUE(f.has_text());
  f.drop_text();
  EXPECT_FALSE(f.has_text());
  EXPECT_EQ(f.name(), "notes.md");
  EXPECT_EQ(f.line(1), "");
  EXPECT_EQ(f.text(), "");
}

TEST(SourceFile, MissingFileIsAnUnreadableFileError) {
  Diagnostics d;
  std::string text;
  EXPECT_FALSE(read_source("/nonexistent/notes.md", text, d));
  ASSERT_EQ(d.items().size(), 1u);
  EXPECT_EQ(d.items()[0].kind, "unreadable-file");
}

TEST(SourceFile, FolderIsNotReadAsAFile) {
  Diagnostics d;
  std::string text;
  EXPECT_FALSE(read_source("/", text, d));
  EXPECT_EQ(d.items()[0].kind, "unreadable-file");
}

TEST(Render, CaretPastTheQuotedPartOfALongLineStillStandsUnderItsColumn) {
  Diagnostic d{Severity::error, "k", "f", {1, 1001}, "m"};
  std::string out = render(d, std::string(1000, 'a') + "X" + std::string(1000, 'b'));
  std::size_t quoted = out.find('\n') + 1;
  std::size_t caret = out.find('\n', quoted) + 1;
  std::string shown = out.substr(quoted, caret - quoted);
  std::string pad = out.substr(caret, out.find('^', caret) - caret);
  EXPECT_TRUE(shown.starts_with("  ... ")) << shown;
  EXPECT_TRUE(shown.ends_with(" ...\n")) << shown;
  ASSERT_LT(pad.size(), shown.size());
  EXPECT_EQ(shown[pad.size()], 'X');
  EXPECT_LT(out.size(), 1000u);
}

TEST(ReadSource, AFifoIsRefusedWithoutWaitingForAWriter) {
  std::string path = ::testing::TempDir() + "render-test-fifo-" + std::to_string(::getpid());
  ::unlink(path.c_str());
  ASSERT_EQ(::mkfifo(path.c_str(), 0600), 0);
  Diagnostics d;
  std::string text;
  EXPECT_FALSE(read_source(path, text, d));
  ::unlink(path.c_str());
  ASSERT_EQ(d.items().size(), 1u);
  EXPECT_EQ(d.items()[0].message, "not a regular file");
}
