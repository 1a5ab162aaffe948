// Extraction hands the pages of a mapped input back to the kernel as it goes
// (SourceText::release_before) and scans text on two threads: the graph must
// be the one a copy in memory and one thread give, triple for triple and line
// for line, on a file large enough to be mapped, released and scanned in
// several windows.
#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <functional>
#include <memory>
#include <string>
#include <tuple>
#include <vector>

#include "diag/source_file.hpp"
#include "extract/graph_builder.hpp"
#include "notes/notes_parser.hpp"

using namespace ng;

namespace {

// ~4 MiB of notes: sections naming each other by label and acronym, term
// items, links (whose blocks are copied, not borrowed), tables and fields.
std::string large_notes() {
  std::string s = "# Services\n\n";
  for (int i = 0; s.size() < (4u << 20); ++i) {
    const std::string n = std::to_string(i), prev = std::to_string(i > 0 ? i - 1 : 0);
    s += "## Cloud Service " + n + " (CS" + n + ")\n\n";
    s += "CS" + n + "는 Cloud Service " + prev + "와 통합된다. It runs on CS" + prev +
         " and is compatible with [[Cloud Service " + prev + "]].\nSee the [guide](https://example.com/cs" + n +
         ") for details.\n\n";
    s += "- 온디맨드: CS" + prev + " 기반으로 과금한다\n- *Plain* item with `code CS" + prev + "`\n\n";
    s += "| name | uses |\n|---|---|\n| CS" + n + " | CS" + prev + " |\n\n";
    s += "owner:: Cloud Service " + prev + "\n\n";
    s += std::string(200, 'x') + " 설명 문단 " + n + ".\n\n";
  }
  return s;
}

// Resident memory of this process's mappings of the file whose path ends in
// `path` (their Rss in /proc/self/smaps), in KiB.
long resident_kib_of(const std::string& path) {
  std::ifstream smaps("/proc/self/smaps");
  std::string line;
  bool in_file = false;
  long total = 0;
  while (std::getline(smaps, line)) {
    if (!line.empty() && line.find(':') != std::string::npos && line.find(' ') > line.find(':')) {
      if (in_file && line.rfind("Rss:", 0) == 0) total += std::stol(line.substr(4));
      continue;
    }
    // A mapping's header line: "start-end perms offset dev inode   path".
    in_file = line.size() >= path.size() && line.compare(line.size() - path.size(), path.size(), path) == 0;
  }
  return total;
}

using Row = std::tuple<std::string, std::string, std::string, std::string, std::uint32_t>;

std::vector<Row> rows_of(store::TripleStore& store);

std::vector<Row> graph_rows(const std::vector<const diag::SourceFile*>& sources, unsigned scan_threads = 2) {
  diag::Diagnostics diags;
  std::vector<notes::Document> docs;
  docs.reserve(sources.size());
  for (const auto* source : sources) docs.push_back(notes::parse_notes(*source, diags));
  store::TripleStore store;
  extract::BuildOptions options;
  options.scan_threads = scan_threads;
  extract::GraphBuilder builder(extract::default_tables(), options);
  for (std::size_t k = 0; k < docs.size(); ++k) builder.add_document(docs[k], sources[k]->name());
  builder.build(store, diags);
  return rows_of(store);
}

std::vector<Row> rows_of(store::TripleStore& store) {
  store.freeze();
  std::vector<Row> rows;
  const auto& dict = store.dictionary();
  auto text = [&](store::TermId id) {
    model::TermView t = dict.term(id);
    return std::string(t.value) + "|" + std::string(t.language) + "|" + std::string(t.datatype);
  };
  std::size_t i = 0;
  for (const auto& q : store.scan({store::kNoTerm, store::kNoTerm, store::kNoTerm, store::kNoTerm}))
    rows.emplace_back(text(q.s), text(q.p), text(q.o), text(q.g), store.provenance(i++).line);
  // In index order, which follows the ids: equal rows mean the same ids too,
  // so the written files are the same byte for byte.
  return rows;
}

}  // namespace

