// The bad-input catalogue, output rows: a note whose service names and text
// hold DOT, HTML, XML, JSON, CSV and N-Triples syntax goes through every
// export format and every query result format of the binary; each output is
// read back by a real parser of its format (our N-Triples and Turtle readers,
// RapidJSON, expat, cgraph, an RFC 4180 reader) and must give the very text
// of the note. The SVG diagram must carry no script element, no event
// attribute and no javascript: link.
#include <expat.h>
#include <graphviz/cgraph.h>
#include <rapidjson/document.h>

#include <algorithm>
#include <cctype>
#include <set>

#include "catalogue_support.hpp"
#include "rdfio/ntriples_reader.hpp"
#include "rdfio/turtle_reader.hpp"

namespace ng::catalogue {
namespace {

// Level-3 headings under "AWS 서비스" are services: they reach every format.
// Backslash escapes keep the tags as text (a bare tag is dropped as inline HTML).
constexpr const char* kHostileNote =
    "# AWS 서비스\n"
    "\n"
    "## Compute & \"Friends\"\n"
    "\n"
    "### Evil \"];\\ \\<script>alert('x')\\</script> & {\"json\": [1]}, \"csv\",cell _:b . (EVL)\n"
    "\n"
    "Runs on Plain, \"Quoted\". See [click](javascript:alert(1)) and \\<img src=x onerror=\"alert(2)\">.\n"
    "A second line with \\<a href=\"javascript:alert(3)\">a\\</a> & ]]> and \"}\n"
    "\n"
    "### Plain, \"Quoted\"\n"
    "\n"
    "Plain is used with EVL.\n";

const std::string kLabel = "http://www.w3.org/2000/01/rdf-schema#label";
const std::string kDescription = "http://purl.org/dc/terms/description";

// Every literal object of `predicate`, read back with our N-Triples or Turtle reader.
class LiteralsOf : public rdfio::StatementSink {
 public:
  explicit LiteralsOf(std::string predicate) : predicate_(std::move(predicate)) {}
  void statement(const rdfio::TermView&, const rdfio::TermView& p, const rdfio::TermView& o, const rdfio::TermView*,
                 std::uint32_t) override {
    if (p.to_term().value == predicate_) values.insert(o.to_term().value);
  }
  std::set<std::string> values;

 private:
  std::string predicate_;
};

enum class Syntax { ntriples, nquads, turtle };

std::set<std::string> literals(const std::string& text, const std::string& predicate, Syntax syntax) {
  LiteralsOf sink(predicate);
  diag::Diagnostics diags;
  rdfio::ReadOptions options;
  if (syntax == Syntax::turtle)
    rdfio::read_turtle(text, options, sink, diags);
  else if (syntax == Syntax::nquads)
    rdfio::read_nquads(text, options, sink, diags);
  else
    rdfio::read_ntriples(text, options, sink, diags);
  EXPECT_FALSE(diags.has_errors()) << (diags.items().empty() ? "" : diags.items()[0].message);
  return sink.values;
}

// Every string value anywhere in a JSON document.
void json_strings(const rapidjson::Value& v, std::set<std::string>& out) {
  if (v.IsString()) out.insert(std::string(v.GetString(), v.GetStringLength()));
  if (v.IsArray())
    for (const auto& item : v.GetArray()) json_strings(item, out);
  if (v.IsObject())
    for (const auto& m : v.GetObject()) json_strings(m.value, out);
}

// An XML document read by expat: element names, attributes, text of each element.
struct Xml {
  bool well_formed = false;
  std::vector<std::string> elements;
  std::vector<std::pair<std::string, std::string>> attributes;
  std::set<std::string> texts;
  std::string current;
};

Xml parse_xml(const std::string& text) {
  Xml xml;
  XML_Parser p = XML_ParserCreate("UTF-8");
  XML_SetUserData(p, &xml);
  XML_SetElementHandler(
      p,
      [](void* data, const XML_Char* name, const XML_Char** atts) {
        auto* x = static_cast<Xml*>(data);
        x->elements.emplace_back(name);
        for (int i = 0; atts[i]; i += 2) x->attributes.emplace_back(atts[i], atts[i + 1]);
        x->current.clear();
      },
      [](void* data, const XML_Char*) {
        auto* x = static_cast<Xml*>(data);
        x->texts.insert(x->current);
        x->current.clear();
      });
  XML_SetCharacterDataHandler(p, [](void* data, const XML_Char* s, int len) {
    static_cast<Xml*>(data)->current.append(s, static_cast<std::size_t>(len));
  });
  xml.well_formed = XML_Parse(p, text.data(), static_cast<int>(text.size()), 1) == XML_STATUS_OK;
  XML_ParserFree(p);
  return xml;
}

// RFC 4180 fields of every record.
std::set<std::string> csv_fields(const std::string& text, char separator = ',') {
  std::set<std::string> fields;
  std::string field;
  bool quoted = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
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
      quoted = true;
    } else if (c == separator || c == '\n' || c == '\r') {
      if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
      fields.insert(field);
      field.clear();
    } else {
      field += c;
    }
  }
  EXPECT_FALSE(quoted) << "unterminated quoted field";
  fields.insert(field);
  return fields;
}

