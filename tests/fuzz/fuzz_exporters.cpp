// Fuzz target `exporters`: one random notes file parsed and extracted (as in
// the `notes` target), then every exporter run into memory and its output
// checked where that is cheap: N-Triples (with and without line comments),
// N-Quads and Turtle read back by our readers with the same statement count;
// the three JSON-LD forms parse with RapidJSON; the DOT of the service view
// and of the triples diagram is read back by cgraph (agmemread); GraphML is
// well-formed XML (expat); every CSV dialect has the header's field count on
// each record (RFC 4180). Mermaid is only run. Layout and rendering (SVG) are
// left out: they are Graphviz's code, fed the same graph as the DOT, and cost
// a plugin load and a layout per input.
#include <expat.h>
#include <graphviz/cgraph.h>
#include <rapidjson/document.h>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <sstream>
#include <string>
#include <vector>

#include "exporters/diagram.hpp"
#include "exporters/jsonld_writer.hpp"
#include "exporters/ntriples_writer.hpp"
#include "exporters/property_graph.hpp"
#include "exporters/service_view.hpp"
#include "exporters/triples_diagram.hpp"
#include "exporters/turtle_writer.hpp"
#include "fuzz_support.hpp"

namespace {

using namespace ng;

void check_xml(const std::string& text, std::string_view what) {
  XML_Parser parser = XML_ParserCreate(nullptr);
  const bool ok = XML_Parse(parser, text.data(), static_cast<int>(text.size()), XML_TRUE) != XML_STATUS_ERROR;
  const std::string error = ok ? "" : XML_ErrorString(XML_GetErrorCode(parser));
  XML_ParserFree(parser);
  fuzz::check(ok, std::string(what) + " is not well-formed XML: " + error, text);
}

void check_dot(const std::string& text, std::string_view what) {
  Agraph_t* graph = agmemread(text.c_str());
  fuzz::check(graph != nullptr, std::string(what) + " is not DOT that cgraph reads", text);
  agclose(graph);
}

void check_json(const std::string& text, std::string_view what) {
  rapidjson::Document doc;
  doc.Parse(text.data(), text.size());
  fuzz::check(!doc.HasParseError(), std::string(what) + " does not parse as JSON", text);
}

// Field count of each RFC 4180 record (quoted fields may hold , " CR LF).
std::vector<std::size_t> csv_record_widths(const std::string& text) {
  std::vector<std::size_t> widths;
  std::size_t fields = 1;
  bool quoted = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (quoted) {
      if (c == '"' && i + 1 < text.size() && text[i + 1] == '"')
        ++i;
      else if (c == '"')
        quoted = false;
    } else if (c == '"') {
      quoted = true;
    } else if (c == ',') {
      ++fields;
    } else if (c == '\n') {
      widths.push_back(fields);
      fields = 1;
    }
  }
  fuzz::check(!quoted, "CSV ends inside a quoted field", text);
  return widths;
}

void check_csv(const std::string& text, std::string_view what) {
  const auto widths = csv_record_widths(text);
  for (auto w : widths)
    fuzz::check(w == widths.front(), std::string(what) + ": a record's field count differs from the header's", text);
}

void check_rdf_writers(const store::TripleStore& store) {
  std::ostringstream nt, nt_lines, nq, ttl;
  exporters::write_ntriples(store, nt);
  fuzz::check_reads_back(nt.str(), rdfio::GraphSyntax::ntriples, store.triple_count(), "N-Triples export");
  exporters::write_ntriples(store, nt_lines, {.with_lines = true});
  fuzz::check_reads_back(nt_lines.str(), rdfio::GraphSyntax::ntriples, store.triple_count(),
                         "N-Triples export with lines");
  exporters::write_nquads(store, nq);
  fuzz::check_reads_back(nq.str(), rdfio::GraphSyntax::nquads, store.size(), "N-Quads export");
  exporters::write_turtle(store, ttl);
  fuzz::check_reads_back(ttl.str(), rdfio::GraphSyntax::turtle, store.triple_count(), "Turtle export");
  for (auto form :
       {exporters::JsonLdForm::compacted, exporters::JsonLdForm::expanded, exporters::JsonLdForm::services}) {
    std::ostringstream json;
    exporters::write_jsonld(store, json, {.form = form, .base = {}});
    check_json(json.str(), "JSON-LD export");
  }
}

void check_diagrams(const store::TripleStore& store) {
  exporters::ServiceView view;
  std::string error;
  exporters::build_service_view(store, {}, view, error);
  std::ostringstream dot, mermaid;
  exporters::write_dot(view, dot);
  check_dot(dot.str(), "service diagram DOT");
  exporters::write_mermaid(view, mermaid);
  const auto quads = store.quads();
  std::vector<store::Quad> triples(quads.begin(), quads.begin() + std::min<std::size_t>(quads.size(), 200));
  std::ostringstream triples_dot;
  fuzz::check(exporters::render_triples_diagram(triples, store, {}, "dot", triples_dot, error),
              "triples diagram DOT fails", error);
  check_dot(triples_dot.str(), "triples diagram DOT");
}

void check_property_graph(const store::TripleStore& store) {
  const auto graph = exporters::build_property_graph(store);
  std::ostringstream graphml;
  exporters::write_graphml(graph, graphml);
  check_xml(graphml.str(), "GraphML export");
  for (auto dialect : {exporters::CsvDialect::neo4j, exporters::CsvDialect::neptune_gremlin,
                       exporters::CsvDialect::neptune_opencypher}) {
    const auto files = exporters::write_property_graph_csv(graph, dialect);
    check_csv(files.nodes, "nodes.csv");
    check_csv(files.relationships, "relationships.csv");
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const auto graph = fuzz::build_notes_graph(data, size);
  check_rdf_writers(graph->store);
  check_diagrams(graph->store);
  check_property_graph(graph->store);
  return 0;
}
