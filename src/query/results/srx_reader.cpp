// Reads SPARQL Query Results XML (.srx) with expat: a small state machine
// over sparql/head/variable, results/result/binding/(uri|literal|bnode) and
// boolean. Element names are matched without their namespace prefix.
#include <expat.h>

#include <cstring>

#include "query/results/expected_results.hpp"

namespace ng::query::results {
namespace {

struct SrxState {
  ExpectedResults results;
  std::vector<std::optional<model::Term>> *row = nullptr;
  std::size_t column = 0;
  bool in_binding = false;
  std::optional<model::Term> term;  // being read
  bool in_boolean = false;
  std::string text;
  std::string error;
};

// expat is given a namespace separator of ' ', so names are "uri local" pairs.
std::string_view local_name(const XML_Char *name) {
  std::string_view n(name);
  const std::size_t space = n.rfind(' ');
  return space == std::string_view::npos ? n : n.substr(space + 1);
}

const XML_Char *attribute(const XML_Char **attrs, std::string_view wanted) {
  for (std::size_t i = 0; attrs[i] != nullptr; i += 2) {
    std::string_view name(attrs[i]);
    if (name == wanted) return attrs[i + 1];
    // "http://www.w3.org/XML/1998/namespace lang" for xml:lang
    if (wanted == "xml:lang" && name == "http://www.w3.org/XML/1998/namespace lang") return attrs[i + 1];
  }
  return nullptr;
}

void on_start(void *data, const XML_Char *name, const XML_Char **attrs) {
  auto &s = *static_cast<SrxState *>(data);
  const std::string_view element = local_name(name);
  s.text.clear();
  if (element == "variable") {
    if (const XML_Char *v = attribute(attrs, "name")) s.results.variables.emplace_back(v);
  } else if (element == "result") {
    s.row = &s.results.rows.emplace_back(s.results.variables.size());
  } else if (element == "binding") {
    const XML_Char *v = attribute(attrs, "name");
    s.column = 0;
    while (v && s.column < s.results.variables.size() && s.results.variables[s.column] != v) ++s.column;
    if (!v || s.column == s.results.variables.size()) s.error = "binding of an undeclared variable";
    s.in_binding = true;
  } else if (element == "uri") {
    s.term = model::Term::iri({});
  } else if (element == "bnode") {
    s.term = model::Term::blank({});
  } else if (element == "literal") {
    s.term = model::Term::literal({});
    if (const XML_Char *lang = attribute(attrs, "xml:lang")) {
      s.term->language = lang;
    } else if (const XML_Char *dt = attribute(attrs, "datatype")) {
      s.term->datatype = dt;
    }
  } else if (element == "boolean") {
    s.in_boolean = true;
  }
}

void on_end(void *data, const XML_Char *name) {
  auto &s = *static_cast<SrxState *>(data);
  const std::string_view element = local_name(name);
  if ((element == "uri" || element == "bnode" || element == "literal") && s.term) {
    s.term->value = s.text;
    if (s.in_binding && s.row && s.column < s.row->size()) (*s.row)[s.column] = std::move(s.term);
    s.term.reset();
  } else if (element == "binding") {
    s.in_binding = false;
  } else if (element == "boolean") {
    s.in_boolean = false;
    if (s.text == "true" || s.text == "false") {
      s.results.boolean = s.text == "true";
    } else {
      s.error = "<boolean> holds neither true nor false";
    }
  }
}

void on_text(void *data, const XML_Char *text, int length) {
  auto &s = *static_cast<SrxState *>(data);
  if (s.term || s.in_boolean) s.text.append(text, static_cast<std::size_t>(length));
}

}  // namespace

std::optional<ExpectedResults> read_srx(std::string_view text, const std::string &file, diag::Diagnostics &diags) {
  XML_Parser parser = XML_ParserCreateNS(nullptr, ' ');
  SrxState state;
  XML_SetUserData(parser, &state);
  XML_SetElementHandler(parser, on_start, on_end);
  XML_SetCharacterDataHandler(parser, on_text);
  const bool parsed = XML_Parse(parser, text.data(), static_cast<int>(text.size()), XML_TRUE) != XML_STATUS_ERROR;
  if (!parsed) {
    const diag::SourcePos where{static_cast<std::uint32_t>(XML_GetCurrentLineNumber(parser)),
                                static_cast<std::uint32_t>(XML_GetCurrentColumnNumber(parser) + 1)};
    diags.error("results-syntax", file, where, XML_ErrorString(XML_GetErrorCode(parser)));
  }
  XML_ParserFree(parser);
  if (!parsed) return std::nullopt;
  if (!state.error.empty()) {
    diags.error("results-syntax", file, {}, state.error);
    return std::nullopt;
  }
  return std::move(state.results);
}

}  // namespace ng::query::results
