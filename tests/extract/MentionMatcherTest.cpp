// MentionMatcher: the matching rules the issue names, one per test; then the
// edges of the block scan, and a plain statement of the rules compared with
// find() on random text.
#include <gtest/gtest.h>

#include <cctype>
#include <random>

#include "extract/mention_matcher.hpp"
#include "extract/script_class.hpp"

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

TEST(MentionMatcher, NormalizeLowersAsciiAndDropsNameSpacesOnly) {
  EXPECT_EQ(MentionMatcher::normalize("Amazon EC2"), "amazonec2");
  EXPECT_EQ(MentionMatcher::normalize("Dynamo\tDB"), "dynamodb");
  EXPECT_EQ(MentionMatcher::normalize("API\xC2\xA0게이트웨이"), "api게이트웨이");  // NBSP
  EXPECT_EQ(MentionMatcher::normalize("오토\xE3\x80\x80스케일"), "오토스케일");    // ideographic space
  EXPECT_EQ(MentionMatcher::normalize("ÉCOLE É"), "ÉcoleÉ");                       // only ASCII is lower-cased
  EXPECT_EQ(MentionMatcher::normalize(" \t "), "");
}

TEST(MentionMatcher, NormalizeKeepsASequenceCutOffByTheEndWithoutReadingPastIt) {
  const std::string text = "S3\xEA\xB0";  // a three-byte lead and one continuation, then the end
  const std::string key = MentionMatcher::normalize(std::string_view(text));
  EXPECT_EQ(key, "s3\xEA\xB0");
}

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

// The block scan (64 bytes at a time) and its shortcuts, next to the rules.
namespace {

std::string repeat(std::string_view piece, std::size_t times) {
  std::string s;
  for (std::size_t i = 0; i < times; ++i) s += piece;
  return s;
}

// The matching rules stated as simply as possible, key by key, for any bytes:
// code points as the lead byte's length says (cut at the text's end), name
// spaces skipped between code points, the longest key at each start.
class ReferenceMatcher {
 public:
  void add(std::string_view name, std::uint32_t target) {
    std::string key = MentionMatcher::normalize(name);
    if (key.empty()) return;
    for (const auto& [k, t] : keys_)
      if (k == key) return;
    keys_.emplace_back(std::move(key), target);
  }

  std::vector<MentionMatcher::Match> find(std::string_view text) const {
    std::vector<MentionMatcher::Match> out;
    const std::size_t n = text.size();
    std::size_t i = 0;
    bool prev_latin = false;
    while (i < n) {
      std::size_t best_end = 0;
      std::uint32_t best_target = 0;
      if (!(latin_at(text, i) && prev_latin)) {
        for (const auto& [key, target] : keys_) {
          const std::size_t end = match_end(text, i, key);
          if (end > best_end) {
            best_end = end;
            best_target = target;
          }
        }
      }
      if (best_end != 0) {
        out.push_back({static_cast<std::uint32_t>(i), static_cast<std::uint32_t>(best_end), best_target});
        i = best_end;
        prev_latin = ng::extract::is_latin_alnum(ng::extract::decode_before(text, i));
      } else {
        prev_latin = latin_at(text, i);
        i += std::min(sequence_length(static_cast<unsigned char>(text[i])), n - i);
      }
    }
    return out;
  }

