// CSV for neo4j-admin database import and the Amazon Neptune bulk loader
// (Gremlin "csv" and "opencypher" formats), each header as its loader
// documents it, RFC 4180 quoting (CRLF row ends), and a README per folder.
#include <set>
#include <sstream>

#include "exporters/property_graph.hpp"

namespace ng::exporters {

std::string csv_field(const std::string &text, bool always) {
  const bool quote =
      always || text.find_first_of(",\"\r\n") != std::string::npos;
  if (!quote)
    return text;
  std::string out = "\"";
  for (char c : text) {
    if (c == '"')
      out += '"';
    out += c;
  }
  out += '"';
  return out;
}

namespace {

constexpr const char *kEnd = "\r\n";

// The neo4j array delimiter: ';' unless an array element holds one, then the
// first of a few others that no element holds.
char neo4j_array_delimiter(const PropertyGraph &graph) {
  std::set<char> used;
  auto note = [&](const std::string &s) {
    for (char c : s)
      used.insert(c);
  };
  for (const auto &node : graph.nodes) {
    for (const auto &l : node.labels)
      note(l);
    for (const auto &column : graph.columns)
      if (column.multi)
        if (auto it = node.properties.find(column.name);
            it != node.properties.end())
          for (const auto &v : it->second)
            note(v);
  }
  for (char c : std::string(";|^~`!$%*+=?@"))
    if (!used.count(c))
      return c;
  return ';';
}

// Neptune: elements of an array (and labels) are separated by ';', and a
// ';' inside one is written "\;".
std::string neptune_element(const std::string &text) {
  std::string out;
  for (char c : text) {
    if (c == ';')
      out += '\\';
    out += c;
  }
  return out;
}

std::string join(const std::vector<std::string> &values, char delimiter,
                 bool neptune) {
  std::string out;
  for (std::size_t i = 0; i < values.size(); ++i) {
    if (i)
      out += delimiter;
    out += neptune ? neptune_element(values[i]) : values[i];
  }
  return out;
}

std::string column_header(const PgColumn &c, CsvDialect dialect) {
  switch (dialect) {
  case CsvDialect::neo4j:
    return c.name + (c.integer ? ":long" : ":string") + (c.multi ? "[]" : "");
  case CsvDialect::neptune_gremlin:
    return c.name + (c.integer ? ":Long" : ":String") +
           (c.multi ? "[]" : "(single)");
  case CsvDialect::neptune_opencypher:
    return c.name + (c.integer ? ":Long" : ":String") + (c.multi ? "[]" : "");
  }
  return c.name;
}

const char *dialect_name(CsvDialect d) {
  switch (d) {
  case CsvDialect::neo4j:
    return "neo4j";
  case CsvDialect::neptune_gremlin:
    return "neptune-gremlin";
  case CsvDialect::neptune_opencypher:
    return "neptune-opencypher";
  }
  return "";
}

std::string readme(const PropertyGraph &graph, CsvDialect dialect,
                   char delimiter) {
  std::ostringstream r;
  r << "# notegraph property graph (" << dialect_name(dialect) << ")\n\n"
    << "Written by `notegraph export -f " << dialect_name(dialect)
    << "`: `nodes.csv` (" << graph.nodes.size()
    << " nodes) and `relationships.csv` (" << graph.edges.size()
    << " relationships). UTF-8, NFC, RFC 4180 quoting, CRLF row ends.\n\n";
  if (dialect == CsvDialect::neo4j) {
    const std::string d(1, delimiter);
    r << "## Load (neo4j-admin, Neo4j 5)\n\n"
      << "Run from this folder; the database `neo4j` must not exist yet "
         "(or add `--overwrite-destination=true`):\n\n"
      << "```sh\n"
      << "neo4j-admin database import full --nodes=nodes.csv "
         "--relationships=relationships.csv --multiline-fields=true "
         "--array-delimiter='"
      << d << "' neo4j\n```\n\n"
      << "Neo4j 4.x: `neo4j-admin import --database=neo4j --nodes=nodes.csv "
         "--relationships=relationships.csv --multiline-fields=true "
         "--array-delimiter='"
      << d << "'`.\n\n"
      << "Texts may hold line breaks, hence `--multiline-fields=true`. The "
         "array delimiter is `"
      << d
      << "` in this export: notegraph picks `;` unless a label or array "
         "element contains one, then the first of `|^~` (…) that none "
         "contains.\n\n";
  } else {
    const bool gremlin = dialect == CsvDialect::neptune_gremlin;
    r << "## Load (Amazon Neptune bulk loader)\n\n"
      << "Copy the CSV files (not this README: the loader reads every file "
         "under the prefix) to S3, then start the load from a host that "
         "reaches the cluster:\n\n"
      << "```sh\n"
      << "aws s3 cp . s3://BUCKET/notegraph/ --recursive --exclude '*' "
         "--include '*.csv'\n"
      << "curl -X POST -H 'Content-Type: application/json' "
         "https://YOUR-NEPTUNE-ENDPOINT:8182/loader -d '{\"source\": "
         "\"s3://BUCKET/notegraph/\", \"format\": \""
      << (gremlin ? "csv" : "opencypher")
      << "\", \"iamRoleArn\": \"arn:aws:iam::ACCOUNT:role/NeptuneLoadFromS3\", "
         "\"region\": \"REGION\", \"failOnError\": \"TRUE\""
      << (gremlin ? "" : ", \"userProvidedEdgeIds\": \"TRUE\"") << "}'\n"
      << "```\n\n"
      << "Multiple labels, and the values of array columns, are separated by "
         "`;`; a `;` inside a value is written `\\;`.\n\n";
  }
  r << "## Shape\n\n"
    << "- A node per entity (document, section, term…), id = its IRI "
       "(also the `iri` property); labels = its rdf:type classes' local "
       "names.\n"
    << "- Properties: each literal's predicate local name (`label`, "
       "`altLabel`, `description`, `number`, `level`…). Language-tagged "
       "literals keep their tag in the property name: `description_ko`, "
       "`label_en` (tag lower-cased, `-` written `_`). A property with more "
       "than one value on some node is an array column. Integer literals are "
       "`long`/`Long`.\n"
    << "- `file` and `line`: where the entity (its first rdf:type statement) "
       "or relationship was written in the notes.\n"
    << "- A relationship per triple between two entities; its type is the "
       "predicate's local name as written in the vocabulary (`mentions`, "
       "`parent`, `category`, `runsOn`…).\n";
  if (dialect != CsvDialect::neo4j)
    r << "- Relationship ids `r1`, `r2`… are stable for the same notes.\n";
  return r.str();
}

} // namespace

CsvFiles write_property_graph_csv(const PropertyGraph &graph,
                                  CsvDialect dialect) {
  const bool neptune = dialect != CsvDialect::neo4j;
  const char delimiter =
      neptune ? ';' : neo4j_array_delimiter(graph);
  std::ostringstream nodes, rels;

  // Node header.
  switch (dialect) {
  case CsvDialect::neo4j:
    nodes << "iri:ID,:LABEL";
    break;
  case CsvDialect::neptune_gremlin:
    nodes << "~id,~label,iri:String(single)";
    break;
  case CsvDialect::neptune_opencypher:
    nodes << "iri:ID,:LABEL";
    break;
  }
  for (const auto &c : graph.columns)
    nodes << ',' << column_header(c, dialect);
  nodes << (dialect == CsvDialect::neo4j       ? ",file:string,line:int"
            : dialect == CsvDialect::neptune_gremlin
                ? ",file:String(single),line:Int(single)"
                : ",file:String,line:Int")
        << kEnd;
  for (const auto &node : graph.nodes) {
    nodes << csv_field(node.id, true) << ','
          << csv_field(join(node.labels, delimiter, false),
                       !node.labels.empty());
    if (dialect == CsvDialect::neptune_gremlin)
      nodes << ',' << csv_field(node.id, true);
    for (const auto &c : graph.columns) {
      nodes << ',';
      auto it = node.properties.find(c.name);
      if (it == node.properties.end())
        continue;
      if (c.integer)
        nodes << join(it->second, delimiter, false);
      else if (c.multi)
        nodes << csv_field(join(it->second, delimiter, neptune), true);
      else
        nodes << csv_field(it->second.front(), true);
    }
    nodes << ',' << csv_field(node.file, !node.file.empty()) << ',';
    if (node.line)
      nodes << node.line;
    nodes << kEnd;
  }

  // Relationship header and rows.
  switch (dialect) {
  case CsvDialect::neo4j:
    rels << ":START_ID,:END_ID,:TYPE,file:string,line:int";
    break;
  case CsvDialect::neptune_gremlin:
    rels << "~id,~from,~to,~label,file:String,line:Int";
    break;
  case CsvDialect::neptune_opencypher:
    rels << ":ID,:START_ID,:END_ID,:TYPE,file:String,line:Int";
    break;
  }
  rels << kEnd;
  for (const auto &e : graph.edges) {
    if (neptune)
      rels << e.id << ',';
    rels << csv_field(graph.nodes[e.from].id, true) << ','
         << csv_field(graph.nodes[e.to].id, true) << ','
         << csv_field(e.type, true) << ','
         << csv_field(e.file, !e.file.empty()) << ',';
    if (e.line)
      rels << e.line;
    rels << kEnd;
  }
  return {nodes.str(), rels.str(), readme(graph, dialect, delimiter)};
}

} // namespace ng::exporters
