// The bad-input catalogue, notes rows: each hostile notes file goes through
// the notegraph binary (and, where the row is about the parser's own limits,
// through parse_notes too); each test asserts the diagnostic's kind, severity,
// file, line, column and message gist, and the caret under the column.
#include <sys/stat.h>

#include "catalogue_support.hpp"
#include "diag/source_file.hpp"
#include "notes/notes_parser.hpp"

namespace ng::catalogue {
namespace {

class NotesCatalogue : public CatalogueTest {
 protected:
  // export -f nt of one file: the graph on stdout, diagnostics on stderr.
  Outcome export_nt(const fs::path& file) { return run("export -f nt " + file.string()); }

  // The single diagnostic of `kind` printed for `file`, checked field by field.
  static void expect_printed(const Outcome& r, const std::string& kind, const std::string& severity,
                             const fs::path& file, std::uint32_t line, std::uint32_t column, const std::string& gist,
                             std::string_view ascii_line = {}) {
    auto printed = parse_printed(r.err);
    const Printed* p = find_kind(printed, kind);
    ASSERT_NE(p, nullptr) << "no [" << kind << "] in:\n" << r.err;
    EXPECT_EQ(p->severity, severity);
    EXPECT_EQ(p->file, file.string());
    EXPECT_EQ(p->line, line);
    EXPECT_EQ(p->column, column);
    EXPECT_NE(p->message.find(gist), std::string::npos) << p->message;
    if (line != 0 && column != 0) {
      EXPECT_FALSE(p->caret_line.empty()) << "no caret in:\n" << r.err;
    }
    if (!ascii_line.empty()) expect_caret_under(*p, ascii_line, column);
  }
};

diag::Diagnostics parse_text(std::string text, notes::Document* doc_out = nullptr) {
  diag::Diagnostics diags;
  diag::SourceFile source("note.md", std::move(text));
  notes::Document doc = notes::parse_notes(source, diags);
  if (doc_out) *doc_out = std::move(doc);
  return diags;
}

std::size_t count_of(const notes::Document& doc, notes::BlockKind kind) {
  std::size_t n = 0;
  for (const auto& b : doc.blocks) n += b.kind == kind;
  return n;
}

TEST_F(NotesCatalogue, EmptyFileWarnsAndIsAnEmptyDocument) {
  fs::path f = write("empty.md", "");
  Outcome r = export_nt(f);
  EXPECT_EQ(r.code, 0) << r.err;
  expect_printed(r, "empty-file", "warning", f, 1, 1, "empty notes file: nothing to extract");
  EXPECT_EQ(parse_printed(r.err).size(), 1u) << r.err;
  EXPECT_NE(r.out.find("<https://w3id.org/notegraph/ns#Document>"), std::string::npos) << r.out;
  EXPECT_EQ(r.out.find("Section"), std::string::npos);
  // A warning: --strict makes it fail, and nothing is written.
  Outcome strict = run("export --strict -f nt " + f.string());
  EXPECT_EQ(strict.code, 1);
  EXPECT_TRUE(strict.out.empty());
}

TEST_F(NotesCatalogue, OnlyABomOrWhiteSpaceWarnsAndHasNoBlocks) {
  fs::path f = write("bom.md", "\xEF\xBB\xBF");
  Outcome r = export_nt(f);
  EXPECT_EQ(r.code, 0) << r.err;
  expect_printed(r, "empty-file", "warning", f, 1, 1, "only a byte-order mark");
  notes::Document doc;
  diag::Diagnostics diags = parse_text("\xEF\xBB\xBF", &doc);
  ASSERT_EQ(diags.items().size(), 1u);
  EXPECT_EQ(diags.items()[0].kind, "empty-file");
  EXPECT_TRUE(doc.blocks.empty());
  diags = parse_text("\xEF\xBB\xBF \n\t\r\n\n", &doc);
  ASSERT_EQ(diags.items().size(), 1u);
  EXPECT_NE(diags.items()[0].message.find("only white space"), std::string::npos);
  EXPECT_TRUE(doc.blocks.empty());
}

TEST_F(NotesCatalogue, OverlongUtf8IsAnErrorAtItsByte) {
  fs::path f = write("overlong.md", "# Title\nab \xC0\xAF cd\n");
  Outcome r = export_nt(f);
  EXPECT_EQ(r.code, 1);
  EXPECT_TRUE(r.out.empty());
  expect_printed(r, "invalid-utf8", "error", f, 2, 4, "invalid UTF-8 (byte 0xC0)");
  EXPECT_EQ(caret_column(*find_kind(parse_printed(r.err), "invalid-utf8")), 4u);
}

TEST_F(NotesCatalogue, EncodedSurrogateIsAnErrorAtItsByte) {
  fs::path f = write("surrogate.md", "# 제목\n한글 \xED\xA0\x80 x\n");
  Outcome r = export_nt(f);
  EXPECT_EQ(r.code, 1);
  expect_printed(r, "invalid-utf8", "error", f, 2, 4, "byte 0xED");
  // Hangul is two columns wide: the caret stands after "한글 " (5 columns).
  EXPECT_EQ(caret_column(*find_kind(parse_printed(r.err), "invalid-utf8")), 6u);
}

TEST_F(NotesCatalogue, TruncatedUtf8AtTheEndIsAnErrorAtItsByte) {
  fs::path f = write("truncated.md", "# T\n\nend \xE3\x81");
  Outcome r = export_nt(f);
  EXPECT_EQ(r.code, 1);
  expect_printed(r, "invalid-utf8", "error", f, 3, 5, "byte 0xE3");
}

TEST_F(NotesCatalogue, NulByteInTextIsAnErrorAtItsByte) {
  std::string text = "# T\n" + std::string(9000, 'a') + "\n";
  text += std::string("xy\0z\n", 5);
  fs::path f = write("nul.md", text);
  Outcome r = export_nt(f);
  EXPECT_EQ(r.code, 1);
  expect_printed(r, "nul-byte", "error", f, 3, 3, "NUL byte");
}

TEST_F(NotesCatalogue, ImageFileIsABinaryFileErrorAndNothingIsWritten) {
  // A PNG signature and the start of its IHDR chunk: the first NUL is the
  // 9th byte, which starts the third line ("\r\n" and "\n" end lines).
  static constexpr char kPng[] = "\x89PNG\r\n\x1A\n\0\0\0\x0DIHDR\0\0\0\x10\0\0\0\x10\x08\x06\0\0\0";
  std::string png(kPng, sizeof kPng - 1);
  fs::path f = write("image.md", png);
  Outcome r = run("build -o " + (dir_ / "out").string() + " " + f.string());
  EXPECT_EQ(r.code, 1);
  expect_printed(r, "binary-file", "error", f, 3, 1, "binary data");
  EXPECT_FALSE(fs::exists(dir_ / "out" / "graph.nt"));
  EXPECT_NE(r.err.find("nothing written"), std::string::npos) << r.err;
}

TEST_F(NotesCatalogue, CrLfLinesKeepLineNumbersAndColumns) {
  fs::path f = write("crlf.md", "# A\r\n\r\nsee [[Nowhere]] now\r\n");
  Outcome r = export_nt(f);
  EXPECT_EQ(r.code, 0) << r.err;
  expect_printed(r, "dangling-wikilink", "warning", f, 3, 5, "[[Nowhere]] names no note or heading",
                 "see [[Nowhere]] now");
  EXPECT_EQ(r.out.find('\r'), std::string::npos);
  EXPECT_NE(r.out.find("\"see Nowhere now\"@en"), std::string::npos) << r.out;
}

TEST_F(NotesCatalogue, LoneCrLinesKeepLineNumbersAndColumns) {
  fs::path f = write("cr.md", "# A\r\rtext\r  see [[Nowhere]]\r");
  Outcome r = export_nt(f);
  EXPECT_EQ(r.code, 0) << r.err;
  expect_printed(r, "dangling-wikilink", "warning", f, 4, 7, "[[Nowhere]]", "  see [[Nowhere]]");
  EXPECT_EQ(r.out.find("\\r"), std::string::npos) << r.out;
}

TEST_F(NotesCatalogue, HundredMegabyteLineIsCutWithAWarningAtTheCut) {
  // 100 MB in the Release suite; 16 MB under the sanitizers (the same cut at
  // 1 MiB, the same checks, only less to scan).
  const std::size_t size = kSanitized ? (16u << 20) : 100'000'000u;
  std::string text = "# Long\n";
  text.reserve(size + 16);
  text.append(size, 'x');
  text += "\n";
  fs::path f = write("long.md", text);
  Outcome r = run("export -f nt -o " + (dir_ / "long.nt").string() + " " + f.string());
  EXPECT_EQ(r.code, 0) << r.err.substr(0, 2000);
  const std::uint32_t cut_column = (1u << 20) + 1;
  expect_printed(r, "line-too-long", "warning", f, 2, cut_column, "line longer than 1048576 bytes", line_of(text, 2));
  // The quoted line is shortened, not echoed whole.
  EXPECT_LT(r.err.size(), 4000u);
}

TEST_F(NotesCatalogue, TenThousandNestedListItemsAreClampedWithoutRecursion) {
  // "- - - … item": each marker opens an item inside the previous one.
  std::string text = "# T\n";
  for (int i = 0; i < 10000; ++i) text += "- ";
  text += "item\n";
  fs::path f = write("lists.md", text);
  Outcome r = export_nt(f);
  EXPECT_EQ(r.code, 0) << r.err.substr(0, 2000);
  // The 257th marker (depth 256) is the first one clamped.
  expect_printed(r, "nesting-too-deep", "warning", f, 2, 2 * 256 + 1, "nested deeper than 256 levels",
                 line_of(text, 2));
  EXPECT_EQ(parse_printed(r.err).size(), 1u) << "one warning, not one per item";
  // Markers past the limit stay in the clamped item's text.
  EXPECT_NE(r.out.find("- - item\"@en"), std::string::npos);
}

TEST_F(NotesCatalogue, TenThousandNestedBlockquotesAreClampedWithoutRecursion) {
  std::string text = "# T\n\n";
  for (int i = 0; i < 10000; ++i) text += "> ";
  text += "deep\n";
  fs::path f = write("quotes.md", text);
  Outcome r = export_nt(f);
  EXPECT_EQ(r.code, 0) << r.err.substr(0, 2000);
  expect_printed(r, "nesting-too-deep", "warning", f, 3, 2 * 256 + 1, "nested deeper than 256 levels",
                 line_of(text, 3));
  EXPECT_NE(r.out.find("\"deep\"@en"), std::string::npos);
}

TEST_F(NotesCatalogue, UnclosedFenceWarnsAtTheOpeningFence) {
  fs::path f = write("fence.md", "# T\n\ntext\n  ```sh\n# not a heading\n");
  Outcome r = export_nt(f);
  EXPECT_EQ(r.code, 0) << r.err;
  expect_printed(r, "unclosed-fence", "warning", f, 4, 3, "code fence is never closed", "  ```sh");
  EXPECT_EQ(r.out.find("not a heading"), std::string::npos);
}

TEST_F(NotesCatalogue, UnclosedDetailsWarnsAtTheOpeningTag) {
  fs::path f = write("details.md", "# T\n\n <details>\n<summary>s</summary>\n\n## Inside\n");
  Outcome r = export_nt(f);
  EXPECT_EQ(r.code, 0) << r.err;
  expect_printed(r, "unclosed-details", "warning", f, 3, 2, "<details> is never closed", " <details>");
}

TEST_F(NotesCatalogue, UnclosedFrontMatterWarnsAtItsFirstLine) {
  fs::path f = write("front.md", "---\ntitle: x\n# Heading\n");
  Outcome r = export_nt(f);
  EXPECT_EQ(r.code, 0) << r.err;
  expect_printed(r, "unclosed-front-matter", "warning", f, 1, 1, "front matter is never closed", "---");
  EXPECT_NE(r.out.find("\"Heading\""), std::string::npos);
}

TEST_F(NotesCatalogue, HeadingOfHundredThousandHashesIsAParagraph) {
  std::string text = "# T\n" + std::string(100000, '#') + " not a heading\n";
  fs::path f = write("hashes.md", text);
  Outcome r = export_nt(f);
  EXPECT_EQ(r.code, 0) << r.err.substr(0, 2000);
  EXPECT_TRUE(parse_printed(r.err).empty()) << r.err.substr(0, 2000);
  notes::Document doc;
  EXPECT_TRUE(parse_text(text, &doc).items().empty());
  EXPECT_EQ(count_of(doc, notes::BlockKind::heading), 1u);
  EXPECT_EQ(count_of(doc, notes::BlockKind::paragraph), 1u);
}

std::string numbered_headings(int n) {
  std::string text;
  text.reserve(static_cast<std::size_t>(n) * 12);
  for (int i = 0; i < n; ++i) text += "## h" + std::to_string(i) + "\n";
  return text;
}

TEST_F(NotesCatalogue, MillionHeadingsAreAllRead) {
  std::string text = numbered_headings(1000000);
  notes::Document doc;
  auto start = std::chrono::steady_clock::now();
  diag::Diagnostics diags = parse_text(text, &doc);
  std::chrono::duration<double> spent = std::chrono::steady_clock::now() - start;
  EXPECT_TRUE(diags.items().empty());
  EXPECT_EQ(count_of(doc, notes::BlockKind::heading), 1000000u);
  EXPECT_LT(spent.count(), 30.0);
  // End to end every heading becomes a section, without a warning. The
  // graph of a million sections takes the binary ~20 s of CPU in Release and
  // minutes under the sanitizers, where it gets 50,000 headings instead.
  const int n = kSanitized ? 50000 : 1000000;
  if (kSanitized) text = numbered_headings(n);
  fs::path f = write("million.md", text);
  Outcome r =
      run("query " + f.string() + " 'SELECT (COUNT(*) AS ?n) { ?s a <https://w3id.org/notegraph/ns#Section> }'");
  EXPECT_EQ(r.code, 0) << r.err.substr(0, 2000);
  EXPECT_TRUE(parse_printed(r.err).empty()) << r.err.substr(0, 2000);
  EXPECT_EQ(r.out, "?n\n" + std::to_string(n) + "\n");
}

TEST_F(NotesCatalogue, DuplicateHeadingWarnsNamingBothPlaces) {
  fs::path f = write("dup.md", "# Notes\n\n## Lambda\n\ntext\n\n## Lambda\n");
  Outcome r = export_nt(f);
  EXPECT_EQ(r.code, 0) << r.err;
  expect_printed(r, "duplicate-name", "warning", f, 7, 1, "also names the entity at " + f.string() + ":3", "## Lambda");
  EXPECT_NE(find_kind(parse_printed(r.err), "duplicate-name")->message.find("'Lambda'"), std::string::npos);
}

TEST_F(NotesCatalogue, DuplicateAliasWarnsNamingBothPlaces) {
  fs::path f =
      write("alias.md", "# Notes\n\n## Elastic Compute Cloud (EC2)\n\ntext\n\n## Elastic Container Cloud (EC2)\n");
  Outcome r = export_nt(f);
  EXPECT_EQ(r.code, 0) << r.err;
  expect_printed(r, "duplicate-alias", "warning", f, 7, 1, "also names the entity at " + f.string() + ":3",
                 "## Elastic Container Cloud (EC2)");
  EXPECT_NE(find_kind(parse_printed(r.err), "duplicate-alias")->message.find("'EC2'"), std::string::npos);
}

TEST_F(NotesCatalogue, WikilinkToNothingWarnsAtItsBracket) {
  fs::path f = write("link.md", "# T\n\nSee **also** [[No Such Note]].\n");
  Outcome r = export_nt(f);
  EXPECT_EQ(r.code, 0) << r.err;
  expect_printed(r, "dangling-wikilink", "warning", f, 3, 14, "[[No Such Note]] names no note or heading",
                 "See **also** [[No Such Note]].");
}

TEST_F(NotesCatalogue, InlineFieldWithAnEmptyKeyWarnsAtTheColons) {
  fs::path f = write("field.md", "# T\n\n  :: orphan value\nowner:: team\n");
  Outcome r = export_nt(f);
  EXPECT_EQ(r.code, 0) << r.err;
  expect_printed(r, "empty-field-key", "warning", f, 3, 3, "inline field has no key", "  :: orphan value");
  EXPECT_NE(r.out.find("<https://w3id.org/notegraph/field#owner> \"team\""), std::string::npos) << r.out;
}

TEST_F(NotesCatalogue, SymlinkLoopInAFolderIsNotFollowed) {
  write("notes/a.md", "# Alpha\n");
  fs::create_directory_symlink(dir_ / "notes", dir_ / "notes" / "loop");
  fs::create_symlink("self.md", dir_ / "notes" / "self.md");  // a file symlink to itself
  Outcome r = run("export -f nt " + (dir_ / "notes").string(), "timeout 60 ");
  EXPECT_EQ(r.code, 0) << r.err;
  std::size_t alphas = 0;
  for (std::size_t at = 0; (at = r.out.find("rdf-schema#label> \"Alpha\"", at)) != std::string::npos; ++at) ++alphas;
  EXPECT_EQ(alphas, 1u) << r.out;
  fs::path self = dir_ / "notes" / "self.md";
  expect_printed(r, "unreadable-file", "warning", self, 0, 0, "Too many levels of symbolic links");
}

TEST_F(NotesCatalogue, SymlinkLoopGivenAsAPathIsAnError) {
  fs::create_symlink("loop.md", dir_ / "loop.md");
  fs::path f = dir_ / "loop.md";
  Outcome r = run("export -f nt " + f.string(), "timeout 60 ");
  EXPECT_EQ(r.code, 1);
  expect_printed(r, "unreadable-file", "error", f, 0, 0, "Too many levels of symbolic links");
}

TEST_F(NotesCatalogue, UnreadableFileIsAnErrorNamingIt) {
  fs::path f = write("secret.md", "# Secret\n");
  fs::permissions(f, fs::perms::none);
  // Root reads any file: run the binary as nobody then.
  std::string prefix;
  if (::geteuid() == 0) {
    if (std::system("command -v setpriv >/dev/null") != 0) GTEST_SKIP() << "root without setpriv";
    fs::permissions(dir_, fs::perms::all);
    prefix = "setpriv --reuid=65534 --regid=65534 --clear-groups ";
  }
  Outcome r = run("build -o " + (dir_ / "out").string() + " " + f.string(), prefix);
  EXPECT_EQ(r.code, 1);
  expect_printed(r, "unreadable-file", "error", f, 0, 0, "cannot open: Permission denied");
  EXPECT_FALSE(fs::exists(dir_ / "out" / "graph.nt"));
}

TEST_F(NotesCatalogue, FifoIsAnErrorNotAHang) {
  fs::path f = dir_ / "pipe.md";
  ASSERT_EQ(::mkfifo(f.c_str(), 0600), 0);
  Outcome r = run("export -f nt " + f.string(), "timeout 60 ");
  EXPECT_EQ(r.code, 1);
  expect_printed(r, "unreadable-file", "error", f, 0, 0, "not a regular file");
}

}  // namespace
}  // namespace ng::catalogue
