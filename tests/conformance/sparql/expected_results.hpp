// The expected answer of a W3C query evaluation test, read from any of the
// suites' result files: .srx, .srj, .tsv, .csv, or .ttl (either an
// rs:ResultSet graph, possibly with rs:index order, or the plain graph a
// CONSTRUCT should give), or .rdf: RDF/XML, which notegraph does not read,
// converted to N-Triples by an independent tool (raptor's rapper).
#pragma once

#include <array>
#include <optional>
#include <string>
#include <vector>

#include "model/term.hpp"
#include "solution_compare.hpp"

namespace ng::sparql_conformance {

using TermTriple = std::array<model::Term, 3>;

struct Expected {
  enum class Kind { solutions, boolean, graph };
  Kind kind = Kind::solutions;
  Solutions solutions;
  bool ordered = true;  // false for an rs:ResultSet without rs:index
  bool boolean = false;
  std::vector<TermTriple> graph;
};

// Reads a Turtle file into normalized triples; `error` set on failure.
std::vector<TermTriple> read_turtle_triples(const std::string& path, const std::string& base, std::string& error);

// The N-Triples `rapper` (raptor2-utils) makes of an RDF/XML file, with
// `base` as its base IRI; false with `error` set when it fails.
bool rdfxml_to_ntriples(const std::string& path, const std::string& base, std::string& ntriples, std::string& error);

// `base` is the file's IRI. On failure returns nullopt and sets `error`.
std::optional<Expected> read_expected(const std::string& path, const std::string& base, std::string& error);

}  // namespace ng::sparql_conformance
