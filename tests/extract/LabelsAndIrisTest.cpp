// Labels split off their acronym; slugs and IRI escaping.
#include <gtest/gtest.h>

#include <random>
#include <string>
#include <vector>

#include "extract/entities.hpp"
#include "extract/iri_minter.hpp"
#include "extract/script_class.hpp"
#include "model/utf8.hpp"

using namespace ng::extract;

TEST(SplitLabel, TrailingAcronymBecomesAltLabel) {
  std::string label, alt;
  split_label("Amazon Elastic Compute Cloud (EC2)", label, alt);
  EXPECT_EQ(label, "Amazon Elastic Compute Cloud");
  EXPECT_EQ(alt, "EC2");
  split_label("Amazon Elastic Kubernetes Service(EKS)", label, alt);
  EXPECT_EQ(label, "Amazon Elastic Kubernetes Service");
  EXPECT_EQ(alt, "EKS");
}

namespace {

// split_label() of each raw heading text, as {raw, label, alt}.
struct LabelCase {
  const char* raw;
  const char* label;
  const char* alt;
};
void expect_splits(std::initializer_list<LabelCase> cases) {
  for (const LabelCase& c : cases) {
    std::string label, alt;
    split_label(c.raw, label, alt);
    EXPECT_EQ(label, c.label) << c.raw;
    EXPECT_EQ(alt, c.alt) << c.raw;
  }
}

}  // namespace

TEST(SplitLabel, LowerCaseRemarksAreNotAltLabels) {
  // "(off)" is a remark on the heading: as an alternative name it would make
  // every "off" in the notes a mention. A capital, a digit or a non-ASCII
  // letter makes a name.
  expect_splits({{"S3 Accelerated Transfer (off)", "S3 Accelerated Transfer (off)", ""},
                 {"Bucket keys (optional)", "Bucket keys (optional)", ""},
                 {"Replica (read-only)", "Replica (read-only)", ""},
                 {"General Purpose SSD (gp2)", "General Purpose SSD", "gp2"},
                 {"AWS Lambda (람다)", "AWS Lambda", "람다"},
                 {"Infrastructure as a Service (IaaS)", "Infrastructure as a Service", "IaaS"}});
}

TEST(SplitLabel, LeadingPictographsAreNotPartOfTheName) {
  // og-aws marks its items with a legend's symbols. Symbols elsewhere,
  // Korean, and a label of symbols only are kept.
  expect_splits({{"⛓🕍CloudFormation", "CloudFormation", ""},
                 {"🕍 EKS", "EKS", ""},
                 {"❗\uFE0FKey prefixes", "Key prefixes", ""},
                 {"🔸Amazon Simple Queue Service (SQS)", "Amazon Simple Queue Service", "SQS"},
                 {"EC2 ⛓ lock-in", "EC2 ⛓ lock-in", ""},
                 {"람다 함수", "람다 함수", ""},
                 {"⛓", "⛓", ""}});
}

TEST(SplitLabel, NoParenthesesKeepsTheLabel) {
  std::string label, alt;
  split_label("AWS Lambda", label, alt);
  EXPECT_EQ(label, "AWS Lambda");
  EXPECT_EQ(alt, "");
}

TEST(SplitLabel, ParenthesesInsideOrSentenceLikeAreKept) {
  std::string label, alt;
  split_label("AWS 완전 관리형(Fully Managed) 서비스 vs 관리형(Managed) 서비스 차이", label, alt);
  EXPECT_EQ(alt, "");
  split_label("(EC2)", label, alt);
  EXPECT_EQ(label, "(EC2)");
  split_label("Note (see the long explanation, with commas)", label, alt);
  EXPECT_EQ(alt, "");
}

TEST(Slugify, LowerCasesAndFoldsPunctuation) {
  EXPECT_EQ(slugify("Import / Export Options"), "import-export-options");
  EXPECT_EQ(slugify("클라우드 컴퓨팅이란?"), "클라우드-컴퓨팅이란");
  EXPECT_EQ(slugify("  --  "), "");
}

TEST(Slugify, LongLabelsAreCutAtAWordBoundary) {
  std::string slug = slugify("AWS 완전 관리형(Fully Managed) 서비스 vs 관리형(Managed) 서비스 차이 그리고 더 긴 설명");
  EXPECT_LE(slug.size(), 80u);
  EXPECT_EQ(slug, "aws-완전-관리형-fully-managed-서비스-vs-관리형-managed-서비스");
}

TEST(StripVendor, OnlyBeforeLatinNames) {
  std::vector<std::string> v{"Amazon", "AWS"};
  EXPECT_EQ(strip_vendor("Amazon Aurora", v), "Aurora");
  EXPECT_EQ(strip_vendor("AWS 서비스", v), "AWS 서비스");
  EXPECT_EQ(strip_vendor("AWS", v), "AWS");
}

