// notegraph query end to end: graph sources (notes, -g .nt/.nq/.ttl), query
// sources (argument, -f, stdin), every results format on the seed, exit codes,
// the syntax error's position and caret, the resource limits and --explain.
#include <chrono>

#include "notegraph_runner.hpp"

namespace fs = std::filesystem;

namespace {

const std::string kSeed = NG_TEST_DATA "/aws-overview.ko.md";
const std::string kCountServices = "'SELECT (COUNT(?s) AS ?n) WHERE { ?s a ng:Service }'";
// Every triple of the seed joined with every triple twice more: ~6e8 rows.
const std::string kCubeOfTheGraph = "'SELECT * WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }'";

using ng::cli_test::Outcome;

class QueryCli : public ng::cli_test::NotegraphRunner {
 protected:
  QueryCli() : NotegraphRunner("notegraph-query") {}

  static std::string read(const fs::path& p) { return ng::cli_test::read_file(p); }
  // The seed exported in `format` (nt, nq, ttl) to a file of that extension.
  std::string seed_as(const std::string& format) {
    fs::path file = dir_ / ("seed." + format);
    Outcome r = notegraph("export -f " + format + " -o " + file.string() + " " + kSeed);
    EXPECT_EQ(r.code, 0) << r.err;
    return file.string();
  }
};

TEST_F(QueryCli, CountsTheSeedServicesAsTsvWhenStdoutIsNotATerminal) {
  Outcome r = notegraph("query " + kSeed + " " + kCountServices);
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_EQ(r.out, "?n\n85\n");
}

TEST_F(QueryCli, PrintsATableWhenStdoutIsATerminal) {
  if (std::system("command -v script >/dev/null") != 0) GTEST_SKIP() << "util-linux 'script' is missing";
  // script(1) runs the command on a pseudo-terminal; its output uses CR LF.
  std::string cmd = "script -qec \"" + std::string(NOTEGRAPH) + " query " + kSeed + " " + kCountServices +
                    "\" /dev/null >" + (dir_ / "tty").string();
  ASSERT_EQ(std::system(cmd.c_str()), 0);
  EXPECT_EQ(read(dir_ / "tty"), "| ?n |\r\n|----|\r\n| 85 |\r\n1 row\r\n");
}

TEST_F(QueryCli, AskPrintsTrueOrFalseByDefault) {
  Outcome yes = notegraph("query " + kSeed + " 'ASK { :lambda a ng:Service }'");
  ASSERT_EQ(yes.code, 0) << yes.err;
  EXPECT_EQ(yes.out, "true\n");
  Outcome no = notegraph("query " + kSeed + " 'ASK { :lambda a ng:Category }'");
  ASSERT_EQ(no.code, 0) << no.err;
  EXPECT_EQ(no.out, "false\n");
}

TEST_F(QueryCli, ReadsTheQueryFromStdinWhenNoneIsGiven) {
  Outcome r = notegraph("query " + kSeed, "SELECT (COUNT(?s) AS ?n) WHERE { ?s a ng:Service }");
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_EQ(r.out, "?n\n85\n");
}

TEST_F(QueryCli, ReadsTheQueryFromAFile) {
  fs::path q = write("q.rq", "SELECT (COUNT(?s) AS ?n)\nWHERE { ?s a ng:Service }\n");
  Outcome r = notegraph("query " + kSeed + " -f " + q.string());
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_EQ(r.out, "?n\n85\n");
}

TEST_F(QueryCli, LoadsNTriplesNQuadsAndTurtleGraphFiles) {
  for (const std::string format : {"nt", "nq", "ttl"}) {
    Outcome r = notegraph("query -g " + seed_as(format) + " " + kCountServices);
    ASSERT_EQ(r.code, 0) << format << ": " << r.err;
    EXPECT_EQ(r.out, "?n\n85\n") << format;
  }
}

TEST_F(QueryCli, LoadsSeveralGraphFilesAndForcesTheSyntax) {
  fs::path renamed = dir_ / "seed.txt";
  fs::copy_file(seed_as("nt"), renamed);
  Outcome r = notegraph("query -g " + renamed.string() + " -g " + seed_as("ttl") +
                        " --graph-format nt 'SELECT (COUNT(*) AS ?n) WHERE { ?s a ng:Service }'");
  EXPECT_EQ(r.code, 1) << "the Turtle file is not N-Triples";
  r = notegraph("query -g " + renamed.string() + " -g " + seed_as("nq") + " --graph-format nq " + kCountServices);
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_EQ(r.out, "?n\n85\n");
}

TEST_F(QueryCli, NamedGraphsOfNQuadsAreQueryableWithGraph) {
  Outcome r = notegraph("query -g " + seed_as("nq") + " 'SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }'");
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_EQ(r.out, "?g\n<https://w3id.org/notegraph/notes/doc/aws-overview.ko.md>\n");
}

TEST_F(QueryCli, WritesEachSelectResultsFormat) {
  const std::string q = "'SELECT ?name WHERE { :lambda rdfs:label ?name } ORDER BY ?name LIMIT 1'";
  struct Case {
    std::string format, expected;
  } cases[] = {
      {"tsv", "?name\n\"AWS Lambda\"\n"},
      {"csv", "name\r\nAWS Lambda\r\n"},
      {"json",
       R"({"head":{"vars":["name"]},"results":{"bindings":[{"name":{"type":"literal","value":"AWS Lambda"}}]}})"},
      {"xml", "<literal>AWS Lambda</literal>"},
      {"table", "AWS Lambda"},
  };
  for (const Case& c : cases) {
    Outcome r = notegraph("query " + kSeed + " --results " + c.format + " " + q);
    ASSERT_EQ(r.code, 0) << c.format << ": " << r.err;
    EXPECT_NE(r.out.find(c.expected), std::string::npos) << c.format << ":\n" << r.out;
  }
}

TEST_F(QueryCli, AskAnswersInJsonAndXml) {
  Outcome r = notegraph("query " + kSeed + " --results json 'ASK { :lambda a ng:Service }'");
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_NE(r.out.find("\"boolean\":true"), std::string::npos) << r.out;
  r = notegraph("query " + kSeed + " --results xml 'ASK { :lambda a ng:Category }'");
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_NE(r.out.find("<boolean>false</boolean>"), std::string::npos) << r.out;
}

TEST_F(QueryCli, ConstructPrintsNTriplesByDefaultAndNQuadsOnRequest) {
  const std::string q = "'CONSTRUCT { ?s a ng:Thing } WHERE { ?s a ng:Service }'";
  Outcome r = notegraph("query " + kSeed + " " + q);
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_EQ(std::count(r.out.begin(), r.out.end(), '\n'), 85);
  EXPECT_NE(r.out.find("<https://w3id.org/notegraph/notes/lambda> "
                       "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <https://w3id.org/notegraph/ns#Thing> .\n"),
            std::string::npos)
      << r.out;
  EXPECT_EQ(notegraph("query " + kSeed + " --results nq " + q).code, 0);
}

TEST_F(QueryCli, AResultsFormatThatDoesNotFitTheQueryFormIsAUsageError) {
  Outcome r = notegraph("query " + kSeed + " --results nt " + kCountServices);
  EXPECT_EQ(r.code, 2);
  EXPECT_NE(r.err.find("--results nt does not fit a SELECT query"), std::string::npos) << r.err;
}

TEST_F(QueryCli, UsageErrorsExitWithTwo) {
  EXPECT_EQ(notegraph("query --no-such-option " + kSeed + " " + kCountServices).code, 2);
  EXPECT_EQ(notegraph("query " + kCountServices).code, 2) << "no graph";
  EXPECT_EQ(notegraph("query -g " + seed_as("nt") + " " + kSeed + " " + kCountServices).code, 2) << "both sources";
  EXPECT_EQ(notegraph("query --results yaml " + kSeed + " " + kCountServices).code, 2);
}

TEST_F(QueryCli, ASyntaxErrorNamesTheFileLineAndColumnWithACaret) {
  fs::path q = write("bad.rq", "SELECT ?s\nWHERE { ?s ?p }\n");
  Outcome r = notegraph("query " + kSeed + " -f " + q.string());
  EXPECT_EQ(r.code, 1);
  EXPECT_NE(r.err.find(q.string() + ":2:15: error: expected a variable, IRI, literal or blank node but found '}'"),
            std::string::npos)
      << r.err;
  EXPECT_NE(r.err.find("  WHERE { ?s ?p }\n                ^\n"), std::string::npos) << r.err;
}

TEST_F(QueryCli, AnInlineQueryIsNamedQueryInDiagnostics) {
  Outcome r = notegraph("query " + kSeed + " 'SELECT ?s WHERE { ?s a foo:Service }'");
  EXPECT_EQ(r.code, 1);
  EXPECT_NE(r.err.find("<query>:1:24: error: unknown prefix 'foo:'"), std::string::npos) << r.err;
}

TEST_F(QueryCli, AnUnreadableGraphFileIsAnInputError) {
  fs::path bad = write("bad.nt", "<a> <b> .\n");
  Outcome r = notegraph("query -g " + bad.string() + " " + kCountServices);
  EXPECT_EQ(r.code, 1);
  EXPECT_NE(r.err.find(bad.string() + ":1:"), std::string::npos) << r.err;
}

TEST_F(QueryCli, TimeoutStopsACartesianProductOfTheGraphWithinOneAndAHalfTimesIt) {
  // The timeout bounds the query, not the process: take off what starting
  // and loading take (the same run with a query that returns at once), which
  // a loaded machine or the sanitizers stretch.
  const std::string graph = seed_as("nt");
  auto start = std::chrono::steady_clock::now();
  notegraph("query -g " + graph + " 'ASK { ?s ?p ?o }'");
  const double load = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  start = std::chrono::steady_clock::now();
  Outcome r = notegraph("query -g " + graph + " --timeout 1 " + kCubeOfTheGraph);
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  EXPECT_EQ(r.code, 1);
  EXPECT_LT(seconds - load, 1.5) << "total " << seconds << " s, start and load " << load << " s";
  EXPECT_EQ(r.out, "");
  EXPECT_NE(r.err.find("query stopped: it ran longer than --timeout 1 s"), std::string::npos) << r.err;
}

TEST_F(QueryCli, MaxRowsStopsACartesianProductOfTheGraph) {
  Outcome r = notegraph("query " + kSeed + " --max-rows 10000 " + kCubeOfTheGraph);
  EXPECT_EQ(r.code, 1);
  EXPECT_EQ(r.out, "");
  EXPECT_NE(r.err.find("query stopped: a result or intermediate table exceeded --max-rows 10000 rows"),
            std::string::npos)
      << r.err;
}

TEST_F(QueryCli, MaxMemoryStopsACartesianProductOfTheGraphAndNamesItself) {
  Outcome r = notegraph("query " + kSeed + " --max-memory 1MiB " + kCubeOfTheGraph);
  EXPECT_EQ(r.code, 1);
  EXPECT_EQ(r.out, "");
  EXPECT_NE(r.err.find("query stopped: intermediate results would exceed 1 MiB (--max-memory)"), std::string::npos)
      << r.err;
  // A ceiling above what the query needs changes nothing.
  Outcome fits = notegraph("query " + kSeed + " --max-memory 64MiB " + kCountServices);
  ASSERT_EQ(fits.code, 0) << fits.err;
  EXPECT_EQ(fits.out, "?n\n85\n");
}

TEST_F(QueryCli, MaxQueryDepthSetsTheNestingLimit) {
  const std::string nested = "'SELECT * WHERE { { { { ?s ?p ?o } } } }'";
  Outcome refused = notegraph("query " + kSeed + " --max-query-depth 3 " + nested);
  EXPECT_EQ(refused.code, 1);
  EXPECT_NE(refused.err.find("nesting too deep (more than 3 levels)"), std::string::npos) << refused.err;
  EXPECT_NE(refused.err.find("[nesting-too-deep]"), std::string::npos) << refused.err;
  EXPECT_EQ(notegraph("query " + kSeed + " --max-query-depth 4 " + nested).code, 0);
  EXPECT_EQ(notegraph("query " + kSeed + " --max-query-depth 0 " + nested).code, 2);  // a usage error
}

TEST_F(QueryCli, MaxRowsAboveTheResultSizeChangesNothing) {
  Outcome r = notegraph("query " + kSeed + " --max-rows 100000 " + kCountServices);
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_EQ(r.out, "?n\n85\n");
}

TEST_F(QueryCli, ExplainPrintsThePlanWithEstimatedAndRealRows) {
  Outcome r = notegraph("query " + kSeed + " --explain 'SELECT ?s WHERE { ?s a ng:Service ; ng:mentions ?o }'");
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_NE(r.out.find("Scan ?s <https://w3id.org/notegraph/ns#mentions> ?o  est=46  rows=46\n"), std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("result rows=40\n"), std::string::npos) << r.out;
}

TEST_F(QueryCli, StatsGoToStderr) {
  Outcome r = notegraph("query --stats " + kSeed + " " + kCountServices);
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_EQ(r.out, "?n\n85\n");
  EXPECT_NE(r.err.find("notegraph: stats: load "), std::string::npos) << r.err;
}

}  // namespace
