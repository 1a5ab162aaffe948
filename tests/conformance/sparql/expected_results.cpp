// Reading expected results: the W3C result documents through
// query/results' readers, and Turtle files as rs:ResultSet graphs (the DAWG
// result-set vocabulary) or as plain CONSTRUCT graphs.
#include "expected_results.hpp"

#include <sys/wait.h>

#include <algorithm>
#include <cstdio>
#include <map>

#include "collecting_sink.hpp"
#include "diag/source_file.hpp"
#include "query/results/expected_results.hpp"
#include "rdfio/turtle_reader.hpp"

namespace ng::sparql_conformance {

namespace {

const std::string kRdfType = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type";
const std::string kRs = "http://www.w3.org/2001/sw/DataAccess/tests/result-set#";

std::string first_error(const diag::Diagnostics& diags) {
  if (diags.items().empty()) return "no diagnostic";
  const auto& d = diags.items().front();
  return d.file + ":" + std::to_string(d.where.line) + ":" + std::to_string(d.where.column) + ": " + d.message;
}

std::string node_key(const model::Term& t) { return (t.kind == model::TermKind::iri ? "<" : "_") + t.value; }

// A result set described in RDF, as triples indexed by subject.
class ResultGraph {
 public:
  explicit ResultGraph(const std::vector<TermTriple>& triples) {
    for (const auto& t : triples) by_subject_[node_key(t[0])].emplace_back(t[1].value, t[2]);
  }
  std::vector<model::Term> objects(const model::Term& s, const std::string& p) const {
    std::vector<model::Term> out;
    const auto it = by_subject_.find(node_key(s));
    if (it == by_subject_.end()) return out;
    for (const auto& [pred, o] : it->second)
      if (pred == p) out.push_back(o);
    return out;
  }
  std::optional<model::Term> result_set(const std::vector<TermTriple>& triples) const {
    for (const auto& t : triples)
      if (t[1].value == kRdfType && t[2].value == kRs + "ResultSet") return t[0];
    return std::nullopt;
  }

