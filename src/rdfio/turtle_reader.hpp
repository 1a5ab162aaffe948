// Turtle 1.1 reader (W3C REC 2014): prefixes and base (both spellings),
// relative IRIs resolved per RFC 3986, prefixed names with local escapes,
// ';' and ',' lists, 'a', blank node property lists, collections, and
// numeric and boolean literals. Calls the sink once per triple; a syntax
// error is reported at file:line:col and reading resumes after the next '.'.
#pragma once

#include <string_view>

#include "diag/diagnostic.hpp"
#include "rdfio/read_options.hpp"
#include "rdfio/statement_sink.hpp"

namespace ng::rdfio {

// Blank nodes made for [] and ( ) get labels "-1", "-2", ... in document order.
ReadStats read_turtle(std::string_view text, const ReadOptions &options, StatementSink &sink, diag::Diagnostics &diags);

}  // namespace ng::rdfio
