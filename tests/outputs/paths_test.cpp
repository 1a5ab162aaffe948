// Paths: every command writes exactly the files its -o names (inside the
// folder it names), whatever the notes call their services; a symbolic link
// at an output's name is replaced, never written through; parts and
// temporary files an earlier run left are cleaned up.
#include <sys/stat.h>
#include <sys/wait.h>

#include <regex>

#include "output_test_tools.hpp"

namespace ng::outputs::testing {
namespace {

// Services and categories whose names look like paths.
const char* const kPathNotes = R"md(# AWS 서비스

## ../../escaped-category

### ../../etc/passwd

Reads /abs/path and a/b. Works with nodes.csv.

### /abs/path

Runs on ../../etc/passwd.

### a/b

Uses graph.0001.nt and C:\evil\file and ..\..\win.

### nodes.csv

See [[../../etc/passwd]] and [up](../../../outside.md).

### graph.0001.nt

%2e%2e%2fencoded and .. and . and ~/home.
)md";

class Paths : public OutputTest {
 protected:
  void SetUp() override {
    OutputTest::SetUp();
    sandbox_ = root_ / "sandbox";
    cwd_ = sandbox_ / "cwd" / "a" / "b";  // so that ../../ from it stays inside the sandbox
    fs::create_directories(cwd_);
    fs::create_directories(sandbox_ / "notes");
    fs::create_directories(sandbox_ / "out");
    write_file(sandbox_ / "notes" / "paths.md", kPathNotes);
  }

  RunResult run_in_sandbox(const std::vector<std::string>& args) { return run(args, cwd_); }