 private:
  std::map<std::string, std::vector<std::pair<std::string, model::Term>>> by_subject_;
};

Expected from_result_graph(const ResultGraph& g, const model::Term& set) {
  Expected e;
  if (const auto b = g.objects(set, kRs + "boolean"); !b.empty()) {
    e.kind = Expected::Kind::boolean;
    e.boolean = b.front().value == "true";
    return e;
  }
  for (const auto& v : g.objects(set, kRs + "resultVariable")) e.solutions.variables.push_back(v.value);
  std::vector<std::pair<long, Row>> indexed;
  e.ordered = false;
  for (const auto& solution : g.objects(set, kRs + "solution")) {
    Row row(e.solutions.variables.size());
    for (const auto& binding : g.objects(solution, kRs + "binding")) {
      const auto var = g.objects(binding, kRs + "variable");
      const auto value = g.objects(binding, kRs + "value");
      if (var.empty() || value.empty()) continue;
      const auto at = std::find(e.solutions.variables.begin(), e.solutions.variables.end(), var.front().value);
      if (at == e.solutions.variables.end()) {
        e.solutions.variables.push_back(var.front().value);
        for (auto& [_, r] : indexed) r.emplace_back();
        row.emplace_back(value.front());
      } else {
        row[static_cast<std::size_t>(at - e.solutions.variables.begin())] = value.front();
      }
    }
    const auto index = g.objects(solution, kRs + "index");
    if (!index.empty()) e.ordered = true;
    indexed.emplace_back(index.empty() ? 0 : std::stol(index.front().value), std::move(row));
  }
  std::stable_sort(indexed.begin(), indexed.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  for (auto& [_, r] : indexed) e.solutions.rows.push_back(std::move(r));
  return e;
}

Expected from_document(const query::results::ExpectedResults& doc) {
  Expected e;
  if (doc.boolean) {
    e.kind = Expected::Kind::boolean;
    e.boolean = *doc.boolean;
    return e;
  }
  e.solutions.variables = doc.variables;
  for (const auto& r : doc.rows) {
    Row row;
    for (const auto& c : r) row.push_back(c ? std::optional<model::Term>(normalized(*c)) : std::nullopt);
    e.solutions.rows.push_back(std::move(row));
  }
  return e;
}

}  // namespace

namespace {

std::string shell_quoted(const std::string& s) {
  std::string q = "'";
  for (char c : s) q += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return q + "'";
}

std::vector<TermTriple> triples_of(const std::string& text, const std::string& path, const std::string& base,
                                   std::string& error) {
  diag::Diagnostics diags;
  std::vector<TermTriple> triples;
  rdfio::ReadOptions options;
  options.file_name = path;
  options.base_iri = base;
  rdfio::testing::CollectingSink sink;
  rdfio::read_turtle(text, options, sink, diags);
  if (diags.has_errors()) error = first_error(diags);
  for (const auto& st : sink.statements) triples.push_back({st.s, st.p, normalized(st.o)});
  return triples;
}

}  // namespace

bool rdfxml_to_ntriples(const std::string& path, const std::string& base, std::string& ntriples, std::string& error) {
  const std::string command = "rapper -q -i rdfxml -o ntriples " + shell_quoted(path) + " " + shell_quoted(base);
  FILE* pipe = popen(command.c_str(), "r");
  if (!pipe) {
    error = "cannot run rapper";
    return false;
  }
  char buffer[65536];
  ntriples.clear();
  for (std::size_t n; (n = std::fread(buffer, 1, sizeof buffer, pipe)) > 0;) ntriples.append(buffer, n);
  const int status = pclose(pipe);
  if (status == -1 || !WIFEXITED(status) || WEXITSTATUS(status) != 0) {
    error = "rapper could not convert " + path + " (is raptor2-utils installed?)";
    return false;
  }
  return true;
}

std::vector<TermTriple> read_turtle_triples(const std::string& path, const std::string& base, std::string& error) {
  std::string text;
  diag::Diagnostics diags;
  std::vector<TermTriple> triples;
  if (!diag::read_source(path, text, diags)) {
    error = first_error(diags);
    return triples;
  }
  return triples_of(text, path, base, error);
}

std::optional<Expected> read_expected(const std::string& path, const std::string& base, std::string& error) {
  if (path.ends_with(".ttl") || path.ends_with(".rdf")) {
    std::vector<TermTriple> triples;
    if (path.ends_with(".rdf")) {
      std::string ntriples;
      if (!rdfxml_to_ntriples(path, base, ntriples, error)) return std::nullopt;
      triples = triples_of(ntriples, path, base, error);
    } else {
      triples = read_turtle_triples(path, base, error);
    }
    if (!error.empty()) return std::nullopt;
    const ResultGraph g(triples);
    if (const auto set = g.result_set(triples)) return from_result_graph(g, *set);
    Expected e;
    e.kind = Expected::Kind::graph;
    e.graph = triples;
    return e;
  }
  std::string text;
  diag::Diagnostics diags;
  if (!diag::read_source(path, text, diags)) {
    error = first_error(diags);
    return std::nullopt;
  }
  std::optional<query::results::ExpectedResults> doc;
  if (path.ends_with(".srx"))
    doc = query::results::read_srx(text, path, diags);
  else if (path.ends_with(".srj"))
    doc = query::results::read_srj(text, path, diags);
  else if (path.ends_with(".tsv"))
    doc = query::results::read_tsv_results(text, path, diags);
  else if (path.ends_with(".csv"))
    doc = query::results::read_csv_results(text, path, diags);
  else
    error = "unsupported result format";
  if (!doc) {
    if (error.empty()) error = first_error(diags);
    return std::nullopt;
  }
  return from_document(*doc);
}

}  // namespace ng::sparql_conformance
