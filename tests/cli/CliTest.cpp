// The notegraph command end to end: outputs, exit codes, diagnostics on bad
// input, atomic outputs, and that an independent parser (rapper, serdi)
// accepts what it writes, on the seed and on real notes written by others.
#include "notegraph_runner.hpp"

namespace fs = std::filesystem;

namespace {

using Result = ng::cli_test::Outcome;
using ng::cli_test::shell;

std::string slurp(const fs::path& p) { return ng::cli_test::read_file(p); }
void spit(const fs::path& p, std::string_view text) { ng::cli_test::write_file(p, text); }

class Cli : public ng::cli_test::NotegraphRunner {
 protected:
  Cli() : NotegraphRunner("notegraph-cli") {}

  // Runs notegraph with shell-quoted `args`; stdin from `input` when given.
  Result run(const std::string& args, const std::string* input = nullptr) {
    return notegraph(args, input ? std::string_view(*input) : std::string_view(), "stdout");
  }
};

std::size_t count_lines(const std::string& s) { return static_cast<std::size_t>(std::count(s.begin(), s.end(), '\n')); }

}  // namespace

namespace {

// Notes of about `bytes` bytes, in several windows of extraction: services
// with acronyms that mention each other with relation cues, terms, and
// text that needs escaping.
std::string many_services(std::size_t bytes, std::string_view last_heading = {}) {
  std::string s = "# Services\n\n";
  for (int i = 0; s.size() < bytes; ++i) {
    const std::string me = "SV" + std::to_string(i), other = "SV" + std::to_string(i / 2);
    s += "## Service " + std::to_string(i) + " (" + me + ")\n\n";
    s += me + "는 " + other + "와 통합되며 \"quoted\" text\\ runs on SV" + std::to_string(i + 1) +
         ". It is compatible with " + other + " and used with Service " + std::to_string(i / 3) + ".\n\n";
    s += "- 용어 " + std::to_string(i) + ": " + me + " 설명\tand more\n\n";
  }
  if (!last_heading.empty()) s += "## " + std::string(last_heading) + "\n\nUses SV1 and SV2.\n";
  return s;
}

}  // namespace

TEST_F(Cli, BuildTheSeedWritesBothFilesAndASummary) {
  Result r = run("build -o " + (dir_ / "o").string() + " " NG_TEST_DATA "/aws-overview.ko.md");
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_NE(r.out.find("85 services, 13 categories"), std::string::npos) << r.out;
  EXPECT_TRUE(fs::exists(dir_ / "o" / "graph.nt"));
  EXPECT_TRUE(fs::exists(dir_ / "o" / "graph.nq"));
}

TEST_F(Cli, BuildTimingsNameEveryPhaseWithItsSecondsCpuAndPeakMemory) {
  Result r = run("build --timings -o " + (dir_ / "o").string() + " " NG_TEST_DATA "/aws-overview.ko.md");
  ASSERT_EQ(r.code, 0) << r.err;
  std::size_t at = 0;
  for (const char* phase : {"read+parse", "extract", "index", "write", "commit"}) {
    const std::string prefix = std::string("notegraph: timing: ") + phase + " ";
    std::size_t line = r.err.find(prefix, at);
    ASSERT_NE(line, std::string::npos) << phase << " missing or out of order in:\n" << r.err;
    std::istringstream rest(r.err.substr(line + prefix.size()));
    double seconds = -1, cpu = -1, mib = -1;
    std::string unit, word;
    rest >> seconds >> unit;
    EXPECT_GE(seconds, 0.0) << phase;
    EXPECT_EQ(unit, "s,") << phase;
    rest >> word >> cpu >> unit;  // "cpu" SECONDS "s,": user + system time of the phase
    EXPECT_EQ(word, "cpu") << phase;
    EXPECT_GE(cpu, 0.0) << phase;
    EXPECT_EQ(unit, "s,") << phase;
    while (rest >> word && word != "so") {
    }
    rest >> word >> mib;  // "far" MiB
    EXPECT_GT(mib, 1.0) << phase;
    at = line + prefix.size();
  }
  // Without the flag, nothing is printed on stderr.
  EXPECT_EQ(run("build -o " + (dir_ / "o").string() + " " NG_TEST_DATA "/aws-overview.ko.md").err, "");
}

