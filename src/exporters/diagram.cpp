// Builds the cgraph graph of a ServiceView and hands it to agwrite or gvc.
#include "exporters/diagram.hpp"

#include <graphviz/cgraph.h>
#include <graphviz/gvc.h>

#include <algorithm>
#include <array>
#include <memory>

#include "exporters/graphviz_io.hpp"

namespace ng::exporters {
namespace {

struct RelationStyle {
  const char *color;
  const char *style;
  const char *arrowhead;
};

// Typed relations each get a colour and line style; others cycle the palette.
RelationStyle style_of(const std::string &relation, std::size_t index) {
  if (relation == "mentions")
    return {"#9a9a9a", "solid", "vee"};
  if (relation == "integratesWith")
    return {"#1f6fb4", "bold", "normal"};
  if (relation == "compatibleWith")
    return {"#2a9d3a", "dashed", "odot"};
  if (relation == "runsOn")
    return {"#c0392b", "bold", "empty"};
  if (relation == "usedWith")
    return {"#8e44ad", "dashed", "diamond"};
  static constexpr std::array<const char *, 5> palette = {
      "#e67e22", "#16a085", "#d35400", "#2c3e50", "#b03a2e"};
  return {palette[index % palette.size()], "solid", "normal"};
}

constexpr std::array<const char *, 8> kClusterFills = {
    "#eef4fb", "#f3f9ee", "#fdf3e7", "#f6eefa",
    "#eefaf7", "#fbeef0", "#f7f7ea", "#eef0fb"};

using graphviz::set;
using graphviz::stream_disc;

struct GraphCloser {
  void operator()(Agraph_t *g) const { agclose(g); }
};
using GraphPtr = std::unique_ptr<Agraph_t, GraphCloser>;

GraphPtr build_graph(const ServiceView &view, const DiagramOptions &options) {
  GraphPtr g(agopen(const_cast<char *>("services"), Agdirected, &stream_disc));
  Agraph_t *root = g.get();
  const std::string font = graphviz_escape(options.font);
  set(root, "rankdir", options.rankdir);
  set(root, "fontname", font);
  set(root, "newrank", "true");
  set(root, "nodesep", "0.18");
  set(root, "ranksep", "0.5");
  set(root, "overlap", "false"); // neato/fdp/sfdp: no overlapping nodes
  set(root, "splines", "true");
  set(root, "outputorder", "edgesfirst");
  agattr(root, AGNODE, const_cast<char *>("fontname"),
         const_cast<char *>(font.c_str()));
  agattr(root, AGNODE, const_cast<char *>("shape"), const_cast<char *>("box"));
  agattr(root, AGNODE, const_cast<char *>("style"),
         const_cast<char *>("rounded,filled"));
  agattr(root, AGNODE, const_cast<char *>("fillcolor"),
         const_cast<char *>("white"));
  agattr(root, AGNODE, const_cast<char *>("fontsize"),
         const_cast<char *>("11"));
  agattr(root, AGNODE, const_cast<char *>("margin"),
         const_cast<char *>("0.08,0.04"));
  agattr(root, AGEDGE, const_cast<char *>("fontname"),
         const_cast<char *>(font.c_str()));
  agattr(root, AGEDGE, const_cast<char *>("fontsize"), const_cast<char *>("9"));

  std::vector<Agraph_t *> clusters(view.categories.size(), nullptr);
  if (options.clusters) {
    for (std::size_t c = 0; c < view.categories.size(); ++c) {
      const std::string name = "cluster_c" + std::to_string(c);
      clusters[c] = agsubg(root, const_cast<char *>(name.c_str()), 1);
      set(clusters[c], "label", graphviz_escape(view.categories[c]));
      set(clusters[c], "style", "rounded,filled");
      set(clusters[c], "fillcolor", kClusterFills[c % kClusterFills.size()]);
      set(clusters[c], "color", "#b8b8b8");
      set(clusters[c], "fontsize", "13");
      set(clusters[c], "labeljust", "l");
    }
  }

  std::vector<Agnode_t *> nodes;
  for (std::size_t i = 0; i < view.nodes.size(); ++i) {
    const ViewNode &n = view.nodes[i];
    Agraph_t *where =
        n.category >= 0 && clusters[n.category] ? clusters[n.category] : root;
    const std::string name = "n" + std::to_string(i);
    Agnode_t *node = agnode(where, const_cast<char *>(name.c_str()), 1);
    std::string label = graphviz_escape(n.label);
    if (!n.acronym.empty() && n.acronym != n.label)
      label += "\\n(" + graphviz_escape(n.acronym) + ")";
    set(node, "label", label);
    std::string tip = n.description.empty() ? n.label : n.description;
    if (!n.source.empty())
      tip += " [" + n.source + "]";
    set(node, "tooltip", graphviz_escape(tip));
    set(node, "id", name);
    nodes.push_back(node);
  }

  // Unlinked nodes of a category would all share the first rank, one long
  // column per cluster; invisible edges fold them into a grid of kGridRows
  // rows.
  if (options.clusters) {
    constexpr std::size_t kGridRows = 3;
    std::vector<bool> linked(view.nodes.size(), false);
    for (const auto &e : view.edges)
      linked[e.from] = linked[e.to] = true;
    for (std::size_t c = 0; c < view.categories.size(); ++c) {
      std::vector<Agnode_t *> loose;
      for (std::size_t i = 0; i < view.nodes.size(); ++i)
        if (!linked[i] && view.nodes[i].category == static_cast<int>(c))
          loose.push_back(nodes[i]);
      for (std::size_t i = 0; i + kGridRows < loose.size(); ++i) {
        const std::string key = "grid" + std::to_string(i);
        Agedge_t *edge = agedge(clusters[c], loose[i], loose[i + kGridRows],
                                const_cast<char *>(key.c_str()), 1);
        set(edge, "style", "invis");
      }
    }
  }

  std::vector<std::string> used = view.relations;
  auto style_for = [&](const std::string &relation) {
    const auto at =
        std::find(used.begin(), used.end(), relation) - used.begin();
    return style_of(relation, static_cast<std::size_t>(at));
  };
  for (std::size_t i = 0; i < view.edges.size(); ++i) {
    const ViewEdge &e = view.edges[i];
    const std::string key = "e" + std::to_string(i);
    Agedge_t *edge = agedge(root, nodes[e.from], nodes[e.to],
                            const_cast<char *>(key.c_str()), 1);
    const RelationStyle s = style_for(e.relation);
    set(edge, "color", s.color);
    set(edge, "style", s.style);
    set(edge, "arrowhead", s.arrowhead);
    set(edge, "tooltip",
        graphviz_escape(view.nodes[e.from].label + " " + e.relation + " " +
                        view.nodes[e.to].label));
    if (e.relation == "mentions") {
      set(edge, "penwidth", "0.6");
      set(edge, "arrowsize", "0.5");
    } else {
      set(edge, "penwidth", "1.8");
    }
  }

  if (!used.empty()) {
    Agraph_t *legend = agsubg(root, const_cast<char *>("cluster_legend"), 1);
    set(legend, "label", "relations");
    set(legend, "style", "rounded");
    set(legend, "color", "#888888");
    set(legend, "fontsize", "12");
    for (std::size_t i = 0; i < used.size(); ++i) {
      const std::string a = "legend" + std::to_string(i) + "a",
                        b = "legend" + std::to_string(i) + "b";
      Agnode_t *from = agnode(legend, const_cast<char *>(a.c_str()), 1);
      Agnode_t *to = agnode(legend, const_cast<char *>(b.c_str()), 1);
      set(from, "label", graphviz_escape(used[i]));
      set(from, "shape", "plaintext");
      set(from, "style", "");
      set(to, "label", "");
      set(to, "shape", "point");
      set(to, "style", "invis");
      Agedge_t *edge =
          agedge(legend, from, to, const_cast<char *>("legend"), 1);
      const RelationStyle s = style_of(used[i], i);
      set(edge, "color", s.color);
      set(edge, "style", s.style);
      set(edge, "arrowhead", s.arrowhead);
      set(edge, "penwidth", used[i] == "mentions" ? "0.6" : "1.8");
    }
  }
  return g;
}

} // namespace

std::string graphviz_escape(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    if (c == '\\')
      out += '\\';
    out += c;
  }
  return out;
}

