// The input check: first bad byte, first NUL, the binary heuristic, and
// offset-to-position mapping.
#include <gtest/gtest.h>

#include <algorithm>
#include <random>
#include <string>

#include "notes/input_check.hpp"
#include "notes/utf8.hpp"

namespace ng::notes {
namespace {

TEST(InputCheck, CleanTextHasNothingToReport) {
  InputReport r = check_input("# 제목\n본문 text\n");
  EXPECT_TRUE(r.clean());
  EXPECT_FALSE(r.binary);
}

TEST(InputCheck, FindsTheFirstBadByteAndCountsBadSequences) {
  InputReport r = check_input("0123456789abcdef\xC0\xAF ok \xFF");
  EXPECT_EQ(r.first_bad, 16u);
  EXPECT_EQ(r.bad_count, 3u);
  EXPECT_FALSE(r.binary);
}

TEST(InputCheck, FindsANulAfterTheSample) {
  std::string text(9000, 'a');
  text[8500] = '\0';
  InputReport r = check_input(text);
  EXPECT_FALSE(r.binary);
  EXPECT_EQ(r.first_nul, 8500u);
}

TEST(InputCheck, NulInTheFirst8KiBMeansBinary) {
  std::string text = "PK\x03\x04";
  text += std::string("\0\0", 2);
  InputReport r = check_input(text);
  EXPECT_TRUE(r.binary);
  EXPECT_EQ(r.binary_at, 4u);
}

TEST(InputCheck, MostlyInvalidBytesMeanBinary) {
  std::string text;
  for (int i = 0; i < 200; ++i) text += "\xFF\xFE\x01a";
  EXPECT_TRUE(check_input(text).binary);
}

TEST(InputCheck, AFewBadBytesInTextAreNotBinary) {
  std::string text(200, 'a');
  text[50] = '\xE9';  // Latin-1 é
  EXPECT_FALSE(check_input(text).binary);
}

// The check byte by byte, as the 16-byte scan must report it.
InputReport reference_check(std::string_view text) {
  InputReport r;
  auto base = reinterpret_cast<const unsigned char*>(text.data());
  auto end = base + text.size();
  for (auto p = base; p < end;) {
    auto at = static_cast<std::size_t>(p - base);
    if (*p < 0x80) {
      if (*p == 0 && r.first_nul == InputReport::npos) r.first_nul = at;
      if (*p == '\r' && r.first_cr == InputReport::npos) r.first_cr = at;
      ++p;
    } else if (std::size_t n = utf8::valid_length(p, end); n != 0) {
      p += n;
    } else {
      if (r.first_bad == InputReport::npos) r.first_bad = at;
      ++r.bad_count;
      p += utf8::invalid_length(p, end);
    }
  }
  return r;
}

// Mostly Hangul and ASCII, with every kind of sequence, bad byte, NUL and CR
// now and then, so that each lands on every lane of the 16-byte scan.
std::string random_text(std::mt19937& rng, std::size_t pieces) {
  static const char* const kPieces[] = {"a",
                                        "text ",
                                        "\n",
                                        "\r\n",
                                        "\r",
                                        "\0",
                                        "\t",
                                        "가",
                                        "힣",
                                        "퀀",
                                        "한글 ",
                                        "\xC3\xA9",
                                        "\xE0\xA4\x85",
                                        "\xE0\x80\x80",
                                        "\xED\x9F\xBF",
                                        "\xED\xA0\x80",
                                        "\xEF\xBF\xBD",
                                        "\xF0\x9F\x98\x80",
                                        "\xF4\x8F\xBF\xBF",
                                        "\xF4\x90\x80\x80",
                                        "\xC0\xAF",
                                        "\xC1",
                                        "\xC2",
                                        "\xE3\x81",
                                        "\xF0\x9F",
                                        "\x80",
                                        "\xBF",
                                        "\xF5",
                                        "\xFF",
                                        "\xFE"};
  std::uniform_int_distribution<std::size_t> common(0, 11), any(0, std::size(kPieces) - 1), rare(0, 19);
  std::string s;
  for (std::size_t i = 0; i < pieces; ++i) {
    const char* piece = rare(rng) == 0 ? kPieces[any(rng)] : kPieces[common(rng)];
    s.append(piece, piece[0] == '\0' ? 1 : std::char_traits<char>::length(piece));
  }
  return s;
}

void expect_same(const InputReport& got, const InputReport& want, const std::string& what) {
  EXPECT_EQ(got.first_nul, want.first_nul) << what;
  EXPECT_EQ(got.first_bad, want.first_bad) << what;
  EXPECT_EQ(got.bad_count, want.bad_count) << what;
  EXPECT_EQ(got.first_cr, want.first_cr) << what;
}

TEST(InputCheck, SixteenByteScanReportsWhatAByteByByteCheckDoes) {
  std::mt19937 rng(20240611);
  for (int round = 0; round < 3000; ++round) {
    std::string text = std::string(9000, 'x') + random_text(rng, 1 + round % 200);  // past the binary sample
    expect_same(check_input(text), reference_check(text), "round " + std::to_string(round));
  }
  // Inside the sample too, which the binary judgment scans first (clean
  // stretches, then CRs, NULs or bad bytes), when it is not judged binary.
  int judged_text = 0;
  for (int round = 0; round < 3000; ++round) {
    std::string text = std::string(round % 50, 'y') + random_text(rng, 1 + round % 300);
    if (round % 10 != 0) std::replace(text.begin(), text.end(), '\0', 'z');  // a NUL in the sample means binary
    const InputReport got = check_input(text);
    if (got.binary) continue;
    ++judged_text;
    expect_same(got, reference_check(text), "sample round " + std::to_string(round));
    expect_same(check_input(text, 0, text.size()), got, "sample round " + std::to_string(round));
  }
  EXPECT_GT(judged_text, 1000);
}

// The binary judgment of the first 8 KiB, byte by byte: a NUL, or more than
// 30% bad bytes and control characters other than \t \n \v \f \r ESC.
std::pair<bool, std::size_t> reference_binary(std::string_view text) {
  const std::size_t n = std::min<std::size_t>(text.size(), 8192);
  auto base = reinterpret_cast<const unsigned char*>(text.data());
  auto end = base + text.size();
  std::size_t suspicious = 0, first = InputReport::npos;
  for (std::size_t i = 0; i < n;) {
    const unsigned char c = base[i];
    if (c == 0) return {true, i};
    std::size_t step = 1;
    bool bad = false;
    if (c >= 0x80) {
      step = utf8::valid_length(base + i, end);
      if (step == 0) {
        step = utf8::invalid_length(base + i, end);
        bad = true;
      }
    } else {
      bad = (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != '\v' && c != 0x1B) || c == 0x7F;
    }
    if (bad) {
      suspicious += step;
      if (first == InputReport::npos) first = i;
    }
    i += step;
  }
  if (n >= 32 && suspicious * 10 > n * 3) return {true, first};
  return {false, InputReport::npos};
}

TEST(InputCheck, BinaryJudgmentMatchesAByteByByteOne) {
  // Texts around the 30% line: clean stretches (which the 16-byte scan
  // vouches for) with control characters, bad bytes and NULs among them, of
  // every length up to past the 8 KiB sample.
  std::mt19937 rng(99);
  int judged_binary = 0;
  const char* kNoise[] = {"\x01", "\x7F", "\x1B", "\x0B", "\x0C", "\t", "\x1F", "\xFF", "\xC0\xAF", "\xE3\x81"};
  for (int round = 0; round < 3000; ++round) {
    std::string text;
    const std::size_t length = round % 3 == 0 ? 8150 + round % 100 : 1 + (round * 37) % 600;
    const unsigned noise_percent = round % 96;
    while (text.size() < length) {
      if (rng() % 100 < noise_percent) {
        const char* piece = kNoise[rng() % std::size(kNoise)];
        text += piece;
      } else {
        static const char* kClean[] = {"word ", "한글 ", "\n", "é", "—", "x", "가나다라마바사아자차카타파하 "};
        text += kClean[rng() % std::size(kClean)];
      }
      if (round % 97 == 0 && rng() % 500 == 0) text += '\0';
    }
    const InputReport got = check_input(text);
    const auto [binary, at] = reference_binary(text);
    ASSERT_EQ(got.binary, binary) << "round " << round;
    if (binary) {
      ASSERT_EQ(got.binary_at, at) << "round " << round;
      ++judged_binary;
    }
  }
  // Both sides of the line were tried.
  EXPECT_GT(judged_binary, 300);
  EXPECT_LT(judged_binary, 2700);
}

TEST(InputCheck, PartsAppendedReportWhatTheWholeCheckDoes) {
  std::mt19937 rng(7);
  const std::size_t sample = 9000;  // a clean start, so that no part is judged binary
  for (int round = 0; round < 200; ++round) {
    std::string text = std::string(sample, 'x') + random_text(rng, 60);
    InputReport whole = check_input(text);
    ASSERT_FALSE(whole.binary);
    for (std::size_t mid = sample; mid <= text.size(); ++mid) {
      if (mid < text.size() && static_cast<unsigned char>(text[mid]) >= 0x80) continue;  // parts start at ASCII
      InputReport parts = check_input(text, 0, mid);
      parts.append(check_input(text, mid, text.size()));
      expect_same(parts, whole, "round " + std::to_string(round) + " split at " + std::to_string(mid));
    }
  }
}

TEST(InputCheck, FindsTheFirstCr) {
  EXPECT_EQ(check_input("# a\nb\r\nc\rd").first_cr, 5u);
  EXPECT_EQ(check_input(std::string(40, 'a') + "\r").first_cr, 40u);
  EXPECT_EQ(check_input("no carriage return\n").first_cr, InputReport::npos);
}

TEST(InputCheck, LocateCountsLinesAndCodePoints) {
  std::string text = "a\r\nb\rc\n한글x";
  EXPECT_EQ(locate(text, 0, 0).line, 1u);
  EXPECT_EQ(locate(text, 0, 3).line, 2u);
  EXPECT_EQ(locate(text, 0, 5).line, 3u);
  auto pos = locate(text, 0, text.size() - 1);
  EXPECT_EQ(pos.line, 4u);
  EXPECT_EQ(pos.column, 3u);
}

TEST(InputCheck, LocateGivesTheBomNoColumn) {
  std::string text =
      "\xEF\xBB\xBF"
      "ab";
  EXPECT_EQ(locate(text, 3, 4).column, 2u);
}

}  // namespace
}  // namespace ng::notes
