// Builds the property graph from the distinct triples of the store.
#include "exporters/property_graph.hpp"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <set>
#include <tuple>
#include <unordered_map>

#include "exporters/text.hpp"
#include "model/vocab.hpp"

namespace ng::exporters {
namespace {

// A property name a loader header can hold: ASCII letters, digits, '_' and
// '-' kept, every other ASCII character written '_'; non-ASCII kept (NFC).
std::string header_name(std::string_view text) {
  std::string out;
  for (unsigned char c : nfc(text)) {
    const bool keep = c >= 0x80 || (c >= '0' && c <= '9') ||
                      (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
                      c == '_' || c == '-';
    out += keep ? static_cast<char>(c) : '_';
  }
  return out.empty() ? "value" : out;
}

bool integer_datatype(std::string_view dt) {
  if (dt.substr(0, vocab::xsd.size()) != vocab::xsd)
    return false;
  static const std::set<std::string_view> names = {
      "integer", "int", "long", "short", "byte", "nonNegativeInteger",
      "positiveInteger", "nonPositiveInteger", "negativeInteger",
      "unsignedInt", "unsignedShort", "unsignedByte"};
  return names.count(dt.substr(vocab::xsd.size())) > 0;
}

bool fits_int64(std::string_view text) {
  if (!text.empty() && text.front() == '+')
    text.remove_prefix(1);
  std::int64_t v = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
  return ec == std::errc() && end == text.data() + text.size() && !text.empty();
}

std::string canonical_int(std::string_view text) {
  if (!text.empty() && text.front() == '+')
    text.remove_prefix(1);
  std::int64_t v = 0;
  std::from_chars(text.data(), text.data() + text.size(), v);
  return std::to_string(v);
}

} // namespace

PropertyGraph build_property_graph(const store::TripleStore &store) {
  const auto &dict = store.dictionary();
  const auto type = dict.find_iri(vocab::rdf_type);
  const auto &files = store.files();
  auto node_id = [&](store::TermId id) {
    model::TermView t = dict.term(id);
    return t.kind == model::TermKind::blank ? "_:" + std::string(t.value) : nfc(t.value);
  };

  // Nodes: every IRI or blank node in subject position.
  std::unordered_map<store::TermId, std::size_t> index;
  PropertyGraph graph;
  struct Pending {
    bool typed = false;
    bool placed = false;
  };
  std::vector<Pending> pending;
  const auto quads = store.quads();
  for (const auto &q : quads)
    if (!index.count(q.s) && dict.term(q.s).kind != model::TermKind::literal) {
      index.emplace(q.s, graph.nodes.size());
      graph.nodes.push_back({node_id(q.s), {}, {}, {}, 0});
      pending.push_back({});
    }

  struct ColumnInfo {
    bool integer = true, multi = false;
  };
  std::map<std::string, ColumnInfo> columns;
  std::set<std::tuple<store::TermId, store::TermId, store::TermId>> seen;
  std::vector<std::tuple<std::size_t, std::string, std::size_t, std::string,
                         std::uint32_t>>
      edges;
  for (std::size_t i = 0; i < quads.size(); ++i) {
    const auto &q = quads[i];
    if (!seen.insert({q.s, q.p, q.o}).second)
      continue;
    const auto where = store.provenance(i);
    const std::string file = where.file < files.size() ? nfc(files[where.file])
                                                       : std::string();
    const std::size_t n = index.at(q.s);
    PgNode &node = graph.nodes[n];
    const bool is_type = type && q.p == *type;
    // A node's source is its first rdf:type statement, else its first one.
    if (!pending[n].placed || (is_type && !pending[n].typed)) {
      node.file = file;
      node.line = where.line;
      pending[n].placed = true;
      pending[n].typed = pending[n].typed || is_type;
    }
    model::TermView o = dict.term(q.o);
    const std::string predicate = nfc(local_name(dict.term(q.p).value));
    if (is_type && o.kind == model::TermKind::iri) {
      std::string label = nfc(local_name(o.value));
      std::replace(label.begin(), label.end(), ';', '_');
      node.labels.push_back(label.empty() ? "Resource" : label);
      continue;
    }
    if (o.kind != model::TermKind::literal && index.count(q.o)) {
      edges.emplace_back(n, predicate, index.at(q.o), file, where.line);
      continue;
    }
    std::string name = header_name(predicate);
    if (name == "iri" || name == "file" || name == "line")
      name += '_';
    std::string value;
    bool integer = false;
    if (o.kind == model::TermKind::literal) {
      if (!o.language.empty()) {
        std::string tag(o.language);
        for (auto &c : tag)
          c = c == '-' ? '_'
                       : static_cast<char>(
                             std::tolower(static_cast<unsigned char>(c)));
        name += '_' + header_name(tag);
      }
      integer = integer_datatype(o.datatype) && fits_int64(o.value);
      value = integer ? canonical_int(o.value) : nfc(o.value);
    } else {
      value = node_id(q.o);
    }
    auto &values = node.properties[name];
    values.push_back(std::move(value));
    auto &info = columns[name];
    info.integer = info.integer && integer;
    info.multi = info.multi || values.size() > 1;
  }
  for (auto &node : graph.nodes) {
    std::sort(node.labels.begin(), node.labels.end());
    node.labels.erase(std::unique(node.labels.begin(), node.labels.end()),
                      node.labels.end());
    for (auto &[name, values] : node.properties)
      std::sort(values.begin(), values.end());
  }
  for (const auto &[name, info] : columns)
    graph.columns.push_back({name, info.integer, info.multi});

  // Sort nodes by id and renumber the edges' ends.
  std::vector<std::size_t> order(graph.nodes.size());
  for (std::size_t i = 0; i < order.size(); ++i)
    order[i] = i;
  std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    return graph.nodes[a].id < graph.nodes[b].id;
  });
  std::vector<std::size_t> position(order.size());
  std::vector<PgNode> sorted;
  sorted.reserve(order.size());
  for (std::size_t i = 0; i < order.size(); ++i) {
    position[order[i]] = i;
    sorted.push_back(std::move(graph.nodes[order[i]]));
  }
  graph.nodes = std::move(sorted);
  for (auto &[from, type_name, to, file, line] : edges) {
    from = position[from];
    to = position[to];
  }
  std::sort(edges.begin(), edges.end(), [](const auto &a, const auto &b) {
    return std::tie(std::get<0>(a), std::get<1>(a), std::get<2>(a)) <
           std::tie(std::get<0>(b), std::get<1>(b), std::get<2>(b));
  });
  for (auto &[from, type_name, to, file, line] : edges)
    graph.edges.push_back({"r" + std::to_string(graph.edges.size() + 1), from,
                           to, std::move(type_name), std::move(file), line});
  return graph;
}

} // namespace ng::exporters
