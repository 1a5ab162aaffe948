// notegraph export -f neo4j|neptune-gremlin|neptune-opencypher|graphml|mermaid
// end to end on the seed: the folder holds nodes.csv, relationships.csv and a
// README with the load command, every relationship end is a node, Python's
// csv module reads the files, the GraphML is well-formed for xmllint, a .md
// Mermaid output is a fenced block naming every service; usage errors exit 2.
#include <gtest/gtest.h>

#include <regex>
#include <set>

#include "test_tools.hpp"

namespace {

using namespace ng::exporters::testing;

constexpr const char *kSeed = NG_TEST_DATA "/aws-overview.ko.md";

class PgExportCli : public TempDirTest {
protected:
  int run(const std::string &args) {
    return shell(std::string(NOTEGRAPH) + " " + args + " >" +
                 (dir_ / "stdout").string() + " 2>" +
                 (dir_ / "stderr").string() + " </dev/null");
  }
  std::string err() { return read_file(dir_ / "stderr"); }
};

// The first field of each data row (a quoted id), and the count of rows:
// enough for ids, which hold no quotes, commas or line breaks.
std::set<std::string> first_fields(const std::string &csv, std::size_t skip) {
  std::set<std::string> out;
  std::istringstream in(csv);
  std::string line;
  std::getline(in, line); // header
  for (; std::getline(in, line);) {
    std::smatch m;
    if (std::regex_search(line, m, std::regex("^(?:[^,]*,){" +
                                              std::to_string(skip) +
                                              "}\"(https://[^\"]+)\"")))
      out.insert(m[1]);
  }
  return out;
}

struct Dialect {
  const char *format;
  const char *node_header, *rel_header, *command;
  std::size_t start_column;
};

class PgDialectCli : public PgExportCli,
                     public ::testing::WithParamInterface<Dialect> {};

TEST_P(PgDialectCli, SeedFolderLoadsAsItsLoaderDocuments) {
  const auto d = GetParam();
  const fs::path out = dir_ / "out" / d.format;
  ASSERT_EQ(run(std::string("export -f ") + d.format + " -o " + out.string() +
                " " + kSeed),
            0)
      << err();
  const std::string nodes = read_file(out / "nodes.csv"),
                    rels = read_file(out / "relationships.csv"),
                    readme = read_file(out / "README.md");
  EXPECT_EQ(nodes.rfind(d.node_header, 0), 0u) << nodes.substr(0, 200);
  EXPECT_EQ(rels.rfind(d.rel_header, 0), 0u) << rels.substr(0, 200);
  EXPECT_NE(readme.find(d.command), std::string::npos) << readme;
  // Every relationship's start is a node.
  const auto ids = first_fields(nodes, 0);
  EXPECT_GT(ids.size(), 85u);
  const auto starts = first_fields(rels, d.start_column);
  EXPECT_GT(starts.size(), 50u);
  for (const auto &s : starts)
    EXPECT_TRUE(ids.count(s)) << s;
  if (*NG_PYTHON3_PROGRAM) {
    for (const char *name : {"nodes.csv", "relationships.csv"}) {
      EXPECT_EQ(shell(std::string(NG_PYTHON3_PROGRAM) + " " +
                      NG_CSV_DUMP_SCRIPT + " " + (out / name).string() +
                      " >/dev/null"),
                0)
          << name;
    }
  }
}

INSTANTIATE_TEST_SUITE_P(
    Formats, PgDialectCli,
    ::testing::Values(
        Dialect{"neo4j", "iri:ID,:LABEL,", ":START_ID,:END_ID,:TYPE,file:string,line:int\r\n",
                "neo4j-admin database import full --nodes=nodes.csv", 0},
        Dialect{"neptune-gremlin", "~id,~label,iri:String(single),",
                "~id,~from,~to,~label,file:String,line:Int\r\n",
                "\"format\": \"csv\"", 1},
        Dialect{"neptune-opencypher", "iri:ID,:LABEL,",
                ":ID,:START_ID,:END_ID,:TYPE,file:String,line:Int\r\n",
                "\"format\": \"opencypher\"", 1}),
    [](const auto &info) {
      std::string name = info.param.format;
      for (auto &c : name)
        if (c == '-')
          c = '_';
      return name;
    });

TEST_F(PgExportCli, CsvDialectWithoutAFolderIsAUsageError) {
  EXPECT_EQ(run(std::string("export -f neo4j ") + kSeed), 2);
  EXPECT_NE(err().find("-o DIR"), std::string::npos) << err();
  EXPECT_EQ(run(std::string("export -f neptune-gremlin --split 10 -o ") +
                (dir_ / "x").string() + " " + kSeed),
            2);
}

TEST_F(PgExportCli, GraphmlOfTheSeedIsWellFormed) {
  ASSERT_EQ(run("export -f graphml -o " + (dir_ / "g.graphml").string() + " " +
                kSeed),
            0)
      << err();
  const std::string doc = read_file(dir_ / "g.graphml");
  EXPECT_NE(doc.find("<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\""),
            std::string::npos);
  EXPECT_NE(doc.find("AWS Certificate Manager"), std::string::npos);
  if (!*NG_XMLLINT_PROGRAM)
    GTEST_SKIP() << "xmllint (libxml2-utils) not installed";
  EXPECT_EQ(shell(std::string(NG_XMLLINT_PROGRAM) + " --noout " +
                  (dir_ / "g.graphml").string()),
            0);
}

TEST_F(PgExportCli, MermaidInMarkdownIsAFencedBlockWithEveryService) {
  ASSERT_EQ(run("export -f mermaid -o " + (dir_ / "d.md").string() + " " +
                kSeed),
            0)
      << err();
  const std::string md = read_file(dir_ / "d.md");
  EXPECT_EQ(md.rfind("```mermaid\nflowchart LR\n", 0), 0u);
  EXPECT_EQ(md.substr(md.size() - 4), "```\n");
  std::size_t services = 0;
  std::istringstream in(md);
  for (std::string line; std::getline(in, line);)
    if (std::regex_search(line, std::regex("^ +n[0-9]+\\[\"")))
      ++services;
  EXPECT_EQ(services, 85u);
  ASSERT_EQ(run(std::string("export -f mermaid ") + kSeed), 0) << err();
  EXPECT_EQ(read_file(dir_ / "stdout").rfind("flowchart LR\n", 0), 0u);
}

} // namespace
