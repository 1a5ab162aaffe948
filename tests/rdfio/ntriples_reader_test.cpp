// N-Triples and N-Quads reader: each term form, escapes, comments, and the
// kind, line, column and message of errors, with recovery on the next line.
#include "rdfio/ntriples_reader.hpp"

#include <gtest/gtest.h>

#include "collecting_sink.hpp"

namespace ng::rdfio {
namespace {

using model::Term;
using testing::CollectingSink;

struct Read {
  CollectingSink sink;
  diag::Diagnostics diags;
  ReadStats stats;
};

Read read_nt(std::string_view text, bool quads = false) {
  Read r;
  ReadOptions options;
  options.file_name = "in.nt";
  r.stats = quads ? read_nquads(text, options, r.sink, r.diags) : read_ntriples(text, options, r.sink, r.diags);
  return r;
}

TEST(NTriplesReader, ReadsIriTriple) {
  const Read r = read_nt("<http://a/s> <http://a/p> <http://a/o> .\n");
  ASSERT_EQ(r.sink.statements.size(), 1u);
  EXPECT_EQ(r.sink.statements[0].s, Term::iri("http://a/s"));
  EXPECT_EQ(r.sink.statements[0].o, Term::iri("http://a/o"));
  EXPECT_FALSE(r.sink.statements[0].g);
  EXPECT_FALSE(r.diags.has_errors());
}

TEST(NTriplesReader, ReadsWithoutWhitespaceOrFinalNewline) {
  const Read r = read_nt("<http://a/s><http://a/p>\"x\".");
  ASSERT_EQ(r.sink.statements.size(), 1u);
  EXPECT_EQ(r.sink.statements[0].o, Term::literal("x"));
}

TEST(NTriplesReader, ReadsLanguageAndDatatype) {
  const Read r = read_nt(
      "_:b <http://a/p> \"chat\"@fr-BE .\n_:b <http://a/p> "
      "\"1\"^^<http://www.w3.org/2001/XMLSchema#integer> .\n");
  ASSERT_EQ(r.sink.statements.size(), 2u);
  EXPECT_EQ(r.sink.statements[0].s, Term::blank("b"));
  EXPECT_EQ(r.sink.statements[0].o, Term::lang_literal("chat", "fr-BE"));
  EXPECT_EQ(r.sink.statements[1].o, Term::typed_literal("1", "http://www.w3.org/2001/XMLSchema#integer"));
}

TEST(NTriplesReader, UnescapesEcharAndUchar) {
  const Read r = read_nt("<http://a/s> <http://a/p> \"a\\tb\\n\\\"\\u00E9\\U0001F600\" .\n");
  ASSERT_EQ(r.sink.statements.size(), 1u);
  EXPECT_EQ(r.sink.statements[0].o.value, "a\tb\n\"\xC3\xA9\xF0\x9F\x98\x80");
}

TEST(NTriplesReader, UnescapesUcharInIri) {
  const Read r = read_nt("<http://a/\\u00E9> <http://a/p> <http://a/o> .\n");
  ASSERT_EQ(r.sink.statements.size(), 1u);
  EXPECT_EQ(r.sink.statements[0].s.value, "http://a/\xC3\xA9");
}

TEST(NTriplesReader, KeepsHangulAndSkipsComments) {
  const Read r = read_nt("# header\n\n<http://a/s> <http://a/p> \"한국어\" . # trailing\n");
  ASSERT_EQ(r.sink.statements.size(), 1u);
  EXPECT_EQ(r.sink.statements[0].o.value, "한국어");
  EXPECT_EQ(r.sink.statements[0].line, 3u);
}

TEST(NTriplesReader, BlankNodeLabelDoesNotTakeTheFinalDot) {
  const Read r = read_nt("_:a.b <http://a/p> _:c.\n");
  ASSERT_EQ(r.sink.statements.size(), 1u);
  EXPECT_EQ(r.sink.statements[0].s.value, "a.b");
  EXPECT_EQ(r.sink.statements[0].o.value, "c");
}

TEST(NTriplesReader, ReadsGraphLabelInNQuads) {
  const Read r = read_nt(
      "<http://a/s> <http://a/p> <http://a/o> <http://a/g> "
      ".\n<http://a/s> <http://a/p> <http://a/o> .\n",
      true);
  ASSERT_EQ(r.sink.statements.size(), 2u);
  EXPECT_EQ(r.sink.statements[0].g, Term::iri("http://a/g"));
  EXPECT_FALSE(r.sink.statements[1].g);
}

TEST(NTriplesReader, RejectsGraphLabelInNTriples) {
  const Read r = read_nt("<http://a/s> <http://a/p> <http://a/o> <http://a/g> .\n");
  ASSERT_EQ(r.diags.items().size(), 1u);
  EXPECT_EQ(r.diags.items()[0].where.column, 40u);
}

TEST(NTriplesReader, ReportsRelativeIriWithPosition) {
  const Read r = read_nt("<http://a/s> <p> <http://a/o> .\n");
  ASSERT_EQ(r.diags.items().size(), 1u);
  const auto &d = r.diags.items()[0];
  EXPECT_EQ(d.kind, "syntax");
  EXPECT_EQ(d.file, "in.nt");
  EXPECT_EQ(d.where.line, 1u);
  EXPECT_EQ(d.where.column, 14u);
  EXPECT_EQ(d.message, "relative IRI (N-Triples needs absolute IRIs)");
}

TEST(NTriplesReader, ColumnsCountCodePoints) {
  const Read r = read_nt("<http://a/s> <http://a/p> \"한국\" x .\n");
  ASSERT_EQ(r.diags.items().size(), 1u);
  EXPECT_EQ(r.diags.items()[0].where.column, 32u);
  EXPECT_EQ(r.diags.items()[0].message, "expected '.' to end the statement");
}

TEST(NTriplesReader, RecoversOnTheNextLine) {
  const Read r = read_nt(
      "<http://a/s> <http://a/p> \"open .\n<http://a/s> "
      "<http://a/p> <http://a/o> .\nbad\n");
  EXPECT_EQ(r.sink.statements.size(), 1u);
  EXPECT_EQ(r.stats.errors, 2u);
  ASSERT_EQ(r.diags.items().size(), 2u);
  EXPECT_EQ(r.diags.items()[0].where.line, 1u);
  EXPECT_EQ(r.diags.items()[0].message, "line break in a string (write \\n, or use a long string)");
  EXPECT_EQ(r.diags.items()[1].where.line, 3u);
}

TEST(NTriplesReader, RejectsBadEscapes) {
  EXPECT_TRUE(read_nt("<http://a/s> <http://a/p> \"\\z\" .\n").diags.has_errors());
  EXPECT_TRUE(read_nt("<http://a/s> <http://a/p> \"\\uD800\" .\n").diags.has_errors());
  EXPECT_TRUE(read_nt("<http://a/\\n> <http://a/p> <http://a/o> .\n").diags.has_errors());
  EXPECT_TRUE(read_nt("<http://a/\\u0020> <http://a/p> <http://a/o> .\n").diags.has_errors());
}

TEST(NTriplesReader, RejectsInvalidUtf8) {
  const Read r = read_nt("<http://a/s> <http://a/p> \"a\xFF\" .\n");
  ASSERT_EQ(r.diags.items().size(), 1u);
  EXPECT_EQ(r.diags.items()[0].message, "invalid UTF-8");
  EXPECT_EQ(r.diags.items()[0].where.column, 29u);
}

TEST(NTriplesReader, StopsReportingAfterMaxErrorsButCounts) {
  ReadOptions options;
  options.max_errors = 1;
  CollectingSink sink;
  diag::Diagnostics diags;
  const ReadStats stats = read_ntriples("x\ny\nz\n", options, sink, diags);
  EXPECT_EQ(stats.errors, 3u);
  EXPECT_EQ(diags.items().size(), 1u);
}

}  // namespace
}  // namespace ng::rdfio
