// Round trips (write json/xml/tsv, read back with our readers) and the W3C
// SPARQL 1.1 CSV/TSV and JSON result examples (copied in tests/conformance).
#include <gtest/gtest.h>

#include <cctype>
#include <fstream>
#include <sstream>

#include "query/results/expected_results.hpp"
#include "query/results/write_results.hpp"
#include "result_fixture.hpp"

namespace ng::query::results {
namespace {

const std::string kSparqlDir = NG_CONFORMANCE_DIR "/sparql";

std::string file_text(const std::string &path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

std::string written(const QueryResult &result, const store::Dictionary &dict, ResultFormat format) {
  std::ostringstream out;
  write_results(result, dict, format, out);
  return out.str();
}

TEST(ResultReaders, JsonRoundTrip) {
  store::Dictionary dict;
  const auto result = testing::to_query_result(testing::sample_results(), dict);
  diag::Diagnostics diags;
  EXPECT_EQ(read_srj(written(result, dict, ResultFormat::json), "out.srj", diags), testing::sample_results());
  EXPECT_FALSE(diags.has_errors());
}

TEST(ResultReaders, XmlRoundTrip) {
  store::Dictionary dict;
  const auto result = testing::to_query_result(testing::sample_results(), dict);
  diag::Diagnostics diags;
  EXPECT_EQ(read_srx(written(result, dict, ResultFormat::xml), "out.srx", diags), testing::sample_results());
  EXPECT_FALSE(diags.has_errors());
}

TEST(ResultReaders, TsvRoundTrip) {
  store::Dictionary dict;
  const auto result = testing::to_query_result(testing::sample_results(), dict);
  diag::Diagnostics diags;
  EXPECT_EQ(read_tsv_results(written(result, dict, ResultFormat::tsv), "out.tsv", diags), testing::sample_results());
}

TEST(ResultReaders, AskRoundTrips) {
  ExpectedResults ask;
  ask.boolean = false;
  store::Dictionary dict;
  const auto result = testing::to_query_result(ask, dict);
  diag::Diagnostics diags;
  EXPECT_EQ(read_srj(written(result, dict, ResultFormat::json), "a.srj", diags), ask);
  EXPECT_EQ(read_srx(written(result, dict, ResultFormat::xml), "a.srx", diags), ask);
}

TEST(ResultReaders, SrxWithPrefixedElementsAndCarriageReturn) {
  const std::string srx =
      "<?xml version='1.0'?><s:sparql "
      "xmlns:s='http://www.w3.org/2005/sparql-results#'>"
      "<s:head><s:variable name='v'/></s:head><s:results><s:result><s:binding "
      "name='v'>"
      "<s:literal "
      "xml:lang='en'>a&#xD;b</s:literal></s:binding></s:result></s:results></"
      "s:sparql>";
  diag::Diagnostics diags;
  const auto r = read_srx(srx, "p.srx", diags);
  ASSERT_TRUE(r);
  ASSERT_EQ(r->rows.size(), 1u);
  EXPECT_EQ(r->rows[0][0], model::Term::lang_literal("a\rb", "en"));
}

TEST(ResultReaders, SrxErrorHasPosition) {
  diag::Diagnostics diags;
  EXPECT_FALSE(read_srx("<sparql>\n  <head>\n</sparql>", "bad.srx", diags));
  ASSERT_EQ(diags.items().size(), 1u);
  EXPECT_EQ(diags.items()[0].kind, "results-syntax");
  EXPECT_EQ(diags.items()[0].where.line, 3u);
}

TEST(ResultReaders, SrjRejectsUndeclaredVariable) {
  diag::Diagnostics diags;
  EXPECT_FALSE(read_srj(R"({"head":{"vars":["a"]},"results":{"bindings":[{"b":{"type":"uri","value":"x"}}]}})",
                        "bad.srj", diags));
  EXPECT_TRUE(diags.has_errors());
}

TEST(ResultReaders, CsvQuotedFields) {
  diag::Diagnostics diags;
  const auto r = read_csv_results("a,b\r\n\"x,\"\"y\"\"\nz\",_:n\r\n,1\r\n", "q.csv", diags);
  ASSERT_TRUE(r);
  ASSERT_EQ(r->rows.size(), 2u);
  EXPECT_EQ(r->rows[0][0], model::Term::literal("x,\"y\"\nz"));
  EXPECT_EQ(r->rows[0][1], model::Term::blank("n"));
  EXPECT_FALSE(r->rows[1][0]);
}

// The W3C TSV examples read and written again are the same bytes.
TEST(W3cResultExamples, TsvRewritesIdentically) {
  for (const char *name : {"csvtsv01.tsv", "csvtsv02.tsv", "csvtsv03.tsv"}) {
    const std::string text = file_text(kSparqlDir + "/csv-tsv-res/" + name);
    diag::Diagnostics diags;
    const auto expected = read_tsv_results(text, name, diags);
    ASSERT_TRUE(expected) << name;
    store::Dictionary dict;
    EXPECT_EQ(written(testing::to_query_result(*expected, dict), dict, ResultFormat::tsv), text) << name;
  }
}

// CSV from the TSV example matches the W3C CSV example, up to line ends (the
// copies use LF), blank node labels and exponent case (1.0e6 / 1.0E6).
TEST(W3cResultExamples, CsvMatchesExamples) {
  for (const char *stem : {"csvtsv01", "csvtsv02", "csvtsv03"}) {
    diag::Diagnostics diags;
    const auto from_tsv = read_tsv_results(file_text(kSparqlDir + "/csv-tsv-res/" + stem + ".tsv"), stem, diags);
    ASSERT_TRUE(from_tsv) << stem;
    store::Dictionary dict;
    const std::string csv = written(testing::to_query_result(*from_tsv, dict), dict, ResultFormat::csv);
    const auto ours = read_csv_results(csv, "ours.csv", diags);
    const auto theirs = read_csv_results(file_text(kSparqlDir + "/csv-tsv-res/" + stem + ".csv"), stem, diags);
    ASSERT_TRUE(ours && theirs) << stem;
    EXPECT_EQ(ours->variables, theirs->variables);
    ASSERT_EQ(ours->rows.size(), theirs->rows.size()) << stem;
    for (std::size_t r = 0; r < ours->rows.size(); ++r) {
      for (std::size_t c = 0; c < ours->variables.size(); ++c) {
        const auto &a = ours->rows[r][c];
        const auto &b = theirs->rows[r][c];
        ASSERT_EQ(a.has_value(), b.has_value()) << stem << " row " << r;
        if (!a || (a->kind == model::TermKind::blank && b->kind == model::TermKind::blank)) continue;
        std::string x = a->value, y = b->value;
        for (auto *s : {&x, &y})
          for (char &ch : *s) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
        EXPECT_EQ(x, y) << stem << " row " << r;
      }
    }
    EXPECT_NE(csv.find("\r\n"), std::string::npos);
  }
}

// The W3C JSON examples read, written and read again give the same results.
TEST(W3cResultExamples, JsonRoundTrips) {
  for (const char *name : {"jsonres01.srj", "jsonres02.srj", "jsonres03.srj", "jsonres04.srj"}) {
    diag::Diagnostics diags;
    const auto expected = read_srj(file_text(kSparqlDir + "/json-res/" + name), name, diags);
    ASSERT_TRUE(expected) << name;
    store::Dictionary dict;
    const auto again =
        read_srj(written(testing::to_query_result(*expected, dict), dict, ResultFormat::json), name, diags);
    EXPECT_EQ(again, expected) << name;
  }
}

TEST(W3cResultExamples, JsonExampleContent) {
  diag::Diagnostics diags;
  const auto r = read_srj(file_text(kSparqlDir + "/json-res/jsonres01.srj"), "jsonres01.srj", diags);
  ASSERT_TRUE(r);
  EXPECT_EQ(r->variables, (std::vector<std::string>{"s", "p", "o"}));
  ASSERT_EQ(r->rows.size(), 6u);
  EXPECT_EQ(r->rows[3][2], model::Term::typed_literal("4", "http://www.w3.org/2001/XMLSchema#integer"));
  EXPECT_EQ(r->rows[5][2], model::Term::blank("b0"));
  const auto ask = read_srj(file_text(kSparqlDir + "/json-res/jsonres04.srj"), "jsonres04.srj", diags);
  ASSERT_TRUE(ask);
  EXPECT_EQ(ask->boolean, false);
}

}  // namespace
}  // namespace ng::query::results