TEST(IriPathEscape, EscapesWhatIrisForbid) {
  EXPECT_EQ(iri_path_escape("notes/a b<c>.md"), "notes/a%20b%3Cc%3E.md");
  EXPECT_EQ(iri_path_escape("노트.md"), "노트.md");
}

TEST(SplitLabel, LabelsAreNfc) {
  std::string label, alt;
  // "Cafe\u0301 (CAF)" with a combining acute, and decomposed Hangul jamo for "가".
  split_label("Cafe\xCC\x81 \xE1\x84\x80\xE1\x85\xA1 (CAF)", label, alt);
  EXPECT_EQ(label, "Caf\xC3\xA9 \xEA\xB0\x80");
  EXPECT_EQ(alt, "CAF");
}

TEST(ToNfc, AsciiAndComposedTextAreUnchanged) {
  EXPECT_EQ(to_nfc("plain"), "plain");
  EXPECT_EQ(to_nfc("가나다"), "가나다");
}

TEST(IsNfcStable, PlainTextIsStableAndACombiningMarkAnywhereIsNot) {
  EXPECT_TRUE(is_nfc_stable(""));
  EXPECT_TRUE(is_nfc_stable("plain ASCII text longer than eight bytes"));
  EXPECT_TRUE(is_nfc_stable("가나다 and 힣 — “quotes”"));
  // U+0301 (combining acute) after the 8-byte ASCII steps, at a word's end, alone.
  EXPECT_FALSE(is_nfc_stable("abcdefghijklmnope\xCC\x81"));
  EXPECT_FALSE(is_nfc_stable("e\xCC\x81 abcdefgh"));
  EXPECT_FALSE(is_nfc_stable("\xCC\x81"));
  // A Hangul syllable then a conjoining final jamo (U+11A8) composes.
  EXPECT_FALSE(is_nfc_stable("\xEA\xB0\x80\xE1\x86\xA8"));
  // The last syllable U+D7A3 is stable; U+D7B0 (a jamo extension) is not known to be.
  EXPECT_TRUE(is_nfc_stable("\xED\x9E\xA3"));
  EXPECT_FALSE(is_nfc_stable("\xED\x9E\xB0"));
}

// The 16-byte blocks (SSE2) against a plain statement of the rule, on valid
// UTF-8 mixing ASCII, Hangul syllables (the range's edges too), CJK, Latin-1,
// conjoining jamo, combining marks and other scripts, at every alignment.
TEST(IsNfcStable, BlocksAgreeWithACodePointAtATimeOnRandomText) {
  // The rule, one code point at a time (nfc_stable's list).
  auto stable = [](char32_t c) {
    return c < 0x300 || (c >= 0xAC00 && c <= 0xD7A3) || (c >= 0x4E00 && c <= 0x9FFF) ||
           (c >= 0x3000 && c <= 0x3098) || (c >= 0x309B && c <= 0x30FF) || (c >= 0x2010 && c <= 0x2027) ||
           (c >= 0x2030 && c <= 0x205E) || (c >= 0xFF01 && c <= 0xFFEF) || (c >= 0x1F300 && c <= 0x1FAFF);
  };
  const std::vector<std::pair<char32_t, char32_t>> ranges = {
      {0x20, 0x7E},       {0x20, 0x7E},     {0xAC00, 0xD7A3}, {0xAC00, 0xD7A3}, {0xAC00, 0xAC02},
      {0xD7A1, 0xD7A6},   {0xD780, 0xD7B0}, {0xA000, 0xABFF}, {0x4E00, 0x9FFF}, {0x4DFF, 0x5001},
      {0xC0, 0x2FF},      {0x300, 0x36F},   {0x1100, 0x11FF}, {0x3000, 0x30FF}, {0x0400, 0x04FF},
      {0x1F300, 0x1F310}, {0xE000, 0xE010}, {0xFF00, 0xFFFD}};
  std::mt19937 random(11);
  for (int round = 0; round < 20000; ++round) {
    std::string text;
    bool expected = true;
    const int length = static_cast<int>(random() % 40);
    // Mostly one or two kinds per text, so long stable runs occur.
    const auto& a = ranges[random() % ranges.size()];
    const auto& b = ranges[random() % ranges.size()];
    for (int k = 0; k < length; ++k) {
      const auto& r = random() % 8 == 0 ? b : a;
      const char32_t c = r.first + static_cast<char32_t>(random() % (r.second - r.first + 1));
      expected = expected && stable(c);
      ng::model::append_utf8(text, c);
    }
    ASSERT_EQ(is_nfc_stable(text), expected) << "round " << round << ": " << text;
  }
}

TEST(ToNfc, HangulSyllableFollowedByAConjoiningJamoComposes) {
  // "가" + U+11A8 (final ㄱ) is "각" in NFC: the fast path must not skip it.
  EXPECT_EQ(to_nfc("\xEA\xB0\x80\xE1\x86\xA8"), "\xEA\xB0\x81");
}