std::string lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::tolower(c); });
  return s;
}

class OutputEscapingCatalogue : public CatalogueTest {
 protected:
  void SetUp() override {
    CatalogueTest::SetUp();
    note_ = write("hostile.md", kHostileNote).string();
    Outcome r = run("export -f nt " + note_);
    ASSERT_EQ(r.code, 0) << r.err;
    labels_ = literals(r.out, kLabel, Syntax::ntriples);
    for (const auto& l : labels_)
      if (l.find("</script>") != std::string::npos) evil_ = l;
    ASSERT_FALSE(evil_.empty()) << r.out;
    // The label keeps every character the formats care about.
    for (const char* s : {"\"];", "\\", "<script>", "&", "{\"json\": [1]}", ",", "_:b ."})
      ASSERT_NE(evil_.find(s), std::string::npos) << s << " not in " << evil_;
  }
  std::string exported(const std::string& format) {
    Outcome r = run("export -f " + format + " " + note_);
    EXPECT_EQ(r.code, 0) << r.err;
    return r.out;
  }
  std::string note_, evil_;
  std::set<std::string> labels_;
};

TEST_F(OutputEscapingCatalogue, NTriplesGiveBackEveryLabelAndDescription) {
  std::string nt = exported("nt");
  EXPECT_EQ(literals(nt, kLabel, Syntax::ntriples), labels_);
  std::set<std::string> descriptions = literals(nt, kDescription, Syntax::ntriples);
  bool found = false;
  for (const auto& d : descriptions) found = found || d.find("& ]]> and \"}") != std::string::npos;
  EXPECT_TRUE(found);
  // Each statement stays on its own line: 4 terms or fewer per line, none broken.
  std::istringstream lines(nt);
  for (std::string line; std::getline(lines, line);) EXPECT_TRUE(line.ends_with(" .")) << line;
}

TEST_F(OutputEscapingCatalogue, NQuadsGiveBackEveryLabel) {
  EXPECT_EQ(literals(exported("nq"), kLabel, Syntax::nquads), labels_);
}

TEST_F(OutputEscapingCatalogue, TurtleGivesBackEveryLabel) {
  EXPECT_EQ(literals(exported("ttl"), kLabel, Syntax::turtle), labels_);
}

TEST_F(OutputEscapingCatalogue, JsonLdIsValidJsonHoldingEveryLabel) {
  std::string text = exported("jsonld");
  rapidjson::Document doc;
  doc.Parse(text.c_str(), text.size());
  ASSERT_FALSE(doc.HasParseError()) << "offset " << doc.GetErrorOffset();
  std::set<std::string> strings;
  json_strings(doc, strings);
  for (const auto& l : labels_) EXPECT_TRUE(strings.count(l)) << l;
}

TEST_F(OutputEscapingCatalogue, DotTextKeepsTheLabelInsideItsQuotes) {
  std::string dot = exported("dot");
  Agraph_t* g = agmemread(dot.c_str());
  ASSERT_NE(g, nullptr) << dot.substr(0, 2000);
  bool found = false;
  for (Agnode_t* n = agfstnode(g); n; n = agnxtnode(g, n)) {
    const char* label = agget(n, const_cast<char*>("label"));
    // The DOT reader gives back the attribute as written; "\\" is Graphviz's
    // own escape for one backslash in the drawn text.
    if (label && std::string(label).find("Evil \"];\\\\ <script>alert('x')</script> &") != std::string::npos)
      found = true;
  }
  agclose(g);
  EXPECT_TRUE(found) << dot.substr(0, 3000);
}

TEST_F(OutputEscapingCatalogue, GraphMlIsWellFormedXmlHoldingEveryServiceLabel) {
  Xml xml = parse_xml(exported("graphml"));
  ASSERT_TRUE(xml.well_formed);
  EXPECT_TRUE(xml.texts.count(evil_)) << evil_;
}

TEST_F(OutputEscapingCatalogue, PropertyGraphCsvFieldsGiveBackTheLabel) {
  for (const char* format : {"neo4j", "neptune-gremlin", "neptune-opencypher"}) {
    fs::path out = dir_ / format;
    Outcome r = run(std::string("export -f ") + format + " -o " + out.string() + " " + note_);
    ASSERT_EQ(r.code, 0) << format << ": " << r.err;
    std::set<std::string> fields = csv_fields(slurp(out / "nodes.csv"));
    EXPECT_TRUE(fields.count(evil_)) << format << ":\n" << slurp(out / "nodes.csv");
  }
}

