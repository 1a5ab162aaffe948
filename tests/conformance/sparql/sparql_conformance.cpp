// Runs the W3C SPARQL query test suites copied into tests/conformance/sparql:
// walks each folder's manifest.ttl (read with our Turtle reader, in
// mf:entries order), builds the dataset, runs the query and compares with the
// expected results. Skips come from skips.txt, expected failures from
// known_failures.txt; prints a per-folder table and "N passed, N failed, N
// skipped", and exits non-zero on a failure not listed or a listed one passing.
// RDF/XML data and results (.rdf) are converted to N-Triples by rapper, an
// independent reader; numeric literals compare by value within their datatype
// (solution_compare.cpp says why).
#include <cstdio>
#include <cstdlib>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "collecting_sink.hpp"
#include "diag/source_file.hpp"
#include "expected_results.hpp"
#include "graph_isomorphism.hpp"
#include "query/algebra.hpp"
#include "query/results/expected_results.hpp"
#include "query/results/write_results.hpp"
#include "query/sparql.hpp"
#include "rdfio/store_loader.hpp"

namespace {

using namespace ng;
using namespace ng::sparql_conformance;

const std::string kRdf = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
const std::string kMf = "http://www.w3.org/2001/sw/DataAccess/tests/test-manifest#";
const std::string kQt = "http://www.w3.org/2001/sw/DataAccess/tests/test-query#";

// The suites' historical homes, so relative IRIs resolve as upstream intends.
const std::map<std::string, std::string> kHomes = {
    {"sparql10", "http://www.w3.org/2001/sw/DataAccess/tests/data-r2/"},
    {"sparql11", "http://www.w3.org/2009/sparql/docs/tests/data-sparql11/"}};

// The in-scope folders. sparql10/reduced and sparql10/cast are in scope but
// were not copied into ../shared/conformance (see its README), so they are
// absent here; casts are exercised by sparql11/functions and expr-ops.
const std::vector<std::string> kFolders = {"sparql10/basic",         "sparql10/triple-match",
                                           "sparql10/optional",      "sparql10/optional-filter",
                                           "sparql10/algebra",       "sparql10/bound",
                                           "sparql10/expr-builtin",  "sparql10/expr-equals",
                                           "sparql10/expr-ops",      "sparql10/boolean-effective-value",
                                           "sparql10/open-world",    "sparql10/regex",
                                           "sparql10/i18n",          "sparql10/distinct",
                                           "sparql10/sort",          "sparql10/solution-seq",
                                           "sparql10/construct",     "sparql10/ask",
                                           "sparql11/aggregates",    "sparql11/grouping",
                                           "sparql11/bind",          "sparql11/bindings",
                                           "sparql11/negation",      "sparql11/exists",
                                           "sparql11/property-path", "sparql11/subquery",
                                           "sparql11/functions",     "sparql11/project-expression",
                                           "sparql11/construct",     "sparql11/csv-tsv-res",
                                           "sparql11/json-res"};

// "folder/test  reason" lines; '#' starts a comment line.
std::map<std::string, std::string> read_reasons(const std::string& path) {
  std::map<std::string, std::string> out;
  std::string text;
  diag::Diagnostics diags;
  if (!diag::read_source(path, text, diags)) return out;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) {
    if (line.empty() || line[0] == '#') continue;
    const auto space = line.find_first_of(" \t");
    const auto reason = line.find_first_not_of(" \t", space);
    out[line.substr(0, space)] = reason == std::string::npos ? "" : line.substr(reason);
  }
  return out;
}

class Manifest {
 public:
  explicit Manifest(const std::vector<TermTriple>& triples) {
    for (const auto& t : triples) objects_[{key(t[0]), t[1].value}].push_back(t[2]);
  }
  std::vector<model::Term> all(const model::Term& s, const std::string& p) const {
    const auto it = objects_.find({key(s), p});
    return it == objects_.end() ? std::vector<model::Term>{} : it->second;
  }
  std::optional<model::Term> one(const model::Term& s, const std::string& p) const {
    const auto v = all(s, p);
    return v.empty() ? std::nullopt : std::optional<model::Term>(v.front());
  }
  // The subject typed mf:Manifest (an IRI or a blank node).
  std::optional<model::Term> manifest_node(const std::vector<TermTriple>& triples) const {
    for (const auto& t : triples)
      if (t[1].value == kRdf + "type" && t[2].value == kMf + "Manifest") return t[0];
    return std::nullopt;
  }
  std::vector<model::Term> list(std::optional<model::Term> head) const {
    std::vector<model::Term> items;
    while (head && head->value != kRdf + "nil") {
      if (auto item = one(*head, kRdf + "first")) items.push_back(*item);
      head = one(*head, kRdf + "rest");
    }
    return items;
  }

