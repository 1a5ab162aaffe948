// YAML front matter: only at the very top; scalars, quotes, flow and block
// lists, block scalars; an unclosed block is reported and read as Markdown.
#include <gtest/gtest.h>

#include "parse_helper.hpp"

namespace ng::notes {
namespace {

using testing::parse;

const FrontMatterEntry* entry(const testing::Parsed& p, std::string_view key) {
  for (const auto& e : p.doc.front_matter)
    if (e.key == key) return &e;
  return nullptr;
}

TEST(FrontMatter, ReadsScalarsAndFlowLists) {
  auto p = parse(
      "---\ntitle: 오토스케일링 (Autoscaling)\nstatus: Completed\n"
      "tags: [\"애플리케이션\", \"인프라스트럭처\", \"\"]\n---\n\n본문\n");
  ASSERT_EQ(p.doc.front_matter.size(), 3u);
  const auto* title = entry(p, "title");
  ASSERT_NE(title, nullptr);
  EXPECT_FALSE(title->is_list);
  EXPECT_EQ(title->values, (std::vector<std::string_view>{"오토스케일링 (Autoscaling)"}));
  EXPECT_EQ(title->where.line, 2u);
  EXPECT_EQ(title->where.column, 1u);
  const auto* tags = entry(p, "tags");
  ASSERT_NE(tags, nullptr);
  EXPECT_TRUE(tags->is_list);
  EXPECT_EQ(tags->values, (std::vector<std::string_view>{"애플리케이션", "인프라스트럭처", ""}));
  ASSERT_EQ(p.doc.blocks.size(), 1u);
  EXPECT_EQ(p.doc.blocks[0].text, "본문");
  EXPECT_EQ(p.doc.blocks[0].where.line, 7u);
}

TEST(FrontMatter, UnquotesScalars) {
  auto p = parse("---\na: \"say \\\"hi\\\"\"\nb: 'it''s'\nc: plain # comment\nd: \"#not comment\"\n---\n");
  EXPECT_EQ(entry(p, "a")->values.at(0), "say \"hi\"");
  EXPECT_EQ(entry(p, "b")->values.at(0), "it's");
  EXPECT_EQ(entry(p, "c")->values.at(0), "plain");
  EXPECT_EQ(entry(p, "d")->values.at(0), "#not comment");
}

TEST(FrontMatter, ReadsBlockLists) {
  auto p = parse("---\naliases:\n  - EC2\n  - \"Elastic Compute Cloud\"\n- 인스턴스\nnext: x\n---\n");
  const auto* aliases = entry(p, "aliases");
  ASSERT_NE(aliases, nullptr);
  EXPECT_TRUE(aliases->is_list);
  EXPECT_EQ(aliases->values, (std::vector<std::string_view>{"EC2", "Elastic Compute Cloud", "인스턴스"}));
  EXPECT_EQ(entry(p, "next")->values.at(0), "x");
}

TEST(FrontMatter, KeyWithoutValueOrItemsHasNoValues) {
  auto p = parse("---\nempty:\nother: 1\n---\n");
  const auto* e = entry(p, "empty");
  ASSERT_NE(e, nullptr);
  EXPECT_TRUE(e->values.empty());
  EXPECT_FALSE(e->is_list);
}

TEST(FrontMatter, ReadsBlockScalars) {
  auto p = parse("---\ndesc: |\n  line one\n  line two\nfolded: >\n  a\n  b\nz: 1\n---\n");
  EXPECT_EQ(entry(p, "desc")->values.at(0), "line one\nline two");
  EXPECT_EQ(entry(p, "folded")->values.at(0), "a b");
  EXPECT_EQ(entry(p, "z")->values.at(0), "1");
}

TEST(FrontMatter, SkipsNestedMapsAndComments) {
  auto p = parse("---\n# comment\nparent:\n  child: v\nafter: ok\n---\n");
  ASSERT_EQ(p.doc.front_matter.size(), 2u);
  EXPECT_EQ(entry(p, "after")->values.at(0), "ok");
}

TEST(FrontMatter, DotsCloseTheBlock) {
  auto p = parse("---\nk: v\n...\ntext\n");
  ASSERT_EQ(p.doc.front_matter.size(), 1u);
  EXPECT_EQ(p.doc.blocks.at(0).text, "text");
}

TEST(FrontMatter, OnlyAtTheVeryTop) {
  auto p = parse("\n---\ntitle: x\n---\n");
  EXPECT_TRUE(p.doc.front_matter.empty());
  auto hs = p.blocks_of(BlockKind::heading);
  ASSERT_EQ(hs.size(), 1u);
  EXPECT_EQ(hs[0]->text, "title: x");
}

TEST(FrontMatter, AfterAByteOrderMark) {
  auto p = parse("\xEF\xBB\xBF---\ntitle: t\n---\n");
  ASSERT_EQ(p.doc.front_matter.size(), 1u);
  EXPECT_EQ(p.doc.front_matter[0].where.column, 1u);
}

TEST(FrontMatter, UnclosedBlockWarnsAndIsReadAsMarkdown) {
  auto p = parse("---\ntitle: x\n# Heading\n");
  EXPECT_TRUE(p.doc.front_matter.empty());
  ASSERT_EQ(p.diags.items().size(), 1u);
  const auto* d = p.diagnostic("unclosed-front-matter");
  ASSERT_NE(d, nullptr);
  EXPECT_EQ(d->severity, diag::Severity::warning);
  EXPECT_EQ(d->where.line, 1u);
  EXPECT_EQ(d->where.column, 1u);
  EXPECT_EQ(d->message, "front matter is never closed by '---' or '...'; reading it as Markdown");
  auto hs = p.blocks_of(BlockKind::heading);
  ASSERT_EQ(hs.size(), 1u);
  EXPECT_EQ(hs[0]->text, "Heading");
  EXPECT_EQ(p.blocks_of(BlockKind::paragraph).at(0)->text, "title: x");
}

}  // namespace
}  // namespace ng::notes
