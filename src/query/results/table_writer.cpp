// The terminal table: one column per variable, terms shown compactly
// (prefixed names for notegraph's namespaces, bare numbers), columns padded by
// display width (utf8proc: Hangul takes two columns), control characters
// shown as escapes, and a row count line.
#include <utf8proc.h>

#include <algorithm>
#include <array>
#include <cstdio>
#include <string>
#include <vector>

#include "model/vocab.hpp"
#include "query/results/result_writers.hpp"

namespace ng::query::results::detail {
namespace {

struct Namespace {
  std::string_view prefix, iri;
};

constexpr std::array<Namespace, 7> kNamespaces = {{{"ng", vocab::ng},
                                                   {"field", vocab::field},
                                                   {"rdf", vocab::rdf},
                                                   {"rdfs", vocab::rdfs},
                                                   {"xsd", vocab::xsd},
                                                   {"skos", vocab::skos},
                                                   {"dcterms", vocab::dcterms}}};

// A local name shown without brackets: letters (any script), digits, '_', '-'
// and inner '.'; anything else keeps the full IRI, so the output stays
// unambiguous.
bool plain_local_name(std::string_view local) {
  if (local.empty() || local.back() == '.') return local.empty();
  for (unsigned char c : local) {
    const bool ok = c >= 0x80 || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                    c == '_' || c == '-' || c == '.';
    if (!ok) return false;
  }
  return true;
}

std::string compact_iri(std::string_view iri, const WriteOptions &options) {
  if (!options.base.empty() && iri.starts_with(options.base) && plain_local_name(iri.substr(options.base.size()))) {
    return ":" + std::string(iri.substr(options.base.size()));
  }
  for (const auto &ns : kNamespaces) {
    if (iri.starts_with(ns.iri) && plain_local_name(iri.substr(ns.iri.size()))) {
      return std::string(ns.prefix) + ":" + std::string(iri.substr(ns.iri.size()));
    }
  }
  return "<" + std::string(iri) + ">";
}

bool bare_literal(model::TermView t) {
  const std::string xsd(vocab::xsd);
  return t.language.empty() && !t.value.empty() &&
         (t.datatype == xsd + "integer" || t.datatype == xsd + "decimal" || t.datatype == xsd + "double" ||
          t.datatype == xsd + "boolean");
}

std::string compact_term(model::TermView t, const WriteOptions &options) {
  switch (t.kind) {
    case model::TermKind::iri:
      return compact_iri(t.value, options);
    case model::TermKind::blank:
      return "_:" + std::string(t.value);
    case model::TermKind::literal:
      break;
  }
  if (bare_literal(t)) return std::string(t.value);
  std::string out = "\"" + std::string(t.value) + "\"";
  if (!t.language.empty()) {
    out += "@" + std::string(t.language);
  } else if (!t.datatype.empty() && t.datatype != vocab::xsd_string) {
    out += "^^" + compact_iri(t.datatype, options);
  }
  return out;
}

// A cell ready to print: control characters escaped, invalid UTF-8 replaced,
// cut to the width limit with an ellipsis; and its display width.
struct Cell {
  std::string text;
  std::size_t width = 0;
};

// One code point as shown: itself, or an escape for a control character.
struct Piece {
  std::string text;
  std::size_t width = 0;
};

std::vector<Piece> shown_pieces(std::string_view raw) {
  std::vector<Piece> pieces;
  const auto *bytes = reinterpret_cast<const utf8proc_uint8_t *>(raw.data());
  for (std::size_t i = 0; i < raw.size();) {
    utf8proc_int32_t cp = 0;
    const utf8proc_ssize_t length = utf8proc_iterate(bytes + i, static_cast<utf8proc_ssize_t>(raw.size() - i), &cp);
    if (length < 0) {
      pieces.push_back({"\xEF\xBF\xBD", 1});
      ++i;
      continue;
    }
    std::string text;
    if (cp == '\n') {
      text = "\\n";
    } else if (cp == '\t') {
      text = "\\t";
    } else if (cp == '\r') {
      text = "\\r";
    } else if (cp < 0x20 || (cp >= 0x7F && cp < 0xA0)) {
      char escape[12];
      std::snprintf(escape, sizeof escape, "\\u%04X", static_cast<unsigned>(cp));
      text = escape;
    }
    if (!text.empty()) {
      pieces.push_back({text, text.size()});
    } else {
      pieces.push_back({std::string(raw.substr(i, static_cast<std::size_t>(length))),
                        static_cast<std::size_t>(std::max(0, utf8proc_charwidth(cp)))});
    }
    i += static_cast<std::size_t>(length);
  }
  return pieces;
}

Cell make_cell(std::string_view raw, std::size_t max_width) {
  const std::vector<Piece> pieces = shown_pieces(raw);
  std::size_t total = 0;
  for (const auto &p : pieces) total += p.width;
  const bool cut = max_width > 0 && total > max_width;
  Cell cell;
  for (const auto &p : pieces) {
    if (cut && cell.width + p.width > max_width - 1) break;
    cell.text += p.text;
    cell.width += p.width;
  }
  if (cut) {
    cell.text += "\xE2\x80\xA6";  // …
    cell.width += 1;
  }
  return cell;
}

void write_grid(const std::vector<std::string> &headers, const std::vector<std::vector<Cell>> &rows,
                std::string_view count_noun, std::ostream &out, std::size_t max_width) {
  std::vector<Cell> header_cells;
  std::vector<std::size_t> widths;
  for (const auto &h : headers) {
    header_cells.push_back(make_cell(h, max_width));
    widths.push_back(header_cells.back().width);
  }
  for (const auto &row : rows)
    for (std::size_t c = 0; c < row.size(); ++c) widths[c] = std::max(widths[c], row[c].width);
  const auto write_row = [&](const std::vector<Cell> &row) {
    std::string line = "|";
    for (std::size_t c = 0; c < row.size(); ++c) {
      line += ' ';
      line += row[c].text;
      line.append(widths[c] - row[c].width + 1, ' ');
      line += '|';
    }
    out << line << '\n';
  };
  write_row(header_cells);
  std::string rule = "|";
  for (std::size_t w : widths) rule.append(w + 2, '-').append("|");
  out << rule << '\n';
  for (const auto &row : rows) write_row(row);
  out << rows.size() << ' ' << count_noun << (rows.size() == 1 ? "" : "s") << '\n';
}

}  // namespace

void write_table(const QueryResult &result, const store::Dictionary &dict, std::ostream &out,
                 const WriteOptions &options) {
  const std::size_t max = options.max_cell_width;
  const auto cell_of = [&](store::TermId id) {
    return id == store::kNoTerm ? Cell{} : make_cell(compact_term(dict.term(id), options), max);
  };
  std::vector<std::vector<Cell>> rows;
  if (result.form == QueryForm::ask) {
    out << (result.boolean ? "true" : "false") << '\n';
    return;
  }
  if (result.form == QueryForm::select) {
    const SolutionTable &table = result.table;
    std::vector<std::string> headers;
    for (const auto &v : table.variables) headers.push_back("?" + v);
    for (std::size_t r = 0; r < table.row_count(); ++r) {
      rows.emplace_back();
      for (std::size_t c = 0; c < table.width(); ++c) rows.back().push_back(cell_of(table.at(r, c)));
    }
    write_grid(headers, rows, "row", out, max);
    return;
  }
  for (const store::Quad &q : result.triples) rows.push_back({cell_of(q.s), cell_of(q.p), cell_of(q.o)});
  write_grid({"subject", "predicate", "object"}, rows, "triple", out, max);
}

}  // namespace ng::query::results::detail
