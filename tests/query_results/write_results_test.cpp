// Golden output of every result format on the sample table, ASK and
// CONSTRUCT forms, and table options (base prefix, truncation, controls).
#include "query/results/write_results.hpp"

#include <gtest/gtest.h>

#include <sstream>

#include "result_fixture.hpp"

namespace ng::query::results {
namespace {

std::string written(const QueryResult &result, const store::Dictionary &dict, ResultFormat format,
                    const WriteOptions &options = {}) {
  std::ostringstream out;
  write_results(result, dict, format, out, options);
  return out.str();
}

class WriteResults : public ::testing::Test {
protected:
  store::Dictionary dict;
  QueryResult result = testing::to_query_result(testing::sample_results(), dict);
};

TEST_F(WriteResults, Tsv) {
  EXPECT_EQ(written(result, dict, ResultFormat::tsv),
            "?s\t?o\t?n\n"
            "<https://w3id.org/notegraph/ns#Service>\t\"한국 \\\"q\\\", "
            "a\\nb\"@ko\t42\n"
            "_:b0\t\t\"x,y\"^^<http://ex/dt>\n");
}

TEST_F(WriteResults, Csv) {
  EXPECT_EQ(written(result, dict, ResultFormat::csv),
            "s,o,n\r\n"
            "https://w3id.org/notegraph/ns#Service,\"한국 \"\"q\"\", a\nb\",42\r\n"
            "_:b0,,\"x,y\"\r\n");
}

TEST_F(WriteResults, Json) {
  EXPECT_EQ(written(result, dict, ResultFormat::json),
            R"({"head":{"vars":["s","o","n"]},"results":{"bindings":[)"
            R"({"s":{"type":"uri","value":"https://w3id.org/notegraph/ns#Service"},)"
            R"("o":{"type":"literal","value":"한국 \"q\", a\nb","xml:lang":"ko"},)"
            R"("n":{"type":"literal","value":"42","datatype":"http://www.w3.org/2001/XMLSchema#integer"}},)"
            R"({"s":{"type":"bnode","value":"b0"},"n":{"type":"literal","value":"x,y","datatype":"http://ex/dt"}}]}})"
            "\n");
}

TEST_F(WriteResults, Xml) {
  EXPECT_EQ(written(result, dict, ResultFormat::xml),
            "<?xml version=\"1.0\"?>\n"
            "<sparql xmlns=\"http://www.w3.org/2005/sparql-results#\">\n"
            "  <head>\n"
            "    <variable name=\"s\"/>\n"
            "    <variable name=\"o\"/>\n"
            "    <variable name=\"n\"/>\n"
            "  </head>\n"
            "  <results>\n"
            "    <result>\n"
            "      <binding "
            "name=\"s\"><uri>https://w3id.org/notegraph/ns#Service</uri></binding>\n"
            "      <binding name=\"o\"><literal xml:lang=\"ko\">한국 &quot;q&quot;, "
            "a\nb</literal></binding>\n"
            "      <binding name=\"n\"><literal "
            "datatype=\"http://www.w3.org/2001/XMLSchema#integer\">42</literal></"
            "binding>\n"
            "    </result>\n"
            "    <result>\n"
            "      <binding name=\"s\"><bnode>b0</bnode></binding>\n"
            "      <binding name=\"n\"><literal "
            "datatype=\"http://ex/dt\">x,y</literal></binding>\n"
            "    </result>\n"
            "  </results>\n"
            "</sparql>\n");
}

TEST_F(WriteResults, TablePadsByDisplayWidth) {
  EXPECT_EQ(written(result, dict, ResultFormat::table),
            "| ?s         | ?o                  | ?n                    |\n"
            "|------------|---------------------|-----------------------|\n"
            "| ng:Service | \"한국 \"q\", a\\nb\"@ko | 42                    |\n"
            "| _:b0       |                     | \"x,y\"^^<http://ex/dt> |\n"
            "2 rows\n");
}

TEST_F(WriteResults, TableTruncatesWithEllipsis) {
  WriteOptions options;
  options.max_cell_width = 6;
  const std::string text = written(result, dict, ResultFormat::table, options);
  EXPECT_NE(text.find("| ng:Se… | \"한국…"), std::string::npos) << text;
}

TEST_F(WriteResults, TableUsesBaseAsEmptyPrefix) {
  QueryResult r;
  r.table.variables = {"x"};
  r.table.cells = {dict.intern_iri("http://notes/a-b"), dict.intern_iri("http://notes/a/b")};
  WriteOptions options;
  options.base = "http://notes/";
  EXPECT_EQ(written(r, dict, ResultFormat::table, options),
            "| ?x                 |\n|--------------------|\n| :a-b            "
            "   |\n| <http://notes/a/b> |\n2 rows\n");
}

TEST_F(WriteResults, TableNeverEchoesControlCharacters) {
  QueryResult r;
  r.table.variables = {"x"};
  r.table.cells = {dict.intern(model::Term::literal("a\x1b[31mb\x7f"))};
  const std::string text = written(r, dict, ResultFormat::table);
  EXPECT_EQ(text.find('\x1b'), std::string::npos);
  EXPECT_NE(text.find("\"a\\u001B[31mb\\u007F\""), std::string::npos) << text;
  EXPECT_NE(text.find("1 row\n"), std::string::npos);
}

TEST_F(WriteResults, AskInJsonXmlAndTable) {
  QueryResult ask;
  ask.form = QueryForm::ask;
  ask.boolean = true;
  EXPECT_EQ(written(ask, dict, ResultFormat::json), "{\"head\":{},\"boolean\":true}\n");
  EXPECT_EQ(written(ask, dict, ResultFormat::xml),
            "<?xml version=\"1.0\"?>\n<sparql "
            "xmlns=\"http://www.w3.org/2005/sparql-results#\">\n  <head>\n"
            "  </head>\n  <boolean>true</boolean>\n</sparql>\n");
  EXPECT_EQ(written(ask, dict, ResultFormat::table), "true\n");
}

TEST_F(WriteResults, ConstructAsNTriplesAndNQuads) {
  QueryResult graph;
  graph.form = QueryForm::construct;
  const auto s = dict.intern_iri("http://ex/s"), p = dict.intern_iri("http://ex/p");
  graph.triples = {{s, p, dict.intern(model::Term::literal("a\"b"))}, {s, p, dict.intern(model::Term::blank("x"))}};
  EXPECT_EQ(written(graph, dict, ResultFormat::nt),
            "<http://ex/s> <http://ex/p> \"a\\\"b\" .\n<http://ex/s> "
            "<http://ex/p> _:x .\n");
  EXPECT_EQ(written(graph, dict, ResultFormat::nq), written(graph, dict, ResultFormat::nt));
}

TEST_F(WriteResults, FormatsFitForms) {
  EXPECT_FALSE(format_supports(QueryForm::ask, ResultFormat::csv));
  EXPECT_FALSE(format_supports(QueryForm::construct, ResultFormat::json));
  EXPECT_FALSE(format_supports(QueryForm::select, ResultFormat::nt));
  EXPECT_TRUE(format_supports(QueryForm::describe, ResultFormat::table));
  EXPECT_THROW(written(result, dict, ResultFormat::nt), std::invalid_argument);
  EXPECT_EQ(result_format_from_name("srj"), ResultFormat::json);
  EXPECT_EQ(result_format_from_name("yaml"), std::nullopt);
}

}  // namespace
}  // namespace ng::query::results
