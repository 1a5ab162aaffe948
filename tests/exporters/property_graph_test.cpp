// The property-graph exporters: CSV for neo4j-admin and the two Neptune
// loader formats (golden headers, the hostile labels read back by a small
// RFC 4180 reader here and by Python's csv module, array values holding the
// delimiter or quotes), GraphML (well-formed for expat and xmllint, values
// read back), and Mermaid (golden text, escaping).
#include <expat.h>
#include <gtest/gtest.h>

#include <map>

#include "exporters/property_graph.hpp"
#include "exporters/text.hpp"
#include "test_tools.hpp"

namespace ng::exporters {
namespace {

using namespace ng::exporters::testing;

constexpr const char *kPython = NG_PYTHON3_PROGRAM;
constexpr const char *kXmllint = NG_XMLLINT_PROGRAM;
constexpr const char *kCsvDump = NG_CSV_DUMP_SCRIPT;

using Row = std::vector<std::string>;

// RFC 4180: fields separated by ',', records by CRLF (or LF), a quoted field
// may hold ',', CR, LF and doubled quotes. Fails the test on a stray quote.
std::vector<Row> read_csv(const std::string &text) {
  std::vector<Row> rows;
  Row row;
  std::string field;
  bool quoted = false, was_quoted = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (quoted) {
      if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') {
        field += '"';
        ++i;
      } else if (c == '"') {
        quoted = false;
      } else {
        field += c;
      }
    } else if (c == '"') {
      EXPECT_TRUE(field.empty() && !was_quoted) << "stray quote at " << i;
      quoted = was_quoted = true;
    } else if (c == ',') {
      row.push_back(std::move(field));
      field.clear();
      was_quoted = false;
    } else if (c == '\r' || c == '\n') {
      if (c == '\r') {
        EXPECT_TRUE(i + 1 < text.size() && text[i + 1] == '\n');
        ++i;
      }
      row.push_back(std::move(field));
      field.clear();
      was_quoted = false;
      rows.push_back(std::move(row));
      row.clear();
    } else {
      EXPECT_FALSE(was_quoted) << "text after a closing quote at " << i;
      field += c;
    }
  }
  EXPECT_FALSE(quoted) << "unterminated quoted field";
  if (!field.empty() || !row.empty()) {
    row.push_back(std::move(field));
    rows.push_back(std::move(row));
  }
  return rows;
}

// Rows as maps from header name to field.
std::vector<std::map<std::string, std::string>>
records(const std::string &text) {
  const auto rows = read_csv(text);
  std::vector<std::map<std::string, std::string>> out;
  if (rows.empty())
    return out;
  for (std::size_t r = 1; r < rows.size(); ++r) {
    EXPECT_EQ(rows[r].size(), rows[0].size()) << "row " << r;
    std::map<std::string, std::string> rec;
    for (std::size_t i = 0; i < rows[r].size() && i < rows[0].size(); ++i)
      rec[rows[0][i]] = rows[r][i];
    out.push_back(std::move(rec));
  }
  return out;
}

// Splits an array field: neo4j on `delimiter` (no escapes); Neptune on ';'
// where "\;" is a ';' inside an element.
std::vector<std::string> split_array(const std::string &field, char delimiter,
                                     bool neptune) {
  std::vector<std::string> out(1);
  for (std::size_t i = 0; i < field.size(); ++i) {
    if (neptune && field[i] == '\\' && i + 1 < field.size() &&
        field[i + 1] == ';') {
      out.back() += ';';
      ++i;
    } else if (field[i] == delimiter) {
      out.emplace_back();
    } else {
      out.back() += field[i];
    }
  }
  return out;
}

