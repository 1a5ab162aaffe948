// The grammar rules one by one, through the Boost-free matchers of
// notes/line_syntax.hpp: what each accepts, what it splits off, what it rejects.
#include <gtest/gtest.h>

#include "notes/line_syntax.hpp"

namespace ng::notes::syntax {
namespace {

TEST(AtxHeadingRule, AcceptsOneToSixHashes) {
  AtxHeading h;
  ASSERT_TRUE(atx_heading("# One", h));
  EXPECT_EQ(h.level, 1u);
  EXPECT_EQ(h.content, "One");
  ASSERT_TRUE(atx_heading("###### Six", h));
  EXPECT_EQ(h.level, 6u);
  EXPECT_EQ(h.content, "Six");
}

TEST(AtxHeadingRule, RejectsSevenHashes) {
  AtxHeading h;
  EXPECT_FALSE(atx_heading("####### Seven", h));
}

TEST(AtxHeadingRule, NeedsABlankAfterTheHashes) {
  AtxHeading h;
  EXPECT_FALSE(atx_heading("#hashtag", h));
  EXPECT_TRUE(atx_heading("#\tTabbed", h));
  EXPECT_TRUE(atx_heading("#", h));
  EXPECT_EQ(h.content, "");
}

TEST(AtxHeadingRule, StripsTheClosingSequence) {
  AtxHeading h;
  ASSERT_TRUE(atx_heading("## Title ##", h));
  EXPECT_EQ(h.content, "Title");
  ASSERT_TRUE(atx_heading("## Title ####   ", h));
  EXPECT_EQ(h.content, "Title");
  ASSERT_TRUE(atx_heading("### ###", h));
  EXPECT_EQ(h.content, "");
}

TEST(AtxHeadingRule, KeepsHashesThatAreNotAClosingSequence) {
  AtxHeading h;
  ASSERT_TRUE(atx_heading("# C#", h));
  EXPECT_EQ(h.content, "C#");
  ASSERT_TRUE(atx_heading("# Title \\#", h));
  EXPECT_EQ(h.content, "Title \\#");
}

TEST(SetextUnderlineRule, TellsLevelByCharacter) {
  EXPECT_EQ(setext_underline("==="), '=');
  EXPECT_EQ(setext_underline("="), '=');
  EXPECT_EQ(setext_underline("---   "), '-');
  EXPECT_EQ(setext_underline("- - -"), 0);
  EXPECT_EQ(setext_underline("==-"), 0);
  EXPECT_EQ(setext_underline("=== x"), 0);
}

TEST(ThematicBreakRule, AcceptsThreeOrMoreOfOneCharacter) {
  EXPECT_TRUE(thematic_break("***"));
  EXPECT_TRUE(thematic_break("- - -"));
  EXPECT_TRUE(thematic_break("___ "));
  EXPECT_TRUE(thematic_break("-----------"));
  EXPECT_FALSE(thematic_break("--"));
  EXPECT_FALSE(thematic_break("*-*"));
  EXPECT_FALSE(thematic_break("*** a"));
}

TEST(OutlineNumberRule, SplitsDottedNumbers) {
  std::string_view number, rest;
  ASSERT_TRUE(outline_number("1.1 클라우드 컴퓨팅이란?", number, rest));
  EXPECT_EQ(number, "1.1");
  EXPECT_EQ(rest, "클라우드 컴퓨팅이란?");
  ASSERT_TRUE(outline_number("1. 클라우드 컴퓨팅과 AWS 개요", number, rest));
  EXPECT_EQ(number, "1");
  EXPECT_EQ(rest, "클라우드 컴퓨팅과 AWS 개요");
  ASSERT_TRUE(outline_number("2 AWS 제품과 서비스", number, rest));
  EXPECT_EQ(number, "2");
  ASSERT_TRUE(outline_number("1.2.3. Deep", number, rest));
  EXPECT_EQ(number, "1.2.3");
  EXPECT_EQ(rest, "Deep");
}

TEST(OutlineNumberRule, RejectsYearsDecimalsAndBareNumbers) {
  std::string_view number, rest;
  EXPECT_FALSE(outline_number("2023 회고", number, rest));
  EXPECT_FALSE(outline_number("3.14159 is pi", number, rest));
  EXPECT_FALSE(outline_number("1.", number, rest));
  EXPECT_FALSE(outline_number("1.2", number, rest));
  EXPECT_FALSE(outline_number("1a Title", number, rest));
}

TEST(FenceOpenRule, ReadsCharLengthAndInfo) {
  FenceOpen f;
  ASSERT_TRUE(fence_open("```cpp", f));
  EXPECT_EQ(f.ch, '`');
  EXPECT_EQ(f.length, 3u);
  EXPECT_EQ(f.info, "cpp");
  ASSERT_TRUE(fence_open("~~~~ python title  ", f));
  EXPECT_EQ(f.ch, '~');
  EXPECT_EQ(f.length, 4u);
  EXPECT_EQ(f.info, "python title");
}

TEST(FenceOpenRule, RejectsShortRunsAndBackticksInInfo) {
  FenceOpen f;
  EXPECT_FALSE(fence_open("``", f));
  EXPECT_FALSE(fence_open("``` a`b", f));
  EXPECT_TRUE(fence_open("~~~ a`b", f));
}

TEST(FenceCloseRule, NeedsSameCharacterAndAtLeastTheLength) {
  EXPECT_TRUE(fence_close("```", '`', 3));
  EXPECT_TRUE(fence_close("`````  ", '`', 3));
  EXPECT_FALSE(fence_close("```", '`', 4));
  EXPECT_FALSE(fence_close("~~~", '`', 3));
  EXPECT_FALSE(fence_close("``` x", '`', 3));
}

TEST(ListMarkerRule, ReadsBulletAndOrderedMarkers) {
  ListMarker m;
  ASSERT_TRUE(list_marker("- item", m));
  EXPECT_FALSE(m.ordered);
  EXPECT_EQ(m.length, 1u);
  ASSERT_TRUE(list_marker("+\titem", m));
  ASSERT_TRUE(list_marker("*", m));
  ASSERT_TRUE(list_marker("12. item", m));
  EXPECT_TRUE(m.ordered);
  EXPECT_EQ(m.number, 12u);
  EXPECT_EQ(m.length, 3u);
  ASSERT_TRUE(list_marker("3) item", m));
  EXPECT_EQ(m.number, 3u);
}

TEST(ListMarkerRule, RejectsMarkersWithoutBlankAndLongNumbers) {
  ListMarker m;
  EXPECT_FALSE(list_marker("-item", m));
  EXPECT_FALSE(list_marker("1.5 item", m));
  EXPECT_FALSE(list_marker("1234567890. item", m));
  EXPECT_FALSE(list_marker("a. item", m));
}

TEST(TableDelimiterRowRule, CountsCells) {
  EXPECT_EQ(table_delimiter_row("|---|:--:|"), 2u);
  EXPECT_EQ(table_delimiter_row("--- | ---: | :---"), 3u);
  EXPECT_EQ(table_delimiter_row("|-|"), 1u);
  EXPECT_EQ(table_delimiter_row("| --- | x |"), 0u);
  EXPECT_EQ(table_delimiter_row("|:|"), 0u);
}

TEST(InlineFieldRule, SplitsKeyAndValue) {
  KeyValue kv;
  ASSERT_TRUE(inline_field("Status:: done", kv));
  EXPECT_EQ(kv.key, "Status");
  EXPECT_EQ(kv.value, "done");
  ASSERT_TRUE(inline_field("관련 서비스 :: [[EC2]]", kv));
  EXPECT_EQ(kv.key, "관련 서비스");
  EXPECT_EQ(kv.value, "[[EC2]]");
  ASSERT_TRUE(inline_field("due-date_1::", kv));
  EXPECT_EQ(kv.value, "");
}

TEST(InlineFieldRule, RejectsDoubleColonsInsideText) {
  KeyValue kv;
  EXPECT_FALSE(inline_field("std::vector is a container", kv));
  EXPECT_FALSE(inline_field("a.b:: c", kv));
  EXPECT_FALSE(inline_field(":: value", kv));
}

TEST(TermItemRule, SplitsTermAndBody) {
  KeyValue kv;
  ASSERT_TRUE(term_item("IaaS: IaaS 모델은 전반을 제공", kv));
  EXPECT_EQ(kv.key, "IaaS");
  EXPECT_EQ(kv.value, "IaaS 모델은 전반을 제공");
}

TEST(TermItemRule, NeedsABlankAfterTheColon) {
  KeyValue kv;
  EXPECT_FALSE(term_item("https://example.com is a site", kv));
  EXPECT_FALSE(term_item("ratio 1:2", kv));
  EXPECT_FALSE(term_item("no colon at all", kv));
}

TEST(HtmlBlockStartRule, RecognizesDetailsMarkers) {
  EXPECT_EQ(html_block_start("<details>"), HtmlStart::details_open);
  EXPECT_EQ(html_block_start("<DETAILS open>"), HtmlStart::details_open);
  EXPECT_EQ(html_block_start("<details><summary>AWS</summary>"), HtmlStart::details_open);
  EXPECT_EQ(html_block_start("</details>"), HtmlStart::details_close);
  EXPECT_EQ(html_block_start("<detailsx>"), HtmlStart::other_tag);
}

TEST(HtmlBlockStartRule, RecognizesOtherBlockKinds) {
  EXPECT_EQ(html_block_start("<div markdown=\"1\">"), HtmlStart::block_tag);
  EXPECT_EQ(html_block_start("<summary>AWS 서비스</summary>"), HtmlStart::block_tag);
  EXPECT_EQ(html_block_start("<!-- note -->"), HtmlStart::comment);
  EXPECT_EQ(html_block_start("<pre>"), HtmlStart::raw_text);
  EXPECT_EQ(html_block_start("<?xml version=\"1.0\"?>"), HtmlStart::processing);
  EXPECT_EQ(html_block_start("<!DOCTYPE html>"), HtmlStart::declaration);
  EXPECT_EQ(html_block_start("<![CDATA[x]]>"), HtmlStart::cdata);
  EXPECT_EQ(html_block_start("<span class=\"x\">"), HtmlStart::other_tag);
}

TEST(HtmlBlockStartRule, RejectsInlineTagsFollowedByText) {
  EXPECT_EQ(html_block_start("<span>text</span>"), HtmlStart::none);
  EXPECT_EQ(html_block_start("< div>"), HtmlStart::none);
  EXPECT_EQ(html_block_start("<3 you"), HtmlStart::none);
}

TEST(HtmlBlockEndRule, FindsEndMarkers) {
  EXPECT_TRUE(html_block_ends(HtmlStart::comment, "end -->"));
  EXPECT_FALSE(html_block_ends(HtmlStart::comment, "still inside"));
  EXPECT_TRUE(html_block_ends(HtmlStart::raw_text, "</PRE>"));
  EXPECT_FALSE(html_block_ends(HtmlStart::block_tag, "anything"));
}

TEST(FrontMatterRules, FencesAndEntries) {
  EXPECT_TRUE(front_matter_open("---"));
  EXPECT_TRUE(front_matter_open("---  "));
  EXPECT_FALSE(front_matter_open("----"));
  EXPECT_TRUE(front_matter_close("..."));
  KeyValue kv;
  ASSERT_TRUE(front_matter_entry("title: 오토스케일링 (Autoscaling)", kv));
  EXPECT_EQ(kv.key, "title");
  EXPECT_EQ(kv.value, "오토스케일링 (Autoscaling)");
  ASSERT_TRUE(front_matter_entry("tags:", kv));
  EXPECT_EQ(kv.value, "");
  EXPECT_FALSE(front_matter_entry("  nested: map", kv));
  EXPECT_FALSE(front_matter_entry("url:http://x", kv));
  std::string_view item;
  ASSERT_TRUE(front_matter_item("  - aws", item));
  EXPECT_EQ(item, "aws");
}

TEST(FrontMatterRules, FlowListKeepsQuotes) {
  std::vector<std::string_view> items;
  ASSERT_TRUE(front_matter_flow_list(R"(["애플리케이션", 'b', plain text , ""])", items));
  ASSERT_EQ(items.size(), 4u);
  EXPECT_EQ(items[0], "\"애플리케이션\"");
  EXPECT_EQ(items[1], "'b'");
  EXPECT_EQ(items[2], "plain text");
  EXPECT_EQ(items[3], "\"\"");
  ASSERT_TRUE(front_matter_flow_list("[]", items));
  EXPECT_TRUE(items.empty());
  EXPECT_FALSE(front_matter_flow_list("[a, b", items));
}

TEST(WikilinkRule, ReadsTargetAndAlias) {
  std::string_view target, alias;
  EXPECT_EQ(wikilink("[[EC2]] rest", target, alias), 7u);
  EXPECT_EQ(target, "EC2");
  EXPECT_EQ(alias, "");
  EXPECT_EQ(wikilink("[[Amazon EC2|EC2]]", target, alias), 18u);
  EXPECT_EQ(target, "Amazon EC2");
  EXPECT_EQ(alias, "EC2");
  EXPECT_EQ(wikilink("[[a]", target, alias), 0u);
  EXPECT_EQ(wikilink("[[a\nb]]", target, alias), 0u);
  EXPECT_EQ(wikilink("[[]]", target, alias), 0u);
}

TEST(LinkTailRule, ReadsDestinations) {
  std::string_view d;
  EXPECT_EQ(link_tail("(https://aws.amazon.com) x", d), 24u);
  EXPECT_EQ(d, "https://aws.amazon.com");
  EXPECT_NE(link_tail("(<a b.md>)", d), 0u);
  EXPECT_EQ(d, "a b.md");
  EXPECT_NE(link_tail("(url \"title\")", d), 0u);
  EXPECT_EQ(d, "url");
  EXPECT_NE(link_tail("(https://en.wikipedia.org/wiki/Foo_(bar))", d), 0u);
  EXPECT_EQ(d, "https://en.wikipedia.org/wiki/Foo_(bar)");
  EXPECT_NE(link_tail("()", d), 0u);
  EXPECT_EQ(d, "");
}

TEST(LinkTailRule, RejectsUnclosedAndSpacedDestinations) {
  std::string_view d;
  EXPECT_EQ(link_tail("(url", d), 0u);
  EXPECT_EQ(link_tail("(a b)", d), 0u);
  EXPECT_EQ(link_tail("(a(b(c)))", d), 0u);
}

TEST(AutolinkRule, ReadsUrisAndEmails) {
  std::string_view uri;
  bool email = false;
  EXPECT_EQ(autolink("<https://aws.amazon.com/s3/>", uri, email), 28u);
  EXPECT_EQ(uri, "https://aws.amazon.com/s3/");
  EXPECT_FALSE(email);
  EXPECT_NE(autolink("<someone@example.com>", uri, email), 0u);
  EXPECT_TRUE(email);
  EXPECT_EQ(autolink("<not a link>", uri, email), 0u);
}

TEST(BareUrlRule, ReadsUpToABlank) {
  std::string_view url;
  EXPECT_EQ(bare_url("https://aws.amazon.com/ec2 is", url), 26u);
  EXPECT_EQ(url, "https://aws.amazon.com/ec2");
  EXPECT_EQ(bare_url("ftp://x", url), 0u);
}

TEST(HtmlTagRule, MatchesOpenClosingAndCommentTags) {
  EXPECT_EQ(html_tag("<br> x"), 4u);
  EXPECT_EQ(html_tag("<a href=\"x\" title='y'>"), 22u);
  EXPECT_EQ(html_tag("</div >"), 7u);
  EXPECT_EQ(html_tag("<img src=x />"), 13u);
  EXPECT_EQ(html_tag("< b>"), 0u);
  EXPECT_EQ(html_comment("<!-- c -->x"), 10u);
  EXPECT_EQ(html_comment("<!-- open"), 0u);
}

TEST(EntityRule, ReadsNamedAndNumericEntities) {
  std::string_view name;
  EXPECT_EQ(entity("&amp; x", name), 5u);
  EXPECT_EQ(name, "amp");
  EXPECT_EQ(entity("&#x1F600;", name), 9u);
  EXPECT_EQ(name, "#x1F600");
  EXPECT_EQ(entity("&#38;", name), 5u);
  EXPECT_EQ(entity("& amp;", name), 0u);
  EXPECT_EQ(entity("&amp", name), 0u);
}

}  // namespace
}  // namespace ng::notes::syntax
