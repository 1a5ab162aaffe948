// TermView to an owned model::Term, for sinks that keep terms.
#include "rdfio/statement_sink.hpp"

namespace ng::rdfio {

model::Term TermView::to_term() const {
  return {kind, std::string(value), std::string(language), std::string(datatype)};
}

}  // namespace ng::rdfio
