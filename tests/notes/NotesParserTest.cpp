// parse_notes as a whole: empty input, line endings and BOM, and bad input.
// Every diagnostic is checked for kind, severity, line and column.
#include <gtest/gtest.h>

#include <chrono>

#include "parse_helper.hpp"

namespace ng::notes {
namespace {

using testing::parse;

double seconds_since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

TEST(NotesParser, EmptyFileGivesEmptyDocumentAndAWarning) {
  auto p = parse("");
  EXPECT_TRUE(p.doc.blocks.empty());
  EXPECT_TRUE(p.doc.front_matter.empty());
  ASSERT_EQ(p.diags.items().size(), 1u);
  EXPECT_EQ(p.diags.items()[0].severity, diag::Severity::warning);
  EXPECT_EQ(p.diags.items()[0].kind, "empty-file");
  EXPECT_EQ(p.diags.items()[0].where.line, 1u);
  EXPECT_EQ(p.diags.items()[0].where.column, 1u);
}

TEST(NotesParser, OneCharacterIsNotEmpty) { EXPECT_TRUE(parse("x").diags.items().empty()); }

TEST(NotesParser, DocumentCarriesTheFileName) { EXPECT_EQ(parse("x").doc.file, "note.md"); }

TEST(NotesParser, CrLfLineEndings) {
  auto p = parse("# 제목\r\n\r\n첫 줄\r\n둘째 줄\r\n");
  ASSERT_EQ(p.doc.blocks.size(), 2u);
  EXPECT_EQ(p.doc.blocks[0].text, "제목");
  EXPECT_EQ(p.doc.blocks[1].text, "첫 줄\n둘째 줄");
  EXPECT_EQ(p.doc.blocks[1].where.line, 3u);
  EXPECT_EQ(p.doc.blocks[1].end_line, 4u);
}

TEST(NotesParser, LoneCrLineEndings) {
  auto p = parse("# Title\r\rline one\rline two");
  ASSERT_EQ(p.doc.blocks.size(), 2u);
  EXPECT_EQ(p.doc.blocks[1].text, "line one\nline two");
  EXPECT_EQ(p.doc.blocks[1].where.line, 3u);
}

TEST(NotesParser, MixedLineEndingsCountLinesLikeSourceFile) {
  auto p = parse("a\r\n\nb\r\rc\n");
  auto ps = p.blocks_of(BlockKind::paragraph);
  ASSERT_EQ(ps.size(), 3u);
  EXPECT_EQ(ps[1]->where.line, 3u);
  EXPECT_EQ(ps[2]->where.line, 5u);
}

TEST(NotesParser, ByteOrderMarkIsSkippedAndTakesNoColumn) {
  auto p = parse("\xEF\xBB\xBF# 제목 [링크](x)\n");
  ASSERT_EQ(p.doc.blocks.size(), 1u);
  EXPECT_EQ(p.doc.blocks[0].text, "제목 링크");
  EXPECT_EQ(p.doc.blocks[0].where.column, 1u);
  EXPECT_EQ(p.link(p.doc.blocks[0]).where.column, 6u);
}

TEST(NotesParser, InvalidUtf8IsReportedAtTheFirstBadByte) {
  auto p = parse("# 제목\n한글 ab\xC0\xAF cd \xFF\n");
  ASSERT_EQ(p.diags.items().size(), 1u);
  const auto* d = p.diagnostic("invalid-utf8");
  ASSERT_NE(d, nullptr);
  EXPECT_EQ(d->severity, diag::Severity::error);
  EXPECT_EQ(d->where.line, 2u);
  EXPECT_EQ(d->where.column, 6u);
  EXPECT_EQ(d->message, "invalid UTF-8 (byte 0xC0); 3 bad sequence(s) shown as U+FFFD");
}

TEST(NotesParser, InvalidBytesBecomeReplacementCharactersAndParsingGoesOn) {
  auto p = parse("# T\xFFitle\n\n- item \xED\xA0\x80 end\n");
  ASSERT_EQ(p.doc.blocks.size(), 2u);
  EXPECT_EQ(p.doc.blocks[0].text, "T\xEF\xBF\xBDitle");
  EXPECT_EQ(p.doc.blocks[1].text, "item \xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD end");
}

TEST(NotesParser, OverlongEncodingIsInvalid) {
  auto p = parse("ok\n  \xE0\x80\xAF\n");
  const auto* d = p.diagnostic("invalid-utf8");
  ASSERT_NE(d, nullptr);
  EXPECT_EQ(d->where.line, 2u);
  EXPECT_EQ(d->where.column, 3u);
}

TEST(NotesParser, EncodedSurrogateIsInvalid) {
  auto p = parse("가\xED\xB2\x80");
  const auto* d = p.diagnostic("invalid-utf8");
  ASSERT_NE(d, nullptr);
  EXPECT_EQ(d->where.line, 1u);
  EXPECT_EQ(d->where.column, 2u);
}

TEST(NotesParser, TruncatedSequenceAtEndOfFileIsInvalid) {
  auto p = parse("text \xEA\xB0");
  const auto* d = p.diagnostic("invalid-utf8");
  ASSERT_NE(d, nullptr);
  EXPECT_EQ(d->where.column, 6u);
  EXPECT_EQ(p.doc.blocks.at(0).text, "text \xEF\xBF\xBD");
}

TEST(NotesParser, NulByteIsReportedAndReplaced) {
  std::string text(9000, 'a');
  text += "\n\nb";
  text += '\0';
  text += "c\n";
  auto p = parse(text);
  const auto* d = p.diagnostic("nul-byte");
  ASSERT_NE(d, nullptr);
  EXPECT_EQ(d->severity, diag::Severity::error);
  EXPECT_EQ(d->where.line, 3u);
  EXPECT_EQ(d->where.column, 2u);
  EXPECT_EQ(d->message, "NUL byte in text; shown as U+FFFD");
  EXPECT_EQ(p.doc.blocks.back().text,
            "b\xEF\xBF\xBD"
            "c");
}

TEST(NotesParser, NulInTheFirst8KiBMakesABinaryFile) {
  std::string text = "\x89PNG\r\n\x1A\n";
  text += std::string(3, '\0');
  text += "IHDR";
  auto p = parse(text);
  ASSERT_EQ(p.diags.items().size(), 1u);
  const auto* d = p.diagnostic("binary-file");
  ASSERT_NE(d, nullptr);
  EXPECT_EQ(d->severity, diag::Severity::error);
  EXPECT_EQ(d->where.line, 3u);
  EXPECT_EQ(d->where.column, 1u);
  EXPECT_EQ(d->message, "binary data (NUL or mostly invalid bytes), not a notes file; nothing parsed");
  EXPECT_TRUE(p.doc.blocks.empty());
}

TEST(NotesParser, MostlyInvalidBytesMakeABinaryFile) {
  std::string text = "ab";
  for (int i = 0; i < 100; ++i) text += "\xFF\xD8\xFF\xE0\x01";
  auto p = parse(text);
  ASSERT_EQ(p.diags.items().size(), 1u);
  const auto* d = p.diagnostic("binary-file");
  ASSERT_NE(d, nullptr);
  EXPECT_EQ(d->where.column, 3u);
  EXPECT_TRUE(p.doc.blocks.empty());
}

TEST(NotesParser, FileOverTheSizeLimitIsRejected) {
  ParseLimits limits;
  limits.max_file_bytes = 10;
  auto p = parse("# a heading that is long\n", limits);
  const auto* d = p.diagnostic("file-too-large");
  ASSERT_NE(d, nullptr);
  EXPECT_EQ(d->severity, diag::Severity::error);
  EXPECT_EQ(d->message, "file has 25 bytes, more than the limit of 10");
  EXPECT_TRUE(p.doc.blocks.empty());
}

TEST(NotesParser, HundredMegabyteLineIsTruncatedForInlineParsingInLinearTime) {
  std::string text(100u << 20, 'a');
  for (std::size_t i = 31; i < text.size(); i += 64) text[i] = ' ';
  text += "\n# After\n";
  auto start = std::chrono::steady_clock::now();
  auto p = parse(std::move(text));
  EXPECT_LT(seconds_since(start), 20.0);
  const auto* d = p.diagnostic("line-too-long");
  ASSERT_NE(d, nullptr);
  EXPECT_EQ(d->severity, diag::Severity::warning);
  EXPECT_EQ(d->where.line, 1u);
  EXPECT_EQ(d->where.column, (1u << 20) + 1);
  EXPECT_EQ(d->message, "line longer than 1048576 bytes; the rest is not parsed");
  ASSERT_EQ(p.doc.blocks.size(), 2u);
  EXPECT_EQ(p.doc.blocks[0].text.size(), 1u << 20);
  EXPECT_EQ(p.doc.blocks[1].text, "After");
}

TEST(NotesParser, LongMarkupLineParsesInLinearTime) {
  std::string unit = "**굵게** `code` [link](https://x.io/a_b) _em_ [[Wiki|w]] ~~s~~ & text ";
  std::string text;
  while (text.size() < (8u << 20)) text += unit;
  ParseLimits limits;
  limits.max_line_bytes = text.size() + 1;
  auto start = std::chrono::steady_clock::now();
  auto p = parse(text, limits);
  EXPECT_LT(seconds_since(start), 30.0);
  ASSERT_EQ(p.doc.blocks.size(), 1u);
  EXPECT_EQ(p.doc.blocks[0].link_count, 2 * (text.size() / unit.size()));
  EXPECT_TRUE(p.diags.items().empty());
}

TEST(NotesParser, TenThousandNestedListItemsAreClampedWithOneWarning) {
  std::string text;
  for (int i = 0; i < 10000; ++i) text += "- ";
  text += "deep\n";
  for (int i = 0; i < 3000; ++i) text += std::string(static_cast<std::size_t>(i), '\t') + "- x\n";
  auto p = parse(text);
  ASSERT_EQ(p.diags.items().size(), 1u);
  const auto* d = p.diagnostic("nesting-too-deep");
  ASSERT_NE(d, nullptr);
  EXPECT_EQ(d->severity, diag::Severity::warning);
  EXPECT_EQ(d->where.line, 1u);
  EXPECT_EQ(d->where.column, 2 * 255 + 3);
  EXPECT_EQ(d->message, "lists or quotes nested deeper than 256 levels are clamped");
  for (const Block& b : p.doc.blocks) EXPECT_LT(b.depth, ParseLimits{}.max_nesting);
}

TEST(NotesParser, TenThousandNestedQuotesAreClampedWithOneWarning) {
  std::string text = "ok\n";
  for (int i = 0; i < 10000; ++i) text += "> ";
  text += "deep\n";
  for (int i = 0; i < 10000; ++i) text += ">";
  text += " again\n";
  auto p = parse(text);
  ASSERT_EQ(p.diags.items().size(), 1u);
  const auto* d = p.diagnostic("nesting-too-deep");
  ASSERT_NE(d, nullptr);
  EXPECT_EQ(d->where.line, 2u);
  EXPECT_EQ(d->where.column, 2 * 256 + 1);
  auto qs = p.blocks_of(BlockKind::blockquote);
  ASSERT_EQ(qs.size(), 1u);
  EXPECT_EQ(qs[0]->depth, 256u);
  EXPECT_EQ(qs[0]->text, "deep\nagain");
}

TEST(NotesParser, NestingLimitIsConfigurable) {
  ParseLimits limits;
  limits.max_nesting = 2;
  auto p = parse("- a\n  - b\n    - c\n", limits);
  auto items = p.blocks_of(BlockKind::list_item);
  ASSERT_EQ(items.size(), 3u);
  EXPECT_EQ(items[2]->depth, 1u);
  const auto* d = p.diagnostic("nesting-too-deep");
  ASSERT_NE(d, nullptr);
  EXPECT_EQ(d->where.line, 3u);
  EXPECT_EQ(d->where.column, 5u);
}

// Many small notes stay in memory together until extraction: a small note's
// vectors keep no reserve beyond what it holds (the parse reserves for a
// block per 128 bytes; these paragraphs are 2,000 bytes each).
TEST(NotesParser, ASmallNoteHoldsNoUnusedReserve) {
  std::string text = "# Note\n\n";
  for (int i = 0; i < 10; ++i)
    text += std::string(2000, 'a') + " [link](https://example.com/" + std::to_string(i) + ")\n\n";
  const auto p = parse(text);
  ASSERT_EQ(p.doc.blocks.size(), 11u);
  EXPECT_LE(p.doc.blocks.capacity(), p.doc.blocks.size() + p.doc.blocks.size() / 8 + 4);
  EXPECT_LE(p.doc.line_starts.capacity(), p.doc.line_starts.size() + p.doc.line_starts.size() / 8 + 4);
  EXPECT_EQ(p.doc.links.size(), 10u);
  EXPECT_LE(p.doc.links.capacity(), p.doc.links.size() + p.doc.links.size() / 8 + 4);
}

}  // namespace
}  // namespace ng::notes