 private:
  static std::string key(const model::Term& t) { return (t.kind == model::TermKind::iri ? "<" : "_") + t.value; }
  std::map<std::pair<std::string, std::string>, std::vector<model::Term>> objects_;
};

std::string first_error(const diag::Diagnostics& diags) {
  for (const auto& d : diags.items())
    if (d.severity == diag::Severity::error)
      return d.kind + " " + std::to_string(d.where.line) + ":" + std::to_string(d.where.column) + ": " + d.message;
  return "no diagnostic";
}

// Puts every statement of a document into one named graph.
class NamedGraphSink : public rdfio::StatementSink {
 public:
  NamedGraphSink(rdfio::StatementSink& next, std::string graph) : next_(next), graph_(std::move(graph)) {}
  void statement(const rdfio::TermView& s, const rdfio::TermView& p, const rdfio::TermView& o, const rdfio::TermView*,
                 std::uint32_t line) override {
    const rdfio::TermView g{model::TermKind::iri, graph_, {}, {}};
    next_.statement(s, p, o, &g, line);
  }

 private:
  rdfio::StatementSink& next_;
  std::string graph_;
};

struct Folder {
  std::string dir;   // local directory
  std::string home;  // its IRI, ending in '/'
  std::string path_of(const std::string& iri) const {
    return iri.starts_with(home) ? dir + "/" + iri.substr(home.size()) : std::string();
  }
};

// Loads one file into the store; named when graph is non-empty.
std::string load(const Folder& f, const std::string& iri, const std::string& graph, store::TripleStore& store) {
  const std::string path = f.path_of(iri);
  std::string text;
  diag::Diagnostics diags;
  if (path.empty() || !diag::read_source(path, text, diags)) return "cannot read " + iri;
  std::string conversion_error;
  if (path.ends_with(".rdf") && !rdfxml_to_ntriples(path, iri, text, conversion_error)) return conversion_error;
  rdfio::ReadOptions options;
  options.file_name = path;
  options.base_iri = iri;
  rdfio::StoreLoader loader(store, store.add_file(path));
  NamedGraphSink named(loader, graph);
  const bool ntriples = path.ends_with(".nt") || path.ends_with(".rdf");
  rdfio::read_graph(text, ntriples ? rdfio::GraphSyntax::ntriples : rdfio::GraphSyntax::turtle, options,
                    graph.empty() ? static_cast<rdfio::StatementSink&>(loader) : named, diags);
  return diags.has_errors() ? "data " + iri + ": " + first_error(diags) : "";
}

query::ParsedQuery parse(const Folder& f, const std::string& iri, std::string& error) {
  std::string text;
  diag::Diagnostics diags;
  if (!diag::read_source(f.path_of(iri), text, diags)) {
    error = "cannot read " + iri;
    return {};
  }
  query::ParseOptions options;
  options.file = f.path_of(iri);
  options.base = iri;
  auto parsed = query::parse_query(text, options, diags);
  if (!parsed.ok()) error = "parse error: " + first_error(diags);
  return parsed;
}

// The projected variables the query's top-level ORDER BY reads, in order.
std::vector<std::string> order_keys(const query::Query& q) {
  std::vector<std::string> keys;
  for (const auto& c : q.select.order_by) {
    std::vector<query::VarId> vars;
    query::collect_expr_vars(c.expr, vars);
    for (auto v : vars)
      if (!query::is_hidden(q.var_names[v])) keys.push_back(q.var_names[v]);
  }
  return keys;
}