store::TripleStore small_store() {
  store::TripleStore store;
  auto &d = store.dictionary();
  const auto file = store.add_file("a.md");
  const auto ec2 = d.intern_iri(std::string(vocab::default_base) + "ec2");
  const auto ecs = d.intern_iri(std::string(vocab::default_base) + "ecs");
  store.add(ec2, d.intern_iri(vocab::rdf_type), d.intern_iri(vocab::ng_Service),
            store::kNoTerm, {file, 3});
  store.add(ec2, d.intern_iri(vocab::rdf_type), d.intern_iri(vocab::ng_Section),
            store::kNoTerm, {file, 3});
  store.add(ec2, d.intern_iri(vocab::rdfs_label),
            d.intern(model::Term::literal("Amazon EC2")), store::kNoTerm,
            {file, 3});
  store.add(ec2, d.intern_iri(vocab::ng_level),
            d.intern(model::Term::typed_literal(
                "2", std::string(vocab::xsd_integer))),
            store::kNoTerm, {file, 3});
  store.add(ec2, d.intern_iri(vocab::dcterms_description),
            d.intern(model::Term::lang_literal("가상 서버", "ko")),
            store::kNoTerm, {file, 4});
  store.add(ecs, d.intern_iri(vocab::rdf_type), d.intern_iri(vocab::ng_Service),
            store::kNoTerm, {file, 6});
  store.add(ecs, d.intern_iri(vocab::skos_altLabel),
            d.intern(model::Term::literal("a;b")), store::kNoTerm, {file, 6});
  store.add(ecs, d.intern_iri(vocab::skos_altLabel),
            d.intern(model::Term::literal("say \"hi\"")), store::kNoTerm,
            {file, 6});
  store.add(ecs, d.intern_iri(std::string(vocab::ng) + "runsOn"), ec2,
            store::kNoTerm, {file, 7});
  store.add(ecs, d.intern_iri(vocab::ng_mentions), ec2, store::kNoTerm,
            {file, 7});
  store.freeze();
  return store;
}

TEST(PropertyGraph, SmallStoreGivesNodesColumnsAndEdges) {
  const auto g = build_property_graph(small_store());
  ASSERT_EQ(g.nodes.size(), 2u);
  EXPECT_EQ(g.nodes[0].id, "https://w3id.org/notegraph/notes/ec2");
  EXPECT_EQ(g.nodes[0].labels, (std::vector<std::string>{"Section", "Service"}));
  EXPECT_EQ(g.nodes[0].line, 3u);
  ASSERT_EQ(g.columns.size(), 4u);
  EXPECT_EQ(g.columns[0].name, "altLabel");
  EXPECT_TRUE(g.columns[0].multi);
  EXPECT_EQ(g.columns[1].name, "description_ko");
  EXPECT_EQ(g.columns[3].name, "level");
  EXPECT_TRUE(g.columns[3].integer);
  ASSERT_EQ(g.edges.size(), 2u);
  EXPECT_EQ(g.edges[0].type, "mentions");
  EXPECT_EQ(g.edges[1].type, "runsOn");
}

TEST(PropertyGraphCsv, Neo4jMatchesGolden) {
  const auto files = write_property_graph_csv(
      build_property_graph(small_store()), CsvDialect::neo4j);
  // altLabel holds a ';', so the array delimiter moves to '|'.
  EXPECT_EQ(files.nodes,
            "iri:ID,:LABEL,altLabel:string[],description_ko:string,"
            "label:string,level:long,file:string,line:int\r\n"
            "\"https://w3id.org/notegraph/notes/ec2\",\"Section|Service\",,"
            "\"가상 서버\",\"Amazon EC2\",2,\"a.md\",3\r\n"
            "\"https://w3id.org/notegraph/notes/ecs\",\"Service\","
            "\"a;b|say \"\"hi\"\"\",,,,\"a.md\",6\r\n");
  EXPECT_EQ(files.relationships,
            ":START_ID,:END_ID,:TYPE,file:string,line:int\r\n"
            "\"https://w3id.org/notegraph/notes/ecs\","
            "\"https://w3id.org/notegraph/notes/ec2\",\"mentions\",\"a.md\",7\r\n"
            "\"https://w3id.org/notegraph/notes/ecs\","
            "\"https://w3id.org/notegraph/notes/ec2\",\"runsOn\",\"a.md\",7\r\n");
  EXPECT_NE(files.readme.find(
                "neo4j-admin database import full --nodes=nodes.csv "
                "--relationships=relationships.csv --multiline-fields=true "
                "--array-delimiter='|' neo4j"),
            std::string::npos)
      << files.readme;
}

