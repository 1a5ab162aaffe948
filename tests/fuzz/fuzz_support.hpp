// Shared by the fuzz targets: building a frozen store from one random notes
// file (parse + extract, as `notegraph build` does), re-reading our own
// outputs with our readers, and the checks that abort (so libFuzzer and the
// corpus replay both report a crash) when an output is not what it claims.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <string>
#include <string_view>

#include "diag/diagnostic.hpp"
#include "diag/source_file.hpp"
#include "extract/graph_builder.hpp"
#include "notes/document.hpp"
#include "notes/notes_parser.hpp"
#include "rdfio/graph_reader.hpp"
#include "rdfio/statement_sink.hpp"
#include "store/triple_store.hpp"

namespace ng::fuzz {

// Aborts with a message: a broken invariant is a finding, like a crash.
[[noreturn]] inline void fail(std::string_view what, std::string_view detail = {}) {
  const std::string message =
      "fuzz check failed: " + std::string(what) + "\n" + std::string(detail.substr(0, 2000)) + "\n";
  std::fputs(message.c_str(), stderr);
  std::abort();
}

inline void check(bool ok, std::string_view what, std::string_view detail = {}) {
  if (!ok) fail(what, detail);
}

// The fuzz input as one notes file, parsed and extracted into a frozen store.
// The source and document must outlive the store's build, so they are kept.
struct NotesGraph {
  std::unique_ptr<diag::SourceFile> source;
  notes::Document document;
  store::TripleStore store;
  diag::Diagnostics diags;
};

inline std::unique_ptr<NotesGraph> build_notes_graph(const std::uint8_t* data, std::size_t size) {
  auto graph = std::make_unique<NotesGraph>();
  graph->source = std::make_unique<diag::SourceFile>("fuzz.md", std::string(reinterpret_cast<const char*>(data), size));
  graph->document = notes::parse_notes(*graph->source, graph->diags);
  extract::GraphBuilder builder(extract::default_tables(), {});
  builder.add_document(graph->document, "fuzz.md");
  builder.build(graph->store, graph->diags);
  graph->store.freeze();
  return graph;
}

// Counts statements; a reader's output that is only counted, not kept.
struct CountingSink : rdfio::StatementSink {
  std::size_t statements = 0;
  void statement(const rdfio::TermView&, const rdfio::TermView&, const rdfio::TermView&, const rdfio::TermView*,
                 std::uint32_t) override {
    ++statements;
  }
};

// Reads text we wrote ourselves: it must read without a single error and give
// `expected` statements.
inline void check_reads_back(std::string_view text, rdfio::GraphSyntax syntax, std::size_t expected,
                             std::string_view what) {
  CountingSink sink;
  diag::Diagnostics diags;
  rdfio::ReadOptions options;
  options.file_name = std::string(what);
  const auto stats = rdfio::read_graph(text, syntax, options, sink, diags);
  if (stats.errors != 0 || diags.has_errors()) {
    std::string detail = diags.items().empty() ? std::string() : diags.items().front().message;
    if (!diags.items().empty()) detail += " at line " + std::to_string(diags.items().front().where.line);
    fail(std::string(what) + " does not read back", detail + "\n" + std::string(text.substr(0, 1500)));
  }
  check(stats.statements == expected, std::string(what) + " reads back a different number of statements");
}

}  // namespace ng::fuzz
