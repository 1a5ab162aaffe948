// Golden strings for N-Triples term escaping, each read off the N-Triples 1.1
// grammar (IRIREF, STRING_LITERAL_QUOTE, ECHAR, UCHAR, LANGTAG,
// BLANK_NODE_LABEL), one character class per test.
#include "exporters/ntriples_term.hpp"

#include <gtest/gtest.h>

#include <set>
#include <string>

namespace ng::exporters {
namespace {

using model::Term;

std::string nt(const Term& t) {
  std::string out;
  append_ntriples_term(out, t);
  return out;
}

TEST(NTriplesIri, PlainIriIsWrittenInAngleBrackets) {
  EXPECT_EQ(nt(Term::iri("http://example.org/a#b?c=d&e=%41")), "<http://example.org/a#b?c=d&e=%41>");
}

TEST(NTriplesIri, PunctuationExcludedByIrirefBecomesUchar) {
  EXPECT_EQ(nt(Term::iri("http://x/\"{}|^`\\")), "<http://x/\\u0022\\u007B\\u007D\\u007C\\u005E\\u0060\\u005C>");
}

TEST(NTriplesIri, ControlCharactersBecomeUchar) {
  EXPECT_EQ(nt(Term::iri("http://x/\x01\t\n\r\x1F")), "<http://x/\\u0001\\u0009\\u000A\\u000D\\u001F>");
}

// serd and raptor reject \u0020, \u003C and \u003E in IRIs (and serd \u0000).
TEST(NTriplesIri, SpaceAngleBracketsAndNulArePercentEncoded) {
  EXPECT_EQ(nt(Term::iri(std::string("http://x/a b<c>\0d", 17))), "<http://x/a%20b%3Cc%3E%00d>");
}

TEST(NTriplesIri, DeleteAndNonAsciiAreWrittenRaw) {
  EXPECT_EQ(nt(Term::iri("http://x/\x7F\xED\x95\x9C\xF0\x9F\x98\x80")), "<http://x/\x7F\xED\x95\x9C\xF0\x9F\x98\x80>");
}

TEST(NTriplesLiteral, PlainLiteralIsQuoted) { EXPECT_EQ(nt(Term::literal("hello world")), "\"hello world\""); }

TEST(NTriplesLiteral, QuoteAndBackslashUseEchar) {
  EXPECT_EQ(nt(Term::literal("say \"hi\" \\o/")), "\"say \\\"hi\\\" \\\\o/\"");
}

TEST(NTriplesLiteral, LineBreaksAndTabUseEchar) {
  EXPECT_EQ(nt(Term::literal("a\nb\rc\td\be\ff")), "\"a\\nb\\rc\\td\\be\\ff\"");
}

TEST(NTriplesLiteral, OtherControlCharactersAndDeleteUseUchar) {
  EXPECT_EQ(nt(Term::literal(std::string("\0\x01\x07\x0B\x0E\x1F\x7F", 7))),
            "\"\\u0000\\u0001\\u0007\\u000B\\u000E\\u001F\\u007F\"");
}

TEST(NTriplesLiteral, NonAsciiIsWrittenRaw) {
  const std::string text = "\xED\x95\x9C\xEA\xB8\x80 \xF0\x9F\x98\x80 \xD7\xA9\xD7\x9C\xD7\x95\xD7\x9D \xE2\x80\xAE";
  EXPECT_EQ(nt(Term::literal(text)), "\"" + text + "\"");
}

TEST(NTriplesLiteral, ApostropheAndAngleBracketsNeedNoEscape) {
  EXPECT_EQ(nt(Term::literal("<script>it's</script>")), "\"<script>it's</script>\"");
}

TEST(NTriplesLiteral, LanguageTagFollowsTheQuote) {
  EXPECT_EQ(nt(Term::lang_literal("\xEC\x95\x88\xEB\x85\x95", "ko")), "\"\xEC\x95\x88\xEB\x85\x95\"@ko");
  EXPECT_EQ(nt(Term::lang_literal("colour", "en-gb")), "\"colour\"@en-gb");
}

TEST(NTriplesLiteral, DatatypeIsAnEscapedIri) {
  EXPECT_EQ(nt(Term::typed_literal("42", "http://www.w3.org/2001/XMLSchema#integer")),
            "\"42\"^^<http://www.w3.org/2001/XMLSchema#integer>");
  EXPECT_EQ(nt(Term::typed_literal("x", "http://x/a b|c")), "\"x\"^^<http://x/a%20b\\u007Cc>");
}

TEST(NTriplesLiteral, XsdStringDatatypeIsOmitted) {
  EXPECT_EQ(nt(Term::typed_literal("x", "http://www.w3.org/2001/XMLSchema#string")), "\"x\"");
}

TEST(NTriplesBlankNode, ValidLabelIsKept) {
  EXPECT_EQ(nt(Term::blank("b0")), "_:b0");
  EXPECT_EQ(nt(Term::blank("1st-node")), "_:1st-node");
  EXPECT_EQ(nt(Term::blank("\xED\x95\x9C\xEA\xB8\x80")), "_:\xED\x95\x9C\xEA\xB8\x80");
  EXPECT_EQ(nt(Term::blank("a\xC2\xB7z")), "_:a\xC2\xB7z");
}

TEST(NTriplesBlankNode, CharactersOutsidePnCharsBecomeHexEscapes) {
  EXPECT_EQ(nt(Term::blank("a b")), "_:a_20b");
  EXPECT_EQ(nt(Term::blank("a.b:c")), "_:a_2Eb_3Ac");
  EXPECT_EQ(nt(Term::blank("x\xC3\x97y")), "_:x_C3_97y");  // U+00D7 is outside PN_CHARS_BASE
  EXPECT_EQ(nt(Term::blank("bad\xFF")), "_:bad_FF");
}

TEST(NTriplesBlankNode, CharactersNotAllowedFirstAreEscapedOnlyThere) {
  EXPECT_EQ(nt(Term::blank("-a-b")), "_:_2Da-b");
  EXPECT_EQ(nt(Term::blank("\xC2\xB7"
                           "a")),
            "_:_C2_B7a");
}

TEST(NTriplesBlankNode, UnderscoreIsDoubledAndEmptyLabelIsUnderscore) {
  EXPECT_EQ(nt(Term::blank("a_b")), "_:a__b");
  EXPECT_EQ(nt(Term::blank("")), "_:_");
}

TEST(NTriplesBlankNode, DistinctLabelsStayDistinct) {
  const char* labels[] = {"a b", "a_20b", "a_b", "a__b", "a.b", "a_2Eb", "", "_", "__"};
  std::set<std::string> written;
  for (const char* label : labels) written.insert(nt(Term::blank(label)));
  EXPECT_EQ(written.size(), std::size(labels));
}

TEST(NTriplesTerm, DecodesTheIdThroughTheDictionary) {
  store::Dictionary dict;
  dict.intern_iri("http://x/a");
  const store::TermId id = dict.intern(Term::lang_literal("b", "en"));
  EXPECT_EQ(ntriples_term(dict, id), "\"b\"@en");
}

}  // namespace
}  // namespace ng::exporters
