// The bad-input catalogue, graph-file rows: the W3C N-Triples and Turtle
// syntax suites copied in tests/conformance/rdf, read from their manifests.
// Every negative syntax test must be rejected with an error whose line and
// column lie inside the file; every positive one must be accepted. And the
// binary prints such an error GCC-style with the caret.
#include <map>

#include "catalogue_support.hpp"
#include "diag/source_file.hpp"
#include "rdfio/ntriples_reader.hpp"
#include "rdfio/turtle_reader.hpp"

namespace ng::catalogue {
namespace {

constexpr const char* kRdfSuites = NG_CONFORMANCE_RDF;
const std::string kRdfType = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type";
const std::string kAction = "http://www.w3.org/2001/sw/DataAccess/tests/test-manifest#action";
const std::string kRdft = "http://www.w3.org/ns/rdftest#";

// Keeps each statement's subject, predicate and object text.
class TripleList : public rdfio::StatementSink {
 public:
  void statement(const rdfio::TermView& s, const rdfio::TermView& p, const rdfio::TermView& o, const rdfio::TermView*,
                 std::uint32_t) override {
    triples.push_back({s.to_term().value, p.to_term().value, o.to_term().value});
  }
  std::vector<std::array<std::string, 3>> triples;
};

struct Read {
  diag::Diagnostics diags;
  std::string text;
};

Read read(const fs::path& file, bool turtle) {
  Read r;
  EXPECT_TRUE(diag::read_source(file.string(), r.text, r.diags)) << file;
  rdfio::ReadOptions options;
  options.file_name = file.string();
  options.base_iri = "http://example/base/" + file.filename().string();
  TripleList sink;
  if (turtle)
    rdfio::read_turtle(r.text, options, sink, r.diags);
  else
    rdfio::read_ntriples(r.text, options, sink, r.diags);
  return r;
}

// The action file of every test of `type` (e.g. "TestTurtleNegativeSyntax")
// in the suite's manifest.
std::vector<fs::path> tests_of(const std::string& suite, const std::string& type) {
  fs::path dir = fs::path(kRdfSuites) / suite;
  std::string text = slurp(dir / "manifest.ttl");
  rdfio::ReadOptions options;
  options.file_name = (dir / "manifest.ttl").string();
  options.base_iri = "https://w3c.github.io/rdf-tests/rdf/rdf11/" + suite + "/manifest.ttl";
  TripleList sink;
  diag::Diagnostics diags;
  rdfio::read_turtle(text, options, sink, diags);
  EXPECT_FALSE(diags.has_errors());
  std::map<std::string, std::string> action_of;
  for (const auto& t : sink.triples)
    if (t[1] == kAction) action_of[t[0]] = t[2];
  std::vector<fs::path> files;
  for (const auto& t : sink.triples)
    if (t[1] == kRdfType && t[2] == kRdft + type) files.push_back(dir / fs::path(action_of.at(t[0])).filename());
  return files;
}

// Code points of `line`, plus one: the column just past its end.
std::uint32_t end_column(std::string_view line) {
  std::uint32_t n = 1;
  for (char c : line) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return n;
}

void expect_all_rejected_with_a_position(const std::string& suite, const std::string& type, bool turtle,
                                         std::size_t at_least) {
  auto files = tests_of(suite, type);
  EXPECT_GE(files.size(), at_least);
  for (const fs::path& f : files) {
    Read r = read(f, turtle);
    ASSERT_TRUE(r.diags.has_errors()) << f << " was accepted";
    const diag::Diagnostic& d = r.diags.items().front();
    EXPECT_EQ(d.severity, diag::Severity::error) << f;
    EXPECT_EQ(d.file, f.string());
    diag::SourceFile source(f.string(), r.text);
    ASSERT_GE(d.where.line, 1u) << f << ": " << d.message;
    ASSERT_GE(d.where.column, 1u) << f << ": " << d.message;
    // An early end of input is reported past the last text, on a line of the file.
    ASSERT_LE(d.where.line, std::max<std::uint32_t>(source.line_count(), 1)) << f << ": " << d.message;
    EXPECT_LE(d.where.column, end_column(source.line(d.where.line))) << f << ": " << d.message;
    EXPECT_FALSE(d.message.empty());
  }
}

void expect_all_accepted(const std::string& suite, const std::string& type, bool turtle, std::size_t at_least) {
  auto files = tests_of(suite, type);
  EXPECT_GE(files.size(), at_least);
  for (const fs::path& f : files) {
    Read r = read(f, turtle);
    EXPECT_TRUE(r.diags.items().empty()) << f << ": " << r.diags.items().front().message;
  }
}

TEST(GraphFilesCatalogue, EveryNTriplesNegativeSyntaxTestIsRejectedWithAPosition) {
  expect_all_rejected_with_a_position("rdf-n-triples", "TestNTriplesNegativeSyntax", false, 20);
}

TEST(GraphFilesCatalogue, EveryNTriplesPositiveSyntaxTestIsAccepted) {
  expect_all_accepted("rdf-n-triples", "TestNTriplesPositiveSyntax", false, 40);
}

TEST(GraphFilesCatalogue, EveryTurtleNegativeSyntaxTestIsRejectedWithAPosition) {
  expect_all_rejected_with_a_position("rdf-turtle", "TestTurtleNegativeSyntax", true, 80);
}

TEST(GraphFilesCatalogue, EveryTurtlePositiveSyntaxTestIsAccepted) {
  expect_all_accepted("rdf-turtle", "TestTurtlePositiveSyntax", true, 70);
}

class GraphFilesCatalogueCli : public CatalogueTest {};

TEST_F(GraphFilesCatalogueCli, BadTripleInAGraphFileIsPrintedWithItsCaret) {
  fs::path f = write("bad.nt",
                     "<http://ex/a> <http://ex/p> \"ok\" .\n"
                     "<http://ex/a> <http://ex/p> <not an iri> .\n");
  Outcome r = run("query -g " + f.string() + " 'ASK {}'");
  EXPECT_EQ(r.code, 1);
  auto printed = parse_printed(r.err);
  ASSERT_EQ(printed.size(), 1u) << r.err;
  EXPECT_EQ(printed[0].severity, "error");
  EXPECT_EQ(printed[0].kind, "syntax");
  EXPECT_EQ(printed[0].file, f.string());
  EXPECT_EQ(printed[0].line, 2u);
  // The IRI is bad at its first space.
  EXPECT_EQ(printed[0].column, 33u);
  expect_caret_under(printed[0], "<http://ex/a> <http://ex/p> <not an iri> .", 33);
}

}  // namespace
}  // namespace ng::catalogue
