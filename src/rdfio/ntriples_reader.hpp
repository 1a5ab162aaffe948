// N-Triples 1.1 and N-Quads 1.1 readers: a hand-written scanner over the whole
// input that calls the sink once per statement. A syntax error is reported at
// its file:line:col and the reader resumes on the next line.
#pragma once

#include <string_view>

#include "diag/diagnostic.hpp"
#include "rdfio/read_options.hpp"
#include "rdfio/statement_sink.hpp"

namespace ng::rdfio {

ReadStats read_ntriples(std::string_view text, const ReadOptions &options, StatementSink &sink,
                        diag::Diagnostics &diags);
ReadStats read_nquads(std::string_view text, const ReadOptions &options, StatementSink &sink, diag::Diagnostics &diags);

}  // namespace ng::rdfio