 private:
  static std::size_t sequence_length(unsigned char lead) {
    return lead < 0xC0 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : lead < 0xF8 ? 4 : 1;
  }
  static bool latin_at(std::string_view text, std::size_t j) {
    const auto b = static_cast<unsigned char>(text[j]);
    if (b < 0x80) return std::isalnum(b) != 0;
    if (b < 0xC3 || b > 0xC9) return false;  // only these leads start U+00C0..U+024F
    std::size_t len = 0;
    return ng::extract::is_latin_alnum(ng::extract::decode_at(text, j, len));
  }
  static std::size_t name_space_at(std::string_view text, std::size_t j) {
    for (std::string_view space : {" ", "\t", "\u00A0", "\u3000"})
      if (text.substr(j, space.size()) == space) return space.size();
    return 0;
  }
  // Where `key` ends when it matches at start position i, else 0.
  static std::size_t match_end(std::string_view text, std::size_t i, std::string_view key) {
    const std::size_t n = text.size();
    std::size_t j = i, cp_end = i;
    bool last_latin = false;
    for (char k : key) {
      if (j >= cp_end) {
        if (j > i)
          while (j < n && name_space_at(text, j) != 0) j += name_space_at(text, j);
        if (j >= n) return 0;
        cp_end = std::min(j + sequence_length(static_cast<unsigned char>(text[j])), n);
        last_latin = latin_at(text, j);
      }
      const char c = text[j] >= 'A' && text[j] <= 'Z' ? static_cast<char>(text[j] - 'A' + 'a') : text[j];
      if (c != k) return 0;
      ++j;
    }
    if (j < cp_end || (last_latin && j < n && latin_at(text, j))) return 0;
    return j;
  }

  std::vector<std::pair<std::string, std::uint32_t>> keys_;
};

std::vector<std::string> positions(const std::vector<MentionMatcher::Match>& matches) {
  std::vector<std::string> out;
  for (const auto& m : matches)
    out.push_back(std::to_string(m.begin) + "-" + std::to_string(m.end) + "#" + std::to_string(m.target));
  return out;
}

}  // namespace

TEST(MentionMatcher, MatchesAtEveryOffsetAroundBlockBoundaries) {
  // A key starting at each offset 0..200 after ASCII, Hangul and mixed
  // filler: across 64-byte blocks, in the last block (loaded shifted) and in
  // texts shorter than a block (a padded copy), up to the text's last byte.
  auto m = make({{"Auto Scaling", 1}, {"람다", 2}, {"S", 3}});
  for (std::string_view filler : {".", "가", "x ", "다 "}) {
    for (std::size_t times = 0; times < 200; ++times) {
      const std::string lead = repeat(filler, times);
      const std::string text = lead + "AutoScaling, 람다와 S";
      std::vector<MentionMatcher::Match> out;
      m.find(text, out);
      const auto at = static_cast<std::uint32_t>(lead.size());
      ASSERT_EQ(out.size(), 3u) << filler << " x" << times;
      EXPECT_EQ(out[0].begin, at);
      EXPECT_EQ(out[0].end, at + 11);
      EXPECT_EQ(out[1].begin, at + 13);
      EXPECT_EQ(out[1].target, 2u);
      EXPECT_EQ(out[2].end, text.size());
    }
  }
}

TEST(MentionMatcher, WordInsideALongRunOfLettersIsNotAStart) {
  // The word-start mask carries across blocks: "kms" ending a 70-letter word
  // is no match, one after a space is.
  auto m = make({{"KMS", 1}});
  for (std::size_t letters = 60; letters < 70; ++letters) {
    EXPECT_TRUE(found(m, repeat("a", letters) + "kms").empty()) << letters;
    EXPECT_EQ(found(m, repeat("a", letters) + " kms"), std::vector<std::string>{"kms#1"}) << letters;
  }
}

TEST(MentionMatcher, NameSpacesOfEveryKindInsideNames) {
  auto m = make({{"Dynamo DB", 1}, {"오토 스케일링", 2}});
  EXPECT_EQ(found(m, "Dynamo\u00A0DB와 오토\u3000스케일링, Dynamo\t \u00A0DB"),
            (std::vector<std::string>{"Dynamo\u00A0DB#1", "오토\u3000스케일링#2", "Dynamo\t \u00A0DB#1"}));
  // Not at the start or the end of a match.
  EXPECT_EQ(found(m, "\u00A0DynamoDB\u3000"), std::vector<std::string>{"DynamoDB#1"});
}

