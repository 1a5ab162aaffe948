// sentence_around against a byte-by-byte walk on random texts thick with
// sentence ends, at every position (the 16-byte scan must judge an end that
// straddles its blocks, and the text's edges, as the walk does).
#include <gtest/gtest.h>

#include <random>
#include <string>

#include "extract/sentences.hpp"

namespace ng::extract {
namespace {

std::pair<std::uint32_t, std::uint32_t> walked_sentence(std::string_view text, std::uint32_t at) {
  std::uint32_t first = at;
  while (first > 0 && !ends_sentence(text, first - 1)) --first;
  std::uint32_t last = at;
  while (last + 1 < text.size() && !ends_sentence(text, last)) ++last;
  return {first, last};
}

TEST(Sentences, EndsAreLineBreaksAndStopsBeforeASpaceOrLineBreak) {
  const std::string text = "S3 v1.2와 통합. EC2! 왜? 끝...x\n다음";
  EXPECT_EQ(sentence_around(text, 0),
            (std::pair<std::uint32_t, std::uint32_t>{0, static_cast<std::uint32_t>(text.find(". "))}));
  const auto ec2 = static_cast<std::uint32_t>(text.find("EC2"));
  EXPECT_EQ(sentence_around(text, ec2).first, ec2 - 1);  // the space after ". " starts the next sentence
  const auto tail = static_cast<std::uint32_t>(text.find("다음"));
  EXPECT_EQ(sentence_around(text, tail),
            (std::pair<std::uint32_t, std::uint32_t>{tail, static_cast<std::uint32_t>(text.size() - 1)}));
}

TEST(Sentences, MatchesAByteByByteWalkAtEveryPosition) {
  std::mt19937 rng(31);
  const char* kPieces[] = {"a", "한", " ", ".", "!", "?", "\n", ". ", "x.y", "...", " \n", "?\n"};
  for (int round = 0; round < 400; ++round) {
    std::string text;
    const std::size_t length = 1 + rng() % 120;
    const unsigned sparse = round % 4;  // some texts with few ends, to cross many blocks
    while (text.size() < length) {
      const std::size_t k = rng() % std::size(kPieces);
      text += (sparse == 0 || k < 2 || rng() % (8 * sparse) == 0) ? kPieces[k] : "w";
    }
    for (std::uint32_t at = 0; at < text.size(); ++at)
      ASSERT_EQ(sentence_around(text, at), walked_sentence(text, at))
          << "round " << round << " at " << at << ": " << text;
  }
}

}  // namespace
}  // namespace ng::extract
