// Fuzz target `query_engine`: random queries (libFuzzer mutates the corpus
// with the SPARQL tokens of sparql.dict) parsed and evaluated over a small
// fixed dataset, each on a fresh copy of the store (evaluation interns new
// terms), with a time, row and memory budget so that no query can hang. Every
// result is then written in each format its query form supports; the JSON
// results must parse with RapidJSON, the XML with expat, and N-Triples /
// N-Quads must read back with our own readers.
#include <expat.h>
#include <rapidjson/document.h>

#include <cstddef>
#include <cstdint>
#include <sstream>
#include <string>
#include <string_view>

#include "fixed_graph.hpp"
#include "fuzz_support.hpp"
#include "query/results/result_format.hpp"
#include "query/results/write_results.hpp"
#include "query/sparql.hpp"
#include "rdfio/store_loader.hpp"

namespace {

using namespace ng;

const store::TripleStore& fixed_store() {
  static const store::TripleStore store = [] {
    auto notes = fuzz::build_notes_graph(reinterpret_cast<const std::uint8_t*>(fuzz::kFixedNotes.data()),
                                         fuzz::kFixedNotes.size());
    fuzz::check(!notes->diags.has_errors(), "the fixed notes have errors");
    store::TripleStore s = std::move(notes->store);
    diag::Diagnostics diags;
    rdfio::ReadOptions options;
    options.file_name = "fixed.ttl";
    rdfio::load_graph(fuzz::kFixedTurtle, rdfio::GraphSyntax::turtle, options, s, diags);
    fuzz::check(!diags.has_errors(), "the fixed Turtle has errors");
    s.freeze();
    return s;
  }();
  return store;
}

void check_xml(const std::string& text) {
  XML_Parser parser = XML_ParserCreate(nullptr);
  const bool ok = XML_Parse(parser, text.data(), static_cast<int>(text.size()), XML_TRUE) != XML_STATUS_ERROR;
  const std::string error = ok ? "" : XML_ErrorString(XML_GetErrorCode(parser));
  XML_ParserFree(parser);
  fuzz::check(ok, "XML results are not well-formed: " + error, text);
}

void check_json(const std::string& text) {
  rapidjson::Document doc;
  doc.Parse(text.data(), text.size());
  fuzz::check(!doc.HasParseError(), "JSON results do not parse", text);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  diag::Diagnostics diags;
  const auto parsed =
      query::parse_query(std::string_view(reinterpret_cast<const char*>(data), size), query::ParseOptions{}, diags);
  if (!parsed.ok()) return 0;
  store::TripleStore store = fixed_store();
  query::EvalOptions options;
  options.timeout = 0.5;
  options.max_rows = 20000;
  options.max_memory = std::size_t{64} << 20;
  const auto result = query::evaluate(parsed, store, options, diags);
  using query::results::ResultFormat;
  for (auto format : {ResultFormat::table, ResultFormat::tsv, ResultFormat::csv, ResultFormat::json, ResultFormat::xml,
                      ResultFormat::nt, ResultFormat::nq}) {
    if (!query::results::format_supports(result.form, format)) continue;
    std::ostringstream out;
    query::results::write_results(result, store.dictionary(), format, out);
    const std::string text = out.str();
    if (format == ResultFormat::json) check_json(text);
    if (format == ResultFormat::xml) check_xml(text);
    if (format == ResultFormat::nt)
      fuzz::check_reads_back(text, rdfio::GraphSyntax::ntriples, result.triples.size(), "nt results");
    if (format == ResultFormat::nq)
      fuzz::check_reads_back(text, rdfio::GraphSyntax::nquads, result.triples.size(), "nq results");
  }
  return 0;
}