TEST(MentionMatcher, LatinLettersWithDiacriticsAreWordCharacters) {
  auto m = make({{"KMS", 1}, {"Élan", 2}});
  EXPECT_TRUE(found(m, "éKMS KMSé ÿKMS").empty());
  // × and ÷ are not letters; a Hangul particle is no Latin letter either.
  EXPECT_EQ(found(m, "×KMS÷ KMS는"), (std::vector<std::string>{"KMS#1", "KMS#1"}));
  // Only ASCII is case-folded.
  EXPECT_EQ(found(m, "élan ÉLAN xÉlan"), std::vector<std::string>{"ÉLAN#2"});
  // A match that would end before a letter does not; after one that ends in
  // é, a letter cannot start the next.
  auto m2 = make({{"café", 1}, {"KMS", 2}});
  EXPECT_EQ(found(m2, "caféKMS café KMS"), (std::vector<std::string>{"café#1", "KMS#2"}));
  auto m3 = make({{"café", 1}, {"KMS", 2}});
  EXPECT_TRUE(found(m3, "caféKMS").empty());
}

TEST(MentionMatcher, HangulParticleAfterAMatchAtABlockBoundary) {
  auto m = make({{"ECS", 1}, {"람다", 2}});
  for (std::size_t pad = 55; pad < 70; ++pad) {
    const std::string text = repeat(".", pad) + "ECS와 람다를";
    EXPECT_EQ(found(m, text), (std::vector<std::string>{"ECS#1", "람다#2"})) << pad;
  }
}

TEST(MentionMatcher, TextEndingInsideACodePoint) {
  auto m = make({{"KMS", 1}, {"람다", 2}});
  EXPECT_EQ(found(m, "KMS \xEB\x9E"), std::vector<std::string>{"KMS#1"});
  EXPECT_TRUE(found(m, "\xEB\x9E\x8C\xEB\x8B").empty());  // 람 and a cut 다
  EXPECT_EQ(found(m, repeat("가", 30) + "람다 KMS\xF0\x9F"), (std::vector<std::string>{"람다#2", "KMS#1"}));
}

TEST(MentionMatcher, StrayAndMissingContinuationBytes) {
  auto m = make({{"KMS", 1}, {"람다", 2}});
  EXPECT_EQ(found(m, "\x80KMS\x80 \xBF람다\xEA"), (std::vector<std::string>{"KMS#1", "람다#2"}));
  // A lead byte takes the bytes after it, as its length says, whatever they are.
  EXPECT_TRUE(found(m, "\xE3KMS").empty());
  EXPECT_EQ(found(m, "\xE3KMS KMS"), std::vector<std::string>{"KMS#1"});
  EXPECT_EQ(found(m, repeat("x", 63) + "\xC3" + "  KMS " + repeat("\xFF", 70) + " KMS"),
            (std::vector<std::string>{"KMS#1", "KMS#1"}));
}

TEST(MentionMatcher, CueTableWithOneKey) {
  auto m = make({{"연동", 1}});
  EXPECT_EQ(found(m, repeat("가나다 ", 20) + "S3와 연동된다, 연 동"), (std::vector<std::string>{"연동#1", "연 동#1"}));
  auto latin = make({{"runs on", 2}});
  EXPECT_EQ(found(latin, "it runs on ECS; reruns on"), std::vector<std::string>{"runs on#2"});
}

TEST(MentionMatcher, FirstSyllablesSharingLeadOrSecondBytes) {
  // The scan drops syllables that start no key by their lead, second and
  // third bytes: syllables sharing the first two bytes of a key's first one,
  // or its lead, must be dropped, and every key still found.
  // 개 (EA B0 9C) and 각 (EA B0 81) share 가's first two bytes (EA B0 80),
  // 힣 (ED 9E A3) shares 하's lead (ED 95 98).
  const std::vector<std::string> syllables{"가", "고", "구", "나", "노", "다", "라", "마", "하"};
  MentionMatcher m;
  for (std::size_t k = 0; k < syllables.size(); ++k) m.add(syllables[k] + "키", static_cast<std::uint32_t>(k));
  m.build();
  std::string text = repeat("개키 각키 ", 12);
  std::vector<std::string> expected;
  for (std::size_t k = 0; k < syllables.size(); ++k) {
    text += syllables[k] + "키와 힣키 ";
    expected.push_back(syllables[k] + "키#" + std::to_string(k));
  }
  EXPECT_EQ(found(m, text), expected);
}

