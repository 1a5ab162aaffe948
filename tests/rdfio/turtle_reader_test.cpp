// Turtle reader: one test per construct (directives, prefixed names, lists,
// property lists, literals, base resolution) and error positions.
#include "rdfio/turtle_reader.hpp"

#include <gtest/gtest.h>

#include "collecting_sink.hpp"

namespace ng::rdfio {
namespace {

using model::Term;
using testing::CollectingSink;

constexpr const char *kXsd = "http://www.w3.org/2001/XMLSchema#";
constexpr const char *kRdf = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";

struct Read {
  CollectingSink sink;
  diag::Diagnostics diags;
};

Read read_ttl(std::string_view text, std::string base = "http://base/dir/doc.ttl") {
  Read r;
  ReadOptions options;
  options.file_name = "in.ttl";
  options.base_iri = std::move(base);
  read_turtle(text, options, r.sink, r.diags);
  return r;
}

TEST(TurtleReader, ExpandsBothPrefixSpellings) {
  const Read r = read_ttl("@prefix ex: <http://ex/> .\nPREFIX e2: <http://e2/>\nex:s e2:p ex:o .");
  ASSERT_EQ(r.sink.statements.size(), 1u);
  EXPECT_EQ(r.sink.statements[0].s, Term::iri("http://ex/s"));
  EXPECT_EQ(r.sink.statements[0].p, Term::iri("http://e2/p"));
  ASSERT_EQ(r.sink.prefixes.size(), 2u);
  EXPECT_EQ(r.sink.prefixes[1].first, "e2");
}

TEST(TurtleReader, ResolvesRelativeIrisAgainstBase) {
  const Read r = read_ttl("<s> <#p> <../o> .\n@base <http://other/a/b> .\n<c> <?q> <//host/x> .");
  ASSERT_EQ(r.sink.statements.size(), 2u);
  EXPECT_EQ(r.sink.statements[0].s.value, "http://base/dir/s");
  EXPECT_EQ(r.sink.statements[0].p.value, "http://base/dir/doc.ttl#p");
  EXPECT_EQ(r.sink.statements[0].o.value, "http://base/o");
  EXPECT_EQ(r.sink.statements[1].s.value, "http://other/a/c");
  EXPECT_EQ(r.sink.statements[1].p.value, "http://other/a/b?q");
  EXPECT_EQ(r.sink.statements[1].o.value, "http://host/x");
}

TEST(TurtleReader, ReadsPredicateAndObjectLists) {
  const Read r = read_ttl("@prefix : <http://ex/> .\n:s a :C ; :p :o1 , :o2 ;; :q :o3 ; .");
  ASSERT_EQ(r.sink.statements.size(), 4u);
  EXPECT_EQ(r.sink.statements[0].p.value, std::string(kRdf) + "type");
  EXPECT_EQ(r.sink.statements[2].o.value, "http://ex/o2");
  EXPECT_EQ(r.sink.statements[3].p.value, "http://ex/q");
}

TEST(TurtleReader, ReadsBlankNodePropertyLists) {
  const Read r = read_ttl("@prefix : <http://ex/> .\n[ :p [ :q 1 ] ] .\n[] :r [] .");
  ASSERT_EQ(r.sink.statements.size(), 3u);
  EXPECT_EQ(r.sink.statements[0].s.kind, model::TermKind::blank);
  EXPECT_EQ(r.sink.statements[1].o,
            r.sink.statements[0].s);  // the inner node is the outer's object
  EXPECT_NE(r.sink.statements[2].s, r.sink.statements[2].o);
  EXPECT_EQ(r.sink.statements[2].s.value.front(), '-');
}

TEST(TurtleReader, ExpandsCollections) {
  const Read r = read_ttl("@prefix : <http://ex/> .\n:s :p ( 1 :x ) , () .");
  ASSERT_EQ(r.sink.statements.size(), 6u);
  const auto &first = r.sink.statements[0];
  EXPECT_EQ(first.p.value, std::string(kRdf) + "first");
  EXPECT_EQ(first.o, Term::typed_literal("1", std::string(kXsd) + "integer"));
  EXPECT_EQ(r.sink.statements[3].p.value, std::string(kRdf) + "rest");
  EXPECT_EQ(r.sink.statements[3].o.value, std::string(kRdf) + "nil");
  EXPECT_EQ(r.sink.statements[4].o, first.s);  // :s :p head
  EXPECT_EQ(r.sink.statements[5].o.value, std::string(kRdf) + "nil");
}

TEST(TurtleReader, TypesNumbersAndBooleans) {
  const Read r = read_ttl("<s> <p> -5, +1.5, .5e3, 1.E2, true, false .");
  ASSERT_EQ(r.sink.statements.size(), 6u);
  EXPECT_EQ(r.sink.statements[0].o, Term::typed_literal("-5", std::string(kXsd) + "integer"));
  EXPECT_EQ(r.sink.statements[1].o, Term::typed_literal("+1.5", std::string(kXsd) + "decimal"));
  EXPECT_EQ(r.sink.statements[2].o, Term::typed_literal(".5e3", std::string(kXsd) + "double"));
  EXPECT_EQ(r.sink.statements[3].o, Term::typed_literal("1.E2", std::string(kXsd) + "double"));
  EXPECT_EQ(r.sink.statements[4].o, Term::typed_literal("true", std::string(kXsd) + "boolean"));
}

TEST(TurtleReader, IntegerBeforeTheFinalDot) {
  const Read r = read_ttl("<s> <p> 1.");
  ASSERT_EQ(r.sink.statements.size(), 1u);
  EXPECT_EQ(r.sink.statements[0].o.value, "1");
}

TEST(TurtleReader, ReadsLongStringsAndSingleQuotes) {
  const Read r = read_ttl("<s> <p> \"\"\"a\n\"b\"\"c\"\"\", 'x\"y'@en, '''it's''' .");
  ASSERT_EQ(r.sink.statements.size(), 3u);
  EXPECT_EQ(r.sink.statements[0].o.value, "a\n\"b\"\"c");
  EXPECT_EQ(r.sink.statements[1].o, Term::lang_literal("x\"y", "en"));
  EXPECT_EQ(r.sink.statements[2].o.value, "it's");
}

TEST(TurtleReader, UnescapesLocalNamesAndKeepsPercent) {
  const Read r = read_ttl("@prefix : <http://ex/> .\n:a\\-b%20c :p:q :x.y .");
  ASSERT_EQ(r.sink.statements.size(), 1u);
  EXPECT_EQ(r.sink.statements[0].s.value, "http://ex/a-b%20c");
  EXPECT_EQ(r.sink.statements[0].p.value, "http://ex/p:q");
  EXPECT_EQ(r.sink.statements[0].o.value, "http://ex/x.y");
}

TEST(TurtleReader, DatatypeMayBeAPrefixedName) {
  const Read r = read_ttl(
      "@prefix xsd: <http://www.w3.org/2001/XMLSchema#> "
      ".\n<s> <p> \"1\"^^xsd:int .");
  ASSERT_EQ(r.sink.statements.size(), 1u);
  EXPECT_EQ(r.sink.statements[0].o.datatype, std::string(kXsd) + "int");
}

TEST(TurtleReader, ReportsUndefinedPrefixWithPosition) {
  const Read r = read_ttl("<s> <p> <o> .\n  <s> ex:p <o> .\n<s> <p> <o2> .");
  ASSERT_EQ(r.diags.items().size(), 1u);
  const auto &d = r.diags.items()[0];
  EXPECT_EQ(d.kind, "syntax");
  EXPECT_EQ(d.file, "in.ttl");
  EXPECT_EQ(d.where.line, 2u);
  EXPECT_EQ(d.where.column, 7u);
  EXPECT_EQ(d.message, "undefined prefix");
  EXPECT_EQ(r.sink.statements.size(), 2u);  // recovered after the bad statement
}

TEST(TurtleReader, ReportsMissingDot) {
  const Read r = read_ttl("<s> <p> <o>\n<t> <p> <o> .");
  ASSERT_GE(r.diags.items().size(), 1u);
  EXPECT_EQ(r.diags.items()[0].where.line, 2u);
  EXPECT_EQ(r.diags.items()[0].where.column, 1u);
  EXPECT_EQ(r.diags.items()[0].message, "expected '.' to end the triples");
}

TEST(TurtleReader, RejectsLiteralSubjectAndN3Extras) {
  EXPECT_TRUE(read_ttl("\"x\" <p> <o> .").diags.has_errors());
  EXPECT_TRUE(read_ttl("{ <s> <p> <o> } .").diags.has_errors());
  EXPECT_TRUE(read_ttl("<s> = <o> .").diags.has_errors());
  EXPECT_TRUE(read_ttl("@keywords a .").diags.has_errors());
}

TEST(TurtleReader, LimitsNesting) {
  const std::string deep = "<s> <p> " + std::string(1000, '(') + std::string(1000, ')') + " .";
  const Read r = read_ttl(deep);
  ASSERT_TRUE(r.diags.has_errors());
  EXPECT_EQ(r.diags.items()[0].message, "[ ] and ( ) nested too deeply");
}

TEST(TurtleReader, EarlyEndIsReportedAfterTheLastText) {
  const Read r = read_ttl("<http://a> <http://b> <http://c>\n\n");
  ASSERT_EQ(r.diags.items().size(), 1u);
  EXPECT_EQ(r.diags.items()[0].where.line, 1u);
  EXPECT_EQ(r.diags.items()[0].where.column, 33u);
}

}  // namespace
}  // namespace ng::rdfio
