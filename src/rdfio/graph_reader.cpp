// Dispatch to the reader of a syntax, and syntax names and extensions.
#include "rdfio/graph_reader.hpp"

#include <algorithm>
#include <cctype>
#include <string>

#include "rdfio/ntriples_reader.hpp"
#include "rdfio/turtle_reader.hpp"

namespace ng::rdfio {
namespace {

std::string lower(std::string_view text) {
  std::string out(text);
  std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return std::tolower(c); });
  return out;
}

}  // namespace

std::optional<GraphSyntax> syntax_for_path(std::string_view path) {
  const std::size_t dot = path.rfind('.');
  const std::size_t slash = path.find_last_of("/\\");
  if (dot == std::string_view::npos || (slash != std::string_view::npos && dot < slash)) return std::nullopt;
  const std::string extension = lower(path.substr(dot + 1));
  if (extension == "nt") return GraphSyntax::ntriples;
  if (extension == "nq") return GraphSyntax::nquads;
  if (extension == "ttl") return GraphSyntax::turtle;
  return std::nullopt;
}

std::optional<GraphSyntax> syntax_from_name(std::string_view name) {
  const std::string n = lower(name);
  if (n == "nt" || n == "ntriples" || n == "n-triples") return GraphSyntax::ntriples;
  if (n == "nq" || n == "nquads" || n == "n-quads") return GraphSyntax::nquads;
  if (n == "ttl" || n == "turtle") return GraphSyntax::turtle;
  return std::nullopt;
}

ReadStats read_graph(std::string_view text, GraphSyntax syntax, const ReadOptions &options, StatementSink &sink,
                     diag::Diagnostics &diags) {
  switch (syntax) {
    case GraphSyntax::ntriples:
      return read_ntriples(text, options, sink, diags);
    case GraphSyntax::nquads:
      return read_nquads(text, options, sink, diags);
    case GraphSyntax::turtle:
      return read_turtle(text, options, sink, diags);
  }
  return {};
}

}  // namespace ng::rdfio
