// The two-thread parse against the one-thread parse: for tricky notes cut at
// every line (the cut is forced; only heading lines are taken), the Document
// and the diagnostics must be the same, and the second thread's part must be
// kept wherever the heading is at the top level.
#include <gtest/gtest.h>

#include <fstream>
#include <iterator>
#include <random>
#include <string>

#include "diag/source_file.hpp"
#include "notes/checked_parse.hpp"
#include "notes/input_check.hpp"
#include "notes/notes_parser.hpp"
#include "notes/split_parse.hpp"

namespace ng::notes {
namespace {

struct Result {
  Document doc;
  diag::Diagnostics diags;
};

std::size_t bom_of(std::string_view text) { return text.starts_with("\xEF\xBB\xBF") ? 3 : 0; }

Result parse_serial(const diag::SourceFile& source, const ParseLimits& limits) {
  Result r;
  r.doc = parse_checked(source, bom_of(source.text()), check_input(source.text()), r.diags, limits);
  return r;
}

Result parse_cut(const diag::SourceFile& source, std::size_t split, const ParseLimits& limits, bool* spliced) {
  Result r;
  r.doc = parse_in_two(source, bom_of(source.text()), split, r.diags, limits, spliced);
  return r;
}

// Same text, and both views into the parsed text or both not.
void expect_same_view(const Document& a, std::string_view x, const Document& b, std::string_view y,
                      const std::string& what) {
  EXPECT_EQ(x, y) << what;
  auto inside = [](const Document& d, std::string_view v) {
    std::string_view all = d.source ? d.source->view() : std::string_view();
    return !v.empty() && v.data() >= all.data() && v.data() + v.size() <= all.data() + all.size();
  };
  EXPECT_EQ(inside(a, x), inside(b, y)) << what << ": '" << x << "'";
  if (inside(a, x) && inside(b, y)) {
    EXPECT_EQ(x.data() - a.source->view().data(), y.data() - b.source->view().data()) << what;
  }
}

void expect_same(const Result& want, const Result& got, const std::string& what) {
  const Document &a = want.doc, &b = got.doc;
  ASSERT_EQ(a.blocks.size(), b.blocks.size()) << what;
  for (std::size_t i = 0; i < a.blocks.size(); ++i) {
    const Block &x = a.blocks[i], &y = b.blocks[i];
    std::string at = what + ", block " + std::to_string(i);
    EXPECT_EQ(x.kind, y.kind) << at;
    EXPECT_EQ(x.where.line, y.where.line) << at;
    EXPECT_EQ(x.where.column, y.where.column) << at;
    EXPECT_EQ(x.end_line, y.end_line) << at;
    expect_same_view(a, x.text, b, y.text, at + " text");
    EXPECT_EQ(x.first_link, y.first_link) << at;
    EXPECT_EQ(x.link_count, y.link_count) << at;
    EXPECT_EQ(x.first_line, y.first_line) << at;
    EXPECT_EQ(x.line_count, y.line_count) << at;
    EXPECT_EQ(x.level, y.level) << at;
    EXPECT_EQ(x.depth, y.depth) << at;
    EXPECT_EQ(x.ordered, y.ordered) << at;
    EXPECT_EQ(x.setext, y.setext) << at;
    EXPECT_EQ(x.header_row, y.header_row) << at;
    EXPECT_EQ(x.number, y.number) << at;
    expect_same_view(a, x.key, b, y.key, at + " key");
    EXPECT_EQ(x.body_offset, y.body_offset) << at;
    EXPECT_EQ(x.first_cell, y.first_cell) << at;
    EXPECT_EQ(x.cell_count, y.cell_count) << at;
  }
  ASSERT_EQ(a.links.size(), b.links.size()) << what;
  for (std::size_t i = 0; i < a.links.size(); ++i) {
    EXPECT_EQ(a.links[i].text, b.links[i].text) << what << ", link " << i;
    EXPECT_EQ(a.links[i].target, b.links[i].target) << what << ", link " << i;
    EXPECT_EQ(a.links[i].where.line, b.links[i].where.line) << what << ", link " << i;
    EXPECT_EQ(a.links[i].where.column, b.links[i].where.column) << what << ", link " << i;
    EXPECT_EQ(a.links[i].wiki, b.links[i].wiki) << what << ", link " << i;
  }
  ASSERT_EQ(a.line_starts.size(), b.line_starts.size()) << what;
  for (std::size_t i = 0; i < a.line_starts.size(); ++i) {
    EXPECT_EQ(a.line_starts[i].offset, b.line_starts[i].offset) << what << ", line start " << i;
    EXPECT_EQ(a.line_starts[i].line, b.line_starts[i].line) << what << ", line start " << i;
  }
  EXPECT_EQ(a.cells, b.cells) << what;
  ASSERT_EQ(a.front_matter.size(), b.front_matter.size()) << what;
  for (std::size_t i = 0; i < a.front_matter.size(); ++i) {
    EXPECT_EQ(a.front_matter[i].key, b.front_matter[i].key) << what;
    EXPECT_EQ(a.front_matter[i].values, b.front_matter[i].values) << what;
    EXPECT_EQ(a.front_matter[i].is_list, b.front_matter[i].is_list) << what;
    EXPECT_EQ(a.front_matter[i].where.line, b.front_matter[i].where.line) << what;
  }
  EXPECT_EQ(a.file, b.file) << what;
  ASSERT_EQ(want.diags.items().size(), got.diags.items().size()) << what;
  for (std::size_t i = 0; i < want.diags.items().size(); ++i) {
    const diag::Diagnostic &x = want.diags.items()[i], &y = got.diags.items()[i];
    EXPECT_EQ(x.severity, y.severity) << what << ", diagnostic " << i;
    EXPECT_EQ(x.kind, y.kind) << what << ", diagnostic " << i;
    EXPECT_EQ(x.file, y.file) << what << ", diagnostic " << i;
    EXPECT_EQ(x.where.line, y.where.line) << what << ", diagnostic " << i << " " << x.kind;
    EXPECT_EQ(x.where.column, y.where.column) << what << ", diagnostic " << i << " " << x.kind;
    EXPECT_EQ(x.message, y.message) << what << ", diagnostic " << i;
  }
}

// Cuts `text` at every offset (only line starts of heading lines are taken),
// or at every line start, and compares with the one-thread parse; returns
// the offsets where the second part was kept.
std::vector<std::size_t> check_every_cut(const std::string& text, const ParseLimits& limits = {},
                                         bool line_starts_only = false) {
  diag::SourceFile source("cut.md", text);
  Result want = parse_serial(source, limits);
  std::vector<std::size_t> kept;
  for (std::size_t split = 0; split <= text.size(); ++split) {
    if (line_starts_only && split > 0 && text[split - 1] != '\n' && text[split - 1] != '\r') continue;
    bool spliced = false;
    Result got = parse_cut(source, split, limits, &spliced);
    expect_same(want, got, "cut at " + std::to_string(split));
    if (::testing::Test::HasFailure()) {
      ADD_FAILURE() << "text: " << text;
      return kept;
    }
    if (spliced) kept.push_back(split);
  }
  // Without a cut the input is still checked in two parts.
  Result whole = parse_cut(source, std::string_view::npos, limits, nullptr);
  expect_same(want, whole, "no cut");
  return kept;
}

std::size_t offset_of(const std::string& text, std::string_view line) { return text.find(line); }

using Offsets = std::vector<std::size_t>;

TEST(SplitParse, TopLevelHeadingsAreKeptAndOthersAreNot) {
  std::string text = "# one\npara\n#hashtag\n## two\n- item\n# three\n    code\n# four\n";
  EXPECT_EQ(check_every_cut(text),
            (Offsets{offset_of(text, "## two"), offset_of(text, "# three"), offset_of(text, "# four")}));
}

TEST(SplitParse, CutInsideAFenceIsNotKept) {
  std::string text = "# a\n```\n# in code\n```\n# b\n~~~\n# unclosed\n";
  EXPECT_EQ(check_every_cut(text), (Offsets{offset_of(text, "# b")}));
}

TEST(SplitParse, CutInsideDetailsCarriesTheOpenDetails) {
  std::string text = "<details>\n# in details\n<details>\n# deeper\n</details>\n# still in\n";
  EXPECT_EQ(check_every_cut(text).size(), 3u);  // two unclosed-details warnings come at the end
  // A closer in the second part closes what the first part opened.
  check_every_cut("<details>\n<details>\n# a\n</details>\n</details>\n</details>\n# b\n<details>\n");
}

TEST(SplitParse, OpenDetailsBeyondTheNestingLimit) {
  ParseLimits limits;
  limits.max_nesting = 2;
  check_every_cut("<details>\n<details>\n<details>\n# a\n</details>\n<details>\n# b\n<details>\n# c\n", limits);
  check_every_cut("<details>\n# a\n<details>\n<details>\n# b\n</details>\n</details>\n# c\n<details>\n", limits);
}

TEST(SplitParse, CutInsideAList) {
  std::string text = "- item\n  continued\n# h\n- b\n  # in item\n  - nested\n# h2\n";
  EXPECT_EQ(check_every_cut(text), (Offsets{offset_of(text, "# h\n"), offset_of(text, "# h2")}));
}

TEST(SplitParse, CutAfterABlockquoteAndQuotedList) {
  check_every_cut("> quote\n# h\n> more\n> - item\n# h2\n> - again\n>   text\n");
}

TEST(SplitParse, CutInsideFrontMatterIsNotKept) {
  std::string text = "---\ntitle: x\n# not a heading\ntags: [a, b]\n---\n# h\ntext\n";
  EXPECT_EQ(check_every_cut(text), (Offsets{offset_of(text, "# h\n")}));
  check_every_cut("---\n# h\nunclosed front matter\n# h2\n");
}

TEST(SplitParse, CrlfAndLoneCrLineEnds) {
  check_every_cut("# a\r\npara\r\n# b\r\n- item\r\n# c\rlone\r# d\n# e\r\n");
  check_every_cut("# a\npara\n# b\r\n```\r\n# code\r\n```\r\n# c\n");
}

TEST(SplitParse, NoHeadingMeansOneThread) {
  EXPECT_TRUE(check_every_cut("just a paragraph\nand more\n\n- a list\n").empty());
  EXPECT_EQ(find_split("just a paragraph\nand more\n"), std::string_view::npos);
}

TEST(SplitParse, HeadingsInsideDetailsWithMarkdownDiv) {
  std::string text =
      "<details>\n<summary>s</summary>\n<div markdown=\"1\">\n\n# a\n\ntext\n\n## b\n</div>\n</details>\n# c\n";
  EXPECT_EQ(check_every_cut(text), (Offsets{offset_of(text, "# a"), offset_of(text, "## b"), offset_of(text, "# c")}));
}

TEST(SplitParse, HtmlBlocksAndIndentedCode) {
  std::string text = "<div>\n# in html lines\n\n# after\n<!--\n# in comment\n-->\n# c\n<pre>\n# pre\n</pre>\n# d\n";
  EXPECT_EQ(check_every_cut(text),
            (Offsets{offset_of(text, "# after"), offset_of(text, "# c"), offset_of(text, "# d")}));
  check_every_cut("    code\n\n    more\n# h\n    code\n\n\n# h2\n");
}

TEST(SplitParse, TablesParagraphsAndSetextHeadings) {
  check_every_cut("| a | b |\n|---|---|\n| 1 | 2 |\n# h\n| c | d |\n|---|---|\n| [x](y) | 4 |\n");
  check_every_cut("para\n# h\npara\n===\n# h2\nterm: body\n- term: body\n# h3\nkey:: value\n::\n");
}

TEST(SplitParse, IndexesAndLinesOfTheSecondPartMove) {
  check_every_cut(
      "# a\n[x](y) text [[w|alias]]\n| a | b |\n|---|---|\n| [l](m) | 2 |\n```js\ncode\n```\n# b\n[p](q) "
      "<https://x.io>\n"
      "```\ncode\n```\n| c | d |\n|---|---|\n| 3 | [[t]] |\n- a: b https://e.org/x\n");
}

TEST(SplitParse, NestingWarningIsGivenOnce) {
  ParseLimits limits;
  limits.max_nesting = 2;
  check_every_cut("- a\n  - b\n    - c\n# h\n- a\n  - b\n    - c\n# h2\n> > > q\n", limits);
  check_every_cut("# h\n- a\n# h2\n- a\n  - b\n    - c\n", limits);
}

TEST(SplitParse, LongLinesAndOtherWarnings) {
  ParseLimits limits;
  limits.max_line_bytes = 8;
  check_every_cut("# a\nlong line of text\n# heading that is long\n:: x\n```\n# b\n", limits);
}

TEST(SplitParse, ByteOrderMarkAndBadBytes) {
  check_every_cut("\xEF\xBB\xBF# a\ntext\n# b\n");
  check_every_cut("# a\ntext \xFF\n# b\n\xC0\xAF\n# c\n");  // repaired: one thread
  check_every_cut(std::string("# a\ntext\n# b\nnul \0 here\n# c\n", 28));
}

TEST(SplitParse, FindSplitTakesAHeadingNearTheMiddle) {
  std::string text = "# a\n" + std::string(100, 'x') + "\n#tag\n## b\n" + std::string(100, 'y') + "\n# c\n";
  EXPECT_EQ(find_split(text), text.find("## b"));
  std::string late = std::string(100, 'x') + "\n" + std::string(100, 'y') + "\n# c\n";
  EXPECT_EQ(find_split(late), std::string_view::npos);  // not within the middle half
}

// Large enough to be checked and scanned a window at a time, with CRs from
// the start, from the middle of a window, or not at all, and with a bad byte.
TEST(SplitParse, LargeInputIsParsedInTwoPartsAsInOne) {
  std::ifstream in(std::string(NG_TEST_DATA) + "/aws-overview.ko.md", std::ios::binary);
  std::string note((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  ASSERT_FALSE(note.empty());
  std::string lf = "<details>\n";  // open across the cut, as in the benchmark corpus
  while (lf.size() <= kSplitParseMinBytes) lf += note + "\n";
  std::string crlf;
  for (char c : lf) c == '\n' ? crlf += "\r\n" : crlf += c;
  std::string late_cr = lf;
  late_cr[late_cr.find('\n', 1500000)] = '\r';
  std::string late_bad = lf;  // repaired first, so parsed on one thread
  late_bad[late_bad.size() * 3 / 4] = '\xFF';
  for (const std::string* text : {&lf, &crlf, &late_cr, &late_bad}) {
    diag::SourceFile source("large.md", *text);
    Result want = parse_serial(source, {});
    bool spliced = false;
    Result got = parse_cut(source, find_split(*text), {}, &spliced);
    EXPECT_EQ(spliced, text != &late_bad);
    expect_same(want, got, "large");
    Result facade;
    facade.doc = parse_notes(source, facade.diags);
    expect_same(want, facade, "parse_notes");
    Result one_parse = parse_cut(source, std::string_view::npos, {}, nullptr);
    expect_same(want, one_parse, "no cut");
  }
}

// clang-format off
const char* const kLines[] = {
    "# h", "## 1.2 h", "#tag", "####### x", "text", "more text [a](b)", "- item", "  - nested", "    - deeper",
    "1. one", "> quote", "> - quoted item", "```", "~~~", "    code", "<details>", "</details>",
    "<div markdown=\"1\">", "<div>", "<!--", "-->", "<pre>", "</pre>", "| a | b |", "|---|---|", "key:: value",
    "term: body", "===", "---", "***", "", "", "", "---\ntitle: x", "[[w|a]] https://x.io/a", "\t\tcode"};
// clang-format on

TEST(SplitParse, RandomNotesCutAtEveryLine) {
  std::mt19937 rng(424242);
  std::uniform_int_distribution<std::size_t> pick(0, std::size(kLines) - 1), count(1, 40), ending(0, 9);
  ParseLimits limits;
  limits.max_nesting = 3;
  for (int round = 0; round < 200; ++round) {
    std::string text;
    for (std::size_t i = count(rng); i > 0; --i) {
      text += kLines[pick(rng)];
      std::size_t e = ending(rng);
      text += e == 0 ? "\r\n" : e == 1 ? "\r" : "\n";
    }
    check_every_cut(text, round % 2 ? limits : ParseLimits{}, true);
    if (::testing::Test::HasFailure()) return;
  }
}

}  // namespace
}  // namespace ng::notes