TEST(MentionMatcher, KeysStartingWithPunctuationOrOtherScripts) {
  // Up to four ASCII punctuation first bytes are compared in the scan, more
  // make every one a candidate; two- and four-byte first code points take
  // the general first step.
  auto few = make({{".NET", 1}, {"(beta)", 2}});
  EXPECT_EQ(found(few, repeat("가", 25) + " .net (BETA) x.NET"),
            (std::vector<std::string>{".net#1", "(BETA)#2", ".NET#1"}));
  auto many = make({{".a", 1}, {"-b", 2}, {"+c", 3}, {"(d", 4}, {"[e", 5}, {"ø", 6}, {"😀x", 7}});
  EXPECT_EQ(found(many, repeat("z ", 40) + ".a -b +c (d [e øx 😀x"),
            (std::vector<std::string>{".a#1", "-b#2", "+c#3", "(d#4", "[e#5", "😀x#7"}));
}

TEST(MentionMatcher, MatchesTheReferenceOnRandomText) {
  // Texts and names drawn from pieces that exercise every path: ASCII words
  // and punctuation, Latin-1 letters and signs, Hangul, other three-byte
  // and four-byte code points, name spaces, and malformed UTF-8.
  const std::vector<std::string> pieces = {
      "a",      "b",      "K",    "M",  "s",        "3",        " ",        "\t",       "\n",   ".",
      "-",      "é",      "É",    "×",  "ø",        "가",       "나",       "람",       "다",   "와",
      "\u00A0", "\u3000", "「",   "😀",  "\x80",     "\xBF",     "\xEA",     "\xC3",     "\xFF", "\xE3\x80",
      "ab",     "KMS",    "람다", "S3", "\xF0\x9F", "\xEB\x9E", "\xC3\xA9", "\xE2\x80", "(",    "\xC1\xB0"};
  std::mt19937 rng(20240917);
  auto draw = [&](std::size_t max_pieces, std::size_t pool) {
    std::string s;
    const std::size_t count = std::uniform_int_distribution<std::size_t>(1, max_pieces)(rng);
    for (std::size_t k = 0; k < count; ++k) s += pieces[std::uniform_int_distribution<std::size_t>(0, pool - 1)(rng)];
    return s;
  };
  for (int round = 0; round < 3000; ++round) {
    MentionMatcher matcher;
    ReferenceMatcher reference;
    const std::size_t key_count = std::uniform_int_distribution<std::size_t>(1, 12)(rng);
    for (std::size_t k = 0; k < key_count; ++k) {
      const std::string name = draw(3, round % 2 == 0 ? 20 : pieces.size());
      matcher.add(name, static_cast<std::uint32_t>(k));
      reference.add(name, static_cast<std::uint32_t>(k));
    }
    matcher.build();
    for (int t = 0; t < 4; ++t) {
      const std::string text = draw(90, pieces.size());
      std::vector<MentionMatcher::Match> out;
      matcher.find(text, out);
      ASSERT_EQ(positions(out), positions(reference.find(text))) << "round " << round << " text " << text;
    }
  }
}

