// The output formats of query results and the options of the terminal table.
// SELECT and ASK go to table/tsv/csv/json/xml (ASK not to tsv/csv, which the
// W3C defines for SELECT only); CONSTRUCT and DESCRIBE go to nt/nq/table.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "query/query_result.hpp"

namespace ng::query::results {

enum class ResultFormat { table, tsv, csv, json, xml, nt, nq };

// "table", "tsv", "csv", "json" (also "srj"), "xml" (also "srx"), "nt", "nq".
std::optional<ResultFormat> result_format_from_name(std::string_view name);
bool format_supports(QueryForm form, ResultFormat format);

struct WriteOptions {
  // Table only: IRIs under this namespace are shown as ":local".
  std::string base;
  // Table only: cells wider than this many columns end in "…"; 0 = no limit.
  std::size_t max_cell_width = 0;
};

}  // namespace ng::query::results
