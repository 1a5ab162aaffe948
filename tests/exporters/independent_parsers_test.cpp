// Independent parsers read what the writers write: a store full of hostile
// terms is written to a file, and rapper (raptor2) and serdi (serd) must accept
// it, count the same statements, and agree on the graph when each reads our
// file and serdi's re-serialization of it. Skipped when a tool is missing.
#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>
#include <string>

#include "exporters/ntriples_writer.hpp"

namespace ng::exporters {
namespace {

namespace fs = std::filesystem;
using model::Term;
using store::kNoTerm;
using store::TermId;

constexpr const char* kRapper = NG_RAPPER_PROGRAM;
constexpr const char* kSerdi = NG_SERDI_PROGRAM;

std::string read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

std::multiset<std::string> lines_of(const std::string& text) {
  std::multiset<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.insert(line);
  return lines;
}

// Every class of character that needs care, in every position it can take.
store::TripleStore hostile_store() {
  store::TripleStore store;
  store::Dictionary& dict = store.dictionary();
  std::string controls;
  for (char c = 1; c < 0x20; ++c) controls += c;
  controls += '\x7F';
  const std::string texts[] = {
      "plain",
      "quote \" and 'apostrophe'",
      "back\\slash \\n \\u0041 \\",
      "line\nbreak\r\ncrlf\ttab",
      controls,
      "\xED\x95\x9C\xEA\xB5\xAD\xEC\x96\xB4 \xED\x95\x9C\xEA\xB8\x80",                           // Hangul
      "emoji \xF0\x9F\x98\x80\xF0\x9F\x91\xA9\xE2\x80\x8D\xF0\x9F\x92\xBB",                      // with a ZWJ
      "\xD7\xA9\xD7\x9C\xD7\x95\xD7\x9D \xD9\x85\xD8\xB1\xD8\xAD\xD8\xA8\xD8\xA7 \xE2\x80\xAE",  // RTL, RLO
      "<script>alert(\"x\")</script>",
      "",
  };
  const std::string iri_tails[] = {
      "plain",           "{braces}",     "pipe|caret^",
      "back`tick",       "quote\"",      "back\\slash",
      "ctl\x01\x1F\x7F", "sp ace<lt>gt", "\xED\x95\x9C\xEA\xB8\x80/\xF0\x9F\x98\x80",
      "tab\tnl\n",
  };
  const std::string labels[] = {"b0", "a b", "a_b", "x.y:z", "-dash", "\xED\x95\x9C", "", "\xC2\xB7mid"};

  const std::uint32_t file = store.add_file("notes/odd\nname.md");
  std::uint32_t line = 1;
  const TermId p = dict.intern_iri("http://example.org/p");
  const TermId graph = dict.intern_iri("http://example.org/graph{1}");
  const TermId blank_graph = dict.intern(Term::blank("graph label"));
  for (const auto& tail : iri_tails) {
    const TermId s = dict.intern_iri("http://example.org/" + tail);
    const TermId pred = dict.intern_iri("http://example.org/p/" + tail);
    for (const auto& text : texts) {
      store.add(s, pred, dict.intern(Term::literal(text)), kNoTerm, {file, line++});
      store.add(s, p, dict.intern(Term::lang_literal(text, "ko")), graph, {file, line++});
      store.add(s, p, dict.intern(Term::typed_literal(text, "http://example.org/type/" + tail)), blank_graph,
                {file, line++});
    }
  }
  for (const auto& label : labels) {
    const TermId b = dict.intern(Term::blank(label));
    store.add(b, p, b, kNoTerm, {file, line++});
    store.add(b, p, b, graph, {file, line++});  // the same triple in a second graph
    store.add(b, p, dict.intern_iri("http://example.org/" + label), kNoTerm, {file, line++});
  }
  store.freeze();
  return store;
}

struct ProgramRun {
  int exit_code = -1;
  std::string out, err;
};

class IndependentParsers : public testing::Test {
protected:
  void SetUp() override {
    if (std::string(kRapper).empty()) GTEST_SKIP() << "rapper (raptor2-utils) is not installed";
    if (std::string(kSerdi).empty()) GTEST_SKIP() << "serdi (serd) is not installed";
    dir_ = fs::temp_directory_path() / ("ng-parsers-" + std::to_string(::getpid()) + "-" +
                                        testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::create_directories(dir_);
    store_ = hostile_store();
  }
  void TearDown() override {
    // NG_KEEP=1 keeps the files for a look after a failure.
    if (!dir_.empty() && !std::getenv("NG_KEEP")) fs::remove_all(dir_);
  }

  fs::path write(const std::string& name, bool quads, WriteOptions options = {}) {
    const fs::path path = dir_ / name;
    std::ofstream out(path, std::ios::binary);
    quads ? write_nquads(store_, out, options) : write_ntriples(store_, out, options);
    return path;
  }

  // Runs `program args input`; paths here hold no quote characters.
  ProgramRun run(const std::string& program, const std::string& args, const fs::path& input) {
    const fs::path out = dir_ / ("run" + std::to_string(runs_) + ".out");
    const fs::path err = dir_ / ("run" + std::to_string(runs_++) + ".err");
    const std::string command =
        "'" + program + "' " + args + " '" + input.string() + "' >'" + out.string() + "' 2>'" + err.string() + "'";
    const int status = std::system(command.c_str());
    return {WIFEXITED(status) ? WEXITSTATUS(status) : -1, read_file(out), read_file(err)};
  }

  // rapper -c prints "Parsing returned N triples" (N statements) on stderr.
  long rapper_count(const std::string& syntax, const fs::path& input) {
    const ProgramRun r = run(kRapper, "-i " + syntax + " -c", input);
    EXPECT_EQ(r.exit_code, 0) << r.err;
    std::smatch m;
    if (!std::regex_search(r.err, m, std::regex("returned ([0-9]+) (triple|statement)"))) {
      ADD_FAILURE() << "no count in rapper's output: " << r.err;
      return -1;
    }
    return std::stol(m[1]);
  }

  fs::path dir_;
  int runs_ = 0;
  store::TripleStore store_;
};

TEST_F(IndependentParsers, RapperCountsAsManyTriplesAsTheStoreHolds) {
  EXPECT_EQ(rapper_count("ntriples", write("g.nt", false)), static_cast<long>(store_.triple_count()));
}

TEST_F(IndependentParsers, RapperCountsAsManyQuadsAsTheStoreHolds) {
  EXPECT_EQ(rapper_count("nquads", write("g.nq", true)), static_cast<long>(store_.size()));
}

TEST_F(IndependentParsers, SerdiReadsNTriplesWithoutError) {
  const ProgramRun r = run(kSerdi, "-i ntriples -o ntriples", write("g.nt", false));
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(lines_of(r.out).size(), store_.triple_count());
}

TEST_F(IndependentParsers, SerdiReadsNQuadsWithoutError) {
  const ProgramRun r = run(kSerdi, "-i nquads -o nquads", write("g.nq", true));
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(lines_of(r.out).size(), store_.size());
}

TEST_F(IndependentParsers, ProvenanceCommentsAreIgnoredByBothParsers) {
  const fs::path nt = write("lines.nt", false, {.with_lines = true});
  const fs::path nq = write("lines.nq", true, {.with_lines = true});
  EXPECT_EQ(rapper_count("ntriples", nt), static_cast<long>(store_.triple_count()));
  EXPECT_EQ(rapper_count("nquads", nq), static_cast<long>(store_.size()));
  EXPECT_EQ(run(kSerdi, "-i ntriples -o ntriples", nt).out,
            run(kSerdi, "-i ntriples -o ntriples", write("g.nt", false)).out);
  EXPECT_EQ(run(kSerdi, "-i nquads -o nquads", nq).out, run(kSerdi, "-i nquads -o nquads", write("g.nq", true)).out);
}

// serdi writes its own escapes, so compare our file and serdi's rewrite of it
// after both pass through serdi again: the same statements must come out.
TEST_F(IndependentParsers, SerdiRewriteOfOurOutputIsTheSameGraph) {
  for (const bool quads : {false, true}) {
    const std::string syntax = quads ? "nquads" : "ntriples";
    const std::string args = "-i " + syntax + " -o " + syntax;
    const fs::path ours = write(quads ? "g.nq" : "g.nt", quads);
    const ProgramRun first = run(kSerdi, args, ours);
    ASSERT_EQ(first.exit_code, 0) << first.err;
    const fs::path rewritten = dir_ / ("serdi." + syntax);
    std::ofstream(rewritten, std::ios::binary) << first.out;
    const ProgramRun second = run(kSerdi, args, rewritten);
    ASSERT_EQ(second.exit_code, 0) << second.err;
    EXPECT_EQ(lines_of(first.out), lines_of(second.out)) << syntax;
  }
}

// Printable ASCII statements (serdi escapes other characters its own way, and
// writes \b and \f as \u0008 and \u000C) must come back from serdi byte for
// byte: the terms it read are the terms we meant.
bool serdi_writes_like_us(const std::string& line) {
  for (std::size_t i = 0; i < line.size(); ++i) {
    const auto c = static_cast<unsigned char>(line[i]);
    if (c < 0x20 || c > 0x7E) return false;
    if (c == '\\' && ++i < line.size() && (line[i] == 'b' || line[i] == 'f')) return false;
  }
  return true;
}

TEST_F(IndependentParsers, SerdiKeepsOurAsciiStatementsVerbatim) {
  for (const bool quads : {false, true}) {
    const std::string syntax = quads ? "nquads" : "ntriples";
    const fs::path ours = write(quads ? "g.nq" : "g.nt", quads);
    const ProgramRun rewrite = run(kSerdi, "-i " + syntax + " -o " + syntax, ours);
    ASSERT_EQ(rewrite.exit_code, 0) << rewrite.err;
    const std::multiset<std::string> serdi_lines = lines_of(rewrite.out);
    std::size_t compared = 0;
    for (const std::string& line : lines_of(read_file(ours))) {
      if (!serdi_writes_like_us(line)) continue;
      ++compared;
      EXPECT_EQ(serdi_lines.count(line), 1u) << line;
    }
    EXPECT_GT(compared, 100u) << "too few statements compared to mean anything";
  }
}

// The second parser as judge: rapper must read the same graph from our file as
// from serdi's rewrite of it.
TEST_F(IndependentParsers, RapperReadsTheSameGraphFromOursAndFromSerdisRewrite) {
  const fs::path ours = write("g.nt", false);
  const ProgramRun rewrite = run(kSerdi, "-i ntriples -o ntriples", ours);
  ASSERT_EQ(rewrite.exit_code, 0) << rewrite.err;
  const fs::path rewritten = dir_ / "serdi.nt";
  std::ofstream(rewritten, std::ios::binary) << rewrite.out;
  const ProgramRun from_ours = run(kRapper, "-q -i ntriples -o ntriples", ours);
  const ProgramRun from_serdi = run(kRapper, "-q -i ntriples -o ntriples", rewritten);
  ASSERT_EQ(from_ours.exit_code, 0) << from_ours.err;
  ASSERT_EQ(from_serdi.exit_code, 0) << from_serdi.err;
  EXPECT_EQ(lines_of(from_ours.out), lines_of(from_serdi.out));
  EXPECT_EQ(lines_of(from_ours.out).size(), store_.triple_count());
}

}  // namespace
}  // namespace ng::exporters
