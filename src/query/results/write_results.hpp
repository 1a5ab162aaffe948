// Writes a query result in one of the W3C result formats, a terminal table,
// or N-Triples/N-Quads for CONSTRUCT/DESCRIBE. Terms are decoded from the
// dictionary only here; output is deterministic for a given result.
#pragma once

#include <ostream>

#include "query/query_result.hpp"
#include "query/results/result_format.hpp"
#include "store/dictionary.hpp"

namespace ng::query::results {

// Precondition: format_supports(result.form, format); otherwise this is a
// caller bug and throws std::invalid_argument.
void write_results(const QueryResult &result, const store::Dictionary &dict, ResultFormat format, std::ostream &out,
                   const WriteOptions &options = {});

}  // namespace ng::query::results