  fs::path sandbox_, cwd_;
};

TEST_F(Paths, NamesFromNotesNeverBecomeFilePaths) {
  const std::string notes = (sandbox_ / "notes" / "paths.md").string();
  const fs::path out = sandbox_ / "out";
  std::set<std::string> expected = {"cwd", "cwd/a", "cwd/a/b", "notes", "notes/paths.md", "out"};
  auto expect_ok = [&](const std::vector<std::string>& args, const std::vector<std::string>& created) {
    const RunResult r = run_in_sandbox(args);
    EXPECT_EQ(r.code, 0) << args[0] << " " << args[1] << ": " << r.err;
    expected.insert(created.begin(), created.end());
  };
  expect_ok({"build", "-q", "-o", (out / "build").string(), notes},
            {"out/build", "out/build/graph.nt", "out/build/graph.nq"});
  for (const std::string format : {"neo4j", "neptune-gremlin", "neptune-opencypher"})
    expect_ok({"export", "-q", "-f", format, "-o", (out / format).string(), notes},
              {"out/" + format, "out/" + format + "/nodes.csv", "out/" + format + "/relationships.csv",
               "out/" + format + "/README.md"});
  for (const std::string format : {"ttl", "jsonld", "graphml", "dot", "nq"})
    expect_ok({"export", "-q", "-f", format, "-o", (out / ("g." + format)).string(), notes}, {"out/g." + format});
  expect_ok({"export", "-q", "-f", "mermaid", "-o", (out / "m.md").string(), notes}, {"out/m.md"});
  for (const std::string ext : {"svg", "dot", "png"})
    expect_ok({"diagram", "-q", "-o", (out / ("d." + ext)).string(), notes}, {"out/d." + ext});
  const RunResult whole = run_in_sandbox({"export", "-q", "-f", "nt", notes});
  ASSERT_EQ(whole.code, 0) << whole.err;
  const RunResult split =
      run_in_sandbox({"export", "-q", "-f", "nt", "--split", "4", "-o", (out / "graph.nt").string(), notes});
  ASSERT_EQ(split.code, 0) << split.err;
  const auto lines = static_cast<std::size_t>(std::count(whole.out.begin(), whole.out.end(), '\n'));
  std::string joined;
  for (std::size_t part = 1; part <= (lines + 3) / 4; ++part) {
    char name[48];
    std::snprintf(name, sizeof name, "out/graph.%04zu.nt", part);
    expected.insert(name);
    joined += read_file(sandbox_ / name);
  }
  EXPECT_EQ(joined, whole.out);
  EXPECT_EQ(names_under(sandbox_), expected);
}

// A NUL byte is an input error; with --keep-going the other file is still
// written, to exactly the files named.
TEST_F(Paths, NulInANameWritesNothingElse) {
  std::string nul_notes = "# AWS 서비스\n\n## X\n\n### evil";
  nul_notes += '\0';
  nul_notes += "name/../x\n\ntext\n";
  write_file(sandbox_ / "notes" / "nul.md", nul_notes);
  const fs::path out = sandbox_ / "out";
  const RunResult r = run_in_sandbox(
      {"export", "-q", "--keep-going", "-f", "neo4j", "-o", (out / "pg").string(), (sandbox_ / "notes").string()});
  EXPECT_EQ(r.code, 1) << r.err;
  EXPECT_NE(r.err.find("NUL"), std::string::npos) << r.err;
  EXPECT_EQ(names_under(sandbox_),
            (std::set<std::string>{"cwd", "cwd/a", "cwd/a/b", "notes", "notes/paths.md", "notes/nul.md", "out",
                                   "out/pg", "out/pg/nodes.csv", "out/pg/relationships.csv", "out/pg/README.md"}));
}

TEST_F(Paths, SymlinkAtAnOutputNameIsReplacedNotFollowed) {
  const fs::path outside = sandbox_ / "outside", out = sandbox_ / "out";
  fs::create_directories(outside);
  write_file(outside / "victim.txt", "precious\n");
  fs::create_directories(out / "pg");
  const std::vector<fs::path> links = {out / "graph.nt", out / "graph.nq",      out / "pg" / "nodes.csv", out / "g.ttl",
                                       out / "d.svg",    out / "parts.0001.nt", out / "dangling.graphml"};
  for (const auto& link : links) fs::create_symlink(outside / "victim.txt", link);
  fs::remove(out / "dangling.graphml");
  fs::create_symlink(outside / "not-there.graphml", out / "dangling.graphml");

  const std::string notes = (sandbox_ / "notes" / "paths.md").string();
  for (const auto& args : std::vector<std::vector<std::string>>{
           {"build", "-q", "-o", out.string(), notes},
           {"export", "-q", "-f", "neo4j", "-o", (out / "pg").string(), notes},
           {"export", "-q", "-f", "ttl", "-o", (out / "g.ttl").string(), notes},
           {"export", "-q", "-f", "graphml", "-o", (out / "dangling.graphml").string(), notes},
           {"export", "-q", "-f", "nt", "--split", "1000000", "-o", (out / "parts.nt").string(), notes},
           {"diagram", "-q", "-o", (out / "d.svg").string(), notes}}) {
    const RunResult r = run_in_sandbox(args);
    EXPECT_EQ(r.code, 0) << args[0] << ": " << r.err;
  }
  EXPECT_EQ(read_file(outside / "victim.txt"), "precious\n");
  EXPECT_EQ(names_under(outside), std::set<std::string>{"victim.txt"});
  for (const auto& link : links) {
    EXPECT_TRUE(fs::is_regular_file(fs::symlink_status(link))) << link << " is still a link";
    EXPECT_GT(fs::file_size(link), 0u) << link;
  }
  EXPECT_EQ(names_under(out),
            (std::set<std::string>{"graph.nt", "graph.nq", "pg", "pg/nodes.csv", "pg/relationships.csv", "pg/README.md",
                                   "g.ttl", "d.svg", "parts.0001.nt", "dangling.graphml"}));
}

TEST_F(Paths, SplitRemovesThePartsAnEarlierLongerRunLeft) {
  const fs::path out = sandbox_ / "out";
  write_file(out / "graph.nt", "not a part: kept\n");
  write_file(out / "graph.0009.nt", "after a gap: kept\n");
  const RunResult longer = run_in_sandbox({"export", "-q", "-f", "nt", "--split", "200", "-o",
                                           (out / "graph.nt").string(), NG_TEST_DATA "/aws-overview.ko.md"});
  ASSERT_EQ(longer.code, 0) << longer.err;
  ASSERT_TRUE(fs::exists(out / "graph.0004.nt"));
  const RunResult shorter = run_in_sandbox({"export", "-q", "-f", "nt", "--split", "1000000", "-o",
                                            (out / "graph.nt").string(), (sandbox_ / "notes" / "paths.md").string()});
  ASSERT_EQ(shorter.code, 0) << shorter.err;
  EXPECT_EQ(names_under(out), (std::set<std::string>{"graph.nt", "graph.0001.nt", "graph.0009.nt"}));
  EXPECT_EQ(read_file(out / "graph.nt"), "not a part: kept\n");
  const RunResult whole = run_in_sandbox({"export", "-q", "-f", "nt", (sandbox_ / "notes" / "paths.md").string()});
  EXPECT_EQ(read_file(out / "graph.0001.nt"), whole.out);
}

// A killed run's temporary file (its process is gone) is removed by the next
// run writing to that folder; one whose process is alive is left alone.
TEST_F(Paths, NextRunRemovesTemporaryFilesOfDeadRuns) {
  const pid_t dead = ::fork();
  if (dead == 0) ::_exit(0);
  ::waitpid(dead, nullptr, 0);
  const fs::path out = sandbox_ / "out";
  const std::string stale = ".graph.nt.notegraph-tmp-" + std::to_string(dead) + "-AbCdEfGhIjKl";
  const std::string live = ".graph.nq.notegraph-tmp-" + std::to_string(::getpid()) + "-AbCdEfGhIjKl";
  const std::string lookalike = ".graph.nt.notegraph-tmp-" + std::to_string(dead) + "-short";
  for (const auto& name : {stale, live, lookalike}) write_file(out / name, "partial");
  const RunResult r = run_in_sandbox({"build", "-q", "-o", out.string(), (sandbox_ / "notes" / "paths.md").string()});
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_EQ(names_under(out), (std::set<std::string>{"graph.nt", "graph.nq", live, lookalike}));
}

// /dev/stdout, /dev/fd/1 and /proc/self/fd/1 stand for the standard output
// (here a regular file): written in place like a redirection, never replaced.
TEST_F(Paths, StandardOutputNamesAreWrittenInPlace) {
  const std::string notes = (sandbox_ / "notes" / "paths.md").string();
  const RunResult expected = run_in_sandbox({"export", "-q", "-f", "nt", notes});
  ASSERT_EQ(expected.code, 0) << expected.err;
  for (const std::string name : {"/dev/stdout", "/dev/fd/1", "/proc/self/fd/1"}) {
    const RunResult r = run_in_sandbox({"export", "-q", "-f", "nt", "-o", name, notes});
    EXPECT_EQ(r.code, 0) << name << ": " << r.err;
    EXPECT_EQ(r.out, expected.out) << name;
  }
  EXPECT_TRUE(fs::is_symlink("/dev/stdout"));
}

}  // namespace
}  // namespace ng::outputs::testing