TEST(MentionMatcher, LongKeysAndMatchesEndingInsideASharedRun) {
  // Runs of bytes that every key below a node shares are compared as one
  // label of at most 255 bytes: a key longer than that, and texts that stop
  // or differ at each byte of a run (mid-syllable too), where the longest
  // shorter key still matches. Hangul, so no word boundary gets in the way.
  const std::string long_key = repeat("가나다라마바사아자차", 14);  // 420 bytes
  const std::string mid_key = long_key.substr(0, 39);
  auto m = make({{long_key.c_str(), 1}, {"가나", 2}, {mid_key.c_str(), 3}});
  EXPECT_EQ(found(m, long_key + " " + mid_key), (std::vector<std::string>{long_key + "#1", mid_key + "#3"}));
  for (std::size_t cut = 0; cut < long_key.size(); ++cut) {
    const std::string expected = cut >= 39 ? "0-39#3" : cut >= 6 ? "0-6#2" : "none";
    std::string changed = long_key;
    changed[cut] = '.';
    for (const std::string& text : {long_key.substr(0, cut), changed}) {
      std::vector<MentionMatcher::Match> out;
      m.find(text, out);
      EXPECT_EQ(out.empty() || out[0].begin != 0 ? "none" : positions(out)[0], expected) << cut;
    }
  }
  // Name spaces between any two code points of a run.
  auto vendor = make({{"Amazon Web Services", 1}, {"Amazon 오토 스케일링", 2}, {"Amazon", 3}});
  EXPECT_EQ(found(vendor, "AMAZON WEB\u00A0SERVICES, A m a z o n\t웹, amazon오토\u3000스 케 일 링"),
            (std::vector<std::string>{"AMAZON WEB\u00A0SERVICES#1", "A m a z o n#3", "amazon오토\u3000스 케 일 링#2"}));
}

TEST(MentionMatcher, MatchesTheReferenceWithKeysSharingLongPrefixes) {
  // Keys from a few long pieces share long runs (vendor prefixes, Hangul
  // syllables that differ in their last byte, runs ending inside a code
  // point); texts are keys cut at any byte, with name spaces and case
  // changes put in, between filler.
  const std::vector<std::string> pieces = {"Amazon ",  "AWS ", "Web",  "Services", "ec2",      "EC",
                                           "람다",     "람디", "오토", "스케일",   "스케일링", "é",
                                           "\xEB\x9E", "café", "s",    "\xC3"};
  const std::vector<std::string> fillers = {" ", ", ", "가", "x", "\u00A0", "\u3000", "\n", "é", ".", "\t"};
  std::mt19937 rng(20261127);
  auto pick = [&rng](std::size_t size) { return std::uniform_int_distribution<std::size_t>(0, size - 1)(rng); };
  for (int round = 0; round < 2000; ++round) {
    MentionMatcher matcher;
    ReferenceMatcher reference;
    std::vector<std::string> names;
    const std::size_t key_count = 1 + pick(30);
    for (std::size_t k = 0; k < key_count; ++k) {
      std::string name;
      for (std::size_t p = 1 + pick(5); p > 0; --p) name += pieces[pick(pieces.size())];
      names.push_back(name);
      matcher.add(name, static_cast<std::uint32_t>(k));
      reference.add(name, static_cast<std::uint32_t>(k));
    }
    matcher.build();
    for (int t = 0; t < 4; ++t) {
      std::string text;
      for (std::size_t part = 1 + pick(8); part > 0; --part) {
        std::string name = names[pick(names.size())];
        name.resize(name.size() - pick(std::min<std::size_t>(name.size(), 4)) * pick(2));  // cut off, half the time
        for (char& c : name)
          if (pick(4) == 0) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
        if (pick(3) == 0) name.insert(pick(name.size() + 1), fillers[pick(6)]);  // maybe mid-code-point
        text += name + fillers[pick(fillers.size())];
      }
      std::vector<MentionMatcher::Match> out;
      matcher.find(text, out);
      ASSERT_EQ(positions(out), positions(reference.find(text))) << "round " << round << " text " << text;
    }
  }
}

