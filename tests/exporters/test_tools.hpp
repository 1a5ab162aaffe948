// Helpers shared by the exporter tests that drive outside tools: temporary
// folders, reading files, running a shell command, and a small store of
// services whose labels are hostile.
#pragma once

#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <string>

#include "model/vocab.hpp"
#include "store/triple_store.hpp"

namespace ng::exporters::testing {

namespace fs = std::filesystem;

inline std::string read_file(const fs::path &path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

inline void write_file(const fs::path &path, const std::string &text) {
  std::ofstream(path, std::ios::binary) << text;
}

// Exit status of `cmd` run by the shell.
inline int shell(const std::string &cmd) {
  const int status = std::system(cmd.c_str());
  return WIFEXITED(status) ? WEXITSTATUS(status) : 128;
}

inline std::multiset<std::string> lines_of(const std::string &text) {
  std::multiset<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);)
    lines.insert(line);
  return lines;
}

// A fresh folder per test, removed afterwards.
class TempDirTest : public ::testing::Test {
protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("notegraph-exp-" + std::to_string(::getpid()) + "-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }
  fs::path dir_;
};

// Labels no exporter may pass through raw. All NFC, so every format must give
// back exactly these texts.
inline std::vector<std::string> hostile_labels() {
  std::string controls;
  for (char c = 1; c < 0x20; ++c)
    controls += c;
  controls += '\x7F';
  return {"quote \" and 'apostrophe'",
          "back\\slash \\N \\G \\n \\",
          "line\nbreak\r\ncrlf\ttab",
          "ctl" + controls,
          "<script>alert(\"x\")</script>",
          "<b>html-like</b> & &amp; {brace} [bracket] |pipe| ;semi; ,comma,",
          "\xD7\xA9\xD7\x9C\xD7\x95\xD7\x9D "
          "\xD9\x85\xD8\xB1\xD8\xAD\xD8\xA8\xD8\xA7 \xE2\x80\xAE", // RTL, RLO
          "\xED\x95\x9C\xEA\xB5\xAD\xEC\x96\xB4 "
          "\xEC\x84\x9C\xEB\xB9\x84\xEC\x8A\xA4", // Hangul
          std::string(3000, 'L') + " very long"};
}

// One category and a service per hostile label, each with description,
// acronym and language-tagged text; consecutive services are related.
inline store::TripleStore hostile_store() {
  store::TripleStore store;
  auto &d = store.dictionary();
  const auto file = store.add_file("notes/hostile \"file\".md");
  const auto type = d.intern_iri(vocab::rdf_type),
             label = d.intern_iri(vocab::rdfs_label),
             alt = d.intern_iri(vocab::skos_altLabel),
             desc = d.intern_iri(vocab::dcterms_description),
             cat = d.intern_iri(vocab::ng_category),
             mentions = d.intern_iri(vocab::ng_mentions),
             runs = d.intern_iri(std::string(vocab::ng) + "runsOn"),
             level = d.intern_iri(vocab::ng_level);
  const auto service = d.intern_iri(vocab::ng_Service),
             category = d.intern_iri(vocab::ng_Category);
  const auto group = d.intern_iri(std::string(vocab::default_base) + "group");
  store.add(group, type, category, store::kNoTerm, {file, 1});
  store.add(group, label, d.intern(model::Term::literal("<Group> \"{x}\"")),
            store::kNoTerm, {file, 1});
  const auto labels = hostile_labels();
  std::vector<store::TermId> ids;
  for (std::size_t i = 0; i < labels.size(); ++i) {
    const auto s = d.intern_iri(std::string(vocab::default_base) + "svc-" +
                                std::to_string(i));
    ids.push_back(s);
    const std::uint32_t line = static_cast<std::uint32_t>(10 + i);
    store.add(s, type, service, store::kNoTerm, {file, line});
    store.add(s, label, d.intern(model::Term::literal(labels[i])),
              store::kNoTerm, {file, line});
    store.add(s, alt,
              d.intern(model::Term::literal("A" + std::to_string(i) +
                                            labels[i].substr(0, 20))),
              store::kNoTerm, {file, line});
    store.add(s, desc,
              d.intern(model::Term::lang_literal(labels[i] + " 설명", "ko")),
              store::kNoTerm, {file, line});
    store.add(s, level,
              d.intern(model::Term::typed_literal(
                  "3", std::string(vocab::xsd_integer))),
              store::kNoTerm, {file, line});
    store.add(s, cat, group, store::kNoTerm, {file, line});
    if (i > 0)
      store.add(s, i % 2 ? runs : mentions, ids[i - 1], store::kNoTerm,
                {file, line});
  }
  store.freeze();
  return store;
}

} // namespace ng::exporters::testing