std::string automatic_layout(std::size_t nodes, bool clusters) {
  // dot stays fast with category clusters far longer than without them
  // (seen: 0.45 s clustered vs 60 s unclustered on 300 dense nodes).
  return nodes > (clusters ? 600u : 150u) ? "sfdp" : "dot";
}

void write_dot(const ServiceView &view, std::ostream &out,
               const DiagramOptions &options) {
  GraphPtr g = build_graph(view, options);
  agwrite(g.get(), &out);
}

bool render_diagram(const ServiceView &view, const std::string &format,
                    std::ostream &out, const DiagramOptions &options,
                    std::string &error) {
  GraphPtr g = build_graph(view, options);
  std::unique_ptr<GVC_t, int (*)(GVC_t *)> gvc(gvContext(), gvFreeContext);
  const std::string layout =
      options.layout == "auto"
          ? automatic_layout(view.nodes.size(), options.clusters)
          : options.layout;
  if (gvLayout(gvc.get(), g.get(), layout.c_str()) != 0) {
    error = "Graphviz could not lay out the diagram with '" + layout + "'";
    return false;
  }
  char *data = nullptr;
  unsigned int length = 0;
  const int status =
      gvRenderData(gvc.get(), g.get(), format.c_str(), &data, &length);
  if (status == 0 && data)
    out.write(data, length);
  if (data)
    gvFreeRenderData(data);
  gvFreeLayout(gvc.get(), g.get());
  if (status != 0) {
    error = "Graphviz cannot render the format '" + format + "'";
    return false;
  }
  return true;
}

} // namespace ng::exporters