Solutions solutions_of(const query::QueryResult& r, const store::Dictionary& dict) {
  Solutions s;
  s.variables = r.table.variables;
  for (std::size_t i = 0; i < r.table.row_count(); ++i) {
    Row row;
    for (std::size_t c = 0; c < r.table.width(); ++c) {
      const auto id = r.table.at(i, c);
      row.push_back(id == store::kNoTerm ? std::nullopt : std::optional<model::Term>(normalized(dict.term(id).to_term())));
    }
    s.rows.push_back(std::move(row));
  }
  return s;
}

// CSV keeps no datatypes: compare our CSV text with the expected one, both
// read back the same way.
std::string compare_csv(const query::QueryResult& r, const store::Dictionary& dict, const std::string& expected_path) {
  std::ostringstream ours;
  query::results::write_results(r, dict, query::results::ResultFormat::csv, ours);
  std::string text;
  diag::Diagnostics diags;
  if (!diag::read_source(expected_path, text, diags)) return "cannot read " + expected_path;
  const auto expected = query::results::read_csv_results(text, expected_path, diags);
  const auto actual = query::results::read_csv_results(ours.str(), "<ours>", diags);
  if (!expected || !actual) return "csv unreadable: " + first_error(diags);
  Solutions e{expected->variables, {}}, a{actual->variables, {}};
  for (const auto& row : expected->rows) e.rows.push_back(row);
  for (const auto& row : actual->rows) a.rows.push_back(row);
  return compare_solutions(e, a, {});
}

std::string run_evaluation(const Folder& f, const Manifest& m, const model::Term& test, bool csv_format) {
  const auto action = m.one(test, kMf + "action");
  const auto result = m.one(test, kMf + "result");
  if (!action || !result) return "manifest entry without action or result";
  const auto query_iri = m.one(*action, kQt + "query");
  if (!query_iri) return "no qt:query";
  store::TripleStore store;
  for (const auto& d : m.all(*action, kQt + "data"))
    if (auto why = load(f, d.value, "", store); !why.empty()) return why;
  for (const auto& g : m.all(*action, kQt + "graphData"))
    if (auto why = load(f, g.value, g.value, store); !why.empty()) return why;
  store.freeze();
  std::string error;
  const auto parsed = parse(f, query_iri->value, error);
  if (!parsed.ok()) return error;
  diag::Diagnostics diags;
  query::EvalOptions options;
  options.timeout = 20;
  const auto answer = query::evaluate(parsed, store, options, diags);
  if (diags.has_errors()) return "evaluation: " + first_error(diags);
  const std::string expected_path = f.path_of(result->value);
  if (csv_format) return compare_csv(answer, store.dictionary(), expected_path);
  const auto expected = read_expected(expected_path, result->value, error);
  if (!expected) return "expected result unreadable: " + error;
  switch (expected->kind) {
    case Expected::Kind::boolean:
      if (answer.form != query::QueryForm::ask) return "expected a boolean";
      return answer.boolean == expected->boolean ? "" : "expected " + std::string(expected->boolean ? "true" : "false");
    case Expected::Kind::graph: {
      if (answer.form != query::QueryForm::construct && answer.form != query::QueryForm::describe)
        return "expected a graph";
      std::vector<rdfio::testing::TermTriple> got, want(expected->graph.begin(), expected->graph.end());
      const auto& dict = store.dictionary();
      for (const auto& q : answer.triples) got.push_back({dict.term(q.s).to_term(), dict.term(q.p).to_term(), normalized(dict.term(q.o).to_term())});
      return rdfio::testing::isomorphic(want, got) ? ""
                                                   : "graph differs: " + std::to_string(want.size()) +
                                                         " triples expected, " + std::to_string(got.size()) + " got";
    }
    case Expected::Kind::solutions:
      break;
  }
  if (answer.form != query::QueryForm::select) return "expected solutions";
  const bool ordered = answer.ordered && expected->ordered;
  return compare_solutions(expected->solutions, solutions_of(answer, store.dictionary()),
                           ordered ? order_keys(parsed.query()) : std::vector<std::string>{});
}

