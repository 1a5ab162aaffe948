// One RDF term in N-Triples 1.1 syntax, escaped so any parser reads back the
// same term: IRIs as <…>, literals with their escapes, language tag or
// datatype, blank node labels made valid (and kept distinct). Shared by the
// N-Triples/N-Quads writers, later writers and the query printer.
#pragma once

#include <string>
#include <string_view>

#include "model/term.hpp"
#include "store/dictionary.hpp"

namespace ng::exporters {

// Appends `term` in N-Triples syntax. Term text is expected to be valid UTF-8
// (the notes reader validates it); non-ASCII characters are written raw.
void append_ntriples_term(std::string& out, model::TermView term);

std::string ntriples_term(const store::Dictionary& dict, store::TermId id);

// The parts, for writers of neighbouring syntaxes.
void append_ntriples_iri(std::string& out, std::string_view iri);
void append_ntriples_literal(std::string& out, model::TermView literal);
void append_ntriples_blank_node(std::string& out, std::string_view label);

}  // namespace ng::exporters
