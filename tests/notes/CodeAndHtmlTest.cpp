// Blocks that are not prose: fenced and indented code (never headings, text
// or links), and HTML blocks with the <details> markers.
#include <gtest/gtest.h>

#include "parse_helper.hpp"

namespace ng::notes {
namespace {

using testing::parse;

TEST(FencedCode, KeepsContentAndInfoString) {
  auto p = parse("```bash title\n# not a heading\n[not](a-link)\n```\nafter\n");
  auto code = p.blocks_of(BlockKind::code_block);
  ASSERT_EQ(code.size(), 1u);
  EXPECT_EQ(code[0]->text, "# not a heading\n[not](a-link)");
  EXPECT_EQ(code[0]->key, "bash title");
  EXPECT_EQ(code[0]->link_count, 0u);
  EXPECT_EQ(code[0]->where.line, 1u);
  EXPECT_EQ(code[0]->end_line, 4u);
  EXPECT_EQ(p.doc.line_of(*code[0], 16), 3u);
  EXPECT_TRUE(p.blocks_of(BlockKind::heading).empty());
  EXPECT_EQ(p.blocks_of(BlockKind::paragraph).size(), 1u);
}

TEST(FencedCode, TildeFenceIsClosedOnlyByTildes) {
  auto p = parse("~~~\n```\n~~~\n");
  auto code = p.blocks_of(BlockKind::code_block);
  ASSERT_EQ(code.size(), 1u);
  EXPECT_EQ(code[0]->text, "```");
}

TEST(FencedCode, ClosingFenceMustBeAtLeastAsLong) {
  auto p = parse("````\n```\n`````\n");
  auto code = p.blocks_of(BlockKind::code_block);
  ASSERT_EQ(code.size(), 1u);
  EXPECT_EQ(code[0]->text, "```");
  EXPECT_TRUE(p.diags.items().empty());
}

TEST(FencedCode, OpeningIndentIsRemovedFromContent) {
  auto p = parse("  ```\n  indented\n    more\nnone\n  ```\n");
  auto code = p.blocks_of(BlockKind::code_block);
  ASSERT_EQ(code.size(), 1u);
  EXPECT_EQ(code[0]->text, "indented\n  more\nnone");
}

TEST(FencedCode, FenceInsideAListItem) {
  auto p = parse("- item\n  ```\n  code\n  ```\n- next\n");
  auto code = p.blocks_of(BlockKind::code_block);
  ASSERT_EQ(code.size(), 1u);
  EXPECT_EQ(code[0]->text, "code");
  EXPECT_EQ(code[0]->depth, 1u);
  EXPECT_EQ(p.blocks_of(BlockKind::list_item).size(), 2u);
}

TEST(FencedCode, FenceInsideAQuote) {
  auto p = parse("> ```\n> # code\n> ```\n> text\n");
  auto code = p.blocks_of(BlockKind::code_block);
  ASSERT_EQ(code.size(), 1u);
  EXPECT_EQ(code[0]->text, "# code");
  EXPECT_EQ(p.blocks_of(BlockKind::blockquote).at(0)->text, "text");
}

TEST(FencedCode, UnclosedFenceWarnsAtTheOpeningAndTheRestIsCode) {
  auto p = parse("text\n\n   ~~~~ sh\n# inside\n\nstill code\n");
  auto code = p.blocks_of(BlockKind::code_block);
  ASSERT_EQ(code.size(), 1u);
  EXPECT_EQ(code[0]->text, "# inside\n\nstill code");
  EXPECT_EQ(code[0]->end_line, 6u);
  const auto* d = p.diagnostic("unclosed-fence");
  ASSERT_NE(d, nullptr);
  EXPECT_EQ(d->severity, diag::Severity::warning);
  EXPECT_EQ(d->where.line, 3u);
  EXPECT_EQ(d->where.column, 4u);
  EXPECT_EQ(d->message, "code fence is never closed; the rest of the file is code");
}

TEST(FencedCode, QuotedFenceEndsWithTheQuote) {
  auto p = parse("> ```\n> code\n\nafter\n");
  auto code = p.blocks_of(BlockKind::code_block);
  ASSERT_EQ(code.size(), 1u);
  EXPECT_EQ(code[0]->text, "code");
  EXPECT_EQ(code[0]->end_line, 2u);
  EXPECT_TRUE(p.diags.items().empty());
  EXPECT_EQ(p.blocks_of(BlockKind::paragraph).at(0)->text, "after");
}

TEST(IndentedCode, FourSpacesAfterABlankLineAreCode) {
  auto p = parse("para\n\n    code line\n\n\tsecond # line\n\nafter\n");
  auto code = p.blocks_of(BlockKind::code_block);
  ASSERT_EQ(code.size(), 1u);
  EXPECT_EQ(code[0]->text, "code line\n\nsecond # line");
  EXPECT_EQ(code[0]->key, "");
  EXPECT_EQ(code[0]->where.line, 3u);
  EXPECT_EQ(code[0]->where.column, 5u);
  EXPECT_EQ(code[0]->end_line, 5u);
  EXPECT_EQ(p.blocks_of(BlockKind::paragraph).size(), 2u);
}

TEST(IndentedCode, IndentedLineAfterAParagraphLineContinuesIt) {
  auto p = parse("para\n    continued\n");
  ASSERT_EQ(p.doc.blocks.size(), 1u);
  EXPECT_EQ(p.doc.blocks[0].text, "para\ncontinued");
}

TEST(IndentedCode, IndentedLineInsideAListIsNotCode) {
  auto p = parse("- item\n\n    more item text\n");
  EXPECT_TRUE(p.blocks_of(BlockKind::code_block).empty());
  EXPECT_EQ(p.blocks_of(BlockKind::paragraph).at(0)->text, "more item text");
}

TEST(HtmlBlocks, DetailsMarkersAreTheirOwnBlocks) {
  auto p =
      parse("<details>\n<summary>AWS 서비스</summary>\n<div markdown=\"1\">\n\n# AWS 서비스\n\n</div>\n</details>\n");
  ASSERT_EQ(p.doc.blocks.size(), 6u);
  EXPECT_EQ(p.doc.blocks[0].kind, BlockKind::details_open);
  EXPECT_EQ(p.doc.blocks[0].where.line, 1u);
  EXPECT_EQ(p.doc.blocks[1].kind, BlockKind::html_block);
  EXPECT_EQ(p.doc.blocks[1].text, "AWS 서비스");
  EXPECT_EQ(p.doc.blocks[2].kind, BlockKind::html_block);
  EXPECT_EQ(p.doc.blocks[3].kind, BlockKind::heading);
  EXPECT_EQ(p.doc.blocks[3].text, "AWS 서비스");
  EXPECT_EQ(p.doc.blocks[4].kind, BlockKind::html_block);
  EXPECT_EQ(p.doc.blocks[5].kind, BlockKind::details_close);
  EXPECT_EQ(p.doc.blocks[5].where.line, 8u);
  EXPECT_TRUE(p.diags.items().empty());
}

TEST(HtmlBlocks, SummaryOnTheDetailsLineIsItsText) {
  auto p = parse("<details><summary>More</summary>\n\ntext\n\n</details>\n");
  EXPECT_EQ(p.doc.blocks.at(0).kind, BlockKind::details_open);
  EXPECT_EQ(p.doc.blocks.at(0).text, "More");
  EXPECT_EQ(p.doc.blocks.at(1).kind, BlockKind::paragraph);
}

TEST(HtmlBlocks, MarkdownRightAfterADetailsLineIsParsed) {
  auto p = parse("<details>\n- item\n</details>\n");
  ASSERT_EQ(p.doc.blocks.size(), 3u);
  EXPECT_EQ(p.doc.blocks[1].kind, BlockKind::list_item);
}

TEST(HtmlBlocks, UnclosedDetailsWarnsAtItsLine) {
  auto p = parse("# T\n\n  <details>\n<details>\n</details>\n");
  ASSERT_EQ(p.diags.items().size(), 1u);
  const auto* d = p.diagnostic("unclosed-details");
  ASSERT_NE(d, nullptr);
  EXPECT_EQ(d->severity, diag::Severity::warning);
  EXPECT_EQ(d->where.line, 3u);
  EXPECT_EQ(d->where.column, 3u);
  EXPECT_EQ(d->message, "<details> is never closed by </details>");
}

TEST(HtmlBlocks, DetailsLineEndsAnHtmlRun) {
  auto p = parse("<div>\n<details>\ntext\n</details>\n");
  ASSERT_EQ(p.doc.blocks.size(), 4u);
  EXPECT_EQ(p.doc.blocks[1].kind, BlockKind::details_open);
  EXPECT_EQ(p.doc.blocks[2].kind, BlockKind::paragraph);
  EXPECT_EQ(p.doc.blocks[3].kind, BlockKind::details_close);
}

TEST(HtmlBlocks, PreBlockRunsToItsClosingTag) {
  auto p = parse("<pre>\n# not a heading\n\nstill pre</pre>\nafter\n");
  ASSERT_EQ(p.doc.blocks.size(), 2u);
  EXPECT_EQ(p.doc.blocks[0].kind, BlockKind::html_block);
  EXPECT_EQ(p.doc.blocks[0].end_line, 4u);
  EXPECT_EQ(p.doc.blocks[1].text, "after");
}

TEST(HtmlBlocks, HtmlRunEndsAtABlankLine) {
  auto p = parse("<div>\ninside *html*\n</div>\n\n# After\n");
  ASSERT_EQ(p.doc.blocks.size(), 4u);
  EXPECT_EQ(p.doc.blocks[1].kind, BlockKind::html_block);
  EXPECT_EQ(p.doc.blocks[3].kind, BlockKind::heading);
}

TEST(HtmlBlocks, CommentsAreNotProse) {
  auto p = parse("<!--\n# hidden heading\n-->\ntext\n");
  ASSERT_EQ(p.doc.blocks.size(), 2u);
  EXPECT_EQ(p.doc.blocks[0].kind, BlockKind::html_block);
  EXPECT_EQ(p.doc.blocks[0].text, "");
  EXPECT_EQ(p.doc.blocks[0].end_line, 3u);
  EXPECT_EQ(p.doc.blocks[1].text, "text");
}

TEST(HtmlBlocks, InlineTagAtLineStartIsAParagraph) {
  auto p = parse("<b>Bold</b> start\n");
  ASSERT_EQ(p.doc.blocks.size(), 1u);
  EXPECT_EQ(p.doc.blocks[0].kind, BlockKind::paragraph);
  EXPECT_EQ(p.doc.blocks[0].text, "Bold start");
}

}  // namespace
}  // namespace ng::notes
