// The Turtle, JSON-LD and diagram exporters: golden output on a small graph,
// and the hostile-label store through each, read back by an independent tool
// (serdi and rapper for Turtle, jsonld.js + rdf-canonize for JSON-LD, the
// graphviz `dot` program for DOT text). A test skips, naming the tool, when
// that tool is absent.
#include <gtest/gtest.h>

#include <memory>
#include <regex>

#include "exporters/diagram.hpp"
#include "exporters/jsonld_writer.hpp"
#include "exporters/ntriples_writer.hpp"
#include "exporters/text.hpp"
#include "exporters/turtle_writer.hpp"
#include "test_tools.hpp"

namespace ng::exporters {
namespace {

using namespace ng::exporters::testing;

constexpr const char *kRapper = NG_RAPPER_PROGRAM;
constexpr const char *kSerdi = NG_SERDI_PROGRAM;
constexpr const char *kDot = NG_DOT_PROGRAM;
constexpr const char *kNode = NG_NODE_PROGRAM;
constexpr const char *kPeers = NG_PEERS_DIR;

store::TripleStore small_store() {
  store::TripleStore store;
  auto &d = store.dictionary();
  const auto file = store.add_file("a.md");
  const auto ec2 = d.intern_iri(std::string(vocab::default_base) + "ec2");
  const auto ecs = d.intern_iri(std::string(vocab::default_base) + "ecs");
  store.add(ec2, d.intern_iri(vocab::rdf_type), d.intern_iri(vocab::ng_Service), store::kNoTerm, {file, 3});
  store.add(ec2, d.intern_iri(vocab::rdfs_label), d.intern(model::Term::literal("Amazon EC2")), store::kNoTerm,
            {file, 3});
  store.add(ec2, d.intern_iri(vocab::dcterms_description), d.intern(model::Term::lang_literal("가상 서버", "ko")),
            store::kNoTerm, {file, 4});
  store.add(ecs, d.intern_iri(vocab::rdf_type), d.intern_iri(vocab::ng_Service), store::kNoTerm, {file, 6});
  store.add(ecs, d.intern_iri(std::string(vocab::ng) + "runsOn"), ec2, store::kNoTerm, {file, 7});
  store.add(ecs, d.intern_iri(vocab::ng_mentions), ec2, store::kNoTerm, {file, 7});
  store.freeze();
  return store;
}

std::string turtle(const store::TripleStore &store) {
  std::ostringstream out;
  write_turtle(store, out);
  return out.str();
}

TEST(TurtleWriter, SmallGraphMatchesGolden) {
  EXPECT_EQ(turtle(small_store()),
            "@prefix dcterms: <http://purl.org/dc/terms/> .\n"
            "@prefix ng: <https://w3id.org/notegraph/ns#> .\n"
            "@prefix notes: <https://w3id.org/notegraph/notes/> .\n"
            "@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .\n"
            "\n"
            "notes:ec2 a ng:Service ;\n"
            "    dcterms:description \"가상 서버\"@ko ;\n"
            "    rdfs:label \"Amazon EC2\" .\n"
            "\n"
            "notes:ecs a ng:Service ;\n"
            "    ng:mentions notes:ec2 ;\n"
            "    ng:runsOn notes:ec2 .\n");
}

class ToolTest : public TempDirTest {
 protected:
  // serdi's N-Triples of `file` in `syntax`, as a multiset of lines.
  std::multiset<std::string> serdi_lines(const fs::path &file, const std::string &syntax) {
    const fs::path out = dir_ / (file.filename().string() + ".serdi.nt");
    EXPECT_EQ(shell(std::string(kSerdi) + " -q -i " + syntax + " -o ntriples " + file.string() + " >" + out.string()),
              0);
    return lines_of(read_file(out));
  }
};

TEST_F(ToolTest, TurtleOfHostileLabelsReadsBackAsTheSameGraph) {
  if (!*kSerdi || !*kRapper) GTEST_SKIP() << "serdi or rapper (raptor2-utils) not installed";
  const auto store = hostile_store();
  write_file(dir_ / "g.ttl", turtle(store));
  std::ostringstream nt;
  write_ntriples(store, nt);
  write_file(dir_ / "g.nt", nt.str());
  EXPECT_EQ(serdi_lines(dir_ / "g.ttl", "turtle"), serdi_lines(dir_ / "g.nt", "ntriples"));
  EXPECT_EQ(shell(std::string(kRapper) + " -q -i turtle -c " + (dir_ / "g.ttl").string() + " 2>" +
                  (dir_ / "rapper.err").string()),
            0)
      << read_file(dir_ / "rapper.err");
}

// Runs the jsonld.js check; returns its output.
std::string jsonld_check(const fs::path &doc, const fs::path &nt, int &code, const std::string &mode = "") {
  const fs::path log = doc.string() + ".log";
  code = shell(std::string(kNode) + " " + kPeers + "/jsonld_isomorphic.js " + doc.string() + " " + nt.string() + " " +
               mode + " >" + log.string() + " 2>&1");
  return read_file(log);
}

class JsonLdTest : public ToolTest, public ::testing::WithParamInterface<JsonLdForm> {};

TEST_P(JsonLdTest, HostileLabelsGiveTheSameGraphThroughJsonldJs) {
  if (!*kNode) GTEST_SKIP() << "node (nodejs) not installed";
  if (!fs::exists(fs::path(kPeers) / "node_modules" / "jsonld"))
    GTEST_SKIP() << "jsonld.js not installed (scripts/deps.sh ng_install_peers)";
  const auto store = hostile_store();
  std::ostringstream doc, nt;
  write_jsonld(store, doc, {GetParam(), ""});
  write_ntriples(store, nt);
  write_file(dir_ / "g.jsonld", doc.str());
  write_file(dir_ / "g.nt", nt.str());
  int code = -1;
  const std::string log =
      jsonld_check(dir_ / "g.jsonld", dir_ / "g.nt", code, GetParam() == JsonLdForm::services ? "--subset" : "");
  EXPECT_EQ(code, 0) << log;
}

INSTANTIATE_TEST_SUITE_P(Forms, JsonLdTest,
                         ::testing::Values(JsonLdForm::compacted, JsonLdForm::expanded, JsonLdForm::services));

TEST(JsonLdWriter, ContextCoercesLinksAndKeepsLanguages) {
  std::ostringstream out;
  write_jsonld(small_store(), out);
  const std::string doc = out.str();
  EXPECT_NE(doc.find("\"runsOn\": {\n      \"@id\": \"ng:runsOn\",\n      "
                     "\"@type\": \"@id\""),
            std::string::npos)
      << doc;
  EXPECT_NE(doc.find("\"@language\": \"ko\""), std::string::npos) << doc;
  EXPECT_NE(doc.find("\"@type\": \"ng:Service\""), std::string::npos) << doc;
}

ServiceView hostile_view() {
  ServiceView view;
  std::string error;
  EXPECT_TRUE(build_service_view(hostile_store(), {}, view, error)) << error;
  return view;
}

TEST(ServiceView, HostileStoreGivesOneNodePerServiceAndBothEdgeKinds) {
  const ServiceView view = hostile_view();
  EXPECT_EQ(view.nodes.size(), hostile_labels().size());
  ASSERT_EQ(view.categories.size(), 1u);
  EXPECT_EQ(view.relations, (std::vector<std::string>{"runsOn", "mentions"}));
  for (const auto &n : view.nodes) EXPECT_EQ(n.label.find('\n'), std::string::npos);
}

TEST(ServiceView, FocusKeepsTheNeighbourhoodOnly) {
  ServiceView view;
  std::string error;
  ViewOptions options;
  options.focus = "svc-4";
  options.depth = 1;
  ASSERT_TRUE(build_service_view(hostile_store(), options, view, error)) << error;
  EXPECT_EQ(view.nodes.size(), 3u);
  options.focus = "no such service";
  EXPECT_FALSE(build_service_view(hostile_store(), options, view, error));
  EXPECT_EQ(error, "no node is named 'no such service'");
}

TEST(DisplayLine, FoldsControlCharactersAndCutsLongText) {
  EXPECT_EQ(display_line("a\n\tb\x01\x7F  c"), "a b c");
  EXPECT_EQ(display_line(std::string(10, 'x'), 4), "xxxx\xE2\x80\xA6");
  EXPECT_EQ(display_line("e\xCC\x81"), "\xC3\xA9");  // NFC
}

TEST(GraphvizEscape, DoublesBackslashesSoEscapesStayLiteral) { EXPECT_EQ(graphviz_escape("a\\N\\"), "a\\\\N\\\\"); }

TEST_F(ToolTest, DotTextOfHostileLabelsRendersWithTheDotProgram) {
  if (!*kDot) GTEST_SKIP() << "dot (graphviz) not installed";
  std::ostringstream dot;
  write_dot(hostile_view(), dot);
  write_file(dir_ / "g.dot", dot.str());
  ASSERT_EQ(shell(std::string(kDot) + " -Tsvg " + (dir_ / "g.dot").string() + " -o " + (dir_ / "g.svg").string() +
                  " 2>" + (dir_ / "dot.err").string()),
            0)
      << read_file(dir_ / "dot.err");
  const std::string svg = read_file(dir_ / "g.svg");
  EXPECT_EQ(svg.find("<script"), std::string::npos);
  EXPECT_NE(svg.find("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;"), std::string::npos);
  EXPECT_NE(svg.find("back\\slash \\N \\G \\n \\"),
            std::string::npos);  // escapes stayed literal
}

TEST(Diagram, SvgOfHostileLabelsHasNoScriptNorControlCharacters) {
  std::ostringstream svg;
  std::string error;
  ASSERT_TRUE(render_diagram(hostile_view(), "svg", svg, {}, error)) << error;
  const std::string text = svg.str();
  EXPECT_EQ(text.find("<script"), std::string::npos);
  EXPECT_NE(text.find("&lt;b&gt;html&#45;like&lt;/b&gt;"), std::string::npos) << text.substr(0, 4000);
  for (char c : text) EXPECT_FALSE(static_cast<unsigned char>(c) < 0x20 && c != '\n' && c != '\t' && c != '\r');
  EXPECT_NE(text.find("font-family=\"Noto Sans CJK KR"), std::string::npos);
}

// cgraph's default discipline ordered subgraphs by the heap address of their
// names, so the clusters' order (and the layout) could change from one run to
// the next; with sequential IDs the clusters come in the order they were made
// (the categories' order), whatever the heap looks like. (Checked on the DOT
// text, which cgraph writes in the same order: Graphviz 2.42's pango plugin
// keeps a pointer into a freed context, so a test must not lay out twice in
// one process; notegraph lays out once per run.)
TEST(Diagram, ClustersComeInCategoryOrderWhateverTheHeap) {
  ServiceView view;
  for (int c = 0; c < 12; ++c) {
    view.categories.push_back("Category " + std::to_string(c));
    ViewNode node;
    node.iri = "http://x/s" + std::to_string(c);
    node.label = "Service " + std::to_string(c);
    node.category = c;
    view.nodes.push_back(node);
  }
  auto dot = [&] {
    std::ostringstream text;
    write_dot(view, text);
    return text.str();
  };
  const std::string first = dot();
  std::vector<std::unique_ptr<char[]>> clutter;  // a different heap for the second run
  for (std::size_t i = 0; i < 2000; ++i) clutter.push_back(std::make_unique<char[]>(16 + (i * 7919) % 300));
  for (std::size_t i = 0; i < clutter.size(); i += 3) clutter[i].reset();
  const std::string second = dot();
  EXPECT_EQ(first, second);
  std::size_t at = 0;
  for (int c = 0; c < 12; ++c) {
    at = first.find("subgraph cluster_c" + std::to_string(c) + " ", at);
    ASSERT_NE(at, std::string::npos) << "cluster " << c << " missing or out of order in\n" << first;
  }
}

TEST(Diagram, DotTextIsStable) {
  std::ostringstream a, b;
  write_dot(hostile_view(), a);
  write_dot(hostile_view(), b);
  EXPECT_EQ(a.str(), b.str());
}

}  // namespace
}  // namespace ng::exporters
