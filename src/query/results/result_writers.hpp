// Private to query/results: the writer of each format, behind write_results().
#pragma once

#include <ostream>

#include "query/query_result.hpp"
#include "query/results/result_format.hpp"
#include "store/dictionary.hpp"

namespace ng::query::results::detail {

void write_table(const QueryResult &result, const store::Dictionary &dict, std::ostream &out,
                 const WriteOptions &options);
void write_tsv(const SolutionTable &table, const store::Dictionary &dict, std::ostream &out);
void write_csv(const SolutionTable &table, const store::Dictionary &dict, std::ostream &out);
void write_json(const QueryResult &result, const store::Dictionary &dict, std::ostream &out);
void write_xml(const QueryResult &result, const store::Dictionary &dict, std::ostream &out);

}  // namespace ng::query::results::detail
