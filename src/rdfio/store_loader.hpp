// Loads a graph text or file into a TripleStore: a StatementSink that interns
// terms, records each statement's line as provenance, and gives the
// document's blank nodes labels no earlier load used (one scope per file).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

#include "diag/diagnostic.hpp"
#include "rdfio/graph_reader.hpp"
#include "rdfio/statement_sink.hpp"
#include "store/triple_store.hpp"

namespace ng::rdfio {

class StoreLoader : public StatementSink {
public:
  // file_index: from TripleStore::add_file, for Provenance::file.
  StoreLoader(store::TripleStore &store, std::uint32_t file_index) : store_(store), file_(file_index) {}

  void statement(const TermView &s, const TermView &p, const TermView &o, const TermView *graph,
                 std::uint32_t line) override;

private:
  store::TermId intern(const TermView &term);
  store::TermId intern_blank(std::string_view label);
  // Subjects and predicates mostly repeat from the previous statement (files
  // are grouped by subject, vocabularies are small): one remembered IRI per
  // position skips the dictionary's hashing for them.
  struct RecentIri {
    std::string iri;
    store::TermId id = store::kNoTerm;
  };
  store::TermId intern_recent(const TermView &term, RecentIri &recent);

  store::TripleStore &store_;
  std::uint32_t file_;
  RecentIri recent_subject_, recent_predicate_, recent_graph_;
  model::Term literal_;                                       // reused so interning a known literal allocates nothing
  std::unordered_map<std::string, store::TermId> blank_ids_;  // this document's labels
};

// Reads `text` into the store (without freezing it); the file name in
// `options` is registered as the provenance file.
ReadStats load_graph(std::string_view text, GraphSyntax syntax, const ReadOptions &options, store::TripleStore &store,
                     diag::Diagnostics &diags);

// Reads a whole file; the syntax comes from the extension unless given. An
// unreadable file or unknown extension is an error in `diags` (kind
// "unreadable-file" or "unknown-syntax") and nothing is loaded.
ReadStats load_graph_file(const std::string &path, std::optional<GraphSyntax> syntax, store::TripleStore &store,
                          diag::Diagnostics &diags, const std::string &base_iri = {});

}  // namespace ng::rdfio
