// Random notes built from Markdown fragments and stray bytes (a fixed seed,
// so failures replay): the parser never crashes, and every Document it returns
// keeps its invariants (views inside their blocks, ordered line starts,
// positions inside the file, depths within the limit).
#include <gtest/gtest.h>

#include <random>

#include "parse_helper.hpp"

namespace ng::notes {
namespace {

// clang-format off
const char* const kFragments[] = {
    "# ", "## 1.2 ", "###### ", "####### ", "===", "---", "***", "- ", "* ", "+ ", "1. ", "2) ", "> ", ">> ",
    "```", "~~~", "    ", "\t", "  ", "|", "| a | b |", "|---|:-:|", "<details>", "</details>", "<div markdown=\"1\">",
    "<!--", "-->", "<pre>", "</pre>", "key:: value", "term: body", "**", "*", "_", "__", "~~", "`", "``", "[",
    "]", "](", "(x)", "![", "[[", "]]", "|alias", "<https://a.b>", "https://x.io/a_b", "&amp;", "&#xAC00;", "\\",
    "\\*", "클라우드", "컴퓨팅", "AWS", "text", " ", "\n", "\n", "\n", "\r\n", "\r", "\xFF", "\xC0\xAF", "\xED\xA0\x80",
    "\xEA\xB0", "---\ntitle: x\n", "[a](b \"t\")", "<span>", "</span>", "{", "}", ":", "::"};
// clang-format on

std::string random_note(std::mt19937& rng) {
  std::uniform_int_distribution<std::size_t> pick(0, std::size(kFragments) - 1);
  std::uniform_int_distribution<int> length(0, 120);
  std::string text;
  for (int i = length(rng); i > 0; --i) text += kFragments[pick(rng)];
  return text;
}

void check_invariants(const testing::Parsed& p, std::uint32_t line_count, const ParseLimits& limits) {
  const Document& doc = p.doc;
  for (const Block& b : doc.blocks) {
    ASSERT_GE(b.where.line, 1u);
    ASSERT_LE(b.where.line, line_count);
    ASSERT_GE(b.end_line, b.where.line);
    ASSERT_LE(b.end_line, line_count);
    ASSERT_GE(b.where.column, 1u);
    ASSERT_LE(b.depth, limits.max_nesting);
    ASSERT_LE(b.first_link + b.link_count, doc.links.size());
    for (std::uint32_t i = 0; i < b.link_count; ++i) {
      const Link& l = doc.links[b.first_link + i];
      ASSERT_TRUE(l.text.empty() ||
                  (l.text.data() >= b.text.data() && l.text.data() + l.text.size() <= b.text.data() + b.text.size()));
      ASSERT_GE(l.where.line, b.where.line);
      ASSERT_LE(l.where.line, b.end_line);
    }
    ASSERT_LE(b.first_line + b.line_count, doc.line_starts.size());
    for (std::uint32_t i = 0; i < b.line_count; ++i) {
      const LineStart& ls = doc.line_starts[b.first_line + i];
      ASSERT_LE(ls.offset, b.text.size());
      if (i > 0) {
        ASSERT_GE(ls.offset, doc.line_starts[b.first_line + i - 1].offset);
      }
      ASSERT_GE(ls.line, b.where.line);
      ASSERT_LE(ls.line, b.end_line);
    }
    ASSERT_LE(b.first_cell + b.cell_count, doc.cells.size());
    if (!b.key.empty() && b.kind == BlockKind::list_item) {
      ASSERT_LE(b.body_offset, b.text.size());
    }
  }
  for (const auto& d : p.diags.items()) {
    ASSERT_GE(d.where.line, 1u);
    ASSERT_LE(d.where.line, line_count);
    ASSERT_GE(d.where.column, 1u);
  }
}

TEST(RandomInput, NeverCrashesAndKeepsDocumentInvariants) {
  std::mt19937 rng(20240601);
  ParseLimits limits;
  limits.max_nesting = 8;
  for (int i = 0; i < 3000; ++i) {
    std::string text = random_note(rng);
    diag::SourceFile source("r.md", text);
    auto p = testing::parse(text, limits);
    SCOPED_TRACE("note " + std::to_string(i));
    check_invariants(p, std::max<std::uint32_t>(source.line_count(), 1), limits);
    if (HasFatalFailure()) return;
  }
}

}  // namespace
}  // namespace ng::notes
