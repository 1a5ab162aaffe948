// notegraph query --results dot|svg: a CONSTRUCT result drawn by Graphviz, on
// the seed; hostile literal text stays escaped in the DOT and the SVG. And the
// option names of issue 4: diagram --relations a,b (alias --edges), the cue
// tables as --cues FILE (--relations FILE a deprecated alias outside diagram).
#include <map>
#include <set>

#include "notegraph_runner.hpp"

namespace fs = std::filesystem;

namespace {

const std::string kSeed = NG_TEST_DATA "/aws-overview.ko.md";

using ng::cli_test::Outcome;
using ng::cli_test::shell;

class QueryDiagramCli : public ng::cli_test::NotegraphRunner {
 protected:
  QueryDiagramCli() : NotegraphRunner("notegraph-qdiagram") {}

  static std::string read(const fs::path& p) { return ng::cli_test::read_file(p); }
  // notegraph with its stdout kept in the test folder's file `out_name`.
  Outcome notegraph_into(const std::string& args, const std::string& out_name) { return notegraph(args, {}, out_name); }
  // The XML text of `s` as an SVG writer escapes it.
  static std::string xml(const std::string& s) {
    std::string out;
    for (char c : s) {
      if (c == '&')
        out += "&amp;";
      else if (c == '<')
        out += "&lt;";
      else if (c == '>')
        out += "&gt;";
      else
        out += c;
    }
    return out;
  }
  void expect_well_formed_svg(const fs::path& svg) {
    if (!*NG_XMLLINT_PROGRAM) GTEST_SKIP() << "xmllint (libxml2-utils) not installed";
    EXPECT_EQ(shell(std::string(NG_XMLLINT_PROGRAM) + " --noout --nonet " + svg.string()), 0) << read(svg);
  }
};

TEST_F(QueryDiagramCli, SvgOfAConstructNamesEveryServiceInvolved) {
  Outcome r = notegraph_into("query " + kSeed + " --results svg 'CONSTRUCT WHERE { ?s ng:runsOn ?o }'", "runs.svg");
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_EQ(r.out.rfind("<?xml", 0), 0u) << r.out.substr(0, 200);
  EXPECT_NE(r.out.find("</svg>"), std::string::npos);
  EXPECT_EQ(r.out.find("<script"), std::string::npos);
  EXPECT_NE(r.out.find("ng:runsOn"), std::string::npos);  // edge labels

  // Every node of the CONSTRUCT has one of its rdfs:labels in the drawing.
  Outcome labels = notegraph("query " + kSeed +
                                 " --results tsv 'SELECT DISTINCT ?n ?l WHERE { { ?n ng:runsOn ?x } UNION"
                                 " { ?x ng:runsOn ?n } ?n rdfs:label ?l }'",
                             "labels.tsv");
  ASSERT_EQ(labels.code, 0) << labels.err;
  std::map<std::string, std::set<std::string>> by_node;
  std::istringstream lines(labels.out);
  std::string line;
  std::getline(lines, line);  // header
  while (std::getline(lines, line)) {
    const auto tab = line.find('\t');
    ASSERT_NE(tab, std::string::npos) << line;
    std::string literal = line.substr(tab + 1);
    literal = literal.substr(1, literal.rfind('"') - 1);
    by_node[line.substr(0, tab)].insert(literal);
  }
  ASSERT_GE(by_node.size(), 2u) << "the seed should have services that run on others";
  for (const auto& [node, names] : by_node) {
    bool found = false;
    for (const auto& name : names) found = found || r.out.find(">" + xml(name) + "</text>") != std::string::npos;
    EXPECT_TRUE(found) << node << " is not named in the SVG (labels: " << *names.begin() << "…)";
  }
  expect_well_formed_svg(dir_ / "runs.svg");
}

TEST_F(QueryDiagramCli, DotOfAConstructParsesWithTheDotProgram) {
  Outcome r = notegraph_into("query " + kSeed + " --results dot 'CONSTRUCT WHERE { ?s ng:runsOn ?o }'", "runs.dot");
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_EQ(r.out.rfind("digraph", 0), 0u) << r.out.substr(0, 200);
  if (!*NG_DOT_PROGRAM) GTEST_SKIP() << "dot (graphviz) not installed";
  EXPECT_EQ(shell(std::string(NG_DOT_PROGRAM) + " -Tsvg -o " + (dir_ / "dot.svg").string() + " " +
                  (dir_ / "runs.dot").string()),
            0);
}

TEST_F(QueryDiagramCli, HostileLiteralTextStaysEscaped) {
  // A label with a quote, <script>, {, a backslash, newlines and a control character.
  const fs::path query = write("hostile.rq",
                               "CONSTRUCT { <http://example.com/x> ng:says ?l . ?l2 ng:x <http://example.com/y> }\n"
                               "WHERE { BIND(\"a\\\"<script>alert(1)</script>{\\\\N}\\n b\\r\\nc\\u0007d\" AS ?l)\n"
                               "        BIND(\"x\" AS ?l2) }\n");
  Outcome svg = notegraph_into("query " + kSeed + " --results svg -f " + query.string(), "h.svg");
  ASSERT_EQ(svg.code, 0) << svg.err;
  EXPECT_EQ(svg.out.find("<script"), std::string::npos);
  EXPECT_NE(svg.out.find("&lt;script&gt;"), std::string::npos);
  EXPECT_NE(svg.out.find("{\\N}"), std::string::npos);  // the backslash is kept, not read as \N
  expect_well_formed_svg(dir_ / "h.svg");

  Outcome dot = notegraph_into("query " + kSeed + " --results dot -f " + query.string(), "h.dot");
  ASSERT_EQ(dot.code, 0) << dot.err;
  EXPECT_NE(dot.out.find("<script>"), std::string::npos);  // inside a quoted DOT string
  EXPECT_NE(dot.out.find("{\\\\N}"), std::string::npos);   // doubled for escString
  if (!*NG_DOT_PROGRAM) GTEST_SKIP() << "dot (graphviz) not installed";
  EXPECT_EQ(
      shell(std::string(NG_DOT_PROGRAM) + " -Tsvg -o " + (dir_ / "h2.svg").string() + " " + (dir_ / "h.dot").string()),
      0);
  const std::string again = read(dir_ / "h2.svg");
  EXPECT_EQ(again.find("<script"), std::string::npos);
  EXPECT_NE(again.find("{\\N}"), std::string::npos);
}

TEST_F(QueryDiagramCli, SelectAndAskCannotBeDrawn) {
  Outcome select = notegraph("query " + kSeed + " --results svg 'SELECT * WHERE { ?s ng:runsOn ?o }'");
  EXPECT_EQ(select.code, 2);
  EXPECT_NE(select.err.find("CONSTRUCT or DESCRIBE"), std::string::npos) << select.err;
  EXPECT_TRUE(select.out.empty());
  Outcome ask = notegraph("query " + kSeed + " --results dot 'ASK { ?s ng:runsOn ?o }'");
  EXPECT_EQ(ask.code, 2);
  EXPECT_NE(ask.err.find("ASK"), std::string::npos) << ask.err;
}

TEST_F(QueryDiagramCli, DiagramRelationsFiltersAndEdgesIsItsAlias) {
  Outcome relations = notegraph_into("diagram -T dot --relations runsOn " + kSeed, "r.dot");
  ASSERT_EQ(relations.code, 0) << relations.err;
  Outcome edges = notegraph_into("diagram -T dot --edges runsOn " + kSeed, "e.dot");
  ASSERT_EQ(edges.code, 0) << edges.err;
  EXPECT_EQ(relations.out, edges.out);
  Outcome all = notegraph_into("diagram -T dot " + kSeed, "a.dot");
  ASSERT_EQ(all.code, 0) << all.err;
  EXPECT_NE(all.out, relations.out);
  EXPECT_NE(all.out.find("mentions"), std::string::npos);
  EXPECT_EQ(relations.out.find("mentions"), std::string::npos);
}

TEST_F(QueryDiagramCli, CuesAddRelationCueTablesAndRelationsFileIsADeprecatedAlias) {
  const fs::path note = write("n.md", "# Notes\n\n## Alpha\n\nAlpha zorbles Beta.\n\n## Beta\n\nBeta text.\n");
  const fs::path cues = write("cues.tsv", "zorbles\tng:usedWith\n");
  Outcome plain = notegraph("export -f nt " + note.string(), "plain.nt");
  ASSERT_EQ(plain.code, 0) << plain.err;
  Outcome with_cues = notegraph("export -f nt --cues " + cues.string() + " " + note.string(), "cues.nt");
  ASSERT_EQ(with_cues.code, 0) << with_cues.err;
  Outcome old_name = notegraph("export -f nt --relations " + cues.string() + " " + note.string(), "old.nt");
  ASSERT_EQ(old_name.code, 0) << old_name.err;
  EXPECT_EQ(with_cues.out, old_name.out);
  EXPECT_NE(old_name.err.find("deprecated"), std::string::npos) << old_name.err;
  Outcome build = notegraph("build -o " + (dir_ / "b").string() + " --cues " + cues.string() + " " + note.string());
  EXPECT_EQ(build.code, 0) << build.err;
  Outcome query = notegraph("query --results json --cues " + cues.string() + " " + note.string() + " 'ASK {}'");
  EXPECT_EQ(query.code, 0) << query.err;
  Outcome diagram = notegraph("diagram -T dot --cues " + cues.string() + " " + note.string());
  EXPECT_EQ(diagram.code, 0) << diagram.err;
  if (with_cues.out == plain.out) GTEST_SKIP() << "the sample note makes no relation from the cue";
}

}  // namespace
