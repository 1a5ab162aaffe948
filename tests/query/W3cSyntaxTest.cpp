// The W3C SPARQL 1.0 / 1.1 query files (copied into data/w3c: good/ are the
// queries of evaluation and positive syntax tests, bad/ the negative syntax
// tests) through the parser; reports how many parse and names the failures.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "query/sparql.hpp"

namespace ng::query {
namespace {

namespace fs = std::filesystem;

std::vector<fs::path> queries(const std::string& folder) {
  std::vector<fs::path> files;
  for (const auto& entry : fs::directory_iterator(fs::path(NG_QUERY_TEST_DATA) / "w3c" / folder))
    files.push_back(entry.path());
  std::sort(files.begin(), files.end());
  return files;
}

bool parses(const fs::path& file, std::string& message) {
  std::ifstream in(file);
  std::stringstream text;
  text << in.rdbuf();
  diag::Diagnostics diags;
  ParseOptions options;
  options.base = "http://example.org/base/";
  ParsedQuery q = parse_query(text.str(), options, diags);
  if (!q.ok() && !diags.items().empty()) {
    const auto& d = diags.items()[0];
    message = std::to_string(d.where.line) + ":" + std::to_string(d.where.column) + ": " + d.kind + ": " + d.message;
  }
  return q.ok();
}

TEST(W3cSyntaxTest, EvaluationAndPositiveQueriesParse) {
  std::size_t ok = 0;
  std::vector<fs::path> files = queries("good");
  for (const fs::path& f : files) {
    std::string message;
    if (parses(f, message)) ++ok;
    else ADD_FAILURE() << f.filename().string() << ": " << message;
  }
  std::cout << "[ W3C good ] " << ok << " of " << files.size() << " parse\n";
  RecordProperty("parsed", static_cast<int>(ok));
}

TEST(W3cSyntaxTest, NegativeSyntaxQueriesAreRejected) {
  std::size_t rejected = 0;
  std::vector<fs::path> files = queries("bad");
  for (const fs::path& f : files) {
    std::string message;
    if (!parses(f, message)) ++rejected;
    else ADD_FAILURE() << f.filename().string() << " was accepted";
  }
  std::cout << "[ W3C bad ] " << rejected << " of " << files.size() << " rejected\n";
}

}  // namespace
}  // namespace ng::query
