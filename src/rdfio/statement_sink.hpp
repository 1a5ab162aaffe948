// What a graph reader hands out: one call per statement, with terms as views
// into the input or the reader's scratch buffers (valid only for that call),
// plus the prefix and base directives. Readers never build a model (serd's
// design); a loader or a test collector decides what to keep.
#pragma once

#include <cstdint>
#include <string_view>

#include "model/term.hpp"

namespace ng::rdfio {

// A term whose text the callee must copy if it keeps it. Blank node labels are
// the document's own (without "_:"); labels a reader invents for [] and ( )
// start with '-', which no document label can, so the two never collide.
struct TermView {
  model::TermKind kind = model::TermKind::iri;
  std::string_view value;
  std::string_view language;  // literals: as written (case preserved)
  std::string_view datatype;  // literals: empty for a simple literal

  model::Term to_term() const;
};

class StatementSink {
public:
  virtual ~StatementSink() = default;
  // graph is nullptr for a triple in the default graph; line is 1-based,
  // where the statement's subject starts.
  virtual void statement(const TermView &s, const TermView &p, const TermView &o, const TermView *graph,
                         std::uint32_t line) = 0;
  virtual void prefix(std::string_view /*name*/, std::string_view /*iri*/) {}
  virtual void base(std::string_view /*iri*/) {}
};

}  // namespace ng::rdfio
