// The line scanner's prose blocks: headings (ATX, setext, outline numbers),
// paragraphs, lists nested by spaces and tabs, term items, blockquotes,
// tables and inline fields.
#include <gtest/gtest.h>

#include "parse_helper.hpp"

namespace ng::notes {
namespace {

using testing::parse;

TEST(Headings, AtxHeadingHasLevelTextAndPosition) {
  auto p = parse("intro\n\n  ### Amazon EC2 ###\n");
  auto hs = p.blocks_of(BlockKind::heading);
  ASSERT_EQ(hs.size(), 1u);
  EXPECT_EQ(hs[0]->level, 3u);
  EXPECT_EQ(hs[0]->text, "Amazon EC2");
  EXPECT_EQ(hs[0]->where.line, 3u);
  EXPECT_EQ(hs[0]->where.column, 3u);
  EXPECT_FALSE(hs[0]->setext);
}

TEST(Headings, OutlineNumberIsSplitOff) {
  auto p = parse(
      "# 1. 클라우드 컴퓨팅과 AWS 개요\n## 1.1 클라우드 컴퓨팅이란?\n## 2 AWS 제품과 서비스\n### 1.2.3. 깊은 절\n");
  auto hs = p.blocks_of(BlockKind::heading);
  ASSERT_EQ(hs.size(), 4u);
  EXPECT_EQ(hs[0]->number, "1");
  EXPECT_EQ(hs[0]->text, "클라우드 컴퓨팅과 AWS 개요");
  EXPECT_EQ(hs[1]->number, "1.1");
  EXPECT_EQ(hs[1]->text, "클라우드 컴퓨팅이란?");
  EXPECT_EQ(hs[2]->number, "2");
  EXPECT_EQ(hs[2]->text, "AWS 제품과 서비스");
  EXPECT_EQ(hs[3]->number, "1.2.3");
}

TEST(Headings, HeadingWithoutNumberHasEmptyNumber) {
  auto p = parse("## 2023 회고\n## Compute\n");
  auto hs = p.blocks_of(BlockKind::heading);
  ASSERT_EQ(hs.size(), 2u);
  EXPECT_EQ(hs[0]->number, "");
  EXPECT_EQ(hs[0]->text, "2023 회고");
  EXPECT_EQ(hs[1]->number, "");
}

TEST(Headings, SevenHashesMakeAParagraph) {
  auto p = parse("####### not a heading\n");
  ASSERT_EQ(p.doc.blocks.size(), 1u);
  EXPECT_EQ(p.doc.blocks[0].kind, BlockKind::paragraph);
  EXPECT_EQ(p.doc.blocks[0].text, "####### not a heading");
}

TEST(Headings, SetextUnderlinesGiveLevelsOneAndTwo) {
  auto p = parse("The Open Guide\n==============\n\nTable of Contents\n-----\n");
  auto hs = p.blocks_of(BlockKind::heading);
  ASSERT_EQ(hs.size(), 2u);
  EXPECT_EQ(hs[0]->level, 1u);
  EXPECT_TRUE(hs[0]->setext);
  EXPECT_EQ(hs[0]->text, "The Open Guide");
  EXPECT_EQ(hs[0]->where.line, 1u);
  EXPECT_EQ(hs[0]->end_line, 2u);
  EXPECT_EQ(hs[1]->level, 2u);
  EXPECT_EQ(hs[1]->text, "Table of Contents");
}

TEST(Headings, SetextHeadingTakesTheWholeParagraph) {
  auto p = parse("1.2 Two\nlines\n===\n");
  auto hs = p.blocks_of(BlockKind::heading);
  ASSERT_EQ(hs.size(), 1u);
  EXPECT_EQ(hs[0]->number, "1.2");
  EXPECT_EQ(hs[0]->text, "Two\nlines");
}

TEST(Headings, DashesAfterABlankLineAreAThematicBreak) {
  auto p = parse("Paragraph\n\n---\nNext\n");
  EXPECT_TRUE(p.blocks_of(BlockKind::heading).empty());
  ASSERT_EQ(p.doc.blocks.size(), 2u);
  EXPECT_EQ(p.doc.blocks[1].text, "Next");
}

TEST(Headings, EqualsWithoutParagraphIsText) {
  auto p = parse("===\n");
  ASSERT_EQ(p.doc.blocks.size(), 1u);
  EXPECT_EQ(p.doc.blocks[0].kind, BlockKind::paragraph);
}

TEST(Headings, DashesUnderAListItemAreAThematicBreak) {
  auto p = parse("- item\n---\n");
  EXPECT_TRUE(p.blocks_of(BlockKind::heading).empty());
  EXPECT_EQ(p.blocks_of(BlockKind::list_item).size(), 1u);
}

TEST(Paragraphs, LinesAreJoinedWithNewlinesAndTrimmed) {
  auto p = parse("  first line  \nsecond line\n\nnext paragraph\n");
  auto ps = p.blocks_of(BlockKind::paragraph);
  ASSERT_EQ(ps.size(), 2u);
  EXPECT_EQ(ps[0]->text, "first line\nsecond line");
  EXPECT_EQ(ps[0]->where.column, 3u);
  EXPECT_EQ(ps[0]->end_line, 2u);
  EXPECT_EQ(ps[1]->where.line, 4u);
}

TEST(Lists, BulletMarkersMakeItems) {
  auto p = parse("- a\n* b\n+ c\n");
  auto items = p.blocks_of(BlockKind::list_item);
  ASSERT_EQ(items.size(), 3u);
  EXPECT_EQ(items[2]->text, "c");
  EXPECT_EQ(items[2]->depth, 0u);
  EXPECT_FALSE(items[0]->ordered);
}

TEST(Lists, OrderedMarkersMakeOrderedItems) {
  auto p = parse("1. 민첩성 확보\n2) 용량\n10. 열\n");
  auto items = p.blocks_of(BlockKind::list_item);
  ASSERT_EQ(items.size(), 3u);
  EXPECT_TRUE(items[0]->ordered);
  EXPECT_EQ(items[0]->text, "민첩성 확보");
  EXPECT_EQ(items[2]->text, "열");
}

TEST(Lists, ItemsNestByIndentation) {
  auto p = parse("- a\n  - b\n    - c\n  - d\n- e\n");
  auto items = p.blocks_of(BlockKind::list_item);
  ASSERT_EQ(items.size(), 5u);
  EXPECT_EQ(items[0]->depth, 0u);
  EXPECT_EQ(items[1]->depth, 1u);
  EXPECT_EQ(items[2]->depth, 2u);
  EXPECT_EQ(items[3]->depth, 1u);
  EXPECT_EQ(items[4]->depth, 0u);
}

TEST(Lists, TabsIndentToTheNextMultipleOfFour) {
  auto p = parse("-\tIAM\n\t-\tEC2\n\t\t-\tAMIs\n  \t- S3\n");
  auto items = p.blocks_of(BlockKind::list_item);
  ASSERT_EQ(items.size(), 4u);
  EXPECT_EQ(items[0]->text, "IAM");
  EXPECT_EQ(items[1]->depth, 1u);
  EXPECT_EQ(items[2]->depth, 2u);
  EXPECT_EQ(items[2]->text, "AMIs");
  EXPECT_EQ(items[3]->depth, 1u);
  EXPECT_EQ(items[2]->where.column, 3u);
}

TEST(Lists, LazyContinuationLinesBelongToTheItem) {
  auto p = parse("- first\ncontinued here\n  and here\n- second\n");
  auto items = p.blocks_of(BlockKind::list_item);
  ASSERT_EQ(items.size(), 2u);
  EXPECT_EQ(items[0]->text, "first\ncontinued here\nand here");
  EXPECT_EQ(items[0]->end_line, 3u);
  EXPECT_EQ(p.doc.line_of(*items[0], 7), 2u);
}

TEST(Lists, OrderedItemNotStartingAtOneDoesNotInterruptAParagraph) {
  auto p = parse("The year was\n1986. A good year\n");
  ASSERT_EQ(p.doc.blocks.size(), 1u);
  EXPECT_EQ(p.doc.blocks[0].kind, BlockKind::paragraph);
  EXPECT_EQ(p.doc.blocks[0].text, "The year was\n1986. A good year");
}

TEST(Lists, BulletItemInterruptsAParagraph) {
  auto p = parse("Intro:\n- one\n");
  ASSERT_EQ(p.doc.blocks.size(), 2u);
  EXPECT_EQ(p.doc.blocks[1].kind, BlockKind::list_item);
}

TEST(Lists, MarkersOnOneLineNest) {
  auto p = parse("- - a\n");
  auto items = p.blocks_of(BlockKind::list_item);
  ASSERT_EQ(items.size(), 2u);
  EXPECT_EQ(items[0]->text, "");
  EXPECT_EQ(items[1]->depth, 1u);
  EXPECT_EQ(items[1]->text, "a");
  EXPECT_EQ(items[1]->where.column, 3u);
}

TEST(Lists, ParagraphAfterABlankLineInsideAnItemHasItsDepth) {
  auto p = parse("- item\n\n  more of the item\n\nafter the list\n");
  auto ps = p.blocks_of(BlockKind::paragraph);
  ASSERT_EQ(ps.size(), 2u);
  EXPECT_EQ(ps[0]->depth, 1u);
  EXPECT_EQ(ps[1]->depth, 0u);
}

TEST(TermItems, BulletTermItemHasKeyAndBodyOffset) {
  auto p = parse("- IaaS: IaaS 모델은 컴퓨팅, 네트워킹을 제공\n");
  const Block& b = *p.blocks_of(BlockKind::list_item).at(0);
  EXPECT_EQ(b.key, "IaaS");
  EXPECT_EQ(b.text.substr(b.body_offset), "IaaS 모델은 컴퓨팅, 네트워킹을 제공");
}

TEST(TermItems, OrderedTermItemHasKey) {
  auto p = parse("1. 온디맨드: 필요에 따라 언제든 접근\n");
  const Block& b = *p.blocks_of(BlockKind::list_item).at(0);
  EXPECT_EQ(b.key, "온디맨드");
  EXPECT_EQ(b.text.substr(b.body_offset), "필요에 따라 언제든 접근");
}

TEST(TermItems, TermIsPlainText) {
  auto p = parse("- **[S3](#s3)**: Storage of files\n");
  const Block& b = *p.blocks_of(BlockKind::list_item).at(0);
  EXPECT_EQ(b.key, "S3");
  EXPECT_EQ(b.text.substr(b.body_offset), "Storage of files");
}

TEST(TermItems, AColonInsideALinksTextDoesNotEndTheTerm) {
  // As in og-aws's table of contents; the colon after the link ends it. A
  // link without a colon, or a colon before the link, changes nothing.
  auto p = parse(
      "- [Table: Service Matrix](#service-matrix): How AWS services compare\n"
      "- See [EC2](#ec2): virtual servers\n"
      "- Note: read [Part: One](#one) first\n"
      "- [A: B](#ab) has no term\n");
  auto items = p.blocks_of(BlockKind::list_item);
  ASSERT_EQ(items.size(), 4u);
  EXPECT_EQ(items[0]->key, "Table: Service Matrix");
  EXPECT_EQ(items[0]->text.substr(items[0]->body_offset), "How AWS services compare");
  EXPECT_EQ(items[1]->key, "See EC2");
  EXPECT_EQ(items[2]->key, "Note");
  EXPECT_EQ(items[2]->text.substr(items[2]->body_offset), "read Part: One first");
  EXPECT_TRUE(items[3]->key.empty()) << items[3]->key;
}

TEST(TermItems, BoldTextWithoutColonIsNotATerm) {
  auto p = parse("- **완전관리형, fully-managed**\n");
  EXPECT_TRUE(p.blocks_of(BlockKind::list_item).at(0)->key.empty());
}

TEST(TermItems, UrlsAndLongOrSpacedTermsAreNotTerms) {
  auto p =
      parse("- https://aws.amazon.com: the site\n- http: no\n- term : spaced\n- " + std::string(61, 'x') + ": long\n");
  for (const Block* b : p.blocks_of(BlockKind::list_item)) EXPECT_TRUE(b->key.empty()) << b->text;
}

TEST(Blockquotes, QuoteHasDepthAndJoinedLines) {
  auto p = parse("> 인용 첫 줄\n> 둘째 줄\n");
  auto qs = p.blocks_of(BlockKind::blockquote);
  ASSERT_EQ(qs.size(), 1u);
  EXPECT_EQ(qs[0]->depth, 1u);
  EXPECT_EQ(qs[0]->text, "인용 첫 줄\n둘째 줄");
  EXPECT_EQ(qs[0]->where.column, 1u);
}

TEST(Blockquotes, NestedMarkersGiveDepth) {
  auto p = parse("> outer\n>\n> > inner **bold**\n>> also inner\n");
  auto qs = p.blocks_of(BlockKind::blockquote);
  ASSERT_EQ(qs.size(), 2u);
  EXPECT_EQ(qs[0]->text, "outer");
  EXPECT_EQ(qs[1]->depth, 2u);
  EXPECT_EQ(qs[1]->text, "inner bold\nalso inner");
}

TEST(Blockquotes, LazyLineContinuesTheQuote) {
  auto p = parse("> quoted\nlazy\n\nafter\n");
  auto qs = p.blocks_of(BlockKind::blockquote);
  ASSERT_EQ(qs.size(), 1u);
  EXPECT_EQ(qs[0]->text, "quoted\nlazy");
  EXPECT_EQ(p.blocks_of(BlockKind::paragraph).size(), 1u);
}

TEST(Blockquotes, ListItemsInsideAQuoteAreListItems) {
  auto p = parse("> 설명:\n> - 동질적: 같은 데이터베이스\n>   - nested\n> - second\n> lazy\n");
  auto items = p.blocks_of(BlockKind::list_item);
  ASSERT_EQ(items.size(), 3u);
  EXPECT_EQ(items[0]->key, "동질적");
  EXPECT_EQ(items[0]->depth, 0u);
  EXPECT_EQ(items[0]->where.column, 3u);
  EXPECT_EQ(items[1]->depth, 1u);
  EXPECT_EQ(items[2]->text, "second\nlazy");
  EXPECT_EQ(p.blocks_of(BlockKind::blockquote).at(0)->text, "설명:");
}

TEST(Tables, HeaderDelimiterAndBodyRows) {
  auto p = parse("| Service | Use |\n|---|:--:|\n| EC2 | compute |\n| S3 | storage |\n\nafter\n");
  auto rows = p.blocks_of(BlockKind::table_row);
  ASSERT_EQ(rows.size(), 3u);
  EXPECT_TRUE(rows[0]->header_row);
  EXPECT_FALSE(rows[1]->header_row);
  EXPECT_EQ(p.cells(*rows[0]), (std::vector<std::string_view>{"Service", "Use"}));
  EXPECT_EQ(p.cells(*rows[2]), (std::vector<std::string_view>{"S3", "storage"}));
  EXPECT_EQ(rows[1]->text, "EC2\tcompute");
  EXPECT_EQ(rows[2]->where.line, 4u);
  EXPECT_EQ(p.blocks_of(BlockKind::paragraph).size(), 1u);
}

TEST(Tables, CellsAreInlineParsed) {
  auto p = parse("a | b\n--|--\n[ALB](#alb) | `code` **x**\n");
  auto rows = p.blocks_of(BlockKind::table_row);
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(p.cells(*rows[1]), (std::vector<std::string_view>{"ALB", " x"}));
  ASSERT_EQ(rows[1]->link_count, 1u);
  EXPECT_EQ(p.link(*rows[1]).text, "ALB");
  EXPECT_EQ(p.link(*rows[1]).target, "#alb");
  EXPECT_EQ(p.link(*rows[1]).where.column, 1u);
}

TEST(Tables, HeaderMustMatchTheDelimiterCellCount) {
  auto p = parse("| a | b |\n|---|\n");
  EXPECT_TRUE(p.blocks_of(BlockKind::table_row).empty());
}

TEST(Tables, ParagraphLinesBeforeTheHeaderStayAParagraph) {
  auto p = parse("Intro text\n| a | b |\n|---|---|\n| 1 | 2 |\n");
  ASSERT_EQ(p.doc.blocks.size(), 3u);
  EXPECT_EQ(p.doc.blocks[0].text, "Intro text");
  EXPECT_TRUE(p.doc.blocks[1].header_row);
}

TEST(Tables, AHeadingEndsTheTable) {
  auto p = parse("|a|\n|-|\n|1|\n# H\n");
  EXPECT_EQ(p.blocks_of(BlockKind::table_row).size(), 2u);
  EXPECT_EQ(p.blocks_of(BlockKind::heading).size(), 1u);
}

TEST(InlineFields, FieldOnItsOwnLineHasKeyAndValue) {
  auto p = parse("Status:: [[Done]]\n");
  auto fs = p.blocks_of(BlockKind::inline_field);
  ASSERT_EQ(fs.size(), 1u);
  EXPECT_EQ(fs[0]->key, "Status");
  EXPECT_EQ(fs[0]->text, "Done");
  ASSERT_EQ(fs[0]->link_count, 1u);
  EXPECT_TRUE(p.link(*fs[0]).wiki);
}

TEST(InlineFields, FieldLineInterruptsAParagraph) {
  auto p = parse("Some text\n분류:: 컴퓨팅\nmore\n");
  ASSERT_EQ(p.doc.blocks.size(), 3u);
  EXPECT_EQ(p.doc.blocks[1].kind, BlockKind::inline_field);
  EXPECT_EQ(p.doc.blocks[1].key, "분류");
  EXPECT_EQ(p.doc.blocks[1].text, "컴퓨팅");
}

TEST(InlineFields, DoubleColonInsideTextIsNotAField) {
  auto p = parse("std::vector is a container\n");
  ASSERT_EQ(p.doc.blocks.size(), 1u);
  EXPECT_EQ(p.doc.blocks[0].kind, BlockKind::paragraph);
}

TEST(InlineFields, EmptyKeyWarnsAtTheColonsAndStaysText) {
  auto p = parse("  :: value\n");
  EXPECT_TRUE(p.blocks_of(BlockKind::inline_field).empty());
  ASSERT_EQ(p.blocks_of(BlockKind::paragraph).size(), 1u);
  const auto* d = p.diagnostic("empty-field-key");
  ASSERT_NE(d, nullptr);
  EXPECT_EQ(d->severity, diag::Severity::warning);
  EXPECT_EQ(d->where.line, 1u);
  EXPECT_EQ(d->where.column, 3u);
}

}  // namespace
}  // namespace ng::notes
