// GraphML of the property graph, and Mermaid of the service view.
#include <utf8proc.h>

#include "exporters/property_graph.hpp"
#include "exporters/text.hpp"

namespace ng::exporters {
namespace {

// XML 1.0 character data (also fine inside a double-quoted attribute).
std::string xml_text(const std::string &raw) {
  const std::string text = nfc(raw);
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size();) {
    utf8proc_int32_t cp = 0;
    auto len = utf8proc_iterate(
        reinterpret_cast<const utf8proc_uint8_t *>(text.data() + i),
        static_cast<utf8proc_ssize_t>(text.size() - i), &cp);
    if (len <= 0) {
      cp = 0xFFFD;
      len = 1;
    }
    i += static_cast<std::size_t>(len);
    switch (cp) {
    case '&':
      out += "&amp;";
      continue;
    case '<':
      out += "&lt;";
      continue;
    case '>':
      out += "&gt;";
      continue;
    case '"':
      out += "&quot;";
      continue;
    case '\'':
      out += "&apos;";
      continue;
    case '\r':
      out += "&#13;";
      continue;
    case '\n':
      out += "&#10;";
      continue;
    case '\t':
      out += "&#9;";
      continue;
    default:
      break;
    }
    if (cp < 0x20 || cp == 0xFFFE || cp == 0xFFFF)
      cp = 0xFFFD;
    utf8proc_uint8_t buf[4];
    out.append(reinterpret_cast<const char *>(buf),
               static_cast<std::size_t>(utf8proc_encode_char(cp, buf)));
  }
  return out;
}

std::string joined(const std::vector<std::string> &values, const char *sep) {
  std::string out;
  for (std::size_t i = 0; i < values.size(); ++i)
    out += (i ? sep : "") + values[i];
  return out;
}

} // namespace

void write_graphml(const PropertyGraph &graph, std::ostream &out) {
  out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
         "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\" "
         "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" "
         "xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns "
         "http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n"
         "  <key id=\"iri\" for=\"node\" attr.name=\"iri\" "
         "attr.type=\"string\"/>\n"
         "  <key id=\"labels\" for=\"node\" attr.name=\"labels\" "
         "attr.type=\"string\"/>\n";
  for (std::size_t i = 0; i < graph.columns.size(); ++i) {
    const auto &c = graph.columns[i];
    out << "  <key id=\"p" << i << "\" for=\"node\" attr.name=\""
        << xml_text(c.name) << "\" attr.type=\""
        << (c.integer && !c.multi ? "long" : "string") << "\"/>\n";
  }
  out << "  <key id=\"file\" for=\"node\" attr.name=\"file\" "
         "attr.type=\"string\"/>\n"
         "  <key id=\"line\" for=\"node\" attr.name=\"line\" "
         "attr.type=\"int\"/>\n"
         "  <key id=\"type\" for=\"edge\" attr.name=\"type\" "
         "attr.type=\"string\"/>\n"
         "  <key id=\"efile\" for=\"edge\" attr.name=\"file\" "
         "attr.type=\"string\"/>\n"
         "  <key id=\"eline\" for=\"edge\" attr.name=\"line\" "
         "attr.type=\"int\"/>\n"
         "  <graph id=\"notegraph\" edgedefault=\"directed\">\n";
  for (std::size_t n = 0; n < graph.nodes.size(); ++n) {
    const auto &node = graph.nodes[n];
    out << "    <node id=\"n" << n << "\">\n"
        << "      <data key=\"iri\">" << xml_text(node.id) << "</data>\n";
    if (!node.labels.empty())
      out << "      <data key=\"labels\">"
          << xml_text(joined(node.labels, ";")) << "</data>\n";
    for (std::size_t i = 0; i < graph.columns.size(); ++i)
      if (auto it = node.properties.find(graph.columns[i].name);
          it != node.properties.end())
        out << "      <data key=\"p" << i << "\">"
            << xml_text(joined(it->second, "\n")) << "</data>\n";
    if (!node.file.empty())
      out << "      <data key=\"file\">" << xml_text(node.file) << "</data>\n";
    if (node.line)
      out << "      <data key=\"line\">" << node.line << "</data>\n";
    out << "    </node>\n";
  }
  for (const auto &e : graph.edges) {
    out << "    <edge id=\"" << e.id << "\" source=\"n" << e.from
        << "\" target=\"n" << e.to << "\">\n"
        << "      <data key=\"type\">" << xml_text(e.type) << "</data>\n";
    if (!e.file.empty())
      out << "      <data key=\"efile\">" << xml_text(e.file) << "</data>\n";
    if (e.line)
      out << "      <data key=\"eline\">" << e.line << "</data>\n";
    out << "    </edge>\n";
  }
  out << "  </graph>\n</graphml>\n";
}

std::string mermaid_escape(const std::string &text, std::size_t max_chars) {
  std::string out;
  for (char c : display_line(text, max_chars)) {
    switch (c) {
    case '"':
      out += "#quot;";
      break;
    case '#':
      out += "#35;";
      break;
    case '<':
      out += "#lt;";
      break;
    case '>':
      out += "#gt;";
      break;
    case '&':
      out += "#amp;";
      break;
    case '`':
      out += "#96;";
      break;
    default:
      out += c;
    }
  }
  return out;
}

void write_mermaid(const ServiceView &view, std::ostream &out) {
  constexpr std::size_t kMax = 80;
  out << "flowchart LR\n";
  auto node_line = [&](std::size_t i, const char *indent) {
    const auto &n = view.nodes[i];
    std::string label = mermaid_escape(n.label, kMax);
    if (!n.acronym.empty() && n.acronym != n.label)
      label += " (" + mermaid_escape(n.acronym, kMax) + ")";
    out << indent << 'n' << i << "[\"" << label << "\"]\n";
  };
  for (std::size_t c = 0; c < view.categories.size(); ++c) {
    out << "  subgraph c" << c << "[\"" << mermaid_escape(view.categories[c], kMax)
        << "\"]\n";
    for (std::size_t i = 0; i < view.nodes.size(); ++i)
      if (view.nodes[i].category == static_cast<int>(c))
        node_line(i, "    ");
    out << "  end\n";
  }
  for (std::size_t i = 0; i < view.nodes.size(); ++i)
    if (view.nodes[i].category < 0 ||
        view.nodes[i].category >= static_cast<int>(view.categories.size()))
      node_line(i, "  ");
  for (const auto &e : view.edges) {
    if (e.relation == "mentions")
      out << "  n" << e.from << " -.-> n" << e.to << '\n';
    else
      out << "  n" << e.from << " -->|\"" << mermaid_escape(e.relation, kMax)
          << "\"| n" << e.to << '\n';
  }
}

} // namespace ng::exporters
