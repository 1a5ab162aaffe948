// RDF terms as values: an IRI, a blank node or a literal (with a language tag
// or a datatype). The store interns them; everything else passes ids around.
#pragma once

#include <string>
#include <string_view>

namespace ng::model {

enum class TermKind : unsigned char { iri, blank, literal };

struct Term {
  TermKind kind = TermKind::iri;
  std::string value;     // IRI text, blank node label (without "_:"), or literal lexical form
  std::string language;  // literals only; lower-case BCP 47 tag, empty when none
  std::string datatype;  // literals only; empty means xsd:string (or rdf:langString with a language)

  static Term iri(std::string v) { return {TermKind::iri, std::move(v), {}, {}}; }
  static Term blank(std::string label) { return {TermKind::blank, std::move(label), {}, {}}; }
  static Term literal(std::string v) { return {TermKind::literal, std::move(v), {}, {}}; }
  static Term lang_literal(std::string v, std::string lang) {
    return {TermKind::literal, std::move(v), std::move(lang), {}};
  }
  static Term typed_literal(std::string v, std::string datatype) {
    return {TermKind::literal, std::move(v), {}, std::move(datatype)};
  }

  bool operator==(const Term&) const = default;
};

// A term whose text lives elsewhere: in the store's dictionary (valid as long
// as the store) or in a Term (valid as long as that Term, like a string_view).
// What the store hands out, so that it keeps each term's text once.
struct TermView {
  TermKind kind = TermKind::iri;
  std::string_view value;
  std::string_view language;
  std::string_view datatype;

  TermView() = default;
  TermView(TermKind k, std::string_view v, std::string_view lang, std::string_view dt)
      : kind(k), value(v), language(lang), datatype(dt) {}
  TermView(const Term& t) : kind(t.kind), value(t.value), language(t.language), datatype(t.datatype) {}  // NOLINT

  Term to_term() const { return {kind, std::string(value), std::string(language), std::string(datatype)}; }
  bool operator==(const TermView&) const = default;
};

}  // namespace ng::model