TEST_F(Cli, RapperAndSerdiAcceptTheSeedOutputs) {
  ASSERT_EQ(run("build -o " + dir_.string() + " " NG_TEST_DATA "/aws-overview.ko.md").code, 0);
  std::string nt = slurp(dir_ / "graph.nt");
  EXPECT_EQ(shell("rapper -i ntriples -c " + (dir_ / "graph.nt").string() + " 2>" + (dir_ / "rapper.err").string()), 0)
      << slurp(dir_ / "rapper.err");
  EXPECT_NE(slurp(dir_ / "rapper.err").find("returned " + std::to_string(count_lines(nt)) + " triples"),
            std::string::npos);
  EXPECT_EQ(shell("serdi -q -i ntriples " + (dir_ / "graph.nt").string() + " >/dev/null"), 0);
  EXPECT_EQ(shell("serdi -q -i nquads " + (dir_ / "graph.nq").string() + " >/dev/null"), 0);
}

TEST_F(Cli, ExportReadsNotesFromStdin) {
  std::string notes = "# Amazon S3 (S3)\n\nStores objects.\n\n# AWS Lambda\n\nReads from S3.\n";
  Result r = run("export -f nt -", &notes);
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_NE(r.out.find("<https://w3id.org/notegraph/notes/lambda> <https://w3id.org/notegraph/ns#mentions> "
                       "<https://w3id.org/notegraph/notes/s3> ."),
            std::string::npos)
      << r.out;
}

TEST_F(Cli, ExportWithLinesGivesEachStatementItsProvenance) {
  std::string notes = "# A\n\ntext\n";
  Result r = run("export -f nq --lines -", &notes);
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_NE(r.out.find("\"text\"@en <https://w3id.org/notegraph/notes/doc/stdin> . # -:3"), std::string::npos) << r.out;
}

TEST_F(Cli, BaseOptionSetsTheNamespace) {
  std::string notes = "# Thing\n";
  Result r = run("export -f nt --base http://example.org/my/ -", &notes);
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_NE(r.out.find("<http://example.org/my/thing>"), std::string::npos) << r.out;
}

TEST_F(Cli, UsageErrorsExitTwo) {
  EXPECT_EQ(run("").code, 2);
  EXPECT_EQ(run("build").code, 2);
  EXPECT_EQ(run("build --no-such-option x").code, 2);
  EXPECT_EQ(run("export -f pdf x").code, 2);
}

TEST_F(Cli, HelpAndVersionExitZero) {
  Result help = run("--help");
  EXPECT_EQ(help.code, 0);
  EXPECT_NE(help.out.find("build"), std::string::npos);
  Result version = run("--version");
  EXPECT_EQ(version.code, 0);
  EXPECT_NE(version.out.find("notegraph"), std::string::npos);
}

// A build linked with mimalloc allocates with it (its malloc comes before the
// C library's); a sanitizer build keeps its own allocator and says nothing.
TEST_F(Cli, VersionNamesTheAllocatorInUse) {
  Result version = run("--version");
  ASSERT_EQ(version.code, 0);
#if defined(NG_EXPECT_MIMALLOC)
  EXPECT_NE(version.out.find("\nallocator: mimalloc 2."), std::string::npos) << version.out;
#else
  EXPECT_EQ(version.out.find("allocator:"), std::string::npos) << version.out;
#endif
}

TEST_F(Cli, MissingInputExitsOneNamingIt) {
  Result r = run("build -o " + dir_.string() + " /nonexistent/notes.md");
  EXPECT_EQ(r.code, 1);
  EXPECT_NE(r.err.find("/nonexistent/notes.md: error:"), std::string::npos) << r.err;
}

