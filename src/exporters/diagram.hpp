// Diagrams of a ServiceView with Graphviz in-process: the view becomes a
// cgraph graph (a cluster per category, a style per relation, a legend) that
// is written as DOT text or laid out and rendered by gvc (svg, png, pdf…).
// User text reaches Graphviz only through escaped, single-line attributes.
#pragma once

#include <ostream>
#include <string>

#include "exporters/service_view.hpp"

namespace ng::exporters {

struct DiagramOptions {
  std::string layout =
      "auto"; // dot, neato, fdp, sfdp, circo; auto picks dot or sfdp by size
  std::string rankdir = "LR";
  bool clusters = true;
  std::string font = "Noto Sans CJK KR"; // has Hangul (Debian fonts-noto-cjk)
};

// The layout engine `auto` resolves to for this many nodes.
std::string automatic_layout(std::size_t nodes, bool clusters);

// DOT text of the diagram (not laid out), in a stable order.
void write_dot(const ServiceView &view, std::ostream &out,
               const DiagramOptions &options = {});

// Lays out and renders in a gvc output format ("svg", "png", "pdf", "dot"…).
// Returns false with `error` set when Graphviz refuses.
bool render_diagram(const ServiceView &view, const std::string &format,
                    std::ostream &out, const DiagramOptions &options,
                    std::string &error);

// Escapes text for a Graphviz escString attribute (label, tooltip): every
// backslash doubled so that \N, \G, \n… in notes stay literal.
std::string graphviz_escape(std::string_view text);

} // namespace ng::exporters
