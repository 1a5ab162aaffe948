// The one test of whether an IRI reference is absolute: it starts with an
// RFC 3986 scheme (ALPHA *( ALPHA / DIGIT / "+" / "-" / "." )) and a colon.
// The graph readers and the query parser share it, so an IRI the query
// parser keeps unresolved is one the N-Triples reader accepts.
#pragma once

#include <string_view>

namespace ng::model {

inline bool has_scheme(std::string_view iri) {
  const auto alpha = [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); };
  if (iri.empty() || !alpha(iri[0])) return false;
  for (std::size_t i = 1; i < iri.size(); ++i) {
    const char c = iri[i];
    if (c == ':') return true;
    if (!alpha(c) && !(c >= '0' && c <= '9') && c != '+' && c != '-' && c != '.') return false;
  }
  return false;
}

}  // namespace ng::model