TEST(InputRelease, MappedAndReleasedInputGivesTheSameGraphAsACopy) {
  const std::string notes = large_notes();
  const std::string path = ::testing::TempDir() + "/ng-input-release-" + std::to_string(::getpid()) + ".md";
  {
    std::ofstream out(path, std::ios::binary);
    out << notes;
  }
  diag::Diagnostics diags;
  auto mapped_text = diag::SourceText::open(path, diags);
  ASSERT_NE(mapped_text, nullptr);
  diag::SourceFile mapped("large.md", mapped_text);
  mapped_text.reset();
  diag::SourceFile copied("large.md", notes);

  const std::vector<Row> from_copy = graph_rows({&copied});
  const std::string name = path.substr(path.rfind('/'));  // smaps shows the path normalized
  const long before = resident_kib_of(name);
  const std::vector<Row> from_map = graph_rows({&mapped});
  const long after = resident_kib_of(name);
  ASSERT_GT(from_copy.size(), 50000u);
  EXPECT_TRUE(from_map == from_copy) << from_map.size() << " vs " << from_copy.size() << " quads";
  // Every page of the still-mapped file was read (for its line table, then
  // by the parse); extraction gave many of them back. (It releases in 1 MiB
  // steps and the kernel maps some pages back around later faults, so not
  // all: with the released pages made PROT_NONE instead, no access faults.)
  EXPECT_LT(after, before - static_cast<long>(notes.size() / 1024 / 4))
      << "resident " << before << " -> " << after << " KiB for a " << notes.size() / 1024 << " KiB input";
  std::remove(path.c_str());
}

// Text is scanned for mentions on two threads, a window of entities at a
// time; the graph must be the one a single thread finds.
TEST(InputRelease, TwoScanningThreadsGiveTheGraphOfOne) {
  diag::SourceFile notes("large.md", large_notes());
  const std::vector<Row> one = graph_rows({&notes}, 1);
  const std::vector<Row> two = graph_rows({&notes}, 2);
  ASSERT_GT(one.size(), 50000u);
  EXPECT_TRUE(one == two) << one.size() << " vs " << two.size() << " quads";
}

// Notes of a folder (~4 MiB in ~400 files), as cut at their headings.
std::vector<std::unique_ptr<diag::SourceFile>> many_small_notes() {
  const std::string all = large_notes();
  std::vector<std::unique_ptr<diag::SourceFile>> files;
  for (std::size_t at = 0; at < all.size();) {
    std::size_t next = all.find("\n## ", at + 8000);
    if (next == std::string::npos) next = all.size();
    files.push_back(
        std::make_unique<diag::SourceFile>("note" + std::to_string(files.size()) + ".md", all.substr(at, next - at)));
    at = std::min(next + 1, all.size());
  }
  return files;
}

