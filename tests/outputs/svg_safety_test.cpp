// SVG made from hostile note text (headings, descriptions, links, aliases
// holding <script>, on…= attributes and javascript: links), by `diagram` and
// by `query --results svg`: read with expat (and xmllint when installed), the
// SVG has no script element, no event attribute, no javascript: link, and the
// hostile text is still there as plain text.
#include <expat.h>

#include <algorithm>
#include <cctype>

#include "output_test_tools.hpp"

namespace ng::outputs::testing {
namespace {

// Markdown drops raw inline HTML, so the hostile markup comes as backslash
// escapes and entities, which do reach labels and descriptions.
const char* const kHostileNotes = R"md(# AWS 서비스

## Compute \<script>alert('category')\</script>

### Amazon EC2 \<img src=x onerror=alert(1)> (EC2)

EC2 runs &lt;script&gt;alert('description')&lt;/script&gt; and &lt;svg onload="alert(2)"&gt; for you.
See [the console](javascript:alert(3)) and <a href="javascript:alert(4)" onclick="alert(5)">here</a>.
Also [[Amazon S3|\<b onmouseover=alert(6)>s3\</b>]] and javascript:alert(7).

### Amazon S3 onload=alert(8) (S3)

S3 stores objects for EC2. [x](JaVaScRiPt:alert(9)) <iframe src="javascript:alert(10)"></iframe>

### AWS Lambda

Lambda reads from S3 and works with EC2.
)md";

const char* const kHostileAliases = "<script>alert(11)</script>\tAWS Lambda\njavascript:alert(12)\tAmazon S3\n";

struct SvgFindings {
  bool well_formed = false;
  std::string parse_error;
  std::vector<std::string> problems;  // script elements, event attributes, script links
  std::string text;                   // all character data and attribute values, decoded
};

std::string lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::tolower(c); });
  return s;
}

// The URL scheme as a browser reads it: ASCII whitespace and controls inside
// it are ignored.
bool runs_script(const std::string& url) {
  std::string squeezed;
  for (unsigned char c : url)
    if (c > 0x20) squeezed += static_cast<char>(std::tolower(c));
  return squeezed.starts_with("javascript:") || squeezed.starts_with("vbscript:") || squeezed.starts_with("data:");
}

// The local name of a possibly prefixed name ("xlink:href" -> "href"); expat
// is run without namespace processing, so prefixes are kept as written.
std::string local_name(const std::string& name) {
  const auto colon = name.rfind(':');
  return lower(colon == std::string::npos ? name : name.substr(colon + 1));
}

void on_start(void* data, const XML_Char* name, const XML_Char** attributes) {
  auto& f = *static_cast<SvgFindings*>(data);
  const std::string element = local_name(name);
  if (element == "script" || element == "foreignobject" || element == "iframe" || element == "object" ||
      element == "embed")
    f.problems.push_back("element <" + std::string(name) + ">");
  for (int i = 0; attributes[i]; i += 2) {
    const std::string attribute = local_name(attributes[i]), value = attributes[i + 1];
    f.text += value + "\n";
    if (attribute.starts_with("on")) f.problems.push_back("event attribute " + std::string(attributes[i]));
    if ((attribute == "href" || attribute == "src" || attribute == "action") && runs_script(value))
      f.problems.push_back("script link " + std::string(attributes[i]) + "=\"" + value + "\"");
  }
}

void on_text(void* data, const XML_Char* text, int length) {
  static_cast<SvgFindings*>(data)->text.append(text, static_cast<std::size_t>(length));
}

SvgFindings inspect_svg(const std::string& svg) {
  SvgFindings f;
  XML_Parser parser = XML_ParserCreate("UTF-8");
  XML_SetUserData(parser, &f);
  XML_SetStartElementHandler(parser, on_start);
  XML_SetCharacterDataHandler(parser, on_text);
  f.well_formed = XML_Parse(parser, svg.data(), static_cast<int>(svg.size()), 1) == XML_STATUS_OK;
  if (!f.well_formed) f.parse_error = XML_ErrorString(XML_GetErrorCode(parser));
  XML_ParserFree(parser);
  return f;
}

class SvgSafety : public OutputTest {
 protected:
  void SetUp() override {
    OutputTest::SetUp();
    notes_ = root_ / "hostile.md";
    aliases_ = root_ / "aliases.tsv";
    write_file(notes_, kHostileNotes);
    write_file(aliases_, kHostileAliases);
  }

  void expect_safe(const fs::path& svg_file) {
    const std::string svg = read_file(svg_file);
    ASSERT_FALSE(svg.empty());
    const SvgFindings f = inspect_svg(svg);
    ASSERT_TRUE(f.well_formed) << f.parse_error;
    for (const auto& p : f.problems) ADD_FAILURE() << svg_file.filename() << ": " << p;
    // The text arrived, as text: the checks above looked at real input.
    EXPECT_NE(f.text.find("<script>alert('category')</script>"), std::string::npos) << f.text;
    EXPECT_NE(f.text.find("onload=alert(8)"), std::string::npos) << f.text;
    if (std::string(NG_XMLLINT_PROGRAM).empty()) return;
    const std::string cmd = std::string(NG_XMLLINT_PROGRAM) + " --noout '" + svg_file.string() + "' 2>/dev/null";
    EXPECT_EQ(std::system(cmd.c_str()), 0) << "xmllint rejects " << svg_file;
  }

  fs::path notes_, aliases_;
};

TEST_F(SvgSafety, ServiceDiagramCarriesNoScriptFromNotes) {
  const fs::path svg = root_ / "services.svg";
  const RunResult r = run({"diagram", "-q", "--relations", "mentions,runsOn,integratesWith,usedWith,compatibleWith",
                           "--aliases", aliases_.string(), "-o", svg.string(), notes_.string()});
  ASSERT_EQ(r.code, 0) << r.err;
  expect_safe(svg);
  // The descriptions reach the tooltips, where browsers show them as text.
  const SvgFindings f = inspect_svg(read_file(svg));
  EXPECT_NE(f.text.find("<script>alert('description')</script>"), std::string::npos);
}

TEST_F(SvgSafety, QueryDrawingCarriesNoScriptFromNotes) {
  const fs::path svg = root_ / "triples.svg";
  const RunResult r = run({"query", "-q", "--aliases", aliases_.string(), "--results", "svg", notes_.string(),
                           "CONSTRUCT WHERE { ?s ?p ?o }"});
  ASSERT_EQ(r.code, 0) << r.err;
  write_file(svg, r.out);
  expect_safe(svg);
  // Links from notes (rdfs:seeAlso, javascript: ones included) are drawn as
  // labelled nodes, never as links.
  const SvgFindings f = inspect_svg(r.out);
  EXPECT_NE(f.text.find("javascript:alert(3)"), std::string::npos);
}

// The checker itself finds what it is meant to find.
TEST(SvgChecker, FindsScriptsEventAttributesAndScriptLinks) {
  const SvgFindings f = inspect_svg(
      "<svg xmlns='http://www.w3.org/2000/svg' xmlns:xlink='http://www.w3.org/1999/xlink'>"
      "<script>x</script><g onLoad='y'/><a xlink:href=' Java&#9;Script:z'/><a href='https://ok'/></svg>");
  ASSERT_TRUE(f.well_formed);
  EXPECT_EQ(f.problems.size(), 3u);
}

}  // namespace
}  // namespace ng::outputs::testing
