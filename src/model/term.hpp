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

}  // namespace ng::model
