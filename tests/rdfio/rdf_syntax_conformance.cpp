// Runs the W3C RDF 1.1 N-Triples and Turtle test suites (copied into
// tests/conformance/rdf): reads each manifest.ttl with our own Turtle reader,
// then checks positive syntax tests parse cleanly, negative ones fail with a
// positioned error, and evaluation tests give a graph isomorphic to the
// expected N-Triples. Prints per-suite counts; exits non-zero on any failure.
#include <algorithm>
#include <cctype>
#include <cstdio>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "collecting_sink.hpp"
#include "diag/source_file.hpp"
#include "graph_isomorphism.hpp"
#include "rdfio/ntriples_reader.hpp"
#include "rdfio/turtle_reader.hpp"

namespace {

using namespace ng;
using rdfio::testing::CollectingSink;
using rdfio::testing::TermTriple;

const std::string kRdf = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
const std::string kMf = "http://www.w3.org/2001/sw/DataAccess/tests/test-manifest#";
const std::string kRdft = "http://www.w3.org/ns/rdftest#";
const std::string kTestsHome = "https://w3c.github.io/rdf-tests/rdf/rdf11/";

struct Counts {
  int passed = 0, failed = 0, skipped = 0;
};

struct Parsed {
  CollectingSink sink;
  diag::Diagnostics diags;
  bool read_ok = false;
};

Parsed parse_file(const std::string &path, bool turtle, const std::string &base) {
  Parsed p;
  std::string text;
  if (!diag::read_source(path, text, p.diags)) return p;
  p.read_ok = true;
  rdfio::ReadOptions options;
  options.file_name = path;
  options.base_iri = base;
  if (turtle) {
    rdfio::read_turtle(text, options, p.sink, p.diags);
  } else {
    rdfio::read_ntriples(text, options, p.sink, p.diags);
  }
  return p;
}

// The manifest as a lookup from (subject, predicate) to objects.
class Manifest {
public:
  explicit Manifest(const CollectingSink &sink) {
    for (const auto &st : sink.statements) objects_[{key(st.s), st.p.value}].push_back(st.o);
  }
  std::optional<model::Term> one(const model::Term &s, const std::string &p) const {
    const auto it = objects_.find({key(s), p});
    if (it == objects_.end() || it->second.empty()) return std::nullopt;
    return it->second.front();
  }
  // The items of the rdf:first/rdf:rest list starting at `head`.
  std::vector<model::Term> list(std::optional<model::Term> head) const {
    std::vector<model::Term> items;
    while (head && !(head->kind == model::TermKind::iri && head->value == kRdf + "nil")) {
      if (auto item = one(*head, kRdf + "first")) items.push_back(*item);
      head = one(*head, kRdf + "rest");
    }
    return items;
  }
  std::optional<model::Term> manifest_node() const {
    for (const auto &[k, objects] : objects_) {
      if (k.second != kRdf + "type") continue;
      for (const auto &o : objects)
        if (o.value == kMf + "Manifest")
          return k.first.front() == '<' ? model::Term::iri(k.first.substr(1)) : model::Term::blank(k.first.substr(1));
    }
    return std::nullopt;
  }

private:
  static std::string key(const model::Term &t) { return (t.kind == model::TermKind::iri ? "<" : "_") + t.value; }
  std::map<std::pair<std::string, std::string>, std::vector<model::Term>> objects_;
};

std::vector<TermTriple> normalized(const CollectingSink &sink) {
  std::vector<TermTriple> triples;
  for (const auto &st : sink.statements) {
    TermTriple t{st.s, st.p, st.o};
    for (char &c : t[2].language) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (t[2].datatype == "http://www.w3.org/2001/XMLSchema#string") t[2].datatype.clear();
    triples.push_back(std::move(t));
  }
  return triples;
}

std::string first_error(const diag::Diagnostics &diags) {
  if (diags.items().empty()) return "no diagnostic";
  const auto &d = diags.items().front();
  return d.file + ":" + std::to_string(d.where.line) + ":" + std::to_string(d.where.column) + ": " + d.message;
}

// Runs one test; returns an empty string on success, else why it failed.
std::string run_test(const std::string &dir, const std::string &suite_base, const std::string &type,
                     const std::string &action, const std::string &result) {
  const bool turtle = type.find("Turtle") != std::string::npos;
  const Parsed input = parse_file(dir + "/" + action, turtle, suite_base + action);
  if (!input.read_ok) return "cannot read " + action;
  if (type == "TestTurtlePositiveSyntax" || type == "TestNTriplesPositiveSyntax") {
    return input.diags.has_errors() ? "rejected: " + first_error(input.diags) : "";
  }
  if (type == "TestTurtleNegativeSyntax" || type == "TestNTriplesNegativeSyntax") {
    if (!input.diags.has_errors()) return "accepted a bad document";
    const auto &d = input.diags.items().front();
    return d.where.line > 0 && d.where.column > 0 ? "" : "error without a position";
  }
  if (type == "TestTurtleEval") {
    if (input.diags.has_errors()) return "rejected: " + first_error(input.diags);
    const Parsed expected = parse_file(dir + "/" + result, false, suite_base + result);
    if (expected.diags.has_errors()) return "expected result unreadable: " + first_error(expected.diags);
    return rdfio::testing::isomorphic(normalized(input.sink), normalized(expected.sink))
               ? ""
               : "graph differs from " + result;
  }
  return "";
}

Counts run_suite(const std::string &root, const std::string &suite) {
  Counts counts;
  const std::string dir = root + "/" + suite;
  const std::string suite_base = kTestsHome + suite + "/";
  const Parsed manifest_file = parse_file(dir + "/manifest.ttl", true, suite_base + "manifest.ttl");
  if (!manifest_file.read_ok || manifest_file.diags.has_errors()) {
    std::printf("%s: manifest unreadable: %s\n", suite.c_str(), first_error(manifest_file.diags).c_str());
    ++counts.failed;
    return counts;
  }
  const Manifest manifest(manifest_file.sink);
  const auto root_node = manifest.manifest_node();
  for (const model::Term &entry : manifest.list(root_node ? manifest.one(*root_node, kMf + "entries") : std::nullopt)) {
    const auto type = manifest.one(entry, kRdf + "type");
    const auto name = manifest.one(entry, kMf + "name");
    const auto action = manifest.one(entry, kMf + "action");
    const auto result = manifest.one(entry, kMf + "result");
    const std::string label = name ? name->value : entry.value;
    const std::string type_name = type && type->value.starts_with(kRdft) ? type->value.substr(kRdft.size()) : "?";
    static const std::vector<std::string> kKnown = {"TestTurtlePositiveSyntax", "TestTurtleNegativeSyntax",
                                                    "TestTurtleEval", "TestNTriplesPositiveSyntax",
                                                    "TestNTriplesNegativeSyntax"};
    if (std::find(kKnown.begin(), kKnown.end(), type_name) == kKnown.end() || !action ||
        !action->value.starts_with(suite_base)) {
      ++counts.skipped;
      std::printf("SKIP %s/%s: test type %s not run by this reader\n", suite.c_str(), label.c_str(), type_name.c_str());
      continue;
    }
    const std::string why = run_test(dir, suite_base, type_name, action->value.substr(suite_base.size()),
                                     result ? result->value.substr(suite_base.size()) : std::string());
    if (why.empty()) {
      ++counts.passed;
    } else {
      ++counts.failed;
      std::printf("FAIL %s/%s (%s): %s\n", suite.c_str(), label.c_str(), type_name.c_str(), why.c_str());
    }
  }
  std::printf("%s: %d passed, %d failed, %d skipped\n", suite.c_str(), counts.passed, counts.failed, counts.skipped);
  return counts;
}

}  // namespace

int main(int argc, char **argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: rdf_syntax_conformance CONFORMANCE_RDF_DIR\n");
    return 2;
  }
  Counts total;
  for (const char *suite : {"rdf-n-triples", "rdf-turtle"}) {
    const Counts c = run_suite(argv[1], suite);
    total.passed += c.passed;
    total.failed += c.failed;
    total.skipped += c.skipped;
  }
  std::printf("total: %d passed, %d failed, %d skipped\n", total.passed, total.failed, total.skipped);
  return total.failed == 0 && total.passed > 0 ? 0 : 1;
}
