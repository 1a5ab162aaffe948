// SPARQL Query Results XML Format (W3C REC 2013): sparql/head/variable and
// results/result/binding with uri, literal (xml:lang or datatype) or bnode;
// boolean for ASK. Text is escaped for XML 1.0; characters XML 1.0 cannot
// carry even as references (C0 controls but tab, LF, CR) become U+FFFD.
#include <string>

#include "query/results/result_writers.hpp"

namespace ng::query::results::detail {
namespace {

void append_xml_text(std::string &out, std::string_view text) {
  for (char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\r':
        out += "&#xD;";
        break;  // a raw CR would be normalized away by the reader
      default:
        if (static_cast<unsigned char>(c) < 0x20 && c != '\t' && c != '\n') {
          out += "\xEF\xBF\xBD";
        } else {
          out += c;
        }
    }
  }
}

void append_term(std::string &out, model::TermView term) {
  switch (term.kind) {
    case model::TermKind::iri:
      out += "<uri>";
      append_xml_text(out, term.value);
      out += "</uri>";
      break;
    case model::TermKind::blank:
      out += "<bnode>";
      append_xml_text(out, term.value);
      out += "</bnode>";
      break;
    case model::TermKind::literal:
      out += "<literal";
      if (!term.language.empty()) {
        out += " xml:lang=\"";
        append_xml_text(out, term.language);
        out += '"';
      } else if (!term.datatype.empty()) {
        out += " datatype=\"";
        append_xml_text(out, term.datatype);
        out += '"';
      }
      out += '>';
      append_xml_text(out, term.value);
      out += "</literal>";
      break;
  }
}

}  // namespace

void write_xml(const QueryResult &result, const store::Dictionary &dict, std::ostream &out) {
  std::string text =
      "<?xml version=\"1.0\"?>\n<sparql "
      "xmlns=\"http://www.w3.org/2005/sparql-results#\">\n  <head>\n";
  if (result.form == QueryForm::ask) {
    text += "  </head>\n  <boolean>";
    text += result.boolean ? "true" : "false";
    text += "</boolean>\n</sparql>\n";
    out << text;
    return;
  }
  const SolutionTable &table = result.table;
  for (const auto &v : table.variables) {
    text += "    <variable name=\"";
    append_xml_text(text, v);
    text += "\"/>\n";
  }
  text += "  </head>\n  <results>\n";
  out << text;
  for (std::size_t r = 0; r < table.row_count(); ++r) {
    text = "    <result>\n";
    for (std::size_t c = 0; c < table.width(); ++c) {
      const store::TermId id = table.at(r, c);
      if (id == store::kNoTerm) continue;
      text += "      <binding name=\"";
      append_xml_text(text, table.variables[c]);
      text += "\">";
      append_term(text, dict.term(id));
      text += "</binding>\n";
    }
    text += "    </result>\n";
    out << text;
  }
  out << "  </results>\n</sparql>\n";
}

}  // namespace ng::query::results::detail
