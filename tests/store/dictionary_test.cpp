// Dictionary: interning deduplicates, ids are dense and follow first-seen
// order, and every kind of term decodes back to itself.
#include "store/dictionary.hpp"

#include <gtest/gtest.h>

#include <memory>

#include <string>

namespace ng::store {
namespace {

using model::Term;

TEST(Dictionary, InterningTheSameTermTwiceGivesTheSameId) {
  Dictionary dict;
  const TermId first = dict.intern(Term::iri("http://example.org/a"));
  EXPECT_EQ(dict.intern(Term::iri("http://example.org/a")), first);
  EXPECT_EQ(dict.size(), 1u);
}

TEST(Dictionary, IdsAreDenseInFirstSeenOrder) {
  Dictionary dict;
  EXPECT_EQ(dict.intern(Term::iri("http://example.org/z")), 0u);
  EXPECT_EQ(dict.intern(Term::literal("z")), 1u);
  EXPECT_EQ(dict.intern(Term::iri("http://example.org/z")), 0u);
  EXPECT_EQ(dict.intern(Term::blank("b0")), 2u);
  EXPECT_EQ(dict.size(), 3u);
}

TEST(Dictionary, SameInputGivesSameIdsInAnotherDictionary) {
  Dictionary a, b;
  for (int round = 0; round < 2; ++round) {
    for (int i = 0; i < 500; ++i) {
      const std::string text = "http://example.org/" + std::to_string((i * 7919) % 311);
      EXPECT_EQ(a.intern_iri(text), b.intern(Term::iri(text)));
    }
  }
}

TEST(Dictionary, TermsDifferingOnlyInKindLanguageOrDatatypeAreDistinct) {
  Dictionary dict;
  const TermId ids[] = {
      dict.intern(Term::iri("x")),
      dict.intern(Term::blank("x")),
      dict.intern(Term::literal("x")),
      dict.intern(Term::lang_literal("x", "en")),
      dict.intern(Term::lang_literal("x", "ko")),
      dict.intern(Term::typed_literal("x", "http://www.w3.org/2001/XMLSchema#integer")),
      dict.intern(Term::typed_literal("x", "http://www.w3.org/2001/XMLSchema#decimal")),
  };
  EXPECT_EQ(dict.size(), std::size(ids));
  for (TermId id = 0; id < std::size(ids); ++id) EXPECT_EQ(ids[id], id);
}

TEST(Dictionary, InternIriAgreesWithInterningAnIriTerm) {
  Dictionary dict;
  const TermId by_term = dict.intern(Term::iri("http://example.org/a"));
  EXPECT_EQ(dict.intern_iri("http://example.org/a"), by_term);
  const TermId by_view = dict.intern_iri("http://example.org/b");
  EXPECT_EQ(dict.intern(Term::iri("http://example.org/b")), by_view);
  EXPECT_EQ(dict.size(), 2u);
}

TEST(Dictionary, InternIriDoesNotMatchALiteralWithTheSameText) {
  Dictionary dict;
  dict.intern(Term::literal("http://example.org/a"));
  EXPECT_EQ(dict.intern_iri("http://example.org/a"), 1u);
}

TEST(Dictionary, TermDecodesBackToTheInternedTerm) {
  Dictionary dict;
  const Term hangul = Term::lang_literal("\xEC\x95\x88\xEB\x85\x95", "ko");
  const Term typed = Term::typed_literal("42", "http://www.w3.org/2001/XMLSchema#integer");
  const TermId a = dict.intern(hangul);
  const TermId b = dict.intern(Term(typed));
  EXPECT_EQ(dict.term(a), hangul);
  EXPECT_EQ(dict.term(b), typed);
}

TEST(Dictionary, FindReportsOnlyInternedTerms) {
  Dictionary dict;
  const TermId id = dict.intern(Term::lang_literal("x", "en"));
  EXPECT_EQ(dict.find(Term::lang_literal("x", "en")), id);
  EXPECT_EQ(dict.find(Term::literal("x")), std::nullopt);
  EXPECT_EQ(dict.find_iri("x"), std::nullopt);
  EXPECT_EQ(dict.size(), 1u);
}

TEST(Dictionary, EveryTermIsFoundAfterTheTableGrows) {
  Dictionary dict;
  constexpr int kTerms = 100'000;
  for (int i = 0; i < kTerms; ++i) dict.intern_iri("http://example.org/n" + std::to_string(i));
  ASSERT_EQ(dict.size(), static_cast<std::size_t>(kTerms));
  for (int i = 0; i < kTerms; ++i) {
    const std::string iri = "http://example.org/n" + std::to_string(i);
    ASSERT_EQ(dict.find_iri(iri), static_cast<TermId>(i));
    ASSERT_EQ(dict.term(static_cast<TermId>(i)).value, iri);
  }
}

TEST(Dictionary, TermViewsStayValidWhileMoreTermsAreInterned) {
  Dictionary dict;
  const TermId first = dict.intern(model::Term::lang_literal(std::string(300, 'x'), "en"));
  const model::TermView early = dict.term(first);
  for (int i = 0; i < 50'000; ++i) dict.intern(model::Term::literal("term " + std::to_string(i)));
  EXPECT_EQ(early.value, std::string(300, 'x'));
  EXPECT_EQ(early.language, "en");
  EXPECT_EQ(dict.term(first), early);
}

TEST(Dictionary, ACopyDecodesFromItsOwnText) {
  auto copy = std::make_unique<Dictionary>();
  const TermId id = copy->intern(model::Term::lang_literal(std::string(100'000, 'y'), "ko"));
  copy->intern_iri("http://example.org/a");
  Dictionary kept = *copy;
  copy.reset();  // the original's blocks are gone; the copy must not point into them
  EXPECT_EQ(kept.term(id).value, std::string(100'000, 'y'));
  EXPECT_EQ(kept.term(id).language, "ko");
  EXPECT_EQ(kept.find_iri("http://example.org/a"), std::optional<TermId>(1));
  EXPECT_EQ(kept.intern_iri("http://example.org/b"), 2u);
  EXPECT_EQ(kept.term(2).value, "http://example.org/b");
}

TEST(Dictionary, TextIsStoredOnceWithoutPerStringOverhead) {
  Dictionary dict;
  std::size_t text = 0;
  for (int i = 0; i < 20'000; ++i) {
    std::string value = std::string(100, 'a') + std::to_string(i);
    text += value.size();
    dict.intern(model::Term::literal(std::move(value)));
  }
  // Records and the hash table cost a few dozen bytes a term; the arena
  // wastes at most the tail of each 256 KiB block.
  EXPECT_LE(dict.memory_bytes(), text + dict.size() * 48 + (std::size_t{1} << 18) + 2 * 65536 * 8);
}

}  // namespace
}  // namespace ng::store
