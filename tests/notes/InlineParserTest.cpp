// Inline markup turned into plain text and links, through a one-block note:
// code spans dropped, emphasis removed, links, wikilinks, images, autolinks,
// escapes, entities; plus inputs that would be quadratic for a naive parser.
#include <gtest/gtest.h>

#include <chrono>

#include "parse_helper.hpp"

namespace ng::notes {
namespace {

using testing::parse;

std::string_view text_of(const testing::Parsed& p) { return p.doc.blocks.at(0).text; }

TEST(InlineParser, PlainTextIsKeptAsIs) {
  auto p = parse("클라우드 컴퓨팅 (Cloud Computing)\n");
  EXPECT_EQ(text_of(p), "클라우드 컴퓨팅 (Cloud Computing)");
}

TEST(InlineParser, CodeSpansAreDroppedFromText) {
  auto p = parse("Run `ls -l` to list, or ``a ` b``.\n");
  EXPECT_EQ(text_of(p), "Run  to list, or .");
}

TEST(InlineParser, CodeSpanCanSpanLines) {
  auto p = parse("a `b\nc` d\n");
  EXPECT_EQ(text_of(p), "a  d");
}

TEST(InlineParser, UnmatchedBackticksStayLiteral) {
  auto p = parse("a ``b` c\n");
  EXPECT_EQ(text_of(p), "a ``b` c");
}

TEST(InlineParser, EmphasisMarkersAreRemoved) {
  auto p = parse("*a* **b** _c_ __d__ ~~e~~ ***f***\n");
  EXPECT_EQ(text_of(p), "a b c d e f");
}

TEST(InlineParser, EmphasisAroundKoreanIsRemoved) {
  auto p = parse("**완전관리형, fully-managed**은 *중요*하다\n");
  EXPECT_EQ(text_of(p), "완전관리형, fully-managed은 중요하다");
}

TEST(InlineParser, IntrawordUnderscoresAreKept) {
  auto p = parse("use snake_case_names and __init__ here\n");
  EXPECT_EQ(text_of(p), "use snake_case_names and init here");
}

TEST(InlineParser, UnmatchedAndSpacedAsterisksAreKept) {
  auto p = parse("5 * 3 = 15 and *open\n");
  EXPECT_EQ(text_of(p), "5 * 3 = 15 and *open");
}

TEST(InlineParser, SingleTildesAreKept) {
  auto p = parse("1~3일, 4~5일\n");
  EXPECT_EQ(text_of(p), "1~3일, 4~5일");
}

TEST(InlineParser, LinkKeepsTextAndRecordsTarget) {
  auto p = parse("See [the **S3** guide](https://aws.amazon.com/s3/ \"S3\") now.\n");
  const Block& b = p.doc.blocks.at(0);
  EXPECT_EQ(b.text, "See the S3 guide now.");
  ASSERT_EQ(b.link_count, 1u);
  EXPECT_EQ(p.link(b).text, "the S3 guide");
  EXPECT_EQ(p.link(b).target, "https://aws.amazon.com/s3/");
  EXPECT_FALSE(p.link(b).wiki);
}

TEST(InlineParser, LinkPositionIsItsOpeningBracketInCodePoints) {
  auto p = parse("첫 줄\n한글 [링크](/ko/x/)\n");
  const Block& b = p.doc.blocks.at(0);
  ASSERT_EQ(b.link_count, 1u);
  EXPECT_EQ(p.link(b).where.line, 2u);
  EXPECT_EQ(p.link(b).where.column, 4u);
}

TEST(InlineParser, BracketsWithoutDestinationStayLiteral) {
  auto p = parse("[not a link] and [x] (y)\n");
  EXPECT_EQ(text_of(p), "[not a link] and [x] (y)");
  EXPECT_EQ(p.doc.blocks.at(0).link_count, 0u);
}

TEST(InlineParser, LinksDoNotNest) {
  auto p = parse("[a [b](c) d](e)\n");
  const Block& b = p.doc.blocks.at(0);
  EXPECT_EQ(b.text, "[a b d](e)");
  ASSERT_EQ(b.link_count, 1u);
  EXPECT_EQ(p.link(b).target, "c");
}

TEST(InlineParser, ImageShowsAltTextAndIsNotALink) {
  auto p = parse("![AWS 로고](logo.png) 이미지\n");
  EXPECT_EQ(text_of(p), "AWS 로고 이미지");
  EXPECT_EQ(p.doc.blocks.at(0).link_count, 0u);
}

TEST(InlineParser, LinkAroundImageUsesTheAltText) {
  auto p = parse("[![Slack Chat](https://img.shields.io/x.svg \"Join\")](http://slackhatesthe.cloud) ⇦ Join\n");
  const Block& b = p.doc.blocks.at(0);
  EXPECT_EQ(b.text, "Slack Chat ⇦ Join");
  ASSERT_EQ(b.link_count, 1u);
  EXPECT_EQ(p.link(b).text, "Slack Chat");
  EXPECT_EQ(p.link(b).target, "http://slackhatesthe.cloud");
}

TEST(InlineParser, WikilinkShowsItsTarget) {
  auto p = parse("관련: [[Amazon EC2]] 참고\n");
  const Block& b = p.doc.blocks.at(0);
  EXPECT_EQ(b.text, "관련: Amazon EC2 참고");
  ASSERT_EQ(b.link_count, 1u);
  EXPECT_TRUE(p.link(b).wiki);
  EXPECT_EQ(p.link(b).text, "Amazon EC2");
  EXPECT_EQ(p.link(b).target, "Amazon EC2");
  EXPECT_EQ(p.link(b).where.column, 5u);
}

TEST(InlineParser, WikilinkWithAliasShowsTheAlias) {
  auto p = parse("[[Amazon Elastic Compute Cloud|EC2]]를 쓴다\n");
  const Block& b = p.doc.blocks.at(0);
  EXPECT_EQ(b.text, "EC2를 쓴다");
  EXPECT_EQ(p.link(b).text, "EC2");
  EXPECT_EQ(p.link(b).target, "Amazon Elastic Compute Cloud");
}

TEST(InlineParser, AutolinksShowTheirAddress) {
  auto p = parse("<https://aws.amazon.com> or <ops@example.com>\n");
  const Block& b = p.doc.blocks.at(0);
  EXPECT_EQ(b.text, "https://aws.amazon.com or ops@example.com");
  ASSERT_EQ(b.link_count, 2u);
  EXPECT_EQ(p.link(b, 0).target, "https://aws.amazon.com");
  EXPECT_EQ(p.link(b, 1).target, "ops@example.com");
}

TEST(InlineParser, BareUrlBecomesALinkWithoutTrailingPunctuation) {
  auto p = parse("Docs at https://docs.aws.amazon.com/ec2_guide.html. More (see https://x.io/a_(b)).\n");
  const Block& b = p.doc.blocks.at(0);
  EXPECT_EQ(b.text, "Docs at https://docs.aws.amazon.com/ec2_guide.html. More (see https://x.io/a_(b)).");
  ASSERT_EQ(b.link_count, 2u);
  EXPECT_EQ(p.link(b, 0).target, "https://docs.aws.amazon.com/ec2_guide.html");
  EXPECT_EQ(p.link(b, 1).target, "https://x.io/a_(b)");
}

TEST(InlineParser, UrlAsLinkTextIsOneLink) {
  auto p = parse("at [https://learn.chef.io](https://learn.chef.io).\n");
  const Block& b = p.doc.blocks.at(0);
  EXPECT_EQ(b.text, "at https://learn.chef.io.");
  ASSERT_EQ(b.link_count, 1u);
  EXPECT_EQ(p.link(b).text, "https://learn.chef.io");
}

TEST(InlineParser, BackslashEscapesKeepTheCharacter) {
  auto p = parse("\\*not emphasis\\* and \\[not a link\\](x) and C:\\path\n");
  EXPECT_EQ(text_of(p), "*not emphasis* and [not a link](x) and C:\\path");
}

TEST(InlineParser, EntitiesAreDecoded) {
  auto p = parse("R&amp;D &lt;tag&gt; &#xAC00;&#44032; &copy; &unknown;\n");
  EXPECT_EQ(text_of(p), "R&D <tag> 가가 © &unknown;");
}

TEST(InlineParser, InlineHtmlTagsAndCommentsAreDropped) {
  auto p = parse("Press <kbd>Ctrl</kbd>+<kbd>C</kbd><br/> done <!-- hidden --> end\n");
  EXPECT_EQ(text_of(p), "Press Ctrl+C done  end");
}

TEST(InlineParser, LinesOfAMultiLineBlockMapToTheirSourceLines) {
  auto p = parse("first `code`\nsecond **line**\nthird\n");
  const Block& b = p.doc.blocks.at(0);
  ASSERT_EQ(b.text, "first \nsecond line\nthird");
  EXPECT_EQ(p.doc.line_of(b, 0), 1u);
  EXPECT_EQ(p.doc.line_of(b, 7), 2u);
  EXPECT_EQ(p.doc.line_of(b, static_cast<std::uint32_t>(b.text.find("third"))), 3u);
}

// Inputs with many unmatched openers make naive inline parsers quadratic.
double seconds_to_parse(const std::string& text) {
  ParseLimits limits;
  limits.max_line_bytes = text.size() + 1;
  auto start = std::chrono::steady_clock::now();
  auto p = parse(text, limits);
  EXPECT_FALSE(p.doc.blocks.empty());
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

TEST(InlineParser, ManyDistinctUnmatchedBacktickRunsStayFast) {
  std::string text;
  for (int len = 1; text.size() < 2'000'000; len = len % 1500 + 1) text += std::string(len, '`') + " x ";
  EXPECT_LT(seconds_to_parse(text), 10.0);
}

TEST(InlineParser, ManyUnclosedBracketsAndDelimitersStayFast) {
  std::string text;
  while (text.size() < 2'000'000) text += "[a *b _c ](d ![e [[f <g &h ";
  EXPECT_LT(seconds_to_parse(text), 10.0);
}

}  // namespace
}  // namespace ng::notes
