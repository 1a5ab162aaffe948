// Reads SPARQL 1.1 Query Results JSON (.srj) with RapidJSON's DOM: head.vars,
// results.bindings (type uri / literal / typed-literal / bnode), or boolean.
#include <rapidjson/document.h>

#include "query/results/expected_results.hpp"

namespace ng::query::results {
namespace {

std::optional<ExpectedResults> failed(diag::Diagnostics &diags, const std::string &file, std::string message) {
  diags.error("results-syntax", file, {}, std::move(message));
  return std::nullopt;
}

std::string string_member(const rapidjson::Value &object, const char *name) {
  const auto it = object.FindMember(name);
  if (it == object.MemberEnd() || !it->value.IsString()) return {};
  return {it->value.GetString(), it->value.GetStringLength()};
}

std::optional<model::Term> term_of(const rapidjson::Value &v) {
  if (!v.IsObject()) return std::nullopt;
  const std::string type = string_member(v, "type");
  const std::string value = string_member(v, "value");
  if (type == "uri") return model::Term::iri(value);
  if (type == "bnode") return model::Term::blank(value);
  if (type == "literal" || type == "typed-literal") {
    model::Term t = model::Term::literal(value);
    t.language = string_member(v, "xml:lang");
    if (t.language.empty()) t.datatype = string_member(v, "datatype");
    return t;
  }
  return std::nullopt;
}

}  // namespace

std::optional<ExpectedResults> read_srj(std::string_view text, const std::string &file, diag::Diagnostics &diags) {
  rapidjson::Document doc;
  doc.Parse(text.data(), text.size());
  if (doc.HasParseError() || !doc.IsObject()) {
    return failed(diags, file, "not a JSON object (error at byte " + std::to_string(doc.GetErrorOffset()) + ")");
  }
  ExpectedResults results;
  if (const auto b = doc.FindMember("boolean"); b != doc.MemberEnd()) {
    if (!b->value.IsBool()) return failed(diags, file, "\"boolean\" is not true or false");
    results.boolean = b->value.GetBool();
    return results;
  }
  const auto head = doc.FindMember("head");
  if (head == doc.MemberEnd() || !head->value.IsObject()) return failed(diags, file, "no \"head\" object");
  if (const auto vars = head->value.FindMember("vars"); vars != head->value.MemberEnd() && vars->value.IsArray()) {
    for (const auto &v : vars->value.GetArray()) {
      if (v.IsString()) results.variables.emplace_back(v.GetString(), v.GetStringLength());
    }
  }
  const auto res = doc.FindMember("results");
  if (res == doc.MemberEnd() || !res->value.IsObject()) return failed(diags, file, "no \"results\" object");
  const auto bindings = res->value.FindMember("bindings");
  if (bindings == res->value.MemberEnd() || !bindings->value.IsArray()) {
    return failed(diags, file, "no \"results.bindings\" array");
  }
  for (const auto &binding : bindings->value.GetArray()) {
    if (!binding.IsObject()) return failed(diags, file, "a binding is not an object");
    auto &row = results.rows.emplace_back(results.variables.size());
    for (const auto &member : binding.GetObject()) {
      const std::string name(member.name.GetString(), member.name.GetStringLength());
      std::size_t column = 0;
      while (column < results.variables.size() && results.variables[column] != name) ++column;
      if (column == results.variables.size()) return failed(diags, file, "binding of undeclared variable " + name);
      row[column] = term_of(member.value);
      if (!row[column]) return failed(diags, file, "binding of " + name + " has no known type");
    }
  }
  return results;
}

}  // namespace ng::query::results
