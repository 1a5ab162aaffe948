// SPARQL 1.1 Query Results CSV and TSV Formats (W3C REC 2013). TSV keeps
// terms in Turtle syntax (numbers bare when their lexical form is a Turtle
// number) and ends lines with LF; CSV keeps only the values, quotes fields
// per RFC 4180 and ends lines with CRLF.
#include <string>

#include "exporters/ntriples_term.hpp"
#include "model/vocab.hpp"
#include "query/results/result_writers.hpp"

namespace ng::query::results::detail {
namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// Whether `s` is Turtle's INTEGER, DECIMAL or DOUBLE, as `datatype` needs.
bool is_turtle_number(std::string_view s, std::string_view datatype) {
  const std::string xsd(vocab::xsd);
  const bool integer = datatype == xsd + "integer", decimal = datatype == xsd + "decimal",
             dbl = datatype == xsd + "double";
  if (!integer && !decimal && !dbl) return false;
  std::size_t i = 0;
  if (i < s.size() && (s[i] == '+' || s[i] == '-')) ++i;
  std::size_t whole = 0, fraction = 0;
  while (i < s.size() && is_digit(s[i])) ++i, ++whole;
  bool dot = false;
  if (i < s.size() && s[i] == '.') {
    dot = true;
    ++i;
    while (i < s.size() && is_digit(s[i])) ++i, ++fraction;
  }
  if (integer) return i == s.size() && !dot && whole > 0;
  if (decimal) return i == s.size() && dot && fraction > 0;
  if (whole + fraction == 0 || i >= s.size() || (s[i] != 'e' && s[i] != 'E')) return false;
  ++i;
  if (i < s.size() && (s[i] == '+' || s[i] == '-')) ++i;
  const std::size_t exponent_start = i;
  while (i < s.size() && is_digit(s[i])) ++i;
  return i == s.size() && i > exponent_start;
}

void append_tsv_term(std::string &out, model::TermView term) {
  if (term.kind == model::TermKind::literal && term.language.empty() && is_turtle_number(term.value, term.datatype)) {
    out += term.value;
  } else {
    exporters::append_ntriples_term(out, term);
  }
}

void append_csv_field(std::string &out, std::string_view value) {
  if (value.find_first_of(",\"\r\n") == std::string_view::npos) {
    out += value;
    return;
  }
  out += '"';
  for (char c : value) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
}

void append_csv_term(std::string &out, model::TermView term) {
  if (term.kind == model::TermKind::blank) {
    std::string label;
    exporters::append_ntriples_blank_node(label, term.value);
    out += label;
  } else {
    append_csv_field(out, term.value);
  }
}

// Header, then rows; `cell` appends a bound term; `separator` between cells.
template <class AppendCell>
void write_delimited(const SolutionTable &table, const store::Dictionary &dict, std::ostream &out, char separator,
                     std::string_view variable_mark, std::string_view line_end, const AppendCell &cell) {
  std::string line;
  for (std::size_t c = 0; c < table.width(); ++c) {
    if (c > 0) line += separator;
    line += variable_mark;
    line += table.variables[c];
  }
  line += line_end;
  out << line;
  for (std::size_t r = 0; r < table.row_count(); ++r) {
    line.clear();
    for (std::size_t c = 0; c < table.width(); ++c) {
      if (c > 0) line += separator;
      if (const store::TermId id = table.at(r, c); id != store::kNoTerm) cell(line, dict.term(id));
    }
    line += line_end;
    out << line;
  }
}

}  // namespace

void write_tsv(const SolutionTable &table, const store::Dictionary &dict, std::ostream &out) {
  write_delimited(table, dict, out, '\t', "?", "\n", append_tsv_term);
}

void write_csv(const SolutionTable &table, const store::Dictionary &dict, std::ostream &out) {
  write_delimited(table, dict, out, ',', "", "\r\n", append_csv_term);
}

}  // namespace ng::query::results::detail