TEST(PropertyGraphCsv, NeptuneHeadersAsTheLoaderDocumentsThem) {
  const auto g = build_property_graph(small_store());
  const auto gremlin = write_property_graph_csv(g, CsvDialect::neptune_gremlin);
  EXPECT_EQ(gremlin.nodes.substr(0, gremlin.nodes.find('\r')),
            "~id,~label,iri:String(single),altLabel:String[],"
            "description_ko:String(single),label:String(single),"
            "level:Long(single),file:String(single),line:Int(single)");
  EXPECT_EQ(gremlin.relationships.substr(0, gremlin.relationships.find('\r')),
            "~id,~from,~to,~label,file:String,line:Int");
  EXPECT_NE(gremlin.nodes.find("\"a\\;b;say \"\"hi\"\"\""), std::string::npos)
      << gremlin.nodes;
  EXPECT_NE(gremlin.relationships.find("\r\nr1,"), std::string::npos);
  EXPECT_NE(gremlin.readme.find("\"format\": \"csv\""), std::string::npos);

  const auto cypher =
      write_property_graph_csv(g, CsvDialect::neptune_opencypher);
  EXPECT_EQ(cypher.nodes.substr(0, cypher.nodes.find('\r')),
            "iri:ID,:LABEL,altLabel:String[],description_ko:String,"
            "label:String,level:Long,file:String,line:Int");
  EXPECT_EQ(cypher.relationships.substr(0, cypher.relationships.find('\r')),
            ":ID,:START_ID,:END_ID,:TYPE,file:String,line:Int");
  EXPECT_NE(cypher.readme.find("\"format\": \"opencypher\""),
            std::string::npos);
  EXPECT_NE(cypher.readme.find("\"userProvidedEdgeIds\": \"TRUE\""),
            std::string::npos);
}

struct DialectCase {
  CsvDialect dialect;
  const char *id, *label, *start, *end, *type, *name_suffix;
};

class CsvDialectTest : public TempDirTest,
                       public ::testing::WithParamInterface<DialectCase> {};

std::string column(const std::map<std::string, std::string> &rec,
                   const std::string &prefix) {
  for (const auto &[k, v] : rec)
    if (k.rfind(prefix + ":", 0) == 0)
      return v;
  ADD_FAILURE() << "no column " << prefix;
  return {};
}

TEST_P(CsvDialectTest, HostileLabelsReadBackExactly) {
  const auto c = GetParam();
  const auto files =
      write_property_graph_csv(build_property_graph(hostile_store()), c.dialect);
  const auto nodes = records(files.nodes);
  const auto labels = hostile_labels();
  ASSERT_EQ(nodes.size(), labels.size() + 1); // + the category
  std::map<std::string, std::map<std::string, std::string>> by_id;
  for (const auto &n : nodes)
    by_id[n.at(c.id)] = n;
  for (std::size_t i = 0; i < labels.size(); ++i) {
    const auto &n =
        by_id[std::string(vocab::default_base) + "svc-" + std::to_string(i)];
    EXPECT_EQ(column(n, "label"), labels[i]) << i;
    EXPECT_EQ(column(n, "description_ko"), labels[i] + " 설명") << i;
    EXPECT_EQ(column(n, "altLabel"),
              "A" + std::to_string(i) + labels[i].substr(0, 20));
    EXPECT_EQ(column(n, "level"), "3");
    EXPECT_EQ(column(n, "file"), "notes/hostile \"file\".md");
    EXPECT_EQ(column(n, "line"), std::to_string(10 + i));
    EXPECT_EQ(n.at(c.label), "Service");
  }
  const auto rels = records(files.relationships);
  // category for each service, and one relation between consecutive ones.
  EXPECT_EQ(rels.size(), 2 * labels.size() - 1);
  std::multiset<std::string> types;
  for (const auto &r : rels) {
    types.insert(r.at(c.type));
    EXPECT_TRUE(by_id.count(r.at(c.start)) && by_id.count(r.at(c.end)));
  }
  EXPECT_EQ(types.count("category"), labels.size());
  EXPECT_EQ(types.count("runsOn") + types.count("mentions"),
            labels.size() - 1);
}

TEST_P(CsvDialectTest, ArrayValuesWithDelimiterAndQuotesSurvive) {
  const auto c = GetParam();
  const auto files =
      write_property_graph_csv(build_property_graph(small_store()), c.dialect);
  const auto nodes = records(files.nodes);
  ASSERT_EQ(nodes.size(), 2u);
  const bool neptune = c.dialect != CsvDialect::neo4j;
  const char delimiter = neptune ? ';' : '|';
  EXPECT_EQ(split_array(column(nodes[1], "altLabel"), delimiter, neptune),
            (std::vector<std::string>{"a;b", "say \"hi\""}));
  EXPECT_EQ(split_array(nodes[0].at(c.label), delimiter, neptune),
            (std::vector<std::string>{"Section", "Service"}));
}

