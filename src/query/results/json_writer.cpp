// SPARQL 1.1 Query Results JSON Format (W3C REC 2013) with RapidJSON's
// Writer: head.vars and results.bindings (unbound variables omitted from a
// binding), or head {} and boolean for ASK.
#include <rapidjson/ostreamwrapper.h>
#include <rapidjson/writer.h>

#include "query/results/result_writers.hpp"

namespace ng::query::results::detail {
namespace {

using JsonWriter = rapidjson::Writer<rapidjson::OStreamWrapper>;

void write_string(JsonWriter &w, std::string_view s) { w.String(s.data(), static_cast<rapidjson::SizeType>(s.size())); }

void write_term(JsonWriter &w, model::TermView term) {
  w.StartObject();
  w.Key("type");
  switch (term.kind) {
    case model::TermKind::iri:
      w.String("uri");
      break;
    case model::TermKind::blank:
      w.String("bnode");
      break;
    case model::TermKind::literal:
      w.String("literal");
      break;
  }
  w.Key("value");
  write_string(w, term.value);
  if (term.kind == model::TermKind::literal) {
    if (!term.language.empty()) {
      w.Key("xml:lang");
      write_string(w, term.language);
    } else if (!term.datatype.empty()) {
      w.Key("datatype");
      write_string(w, term.datatype);
    }
  }
  w.EndObject();
}

}  // namespace

void write_json(const QueryResult &result, const store::Dictionary &dict, std::ostream &out) {
  rapidjson::OStreamWrapper stream(out);
  JsonWriter w(stream);
  w.StartObject();
  w.Key("head");
  w.StartObject();
  if (result.form == QueryForm::ask) {
    w.EndObject();
    w.Key("boolean");
    w.Bool(result.boolean);
    w.EndObject();
    stream.Flush();
    out << '\n';
    return;
  }
  const SolutionTable &table = result.table;
  w.Key("vars");
  w.StartArray();
  for (const auto &v : table.variables) write_string(w, v);
  w.EndArray();
  w.EndObject();
  w.Key("results");
  w.StartObject();
  w.Key("bindings");
  w.StartArray();
  for (std::size_t r = 0; r < table.row_count(); ++r) {
    w.StartObject();
    for (std::size_t c = 0; c < table.width(); ++c) {
      const store::TermId id = table.at(r, c);
      if (id == store::kNoTerm) continue;
      write_string(w, table.variables[c]);
      write_term(w, dict.term(id));
    }
    w.EndObject();
  }
  w.EndArray();
  w.EndObject();
  w.EndObject();
  stream.Flush();
  out << '\n';
}

}  // namespace ng::query::results::detail