TEST_F(OutputEscapingCatalogue, MermaidLabelsCarryNoRawQuoteNorTag) {
  std::string mermaid = exported("mermaid");
  std::istringstream lines(mermaid);
  bool found = false;
  for (std::string line; std::getline(lines, line);) {
    if (line.find("Evil") == std::string::npos) continue;
    found = true;
    // A node is n1["label"]: exactly the two quotes of the label string.
    EXPECT_EQ(std::count(line.begin(), line.end(), '"'), 2) << line;
    EXPECT_EQ(line.find("<script"), std::string::npos) << line;
  }
  EXPECT_TRUE(found) << mermaid;
}

TEST_F(OutputEscapingCatalogue, QueryResultsInEveryFormatGiveBackTheLabel) {
  const std::string query = " 'SELECT ?l { ?s <" + kLabel + "> ?l }'";
  {
    Outcome r = run("query --results csv " + note_ + query);
    ASSERT_EQ(r.code, 0) << r.err;
    EXPECT_TRUE(csv_fields(r.out).count(evil_)) << r.out;
  }
  {
    Outcome r = run("query --results json " + note_ + query);
    ASSERT_EQ(r.code, 0) << r.err;
    rapidjson::Document doc;
    doc.Parse(r.out.c_str(), r.out.size());
    ASSERT_FALSE(doc.HasParseError());
    std::set<std::string> strings;
    json_strings(doc, strings);
    EXPECT_TRUE(strings.count(evil_));
  }
  {
    Outcome r = run("query --results xml " + note_ + query);
    ASSERT_EQ(r.code, 0) << r.err;
    Xml xml = parse_xml(r.out);
    ASSERT_TRUE(xml.well_formed) << r.out;
    EXPECT_TRUE(xml.texts.count(evil_));
  }
  {
    // TSV cells are N-Triples terms: one row per line, read back as a literal.
    Outcome r = run("query --results tsv " + note_ + query);
    ASSERT_EQ(r.code, 0) << r.err;
    std::istringstream lines(r.out);
    std::set<std::string> back;
    std::string line;
    std::getline(lines, line);  // the header
    while (std::getline(lines, line)) {
      auto got = literals("<http://x/s> <http://x/p> " + line + " .\n", "http://x/p", Syntax::ntriples);
      back.insert(got.begin(), got.end());
    }
    EXPECT_EQ(back, labels_);
  }
}

// A drawing holds the note's text only as text: well-formed, no script
// element, no on* attribute, no javascript: in a link; `shown` is drawn.
void expect_inert_svg(const std::string& svg, const std::string& shown) {
  Xml xml = parse_xml(svg);
  ASSERT_TRUE(xml.well_formed) << svg.substr(0, 2000);
  for (const auto& e : xml.elements) EXPECT_NE(lower(e), "script");
  for (const auto& [name, value] : xml.attributes) {
    EXPECT_FALSE(lower(name).starts_with("on")) << name << "=" << value;
    // Links are href, xlink:href, src, action; a tooltip may quote the text.
    const std::string n = lower(name);
    if (n.ends_with("href") || n == "src" || n == "action") {
      EXPECT_EQ(lower(value).find("javascript:"), std::string::npos) << name << "=" << value;
    }
  }
  bool drawn = false;
  for (const auto& [name, value] : xml.attributes) drawn = drawn || value.find(shown) != std::string::npos;
  for (const auto& text : xml.texts) drawn = drawn || text.find(shown) != std::string::npos;
  EXPECT_TRUE(drawn) << shown;
  EXPECT_EQ(lower(svg).find("<script"), std::string::npos);
}

TEST_F(OutputEscapingCatalogue, SvgCarriesNoScriptNoEventAttributeNoJavascriptLink) {
  Outcome r = run("diagram -T svg -o " + (dir_ / "d.svg").string() + " " + note_);
  ASSERT_EQ(r.code, 0) << r.err;
  // The tooltip quotes the description with its tag and attribute, as text.
  expect_inert_svg(slurp(dir_ / "d.svg"), "<img src=x onerror=\"alert(2)\">");
  // A CONSTRUCT drawn by query --results svg shows the label itself.
  Outcome q =
      run("query --results svg " + note_ + " 'CONSTRUCT { ?s <" + kLabel + "> ?l } WHERE { ?s <" + kLabel + "> ?l }'");
  ASSERT_EQ(q.code, 0) << q.err;
  expect_inert_svg(q.out, "<script>alert('x')</script>");
}

}  // namespace
}  // namespace ng::catalogue