std::string run_syntax(const Folder& f, const Manifest& m, const model::Term& test, bool positive) {
  const auto action = m.one(test, kMf + "action");
  if (!action) return "no action";
  std::string error;
  const auto parsed = parse(f, action->value, error);
  if (positive) return parsed.ok() ? "" : error;
  return parsed.ok() ? "accepted a query that must be rejected" : "";
}

struct Counts {
  int passed = 0, failed = 0, known = 0, skipped = 0;
};

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: sparql_conformance TESTS_CONFORMANCE_SPARQL_DIR\n");
    return 2;
  }
  const std::string root = argv[1];
  const auto skips = read_reasons(root + "/skips.txt");
  const auto known = read_reasons(root + "/known_failures.txt");
  std::vector<std::pair<std::string, Counts>> table;
  std::vector<std::string> failures, fixed;
  std::set<std::string> seen;
  for (const auto& folder_name : kFolders) {
    const std::string suite = folder_name.substr(0, folder_name.find('/'));
    const Folder f{root + "/" + folder_name, kHomes.at(suite) + folder_name.substr(suite.size() + 1) + "/"};
    Counts counts;
    std::string error;
    const auto triples = read_turtle_triples(f.dir + "/manifest.ttl", f.home + "manifest.ttl", error);
    const Manifest m(triples);
    const auto manifest_node = m.manifest_node(triples);
    const auto entries = manifest_node ? m.list(m.one(*manifest_node, kMf + "entries")) : std::vector<model::Term>{};
    if (!error.empty() || entries.empty()) {
      failures.push_back(folder_name + ": manifest unreadable: " + error);
      ++counts.failed;
    }
    for (const auto& test : entries) {
      const auto hash = test.value.rfind('#');
      const std::string id = folder_name + "/" + test.value.substr(hash == std::string::npos ? 0 : hash + 1);
      seen.insert(id);
      if (skips.count(id)) {
        ++counts.skipped;
        continue;
      }
      const auto type = m.one(test, kRdf + "type");
      const std::string type_name = type ? type->value.substr(type->value.rfind('#') + 1) : "";
      std::string why;
      if (type_name == "QueryEvaluationTest" || type_name == "CSVResultFormatTest") {
        why = run_evaluation(f, m, test, type_name == "CSVResultFormatTest");
      } else if (type_name == "PositiveSyntaxTest11" || type_name == "NegativeSyntaxTest11") {
        why = run_syntax(f, m, test, type_name == "PositiveSyntaxTest11");
      } else {
        why = "test type " + type_name + " not run (add it to skips.txt)";
      }
      const bool expected_to_fail = known.count(id) != 0;
      if (why.empty()) {
        ++counts.passed;
        if (expected_to_fail) fixed.push_back(id);
      } else {
        ++counts.failed;
        if (expected_to_fail)
          ++counts.known;
        else
          failures.push_back(id + ": " + why);
        if (expected_to_fail && std::getenv("SPARQL_CONFORMANCE_VERBOSE"))
          std::printf("XFAIL %s: %s\n", id.c_str(), why.c_str());
      }
    }
    table.emplace_back(folder_name, counts);
  }
  Counts total;
  std::printf("%-34s %7s %7s %7s %7s\n", "category", "passed", "failed", "(known)", "skipped");
  for (const auto& [name, c] : table) {
    std::printf("%-34s %7d %7d %7d %7d\n", name.c_str(), c.passed, c.failed, c.known, c.skipped);
    total.passed += c.passed;
    total.failed += c.failed;
    total.known += c.known;
    total.skipped += c.skipped;
  }
  std::printf("%-34s %7d %7d %7d %7d\n", "total", total.passed, total.failed, total.known, total.skipped);
  for (const auto& line : failures) std::printf("FAIL %s\n", line.c_str());
  for (const auto& id : fixed) std::printf("FIXED %s: passes now; remove it from known_failures.txt\n", id.c_str());
  for (const auto& [id, _] : known)
    if (!seen.count(id)) std::printf("STALE %s: in known_failures.txt but not a test\n", id.c_str());
  std::printf("known failures: %d\n", total.known);
  std::printf("%d passed, %d failed, %d skipped\n", total.passed, total.failed, total.skipped);
  return failures.empty() && fixed.empty() && total.passed > 0 ? 0 : 1;
}
