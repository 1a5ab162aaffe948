// notegraph diagram and the newer export formats end to end, on the seed:
// the SVG names every service and carries no script, the DOT text renders
// with the dot program, the JSON-LD is the graph of the N-Triples for
// jsonld.js, --split cuts into files of N statements, usage errors exit 2.
#include <gtest/gtest.h>

#include <regex>
#include <set>

#include "test_tools.hpp"

namespace {

using namespace ng::exporters::testing;

constexpr const char *kSeed = NG_TEST_DATA "/aws-overview.ko.md";

class ExportCli : public TempDirTest {
protected:
  int run(const std::string &args) {
    return shell(std::string(NOTEGRAPH) + " " + args + " >" +
                 (dir_ / "stdout").string() + " 2>" +
                 (dir_ / "stderr").string() + " </dev/null");
  }
  std::string err() { return read_file(dir_ / "stderr"); }

  // rdfs:label of every ng:Service of the seed, from its N-Triples.
  std::set<std::string> service_labels() {
    EXPECT_EQ(
        run("export -f nt -o " + (dir_ / "seed.nt").string() + " " + kSeed), 0)
        << err();
    const std::string nt = read_file(dir_ / "seed.nt");
    std::set<std::string> services, labels;
    const std::regex service(
        "^(<[^>]+>) <[^>]+#type> <https://w3id.org/notegraph/ns#Service> \\.$");
    const std::regex label(
        "^(<[^>]+>) <http://www.w3.org/2000/01/rdf-schema#label> "
        "\"([^\"\\\\]*)\" \\.$");
    std::istringstream in(nt);
    std::vector<std::pair<std::string, std::string>> all;
    for (std::string line; std::getline(in, line);) {
      std::smatch m;
      if (std::regex_match(line, m, service))
        services.insert(m[1]);
      if (std::regex_match(line, m, label))
        all.emplace_back(m[1], m[2]);
    }
    for (const auto &[s, l] : all)
      if (services.count(s))
        labels.insert(l);
    return labels;
  }
};

std::string xml_escaped(const std::string &s) {
  std::string out;
  for (char c : s) {
    if (c == '&')
      out += "&amp;";
    else if (c == '<')
      out += "&lt;";
    else if (c == '>')
      out += "&gt;";
    else if (c == '-')
      out += "&#45;";
    else
      out += c;
  }
  return out;
}

TEST_F(ExportCli, SeedSvgNamesEveryServiceAndHasNoScript) {
  const auto labels = service_labels();
  ASSERT_EQ(labels.size(), 85u);
  ASSERT_EQ(run("diagram -o " + (dir_ / "s.svg").string() + " " + kSeed), 0)
      << err();
  const std::string svg = read_file(dir_ / "s.svg");
  EXPECT_EQ(svg.find("<script"), std::string::npos);
  for (auto l : labels) {
    l = std::regex_replace(l, std::regex("  +"),
                           " "); // labels are drawn with white space folded
    EXPECT_NE(svg.find(">" + xml_escaped(l) + "</text>"), std::string::npos)
        << l;
  }
}

TEST_F(ExportCli, SeedDotTextRendersWithTheDotProgram) {
  if (!*NG_DOT_PROGRAM)
    GTEST_SKIP() << "dot (graphviz) not installed";
  ASSERT_EQ(run("diagram -o " + (dir_ / "s.dot").string() + " " + kSeed), 0)
      << err();
  EXPECT_EQ(shell(std::string(NG_DOT_PROGRAM) + " -Tsvg -o " +
                  (dir_ / "s.svg").string() + " " + (dir_ / "s.dot").string()),
            0);
  EXPECT_NE(read_file(dir_ / "s.dot").find("subgraph cluster_c0"),
            std::string::npos);
}

TEST_F(ExportCli, TypeOptionOverridesTheExtension) {
  ASSERT_EQ(run("diagram -T png -o " + (dir_ / "s.svg").string() + " " + kSeed),
            0)
      << err();
  EXPECT_EQ(read_file(dir_ / "s.svg").substr(1, 3), "PNG");
}

TEST_F(ExportCli, NotesWithoutServicesGiveAWarningNotASilentEmptyDiagram) {
  const fs::path notes = dir_ / "plain.md";
  write_file(notes, "# EC2\n\nVirtual servers.\n\n# S3\n\nStorage; EC2 reads it.\n");
  const std::string svg = (dir_ / "s.svg").string();
  ASSERT_EQ(run("diagram -o " + svg + " " + notes.string()), 0) << err();
  EXPECT_NE(err().find("warning: nothing to draw: no entity of class Service"), std::string::npos) << err();
  EXPECT_NE(err().find("--classes Section"), std::string::npos) << err();
  EXPECT_TRUE(fs::exists(svg));
  // Quiet: no word; strict: an error and no file.
  fs::remove(svg);
  ASSERT_EQ(run("diagram -q -o " + svg + " " + notes.string()), 0);
  EXPECT_EQ(err(), "");
  fs::remove(svg);
  EXPECT_EQ(run("diagram --strict -o " + svg + " " + notes.string()), 1);
  EXPECT_NE(err().find("error: nothing to draw"), std::string::npos) << err();
  EXPECT_FALSE(fs::exists(svg));
  // The sections, asked for, are drawn.
  ASSERT_EQ(run("diagram --classes Section -o " + svg + " " + notes.string()), 0) << err();
  EXPECT_EQ(err().find("nothing to draw"), std::string::npos) << err();
  EXPECT_NE(read_file(svg).find("EC2"), std::string::npos);
}

TEST_F(ExportCli, FocusOnAnUnknownNameExits1) {
  EXPECT_EQ(run("diagram --focus NoSuchThing -o " + (dir_ / "s.svg").string() +
                " " + kSeed),
            1);
  EXPECT_NE(err().find("no node is named 'NoSuchThing'"), std::string::npos)
      << err();
  EXPECT_FALSE(fs::exists(dir_ / "s.svg"));
}

TEST_F(ExportCli, FocusByAcronymDrawsTheNeighbourhood) {
  ASSERT_EQ(run("diagram --focus ec2 --depth 1 -o " +
                (dir_ / "s.dot").string() + " " + kSeed),
            0)
      << err();
  const std::string dot = read_file(dir_ / "s.dot");
  EXPECT_NE(dot.find("Amazon Elastic Compute Cloud"), std::string::npos);
  EXPECT_EQ(dot.find("AWS Snowball"), std::string::npos);
}

TEST_F(ExportCli, SeedJsonLdIsTheGraphOfTheNTriplesForJsonldJs) {
  if (!*NG_NODE_PROGRAM)
    GTEST_SKIP() << "node (nodejs) not installed";
  if (!fs::exists(fs::path(NG_PEERS_DIR) / "node_modules" / "jsonld"))
    GTEST_SKIP()
        << "jsonld.js not installed (scripts/deps.sh ng_install_peers)";
  service_labels(); // writes seed.nt
  for (const std::string form : {"", "--expanded"}) {
    ASSERT_EQ(run("export -f jsonld " + form + " -o " +
                  (dir_ / "g.jsonld").string() + " " + kSeed),
              0)
        << err();
    EXPECT_EQ(shell(std::string(NG_NODE_PROGRAM) + " " + NG_PEERS_DIR +
                    "/jsonld_isomorphic.js " + (dir_ / "g.jsonld").string() +
                    " " + (dir_ / "seed.nt").string()),
              0)
        << form;
  }
}

TEST_F(ExportCli, SplitCutsTheNTriplesIntoFilesOfN) {
  service_labels();
  ASSERT_EQ(run("export -f nt --split 300 -o " + (dir_ / "part.nt").string() +
                " " + kSeed),
            0)
      << err();
  const std::string whole = read_file(dir_ / "seed.nt");
  std::string joined;
  for (const char *name : {"part.0001.nt", "part.0002.nt", "part.0003.nt"}) {
    const std::string part = read_file(dir_ / name);
    EXPECT_LE(lines_of(part).size(), 300u) << name;
    joined += part;
  }
  EXPECT_FALSE(fs::exists(dir_ / "part.0004.nt"));
  EXPECT_EQ(joined, whole);
}

TEST_F(ExportCli, SplitWithoutAFileIsAUsageError) {
  EXPECT_EQ(run(std::string("export -f nt --split 10 ") + kSeed), 2);
}

TEST_F(ExportCli, TurtleOfTheSeedParsesWithRapperToTheSameCount) {
  if (!*NG_RAPPER_PROGRAM)
    GTEST_SKIP() << "rapper (raptor2-utils) not installed";
  service_labels(); // writes seed.nt
  const std::size_t triples = lines_of(read_file(dir_ / "seed.nt")).size();
  ASSERT_EQ(run("export -f ttl -o " + (dir_ / "g.ttl").string() + " " + kSeed),
            0)
      << err();
  ASSERT_EQ(shell(std::string(NG_RAPPER_PROGRAM) + " -i turtle -c " +
                  (dir_ / "g.ttl").string() + " 2>" +
                  (dir_ / "count").string()),
            0);
  EXPECT_NE(read_file(dir_ / "count")
                .find("returned " + std::to_string(triples) + " triples"),
            std::string::npos)
      << read_file(dir_ / "count");
}

} // namespace