TEST_P(CsvDialectTest, PythonCsvModuleReadsTheSameRecords) {
  if (!*kPython)
    GTEST_SKIP() << "python3 not installed";
  const auto files =
      write_property_graph_csv(build_property_graph(hostile_store()),
                               GetParam().dialect);
  for (const auto &[name, text] :
       {std::pair{"nodes.csv", &files.nodes},
        std::pair{"relationships.csv", &files.relationships}}) {
    write_file(dir_ / name, *text);
    const fs::path fields = dir_ / (std::string(name) + ".fields");
    ASSERT_EQ(shell(std::string(kPython) + " " + kCsvDump + " " +
                    (dir_ / name).string() + " >" + fields.string()),
              0)
        << name;
    const auto ours = read_csv(*text);
    std::string expected;
    for (const auto &row : ours) {
      expected += std::to_string(row.size()) + "\n";
      for (const auto &f : row)
        expected += std::to_string(f.size()) + ":" + f;
    }
    EXPECT_EQ(read_file(fields), expected) << name;
  }
}

INSTANTIATE_TEST_SUITE_P(
    Dialects, CsvDialectTest,
    ::testing::Values(
        DialectCase{CsvDialect::neo4j, "iri:ID", ":LABEL", ":START_ID",
                    ":END_ID", ":TYPE", ""},
        DialectCase{CsvDialect::neptune_gremlin, "~id", "~label", "~from",
                    "~to", "~label", ""},
        DialectCase{CsvDialect::neptune_opencypher, "iri:ID", ":LABEL",
                    ":START_ID", ":END_ID", ":TYPE", ""}),
    [](const auto &info) {
      switch (info.param.dialect) {
      case CsvDialect::neo4j:
        return std::string("neo4j");
      case CsvDialect::neptune_gremlin:
        return std::string("neptune_gremlin");
      default:
        return std::string("neptune_opencypher");
      }
    });

TEST(CsvField, QuotesOnlyWhenNeeded) {
  EXPECT_EQ(csv_field("plain"), "plain");
  EXPECT_EQ(csv_field("a,b"), "\"a,b\"");
  EXPECT_EQ(csv_field("say \"x\""), "\"say \"\"x\"\"\"");
  EXPECT_EQ(csv_field("two\nlines"), "\"two\nlines\"");
  EXPECT_EQ(csv_field("", true), "\"\"");
}

// GraphML read back with expat: the text of every <data> by key, per node.
struct GraphmlReader {
  std::vector<std::map<std::string, std::string>> nodes;
  std::map<std::string, std::string> key_names; // id → attr.name
  std::string key, text;
  bool in_node = false, in_data = false;
  int edges = 0;

  static void start(void *self, const XML_Char *name, const XML_Char **atts) {
    auto *r = static_cast<GraphmlReader *>(self);
    const std::string n = name;
    std::map<std::string, std::string> a;
    for (int i = 0; atts[i]; i += 2)
      a[atts[i]] = atts[i + 1];
    if (n == "key")
      r->key_names[a["id"]] = a["attr.name"];
    else if (n == "node") {
      r->in_node = true;
      r->nodes.emplace_back();
    } else if (n == "edge")
      ++r->edges;
    else if (n == "data" && r->in_node) {
      r->in_data = true;
      r->key = r->key_names[a["key"]];
      r->text.clear();
    }
  }
  static void end(void *self, const XML_Char *name) {
    auto *r = static_cast<GraphmlReader *>(self);
    const std::string n = name;
    if (n == "node")
      r->in_node = false;
    else if (n == "data" && r->in_data) {
      r->nodes.back()[r->key] = r->text;
      r->in_data = false;
    }
  }
  static void chars(void *self, const XML_Char *s, int len) {
    auto *r = static_cast<GraphmlReader *>(self);
    if (r->in_data)
      r->text.append(s, static_cast<std::size_t>(len));
  }

  bool parse(const std::string &doc, std::string &error) {
    XML_Parser p = XML_ParserCreate("UTF-8");
    XML_SetUserData(p, this);
    XML_SetElementHandler(p, start, end);
    XML_SetCharacterDataHandler(p, chars);
    const bool ok = XML_Parse(p, doc.data(), static_cast<int>(doc.size()),
                              1) == XML_STATUS_OK;
    if (!ok)
      error = std::string(XML_ErrorString(XML_GetErrorCode(p))) + " at line " +
              std::to_string(XML_GetCurrentLineNumber(p));
    XML_ParserFree(p);
    return ok;
  }
};

