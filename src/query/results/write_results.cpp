// Dispatch by format, format names, and the N-Triples/N-Quads output of
// CONSTRUCT and DESCRIBE (one statement per line, in the result's order).
#include "query/results/write_results.hpp"

#include <stdexcept>
#include <string>

#include "exporters/ntriples_term.hpp"
#include "query/results/result_writers.hpp"

namespace ng::query::results {
namespace {

void write_statements(const QueryResult &result, const store::Dictionary &dict, bool quads, std::ostream &out) {
  std::string line;
  for (const store::Quad &q : result.triples) {
    line.clear();
    exporters::append_ntriples_term(line, dict.term(q.s));
    line += ' ';
    exporters::append_ntriples_term(line, dict.term(q.p));
    line += ' ';
    exporters::append_ntriples_term(line, dict.term(q.o));
    if (quads && q.g != store::kNoTerm) {
      line += ' ';
      exporters::append_ntriples_term(line, dict.term(q.g));
    }
    line += " .\n";
    out << line;
  }
}

}  // namespace

std::optional<ResultFormat> result_format_from_name(std::string_view name) {
  if (name == "table") return ResultFormat::table;
  if (name == "tsv") return ResultFormat::tsv;
  if (name == "csv") return ResultFormat::csv;
  if (name == "json" || name == "srj") return ResultFormat::json;
  if (name == "xml" || name == "srx") return ResultFormat::xml;
  if (name == "nt") return ResultFormat::nt;
  if (name == "nq") return ResultFormat::nq;
  return std::nullopt;
}

bool format_supports(QueryForm form, ResultFormat format) {
  const bool graph = form == QueryForm::construct || form == QueryForm::describe;
  switch (format) {
    case ResultFormat::table:
      return true;
    case ResultFormat::tsv:
    case ResultFormat::csv:
      return form == QueryForm::select;
    case ResultFormat::json:
    case ResultFormat::xml:
      return !graph;
    case ResultFormat::nt:
    case ResultFormat::nq:
      return graph;
  }
  return false;
}

void write_results(const QueryResult &result, const store::Dictionary &dict, ResultFormat format, std::ostream &out,
                   const WriteOptions &options) {
  if (!format_supports(result.form, format)) throw std::invalid_argument("result format does not fit the query form");
  switch (format) {
    case ResultFormat::table:
      detail::write_table(result, dict, out, options);
      break;
    case ResultFormat::tsv:
      detail::write_tsv(result.table, dict, out);
      break;
    case ResultFormat::csv:
      detail::write_csv(result.table, dict, out);
      break;
    case ResultFormat::json:
      detail::write_json(result, dict, out);
      break;
    case ResultFormat::xml:
      detail::write_xml(result, dict, out);
      break;
    case ResultFormat::nt:
      write_statements(result, dict, false, out);
      break;
    case ResultFormat::nq:
      write_statements(result, dict, true, out);
      break;
  }
}

}  // namespace ng::query::results
