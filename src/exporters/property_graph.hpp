// The graph of notes as a property graph, the shape graph databases without
// RDF load: every entity (IRI or blank node in subject position) is a node
// whose labels are its rdf:type classes' local names and whose properties are
// its literal values (and IRIs that name no entity); every other triple
// between two entities is a relationship typed by the predicate's local name.
// Nodes and relationships carry the source file and line they came from.
//
// Property names: the predicate's local name, with the language tag appended
// for tagged literals ("description_ko", "label_en", tag lower-cased and '-'
// written '_'); characters a loader header cannot hold become '_'. Text is NFC.
//
// Writers: CSV for neo4j-admin import and for the two Amazon Neptune bulk
// loader formats (Gremlin "csv" and "opencypher"), GraphML, and Mermaid.
#pragma once

#include <cstdint>
#include <map>
#include <ostream>
#include <string>
#include <vector>

#include "exporters/service_view.hpp"
#include "store/triple_store.hpp"

namespace ng::exporters {

struct PgNode {
  std::string id;                  // the IRI (or "_:b" for a blank node), NFC
  std::vector<std::string> labels; // class local names, sorted
  std::map<std::string, std::vector<std::string>> properties; // column → values
  std::string file;
  std::uint32_t line = 0;
};

struct PgEdge {
  std::string id; // "r1", "r2"… in output order
  std::size_t from = 0, to = 0; // indexes into PropertyGraph::nodes
  std::string type;             // predicate local name: "mentions", "parent"…
  std::string file;
  std::uint32_t line = 0;
};

struct PgColumn {
  std::string name;
  bool integer = false; // every value is an integer literal that fits 64 bits
  bool multi = false;   // some node has more than one value
};

struct PropertyGraph {
  std::vector<PgNode> nodes;     // sorted by id
  std::vector<PgEdge> edges;     // sorted by (from, type, to)
  std::vector<PgColumn> columns; // node property columns, sorted by name
};

PropertyGraph build_property_graph(const store::TripleStore &store);

enum class CsvDialect { neo4j, neptune_gremlin, neptune_opencypher };

// The three files a CSV dialect writes into its folder.
struct CsvFiles {
  std::string nodes;         // nodes.csv
  std::string relationships; // relationships.csv
  std::string readme;        // README.md: the load command and the choices
};

CsvFiles write_property_graph_csv(const PropertyGraph &graph,
                                  CsvDialect dialect);

// One RFC 4180 field: quoted when it holds ',', '"', CR or LF (or `always`),
// inner quotes doubled.
std::string csv_field(const std::string &text, bool always = false);

// GraphML 1.0 of the whole property graph (keys per property column, labels
// joined by ';', multiple values by a newline). Characters XML 1.0 cannot
// carry (C0 controls other than tab/LF/CR, U+FFFE, U+FFFF, invalid UTF-8)
// become U+FFFD; CR is written &#13; so it survives.
void write_graphml(const PropertyGraph &graph, std::ostream &out);

// A Mermaid flowchart of the service view (a subgraph per category, typed
// relations as labelled arrows, mentions dotted), for a ```mermaid block.
void write_mermaid(const ServiceView &view, std::ostream &out);

// Mermaid label text for use inside ["…"]: one line, and '"', '#', '<', '>',
// '&', '`' written as Mermaid entity codes (#quot; #35; #lt; #gt; #amp; #96;).
std::string mermaid_escape(const std::string &text, std::size_t max_chars = 0);

} // namespace ng::exporters
