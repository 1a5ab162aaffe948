// Interning of reader terms into the store's dictionary. Language tags are
// lower-cased and xsd:string dropped, so equal RDF terms get one id.
#include "rdfio/store_loader.hpp"

#include "diag/source_file.hpp"
#include "model/vocab.hpp"

namespace ng::rdfio {

store::TermId StoreLoader::intern_blank(std::string_view label) {
  std::string key(label);
  if (const auto known = blank_ids_.find(key); known != blank_ids_.end()) return known->second;
  // Keep the document's label unless an earlier document (or this one's
  // generated nodes, written "-N" by the reader) already took it.
  const std::string wanted = label.starts_with('-') ? "b" + std::string(label.substr(1)) : key;
  std::string chosen = wanted;
  auto &dict = store_.dictionary();
  for (unsigned n = 1; dict.find(model::Term::blank(chosen)); ++n) chosen = wanted + "_" + std::to_string(n);
  const store::TermId id = dict.intern(model::Term::blank(std::move(chosen)));
  blank_ids_.emplace(std::move(key), id);
  return id;
}

store::TermId StoreLoader::intern(const TermView &term) {
  switch (term.kind) {
    case model::TermKind::iri:
      return store_.dictionary().intern_iri(term.value);
    case model::TermKind::blank:
      return intern_blank(term.value);
    case model::TermKind::literal:
      break;
  }
  literal_.kind = model::TermKind::literal;
  literal_.value.assign(term.value);
  literal_.language.assign(term.language);
  for (char &c : literal_.language) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  if (!term.language.empty() || term.datatype == vocab::xsd_string) {
    literal_.datatype.clear();
  } else {
    literal_.datatype.assign(term.datatype);
  }
  return store_.dictionary().intern(literal_);
}

store::TermId StoreLoader::intern_recent(const TermView &term, RecentIri &recent) {
  if (term.kind != model::TermKind::iri) return intern(term);
  if (recent.id != store::kNoTerm && term.value == recent.iri) return recent.id;
  recent.iri.assign(term.value);
  recent.id = store_.dictionary().intern_iri(term.value);
  return recent.id;
}

void StoreLoader::statement(const TermView &s, const TermView &p, const TermView &o, const TermView *graph,
                            std::uint32_t line) {
  const store::TermId subject = intern_recent(s, recent_subject_);
  const store::TermId predicate = intern_recent(p, recent_predicate_);
  const store::TermId object = intern(o);
  const store::TermId g = graph == nullptr ? store::kNoTerm : intern_recent(*graph, recent_graph_);
  store_.add(store::Quad{subject, predicate, object, g}, store::Provenance{file_, line});
}

ReadStats load_graph(std::string_view text, GraphSyntax syntax, const ReadOptions &options, store::TripleStore &store,
                     diag::Diagnostics &diags) {
  StoreLoader loader(store, store.add_file(options.file_name));
  return read_graph(text, syntax, options, loader, diags);
}

ReadStats load_graph_file(const std::string &path, std::optional<GraphSyntax> syntax, store::TripleStore &store,
                          diag::Diagnostics &diags, const std::string &base_iri) {
  if (!syntax) syntax = syntax_for_path(path);
  if (!syntax) {
    diags.error("unknown-syntax", path, {},
                "cannot tell the graph syntax from the extension (use .nt, .nq "
                "or .ttl)");
    return {};
  }
  std::string text;
  if (!diag::read_source(path, text, diags)) return {};
  ReadOptions options;
  options.file_name = path;
  options.base_iri = base_iri;
  return load_graph(text, *syntax, options, store, diags);
}

}  // namespace ng::rdfio
