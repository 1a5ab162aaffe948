// The real-notes corpus (tests/data/real-notes): every file parses without
// errors, and its headings equal the ones cmark finds (tests/notes/expected,
// generated once by make_expected_headings.py; cmark is not needed here).
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "parse_helper.hpp"

namespace ng::notes {
namespace {

namespace fs = std::filesystem;

const fs::path kCorpus = fs::path(NG_TEST_DATA) / "real-notes";
const fs::path kExpected = fs::path(NG_NOTES_EXPECTED);

std::vector<std::string> corpus_files() {
  std::vector<std::string> files;
  for (const auto& e : fs::recursive_directory_iterator(kCorpus))
    if (e.is_regular_file() && e.path().extension() == ".md" && e.path().filename() != "SOURCES.md")
      files.push_back(fs::relative(e.path(), kCorpus).generic_string());
  std::sort(files.begin(), files.end());
  return files;
}

std::string read(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

struct ExpectedHeading {
  unsigned level = 0;
  std::uint32_t line = 0;
  std::string text;
};

std::vector<ExpectedHeading> expected_headings(const std::string& file) {
  std::vector<ExpectedHeading> out;
  std::istringstream in(read(kExpected / (file + ".headings")));
  std::string row;
  while (std::getline(in, row)) {
    auto t1 = row.find('\t');
    auto t2 = row.find('\t', t1 + 1);
    ExpectedHeading h{static_cast<unsigned>(std::stoul(row.substr(0, t1))),
                      static_cast<std::uint32_t>(std::stoul(row.substr(t1 + 1, t2 - t1 - 1))), row.substr(t2 + 1)};
    for (std::size_t i; (i = h.text.find("\\n")) != std::string::npos;) h.text.replace(i, 2, "\n");
    out.push_back(std::move(h));
  }
  return out;
}

// cmark keeps the outline number in the text; the parser splits it off
// (without a trailing '.'), so "1.2 Text" == number "1.2" + text "Text".
bool same_text(const Block& b, const std::string& cmark_text) {
  if (b.number.empty()) return cmark_text == b.text;
  std::string_view t = cmark_text;
  if (!t.starts_with(b.number)) return false;
  t.remove_prefix(b.number.size());
  if (t.starts_with('.')) t.remove_prefix(1);
  if (t.empty() || (t[0] != ' ' && t[0] != '\t')) return false;
  while (!t.empty() && (t[0] == ' ' || t[0] == '\t')) t.remove_prefix(1);
  return t == b.text;
}

class RealNotes : public ::testing::TestWithParam<std::string> {};

TEST_P(RealNotes, ParsesWithoutErrors) {
  auto p = testing::parse(read(kCorpus / GetParam()));
  EXPECT_FALSE(p.diags.has_errors());
  EXPECT_FALSE(p.doc.blocks.empty());
}

TEST_P(RealNotes, HeadingsEqualThoseCmarkFinds) {
  auto p = testing::parse(read(kCorpus / GetParam()));
  auto expected = expected_headings(GetParam());
  auto headings = p.blocks_of(BlockKind::heading);
  ASSERT_EQ(headings.size(), expected.size());
  for (std::size_t i = 0; i < expected.size(); ++i) {
    SCOPED_TRACE("heading " + std::to_string(i) + " at line " + std::to_string(expected[i].line));
    EXPECT_EQ(headings[i]->level, expected[i].level);
    EXPECT_EQ(headings[i]->where.line, expected[i].line);
    EXPECT_TRUE(same_text(*headings[i], expected[i].text))
        << "parser: [" << headings[i]->number << "] " << headings[i]->text << "\ncmark:  " << expected[i].text;
  }
}

std::string test_name(const ::testing::TestParamInfo<std::string>& info) {
  std::string name = info.param;
  std::replace_if(
      name.begin(), name.end(), [](char c) { return !std::isalnum(static_cast<unsigned char>(c)); }, '_');
  return name;
}

INSTANTIATE_TEST_SUITE_P(Corpus, RealNotes, ::testing::ValuesIn(corpus_files()), test_name);

TEST(RealNotesCorpus, HoldsTheEightNoteFiles) { EXPECT_EQ(corpus_files().size(), 8u); }

TEST(RealNotesCorpus, OpenGuideHasItsLinksAndTables) {
  auto p = testing::parse(read(kCorpus / "open-guides__og-aws/README.md"));
  EXPECT_GT(p.doc.links.size(), 1600u);
  EXPECT_GT(p.blocks_of(BlockKind::table_row).size(), 150u);
  EXPECT_EQ(std::count_if(p.doc.blocks.begin(), p.doc.blocks.end(), [](const Block& b) { return b.setext; }), 64);
}

TEST(RealNotesCorpus, GlossaryFrontMatterIsRead) {
  auto p = testing::parse(read(kCorpus / "cncf__glossary/ko_auto-scaling.md"));
  ASSERT_EQ(p.doc.front_matter.size(), 4u);
  EXPECT_EQ(p.doc.front_matter[0].key, "title");
  EXPECT_EQ(p.doc.front_matter[0].values.at(0), "오토스케일링 (Autoscaling)");
  EXPECT_EQ(p.doc.front_matter[3].key, "tags");
  EXPECT_EQ(p.doc.front_matter[3].values,
            (std::vector<std::string_view>{"애플리케이션", "인프라스트럭처", "아키텍처"}));
  auto links = p.doc.links;
  ASSERT_FALSE(links.empty());
  EXPECT_EQ(links[0].text, "규모를 조절(scale)");
  EXPECT_EQ(links[0].target, "/scalability/");
  EXPECT_EQ(links[0].where.line, 8u);
}

}  // namespace
}  // namespace ng::notes