// Notes handed over to the builder are freed while it runs, each once its
// triples are in the store (a folder of small notes does not stay in memory
// whole while the store grows), and the graph is the one of notes it borrows.
TEST(InputRelease, NotesTheBuilderOwnsAreFreedAsTheirTriplesAreStored) {
  const auto files = many_small_notes();
  ASSERT_GT(files.size(), 300u);
  std::vector<const diag::SourceFile*> sources;
  for (const auto& f : files) sources.push_back(f.get());
  const std::vector<Row> borrowed = graph_rows(sources);

  diag::Diagnostics diags;
  store::TripleStore store;
  extract::BuildOptions options;
  std::vector<std::weak_ptr<const diag::SourceText>> texts;  // each note's, held by its Document alone
  std::vector<std::size_t> freed_at_window;
  options.after_window = [&](store::TripleStore&, std::size_t) {
    freed_at_window.push_back(
        static_cast<std::size_t>(std::count_if(texts.begin(), texts.end(), [](const auto& t) { return t.expired(); })));
  };
  extract::GraphBuilder builder(extract::default_tables(), options);
  for (const auto& f : files) {
    diag::SourceFile source(f->name(), std::string(f->text()));
    auto doc = std::make_unique<notes::Document>(notes::parse_notes(source, diags));
    source.drop_text();
    texts.push_back(doc->source);
    builder.add_document(std::unique_ptr<const notes::Document>(std::move(doc)), f->name());
  }
  ASSERT_FALSE(texts.front().expired());
  builder.build(store, diags);
  EXPECT_TRUE(std::all_of(texts.begin(), texts.end(), [](const auto& t) { return t.expired(); }));
  // Windows of entities follow the notes: after each, the notes wholly
  // before it are gone, and the later ones are still there.
  ASSERT_GE(freed_at_window.size(), 3u);
  EXPECT_GT(freed_at_window.front(), 0u);
  EXPECT_LT(freed_at_window.front(), files.size() / 2);
  EXPECT_TRUE(std::adjacent_find(freed_at_window.begin(), freed_at_window.end(), std::greater_equal<>()) ==
              freed_at_window.end());
  const std::vector<Row> owned = rows_of(store);
  ASSERT_GT(owned.size(), 50000u);
  EXPECT_TRUE(owned == borrowed) << owned.size() << " vs " << borrowed.size() << " quads";
}

// Several notes: their entities are collected on two threads (two halves of
// the notes), which must give the graph one thread does, ids and all.
TEST(InputRelease, SeveralNotesCollectedOnTwoThreadsGiveTheGraphOfOne) {
  const std::string all = large_notes();
  std::vector<std::unique_ptr<diag::SourceFile>> files;
  std::size_t at = 0;
  for (int k = 0; k < 12; ++k) {
    // Cut at headings, in pieces of uneven size (the halves are split by blocks).
    std::size_t next = k == 11 ? all.size() : all.find("\n## ", at + 1000 + 37000 * static_cast<std::size_t>(k % 4));
    if (next == std::string::npos) next = all.size();
    files.push_back(std::make_unique<diag::SourceFile>("part" + std::to_string(k) + ".md", all.substr(at, next - at)));
    at = std::min(next + 1, all.size());
  }
  std::vector<const diag::SourceFile*> sources;
  for (const auto& f : files) sources.push_back(f.get());
  const std::vector<Row> one = graph_rows(sources, 1);
  const std::vector<Row> two = graph_rows(sources, 2);
  ASSERT_GT(one.size(), 20000u);
  EXPECT_TRUE(one == two) << one.size() << " vs " << two.size() << " quads";
}

// A document the builder owned is gone after build(): building again
// extracts the borrowed documents alone (and reads nothing freed).
TEST(InputRelease, ASecondBuildSeesOnlyTheBorrowedDocuments) {
  diag::Diagnostics diags;
  diag::SourceFile kept_source("kept.md", "# Kept\n\nKept text names Owned.\n");
  const notes::Document kept = notes::parse_notes(kept_source, diags);
  diag::SourceFile owned_source("owned.md", "# Owned\n\nOwned text names Kept.\n");
  auto owned = std::make_unique<const notes::Document>(notes::parse_notes(owned_source, diags));
  owned_source.drop_text();
  std::weak_ptr<const diag::SourceText> owned_text = owned->source;

  extract::GraphBuilder builder(extract::default_tables(), {});
  builder.add_document(kept, "kept.md");
  builder.add_document(std::move(owned), "owned.md");
  store::TripleStore first, second;
  EXPECT_EQ(builder.build(first, diags).files, 2u);
  EXPECT_TRUE(owned_text.expired());
  EXPECT_EQ(builder.build(second, diags).files, 1u);
  EXPECT_EQ(second.files(), std::vector<std::string>{"kept.md"});
  first.freeze();
  second.freeze();
  EXPECT_GT(second.size(), 0u);
  EXPECT_LT(second.size(), first.size());
}
