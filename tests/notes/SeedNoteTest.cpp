// The seed note (tests/data/aws-overview.ko.md): its headings, its <details>
// section, its term items, and that code spans never reach the text.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "parse_helper.hpp"

namespace ng::notes {
namespace {

testing::Parsed parse_seed() {
  std::ifstream in(std::string(NG_TEST_DATA) + "/aws-overview.ko.md", std::ios::binary);
  std::stringstream buffer;
  buffer << in.rdbuf();
  return testing::parse(buffer.str());
}

class SeedNote : public ::testing::Test {
protected:
  static void SetUpTestSuite() { seed_ = new testing::Parsed(parse_seed()); }
  static void TearDownTestSuite() {
    delete seed_;
    seed_ = nullptr;
  }
  static const testing::Parsed& seed() { return *seed_; }

private:
  static testing::Parsed* seed_;
};

testing::Parsed* SeedNote::seed_ = nullptr;

TEST_F(SeedNote, ParsesWithoutDiagnostics) {
  EXPECT_FALSE(seed().doc.blocks.empty());
  EXPECT_TRUE(seed().diags.items().empty());
}

TEST_F(SeedNote, FindsEveryHeading) { EXPECT_EQ(seed().blocks_of(BlockKind::heading).size(), 109u); }

TEST_F(SeedNote, FirstHeadingsHaveLevelsNumbersAndTexts) {
  auto hs = seed().blocks_of(BlockKind::heading);
  ASSERT_GE(hs.size(), 3u);
  EXPECT_EQ(hs[0]->level, 1u);
  EXPECT_EQ(hs[0]->number, "1");
  EXPECT_EQ(hs[0]->text, "클라우드 컴퓨팅과 AWS 개요");
  EXPECT_EQ(hs[0]->where.line, 1u);
  EXPECT_EQ(hs[1]->level, 2u);
  EXPECT_EQ(hs[1]->number, "1");
  EXPECT_EQ(hs[1]->text, "클라우드 컴퓨팅");
  EXPECT_EQ(hs[2]->level, 2u);
  EXPECT_EQ(hs[2]->number, "1.1");
  EXPECT_EQ(hs[2]->text, "클라우드 컴퓨팅이란?");
  EXPECT_EQ(hs[2]->where.line, 5u);
}

TEST_F(SeedNote, HeadingsInsideTheDetailsSectionAreFound) {
  auto hs = seed().blocks_of(BlockKind::heading);
  auto it = std::find_if(hs.begin(), hs.end(), [](const Block* b) { return b->where.line == 48; });
  ASSERT_NE(it, hs.end());
  EXPECT_EQ((*it)->level, 3u);
  EXPECT_EQ((*it)->number, "");
  EXPECT_EQ((*it)->text, "Amazon Elastic Compute Cloud (EC2)");
  auto last = hs.back();
  EXPECT_EQ(last->where.line, 442u);
  EXPECT_EQ(last->text, "AWS 완전 관리형(Fully Managed) 서비스 vs 관리형(Managed) 서비스 차이");
}

TEST_F(SeedNote, SectionTwoHeadingHasNumberWithoutDot) {
  auto hs = seed().blocks_of(BlockKind::heading);
  auto it = std::find_if(hs.begin(), hs.end(), [](const Block* b) { return b->where.line == 37; });
  ASSERT_NE(it, hs.end());
  EXPECT_EQ((*it)->number, "2");
  EXPECT_EQ((*it)->text, "AWS 제품과 서비스");
}

TEST_F(SeedNote, DetailsOpenAndCloseAreAtTheirLines) {
  auto open = seed().blocks_of(BlockKind::details_open);
  auto close = seed().blocks_of(BlockKind::details_close);
  ASSERT_EQ(open.size(), 1u);
  ASSERT_EQ(close.size(), 1u);
  EXPECT_EQ(open[0]->where.line, 40u);
  EXPECT_EQ(open[0]->where.column, 1u);
  EXPECT_EQ(close[0]->where.line, 438u);
}

TEST_F(SeedNote, CodeSpansNeverAppearInText) {
  for (const Block& b : seed().doc.blocks) {
    EXPECT_EQ(b.text.find('`'), std::string_view::npos) << "line " << b.where.line;
    EXPECT_EQ(b.text.find("어디서든 접속 가능하고"), std::string_view::npos) << "line " << b.where.line;
  }
}

TEST_F(SeedNote, TermItemsHaveKeys) {
  std::vector<std::string_view> keys;
  for (const Block* b : seed().blocks_of(BlockKind::list_item))
    if (!b->key.empty()) keys.push_back(b->key);
  EXPECT_EQ(keys, (std::vector<std::string_view>{"온디맨드", "IaaS", "PaaS", "SaaS", "올 인 클라우드(퍼블릭 클라우드)",
                                                 "하이브리드 클라우드", "온프레미스 또는 프라이빌 클라우드", "동질적",
                                                 "비동질적"}));
}

TEST_F(SeedNote, NestedItemsUnderBoldItemsHaveDepthOne) {
  auto items = seed().blocks_of(BlockKind::list_item);
  auto it = std::find_if(items.begin(), items.end(), [](const Block* b) { return b->where.line == 444; });
  ASSERT_NE(it, items.end());
  EXPECT_EQ((*it)->text, "완전관리형, fully-managed");
  EXPECT_EQ((*it)->depth, 0u);
  EXPECT_EQ((*(it + 1))->depth, 1u);
}

}  // namespace
}  // namespace ng::notes
