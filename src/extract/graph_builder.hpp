// Public facade of extraction: parsed notes documents in, triples out. Runs
// entity collection, classification, IRI minting, mention and relation
// matching, and writes every triple with its file and line into the store,
// in the named graph of the file it came from.
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "diag/diagnostic.hpp"
#include "extract/tables.hpp"
#include "notes/document.hpp"
#include "store/triple_store.hpp"

namespace ng::extract {

struct BuildOptions {
  std::string base;  // namespace of the entities' IRIs; vocab::default_base when empty
  // Threads that scan text for mentions (1 or 2); the graph is the same.
  unsigned scan_threads = 2;
  // When set, called on the thread that fills the store after each window of
  // entities is in it, with TripleStore::added_count() from before the
  // window: the quads from there on are the window's, subject by subject,
  // each subject's id above the last window's (ids are given in entity
  // order). Meanwhile the other thread reads neither the store nor its
  // dictionary. notegraph build writes its files from here.
  std::function<void(store::TripleStore&, std::size_t first)> after_window;
};

struct BuildStats {
  std::size_t files = 0, sections = 0, services = 0, categories = 0, terms = 0;
};

class GraphBuilder {
 public:
  GraphBuilder(Tables tables, BuildOptions options);

  // Registers a parsed document, which must outlive build(). `name` is its
  // path relative to the folder the user named (the tail of its IRI).
  void add_document(const notes::Document& doc, std::string name);
  // The same for a document the builder then owns: build() frees it as soon
  // as its last triple is in the store (its text, arena and blocks), so that
  // many small notes do not all stay in memory while the store grows. A
  // later build() no longer sees it.
  void add_document(std::unique_ptr<const notes::Document> doc, std::string name);

  // Extracts everything registered so far into `store` (not frozen after).
  BuildStats build(store::TripleStore& store, diag::Diagnostics& diags);

 private:
  Tables tables_;
  BuildOptions options_;
  std::vector<std::pair<const notes::Document*, std::string>> docs_;
  std::vector<std::unique_ptr<const notes::Document>> owned_;  // by docs_ index; null when borrowed
};

}  // namespace ng::extract
