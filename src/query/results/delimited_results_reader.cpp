// Reads SPARQL 1.1 TSV and CSV results. TSV cells are parsed as Turtle terms
// with the rdfio scanners; CSV fields are split per RFC 4180 (quoted fields
// may hold commas, quotes and line breaks).
#include <string>

#include "model/vocab.hpp"
#include "query/results/expected_results.hpp"
#include "rdfio/term_scanner.hpp"

namespace ng::query::results {
namespace {

std::optional<ExpectedResults> failed(diag::Diagnostics &diags, const std::string &file, std::uint32_t line,
                                      std::string message) {
  diags.error("results-syntax", file, {line, 1}, std::move(message));
  return std::nullopt;
}

std::vector<std::string_view> split(std::string_view line, char separator) {
  std::vector<std::string_view> cells;
  for (;;) {
    const std::size_t at = line.find(separator);
    cells.push_back(line.substr(0, at));
    if (at == std::string_view::npos) return cells;
    line.remove_prefix(at + 1);
  }
}

std::string number_datatype(std::string_view cell) {
  const std::string xsd(vocab::xsd);
  if (cell.find_first_of("eE") != std::string_view::npos) return xsd + "double";
  if (cell.find('.') != std::string_view::npos) return xsd + "decimal";
  return xsd + "integer";
}

// One TSV cell as a term; nullopt with `error` set when it is not a term.
std::optional<model::Term> tsv_term(std::string_view cell, std::string &error) {
  std::string scratch;
  std::string_view value;
  rdfio::ScanError scan_error;
  std::size_t pos = 0;
  std::optional<model::Term> term;
  const char c = cell.front();
  if (c == '<') {
    if (rdfio::scan_iriref(cell, pos, scratch, value, scan_error)) term = model::Term::iri(std::string(value));
  } else if (c == '_') {
    if (rdfio::scan_blank_node_label(cell, pos, value, scan_error)) term = model::Term::blank(std::string(value));
  } else if (c == '"' || c == '\'') {
    if (rdfio::scan_string(cell, pos, true, scratch, value, scan_error)) {
      term = model::Term::literal(std::string(value));
      if (pos < cell.size() && cell[pos] == '@') {
        std::string_view tag;
        if (!rdfio::scan_language(cell, pos, tag, scan_error)) term.reset();
        if (term) term->language.assign(tag);
      } else if (cell.substr(pos, 3) == "^^<") {
        pos += 2;
        if (rdfio::scan_iriref(cell, pos, scratch, value, scan_error)) {
          term->datatype.assign(value);
        } else {
          term.reset();
        }
      }
    }
  } else if (cell == "true" || cell == "false") {
    return model::Term::typed_literal(std::string(cell), std::string(vocab::xsd) + "boolean");
  } else if ((c >= '0' && c <= '9') || c == '+' || c == '-' || c == '.') {
    return model::Term::typed_literal(std::string(cell), number_datatype(cell));
  }
  if (!term) {
    error = scan_error.message[0] != '\0' ? scan_error.message : "not a term";
  } else if (pos != cell.size()) {
    error = "text after the term";
    term.reset();
  }
  return term;
}

// Splits CSV text into records of fields (RFC 4180); nullopt for an unclosed
// quote.
std::optional<std::vector<std::vector<std::string>>> csv_records(std::string_view text) {
  std::vector<std::vector<std::string>> records(1, std::vector<std::string>(1));
  bool quoted = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    std::string &field = records.back().back();
    if (quoted) {
      if (c != '"') {
        field += c;
      } else if (i + 1 < text.size() && text[i + 1] == '"') {
        field += '"';
        ++i;
      } else {
        quoted = false;
      }
    } else if (c == '"') {
      quoted = true;
    } else if (c == ',') {
      records.back().emplace_back();
    } else if (c == '\r' || c == '\n') {
      if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
      records.emplace_back(1);
    } else {
      field += c;
    }
  }
  if (quoted) return std::nullopt;
  if (records.back().size() == 1 && records.back().front().empty()) records.pop_back();
  return records;
}

}  // namespace

std::optional<ExpectedResults> read_tsv_results(std::string_view text, const std::string &file,
                                                diag::Diagnostics &diags) {
  ExpectedResults results;
  std::uint32_t line_number = 0;
  while (!text.empty()) {
    const std::size_t end = text.find('\n');
    std::string_view line = text.substr(0, end);
    text = end == std::string_view::npos ? std::string_view{} : text.substr(end + 1);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    ++line_number;
    if (line_number == 1) {
      if (line.empty()) continue;
      for (std::string_view name : split(line, '\t')) {
        if (!name.starts_with('?') && !name.starts_with('$')) return failed(diags, file, 1, "header cell without '?'");
        results.variables.emplace_back(name.substr(1));
      }
      continue;
    }
    if (line.empty() && results.variables.size() != 0) continue;
    const auto cells = split(line, '\t');
    if (cells.size() != results.variables.size()) return failed(diags, file, line_number, "wrong number of cells");
    auto &row = results.rows.emplace_back();
    for (std::string_view cell : cells) {
      if (cell.empty()) {
        row.emplace_back();
        continue;
      }
      std::string error;
      row.push_back(tsv_term(cell, error));
      if (!row.back()) return failed(diags, file, line_number, error);
    }
  }
  return results;
}

std::optional<ExpectedResults> read_csv_results(std::string_view text, const std::string &file,
                                                diag::Diagnostics &diags) {
  auto records = csv_records(text);
  if (!records) return failed(diags, file, 0, "unclosed quoted field");
  ExpectedResults results;
  if (records->empty()) return results;
  results.variables = std::move(records->front());
  for (std::size_t r = 1; r < records->size(); ++r) {
    auto &record = (*records)[r];
    if (record.size() != results.variables.size()) {
      return failed(diags, file, static_cast<std::uint32_t>(r + 1), "wrong number of fields");
    }
    auto &row = results.rows.emplace_back();
    for (auto &field : record) {
      if (field.empty()) {
        row.emplace_back();
      } else if (field.starts_with("_:")) {
        row.push_back(model::Term::blank(field.substr(2)));
      } else {
        row.push_back(model::Term::literal(std::move(field)));
      }
    }
  }
  return results;
}

}  // namespace ng::query::results
