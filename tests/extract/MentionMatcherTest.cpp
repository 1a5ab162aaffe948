// MentionMatcher: the matching rules the issue names, one per test.
#include <gtest/gtest.h>

#include "extract/mention_matcher.hpp"

using ng::extract::MentionMatcher;

namespace {

std::vector<std::string> found(const MentionMatcher& m, std::string_view text) {
  std::vector<MentionMatcher::Match> out;
  m.find(text, out);
  std::vector<std::string> names;
  for (const auto& x : out)
    names.push_back(std::string(text.substr(x.begin, x.end - x.begin)) + "#" + std::to_string(x.target));
  return names;
}

MentionMatcher make(std::initializer_list<std::pair<const char*, std::uint32_t>> names) {
  MentionMatcher m;
  for (auto [n, t] : names) m.add(n, t);
  m.build();
  return m;
}

}  // namespace

TEST(MentionMatcher, LatinIsCaseInsensitive) {
  auto m = make({{"Lambda", 1}});
  EXPECT_EQ(found(m, "uses LAMBDA and lambda"), (std::vector<std::string>{"LAMBDA#1", "lambda#1"}));
}

TEST(MentionMatcher, SpacesInsideNamesAreIgnored) {
  auto m = make({{"Dynamo DB", 1}, {"Elastic Beanstalk", 2}});
  EXPECT_EQ(found(m, "DynamoDB, ElasticBeanstalk, Dynamo  DB"),
            (std::vector<std::string>{"DynamoDB#1", "ElasticBeanstalk#2", "Dynamo  DB#1"}));
}

TEST(MentionMatcher, LatinWordBoundariesBlockLongerWords) {
  auto m = make({{"KMS", 1}});
  EXPECT_TRUE(found(m, "KMS2 SKMS kmsx").empty());
  EXPECT_EQ(found(m, "(KMS)"), std::vector<std::string>{"KMS#1"});
}

TEST(MentionMatcher, KoreanParticleGluedOnDoesNotBlock) {
  auto m = make({{"ECS", 1}, {"S3", 2}});
  EXPECT_EQ(found(m, "ECS와 S3에 저장"), (std::vector<std::string>{"ECS#1", "S3#2"}));
}

TEST(MentionMatcher, LongestMatchWins) {
  auto m = make({{"Amazon EC2 Auto Scaling", 1}, {"EC2", 2}, {"Amazon EC2", 2}});
  EXPECT_EQ(found(m, "Amazon EC2 Auto Scaling and EC2"),
            (std::vector<std::string>{"Amazon EC2 Auto Scaling#1", "EC2#2"}));
}

TEST(MentionMatcher, HangulNamesMatchInsideText) {
  auto m = make({{"람다", 7}, {"오토 스케일링", 8}});
  EXPECT_EQ(found(m, "AWS 람다로 오토스케일링을"), (std::vector<std::string>{"람다#7", "오토스케일링#8"}));
}

TEST(MentionMatcher, FirstTargetWinsForTheSameKey) {
  MentionMatcher m;
  EXPECT_EQ(m.add("Config", 1), 1u);
  EXPECT_EQ(m.add("config", 2), 1u);
  m.build();
  EXPECT_EQ(m.lookup("CON FIG"), 1u);
  EXPECT_EQ(m.lookup("nothing"), MentionMatcher::kNone);
}

TEST(MentionMatcher, MatchesDoNotCrossLineBreaks) {
  auto m = make({{"Auto Scaling", 1}});
  EXPECT_TRUE(found(m, "Auto\nScaling").empty());
}

TEST(MentionMatcher, EmptyMatcherFindsNothing) {
  MentionMatcher m;
  m.build();
  EXPECT_TRUE(found(m, "anything at all").empty());
}

TEST(MentionMatcher, SyllablesNoKeyStartsWithAreSteppedOverNotMatchedAcross) {
  // 다 starts no key, so the walk skips it; a key starting mid-word (람다 in
  // 다람다) is still found, a Latin key right after Hangul still matches, and
  // spaces inside a Hangul name are still ignored.
  auto m = make({{"람다", 7}, {"S3", 2}});
  EXPECT_EQ(found(m, "다람다가 다S3를"), (std::vector<std::string>{"람다#7", "S3#2"}));
  EXPECT_EQ(found(m, "다다다 람 다"), std::vector<std::string>{"람 다#7"});
}