TEST_F(Cli, InvalidUtf8IsAPositionedErrorAndOldOutputsStayWhole) {
  spit(dir_ / "graph.nt", "old nt\n");
  spit(dir_ / "graph.nq", "old nq\n");
  spit(dir_ / "bad.md", "# Title\n\nabc \xff def\n");
  Result r = run("build -o " + dir_.string() + " " + (dir_ / "bad.md").string());
  EXPECT_EQ(r.code, 1);
  EXPECT_NE(r.err.find("bad.md:3:5: error:"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("\n      ^"), std::string::npos) << r.err;  // caret under column 5
  EXPECT_EQ(slurp(dir_ / "graph.nt"), "old nt\n");
  EXPECT_EQ(slurp(dir_ / "graph.nq"), "old nq\n");
}

// A warning that only extraction finds (a wikilink to nothing) comes after
// build began writing its files: under --strict they are dropped, the old
// outputs stay whole and no temporary file is left.
TEST_F(Cli, StrictBuildWithAWarningFromExtractionLeavesTheOldOutputsWhole) {
  fs::create_directories(dir_ / "o");
  spit(dir_ / "o" / "graph.nt", "old nt\n");
  spit(dir_ / "o" / "graph.nq", "old nq\n");
  spit(dir_ / "a.md", many_services(2 << 20) + "\n## Last\n\nSee [[Nowhere]].\n");
  Result r = run("build --strict -o " + (dir_ / "o").string() + " " + (dir_ / "a.md").string());
  EXPECT_EQ(r.code, 1);
  EXPECT_NE(r.err.find("[[Nowhere]] names no note or heading [dangling-wikilink]"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("nothing written"), std::string::npos) << r.err;
  EXPECT_EQ(slurp(dir_ / "o" / "graph.nt"), "old nt\n");
  EXPECT_EQ(slurp(dir_ / "o" / "graph.nq"), "old nq\n");
  std::size_t files = 0;
  for ([[maybe_unused]] const auto& entry : fs::directory_iterator(dir_ / "o")) ++files;
  EXPECT_EQ(files, 2u);
  // Without --strict the same input is built.
  r = run("build -q -o " + (dir_ / "o").string() + " " + (dir_ / "a.md").string());
  EXPECT_EQ(r.code, 0) << r.err;
  EXPECT_NE(slurp(dir_ / "o" / "graph.nt"), "old nt\n");
}

TEST_F(Cli, BinaryFileIsAnError) {
  std::string png("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16);
  spit(dir_ / "image.md", png);
  Result r = run("export -f nt " + (dir_ / "image.md").string());
  EXPECT_EQ(r.code, 1);
  EXPECT_NE(r.err.find("error:"), std::string::npos);
  EXPECT_EQ(r.out, "");
}

TEST_F(Cli, EmptyFileBuildsAnEmptyDocument) {
  spit(dir_ / "empty.md", "");
  Result r = run("export -f nt " + (dir_ / "empty.md").string());
  EXPECT_EQ(r.code, 0) << r.err;
  EXPECT_NE(r.err.find("empty.md:1:1: warning: empty notes file"), std::string::npos) << r.err;
  EXPECT_NE(r.out.find("https://w3id.org/notegraph/ns#Document"), std::string::npos);
}

TEST_F(Cli, UnclosedFenceIsAWarningUnlessStrict) {
  spit(dir_ / "fence.md", "# A\n\n```\ncode\n");
  Result r = run("export -f nt " + (dir_ / "fence.md").string());
  EXPECT_EQ(r.code, 0) << r.err;
  EXPECT_NE(r.err.find("fence.md:3:1: warning:"), std::string::npos) << r.err;
  EXPECT_EQ(run("export --strict -f nt " + (dir_ / "fence.md").string()).code, 1);
  EXPECT_EQ(run("export -q -f nt " + (dir_ / "fence.md").string()).err, "");
}

TEST_F(Cli, ParserLimitsAreOptionsWithUnits) {
  spit(dir_ / "big.md", "# Title\n\n" + std::string(3000, 'x') + "\n");
  Result refused = run("export -f nt --max-file-size 2KiB " + (dir_ / "big.md").string());
  EXPECT_EQ(refused.code, 1);
  EXPECT_NE(refused.err.find("big.md:1:1: error: file has 3010 bytes, more than the limit of 2048"), std::string::npos)
      << refused.err;
  EXPECT_EQ(run("export -f nt --max-file-size 4KiB " + (dir_ / "big.md").string()).code, 0);

  Result cut = run("export -f nt --max-line-size 1000 " + (dir_ / "big.md").string());
  EXPECT_EQ(cut.code, 0) << cut.err;
  EXPECT_NE(cut.err.find("big.md:3:1001: warning: line longer than 1000 bytes"), std::string::npos) << cut.err;

  spit(dir_ / "lists.md", "# T\n\n- a\n  - b\n    - c\n      - d\n");
  Result shallow = run("export -f nt --max-list-depth 2 " + (dir_ / "lists.md").string());
  EXPECT_EQ(shallow.code, 0) << shallow.err;
  EXPECT_NE(shallow.err.find("[nesting-too-deep]"), std::string::npos) << shallow.err;
  EXPECT_EQ(run("export -f nt --max-list-depth 4 " + (dir_ / "lists.md").string()).err, "");
  EXPECT_EQ(run("export -f nt --max-list-depth 0 " + (dir_ / "lists.md").string()).code, 2);
}

TEST_F(Cli, DeepNestingDoesNotCrash) {
  std::string lists, quotes;
  for (int i = 0; i < 10000; ++i) lists += std::string(static_cast<std::size_t>(i) * 2, ' ') + "- item\n";
  for (int i = 1; i <= 10000; ++i) quotes += std::string(static_cast<std::size_t>(i), '>') + " q\n";
  spit(dir_ / "lists.md", lists);
  spit(dir_ / "quotes.md", quotes);
  EXPECT_EQ(run("export -q -f nt " + (dir_ / "lists.md").string()).code, 0);
  EXPECT_EQ(run("export -q -f nt " + (dir_ / "quotes.md").string()).code, 0);
}

TEST_F(Cli, HundredMegabyteLineIsHandled) {
  {
    std::ofstream out(dir_ / "long.md", std::ios::binary);
    out << "# Long\n\n";
    std::string chunk(1 << 20, 'a');
    for (int i = 0; i < 100; ++i) out << chunk;
    out << "\n";
  }
  Result r = run("build -q -o " + dir_.string() + " " + (dir_ / "long.md").string());
  EXPECT_EQ(r.code, 0) << r.err;
  EXPECT_EQ(shell("serdi -q -i ntriples " + (dir_ / "graph.nt").string() + " >/dev/null"), 0);
}

TEST_F(Cli, SymlinkLoopInAFolderTerminates) {
  fs::create_directories(dir_ / "notes" / "sub");
  spit(dir_ / "notes" / "sub" / "a.md", "# A\n");
  fs::create_directory_symlink(dir_ / "notes", dir_ / "notes" / "sub" / "loop");
  Result r = run("export -f nt " + (dir_ / "notes").string());
  EXPECT_EQ(r.code, 0) << r.err;
  EXPECT_NE(r.out.find("doc/sub/a.md"), std::string::npos);
}

TEST_F(Cli, RealNotesBuildWithoutErrorsAndParse) {
  Result r = run("build -q -o " + dir_.string() + " " NG_TEST_DATA "/real-notes");
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_EQ(shell("rapper -q -i ntriples -c " + (dir_ / "graph.nt").string() + " 2>/dev/null"), 0);
  EXPECT_EQ(shell("serdi -q -i nquads " + (dir_ / "graph.nq").string() + " >/dev/null"), 0);
}

// Files are parsed on two threads; diagnostics and the graph still come in
// the order of the (sorted) inputs, and files mentioning each other's
// services link up as when read one by one.
TEST_F(Cli, ManyFilesParsedInParallelReportAndBuildInInputOrder) {
  fs::create_directories(dir_ / "notes");
  std::string expected_order;
  for (int i = 0; i < 60; ++i) {
    char name[32];
    std::snprintf(name, sizeof name, "n%02d.md", i);
    // An unclosed fence: one warning per file, at line 5.
    spit(dir_ / "notes" / name, "# Service " + std::to_string(i) + " (SV" + std::to_string(i) + ")\n\nUses SV" +
                                    std::to_string((i + 1) % 60) + ".\n\n```\ncode\n");
    expected_order += std::string(name) + ":5:1: warning:";
  }
  Result r = run("build -o " + (dir_ / "o").string() + " " + (dir_ / "notes").string());
  ASSERT_EQ(r.code, 0) << r.err;
  std::string order;
  for (std::size_t at = 0; (at = r.err.find("notes/n", at)) != std::string::npos; ++at)
    order += r.err.substr(at + 6, r.err.find(' ', at + 6) - at - 6 + 9);
  EXPECT_EQ(order, expected_order) << r.err;
  const std::string nt = slurp(dir_ / "o" / "graph.nt");
  EXPECT_NE(nt.find("<https://w3id.org/notegraph/notes/sv59> <https://w3id.org/notegraph/ns#mentions> "
                    "<https://w3id.org/notegraph/notes/sv0> ."),
            std::string::npos);
  // And again: the same bytes.
  ASSERT_EQ(run("build -q -o " + (dir_ / "p").string() + " " + (dir_ / "notes").string()).code, 0);
  EXPECT_EQ(slurp(dir_ / "p" / "graph.nq"), slurp(dir_ / "o" / "graph.nq"));
}

// build writes its files during extraction, a window of entities at a time;
// export writes them from the finished store: the same bytes, over many
// windows on two threads, and on the seed and the real notes.
TEST_F(Cli, BuildWritesWhatExportWrites) {
  spit(dir_ / "big.md", many_services(2 << 20));
  for (const std::string& input : {(dir_ / "big.md").string(), std::string(NG_TEST_DATA)}) {
    ASSERT_EQ(run("build -q -o " + (dir_ / "o").string() + " " + input).code, 0) << input;
    const Result nt = run("export -q -f nt " + input), nq = run("export -q -f nq " + input);
    ASSERT_EQ(nt.code, 0);
    ASSERT_EQ(nq.code, 0);
    EXPECT_EQ(slurp(dir_ / "o" / "graph.nt"), nt.out) << input;
    EXPECT_EQ(slurp(dir_ / "o" / "graph.nq"), nq.out) << input;
    EXPECT_GT(count_lines(nq.out), input == std::string(NG_TEST_DATA) ? 1000u : 100000u);
  }
}

// An entity whose IRI the vocabulary took first has a smaller id than the
// entities before it: a window cannot follow the last in S,P,O,G order, so
// build gives up writing as it goes and writes the finished store.
TEST_F(Cli, BuildWritesTheFinishedStoreWhenIdsDoNotRiseWithTheEntities) {
  spit(dir_ / "big.md", many_services(2 << 20, "label"));
  const std::string base = "--base http://www.w3.org/2000/01/rdf-schema# ";
  ASSERT_EQ(run("build -q " + base + "-o " + (dir_ / "o").string() + " " + (dir_ / "big.md").string()).code, 0);
  const Result nq = run("export -q -f nq " + base + (dir_ / "big.md").string());
  ASSERT_EQ(nq.code, 0);
  EXPECT_EQ(slurp(dir_ / "o" / "graph.nq"), nq.out);
  EXPECT_NE(nq.out.find("<http://www.w3.org/2000/01/rdf-schema#label> <http://www.w3.org/2000/01/rdf-schema#label> "
                        "\"label\""),
            std::string::npos);
  std::size_t files = 0;
  for ([[maybe_unused]] const auto& entry : fs::directory_iterator(dir_ / "o")) ++files;
  EXPECT_EQ(files, 2u);  // graph.nt and graph.nq, no temporary file left
}

TEST_F(Cli, SameInputGivesByteIdenticalOutput) {
  ASSERT_EQ(run("build -q -o " + (dir_ / "a").string() + " " NG_TEST_DATA).code, 0);
  ASSERT_EQ(run("build -q -o " + (dir_ / "b").string() + " " NG_TEST_DATA).code, 0);
  EXPECT_EQ(slurp(dir_ / "a" / "graph.nq"), slurp(dir_ / "b" / "graph.nq"));
}