TEST(MentionMatcher, CuesAreMatchedOnTheirOwnInTheSameScan) {
  // A cue inside a name is found, and a name inside a cue; a key that is both
  // a name and a cue is found as both; longest first within each set.
  MentionMatcher m;
  m.add("통합 관리 서비스", 1);
  m.add("Glue", 2);
  m.add("연동", 3);
  m.add_cue("통합", 0);
  m.add_cue("Glue Data", 1);
  m.add_cue("연동", 2);
  m.add_cue("integrates with", 3);
  m.build();
  const std::string text = "통합 관리 서비스와 통합하고, Glue Data와 연동된다. It integrates with Glue.";
  std::vector<MentionMatcher::Match> names, cues, names_alone;
  m.find(text, names, cues);
  m.find(text, names_alone);
  auto texts = [&](const std::vector<MentionMatcher::Match>& ms) {
    std::vector<std::string> out;
    for (const auto& x : ms) out.push_back(text.substr(x.begin, x.end - x.begin) + "#" + std::to_string(x.target));
    return out;
  };
  EXPECT_EQ(texts(names), (std::vector<std::string>{"통합 관리 서비스#1", "Glue#2", "연동#3", "Glue#2"}));
  EXPECT_EQ(texts(cues), (std::vector<std::string>{"통합#0", "통합#0", "Glue Data#1", "연동#2", "integrates with#3"}));
  EXPECT_EQ(positions(names_alone), positions(names));
}

TEST(MentionMatcher, NamesAndCuesInOneScanMatchEachSetAlone) {
  // Random names and cues over the same pieces (so they share prefixes,
  // nest and overlap), on valid and malformed text: one scan must give what
  // a matcher of the names alone and one of the cues alone give.
  const std::vector<std::string> pieces = {
      "a",    "b",  "K",  "s",    "3",        " ",      "\t",       "\n",  ".",   "é",  "가",
      "나",   "람", "다", "통합", "연동",     "\u00A0", "\u3000",   "ab",  "KMS", "S3", "in",
      "with", "on", "x",  "Ü",    "\xEB\x9E", "\xC3",   "\xE2\x80", "\x80"};  // the last four: malformed UTF-8
  std::mt19937 rng(20261129);
  auto pick = [&rng](std::size_t size) { return std::uniform_int_distribution<std::size_t>(0, size - 1)(rng); };
  auto draw = [&](std::size_t max_pieces, std::size_t pool) {
    std::string s;
    for (std::size_t k = 1 + pick(max_pieces); k > 0; --k) s += pieces[pick(pool)];
    return s;
  };
  for (int round = 0; round < 3000; ++round) {
    MentionMatcher both, names_only, cues_only;
    ReferenceMatcher names_reference, cues_reference;
    // Half the rounds use valid pieces only (the one-scan path throughout).
    const std::size_t pool = round % 2 == 0 ? pieces.size() - 4 : pieces.size();
    for (std::size_t k = 1 + pick(10); k > 0; --k) {
      const std::string name = draw(3, pool);
      both.add(name, static_cast<std::uint32_t>(k));
      names_only.add(name, static_cast<std::uint32_t>(k));
      names_reference.add(name, static_cast<std::uint32_t>(k));
    }
    for (std::size_t k = pick(6); k > 0; --k) {
      const std::string cue = draw(2, pool);
      both.add_cue(cue, static_cast<std::uint32_t>(k));
      cues_only.add(cue, static_cast<std::uint32_t>(k));
      cues_reference.add(cue, static_cast<std::uint32_t>(k));
    }
    both.build();
    names_only.build();
    cues_only.build();
    for (int t = 0; t < 4; ++t) {
      const std::string text = draw(t % 2 == 0 ? 10 : 120, pool);
      std::vector<MentionMatcher::Match> names, cues, names_alone, cues_alone;
      both.find(text, names, cues);
      names_only.find(text, names_alone);
      cues_only.find(text, cues_alone);
      ASSERT_EQ(positions(names_alone), positions(names_reference.find(text))) << round << " " << text;
      ASSERT_EQ(positions(cues_alone), positions(cues_reference.find(text))) << round << " " << text;
      ASSERT_EQ(positions(names), positions(names_alone)) << round << " " << text;
      ASSERT_EQ(positions(cues), positions(cues_alone)) << round << " " << text;
    }
  }
}