// What XML can carry of `text`: C0 controls other than tab/LF/CR → U+FFFD.
std::string xml_representable(const std::string &text) {
  std::string out;
  for (char ch : text) {
    const auto c = static_cast<unsigned char>(ch);
    if (c < 0x20 && c != '\t' && c != '\n' && c != '\r')
      out += "\xEF\xBF\xBD";
    else
      out += ch;
  }
  return out;
}

class GraphmlTest : public TempDirTest {};

TEST_F(GraphmlTest, HostileLabelsAreWellFormedAndReadBack) {
  std::ostringstream out;
  write_graphml(build_property_graph(hostile_store()), out);
  const std::string doc = out.str();
  GraphmlReader reader;
  std::string error;
  ASSERT_TRUE(reader.parse(doc, error)) << error;
  const auto labels = hostile_labels();
  ASSERT_EQ(reader.nodes.size(), labels.size() + 1);
  EXPECT_EQ(reader.edges, static_cast<int>(2 * labels.size() - 1));
  std::map<std::string, std::map<std::string, std::string>> by_iri;
  for (const auto &n : reader.nodes)
    by_iri[n.at("iri")] = n;
  for (std::size_t i = 0; i < labels.size(); ++i) {
    auto &n =
        by_iri[std::string(vocab::default_base) + "svc-" + std::to_string(i)];
    EXPECT_EQ(n["label"], xml_representable(labels[i])) << i;
    EXPECT_EQ(n["description_ko"], xml_representable(labels[i] + " 설명"));
    EXPECT_EQ(n["labels"], "Service");
    EXPECT_EQ(n["file"], "notes/hostile \"file\".md");
    EXPECT_EQ(n["line"], std::to_string(10 + i));
  }
  EXPECT_EQ(doc.find("<script"), std::string::npos);
  if (*kXmllint) {
    write_file(dir_ / "g.graphml", doc);
    EXPECT_EQ(shell(std::string(kXmllint) + " --noout " +
                    (dir_ / "g.graphml").string()),
              0);
  }
}

TEST(Mermaid, SmallViewMatchesGolden) {
  ServiceView view;
  std::string error;
  ASSERT_TRUE(build_service_view(small_store(), {}, view, error)) << error;
  std::ostringstream out;
  write_mermaid(view, out);
  EXPECT_EQ(out.str(), "flowchart LR\n"
                       "  n0[\"Amazon EC2\"]\n"
                       "  n1[\"ecs (a;b)\"]\n"
                       "  n1 -->|\"runsOn\"| n0\n");
}

TEST(Mermaid, EscapesQuotesHashesAngleBracketsAndLineBreaks) {
  EXPECT_EQ(mermaid_escape("say \"hi\" #1 <script>a&b</script> `x`\nnext"),
            "say #quot;hi#quot; #35;1 #lt;script#gt;a#amp;b#lt;/script#gt; "
            "#96;x#96; next");
  EXPECT_EQ(mermaid_escape(std::string(100, 'x'), 10),
            std::string(10, 'x') + "\xE2\x80\xA6");
}

TEST(Mermaid, HostileViewHasNoRawQuoteOrBracketInsideLabels) {
  ServiceView view;
  std::string error;
  ASSERT_TRUE(build_service_view(hostile_store(), {}, view, error)) << error;
  std::ostringstream out;
  write_mermaid(view, out);
  const std::string text = out.str();
  std::istringstream in(text);
  std::size_t node_lines = 0;
  for (std::string line; std::getline(in, line);) {
    for (char c : line)
      EXPECT_FALSE(static_cast<unsigned char>(c) < 0x20) << line;
    const auto open = line.find("[\"");
    if (open == std::string::npos)
      continue;
    const auto close = line.rfind("\"]");
    ASSERT_NE(close, std::string::npos) << line;
    const std::string label = line.substr(open + 2, close - open - 2);
    EXPECT_EQ(label.find_first_of("\"<>`"), std::string::npos) << label;
    if (line.find("subgraph") == std::string::npos)
      ++node_lines;
  }
  EXPECT_EQ(node_lines, hostile_labels().size());
  EXPECT_EQ(text.find("<script"), std::string::npos);
  EXPECT_NE(text.find("#lt;script#gt;alert(#quot;x#quot;)#lt;/script#gt;"),
            std::string::npos);
}

} // namespace
} // namespace ng::exporters
