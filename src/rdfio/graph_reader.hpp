// The one entry point for reading a graph text in any supported syntax
// (N-Triples, N-Quads, Turtle), and the choice of syntax by file extension or
// by name (as given on the command line).
#pragma once

#include <optional>
#include <string_view>

#include "diag/diagnostic.hpp"
#include "rdfio/read_options.hpp"
#include "rdfio/statement_sink.hpp"

namespace ng::rdfio {

enum class GraphSyntax { ntriples, nquads, turtle };

// .nt, .nq, .ttl (case-insensitive); nullopt for anything else.
std::optional<GraphSyntax> syntax_for_path(std::string_view path);
// "nt"/"ntriples"/"n-triples", "nq"/"nquads"/"n-quads", "ttl"/"turtle".
std::optional<GraphSyntax> syntax_from_name(std::string_view name);

ReadStats read_graph(std::string_view text, GraphSyntax syntax, const ReadOptions &options, StatementSink &sink,
                     diag::Diagnostics &diags);

}  // namespace ng::rdfio
