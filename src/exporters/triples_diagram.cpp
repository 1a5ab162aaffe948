// Builds a cgraph graph from triples and writes it with agwrite or gvc.
#include "exporters/triples_diagram.hpp"

#include <graphviz/cgraph.h>
#include <graphviz/gvc.h>

#include <algorithm>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <tuple>

#include "exporters/graphviz_io.hpp"
#include "exporters/ntriples_term.hpp"
#include "exporters/prefixes.hpp"
#include "exporters/text.hpp"
#include "model/vocab.hpp"

namespace ng::exporters {
namespace {

using model::Term;
using model::TermKind;
using store::TermId;

using graphviz::set;
using graphviz::stream_disc;

void default_attr(Agraph_t *g, int kind, const char *name, const std::string &value) {
  agattr(g, kind, const_cast<char *>(name), const_cast<char *>(value.c_str()));
}

struct GraphCloser {
  void operator()(Agraph_t *g) const { agclose(g); }
};
using GraphPtr = std::unique_ptr<Agraph_t, GraphCloser>;

class Builder {
 public:
  Builder(const store::TripleStore &store, const TriplesDiagramOptions &options)
      : store_(store), dict_(store.dictionary()), prefixes_(standard_prefixes(options.base)) {
    label_ = dict_.find_iri(vocab::rdfs_label);
  }

  // The rdfs:label of `id` in the store (Korean first, then the smallest).
  std::string store_label(TermId id) const {
    if (!label_ || !store_.frozen()) return {};
    std::string best;
    bool best_ko = false;
    for (const auto &q : store_.scan(store::QuadPattern{id, *label_, store::kNoTerm, store::kNoTerm})) {
      model::TermView t = dict_.term(q.o);
      if (t.kind != TermKind::literal) continue;
      const bool ko = t.language == "ko";
      if (best.empty() || (ko && !best_ko) || (ko == best_ko && t.value < best)) {
        best = t.value;
        best_ko = ko;
      }
    }
    return best;
  }

  std::string prefixed(std::string_view iri_view) const {
    const std::string iri(iri_view);
    if (const Prefix *p = prefix_of(prefixes_, iri)) return p->name + ":" + iri.substr(p->iri.size());
    return std::string(local_name(iri)).empty() ? iri : "<" + iri + ">";
  }

  std::string full_name(TermId id) const {
    model::TermView t = dict_.term(id);
    if (t.kind == TermKind::blank) {
      std::string label;
      append_ntriples_blank_node(label, t.value);
      return label;
    }
    return std::string(t.value);
  }

  // The displayed label of a node: one line, NFC, no control characters.
  std::string node_label(TermId id) const {
    model::TermView t = dict_.term(id);
    if (t.kind == TermKind::literal) {
      std::string text = "\"" + std::string(t.value) + "\"";
      if (!t.language.empty())
        text += "@" + std::string(t.language);
      else if (!t.datatype.empty() && t.datatype != vocab::xsd_string)
        text += "^^" + prefixed(t.datatype);
      return display_line(text, 80);
    }
    std::string label = store_label(id);
    if (label.empty()) label = t.kind == TermKind::blank ? full_name(id) : prefixed(t.value);
    return display_line(label, 80);
  }

  std::string predicate_label(TermId id) const {
    const std::string iri(dict_.term(id).value);
    const Prefix *p = prefix_of(prefixes_, iri);
    return display_line(p ? p->name + ":" + iri.substr(p->iri.size()) : std::string(local_name(iri)), 60);
  }

  GraphPtr build(const std::vector<store::Quad> &triples, const DiagramOptions &options) {
    // Distinct triples in a stable order (by their terms' text), so the
    // drawing does not depend on evaluation order.
    std::set<std::tuple<TermId, TermId, TermId>> distinct;
    for (const auto &q : triples) distinct.insert({q.s, q.p, q.o});
    auto key = [&](TermId id) {
      model::TermView t = dict_.term(id);
      return std::tuple(static_cast<int>(t.kind), t.value, t.language, t.datatype);
    };
    std::vector<std::tuple<TermId, TermId, TermId>> sorted(distinct.begin(), distinct.end());
    std::sort(sorted.begin(), sorted.end(), [&](const auto &a, const auto &b) {
      return std::tuple(key(std::get<0>(a)), key(std::get<1>(a)), key(std::get<2>(a))) <
             std::tuple(key(std::get<0>(b)), key(std::get<1>(b)), key(std::get<2>(b)));
    });

    GraphPtr g(agopen(const_cast<char *>("triples"), Agdirected, &stream_disc));
    Agraph_t *root = g.get();
    const std::string font = graphviz_escape(options.font);
    set(root, "rankdir", options.rankdir);
    set(root, "fontname", font);
    set(root, "nodesep", "0.25");
    set(root, "ranksep", "0.5");
    set(root, "overlap", "false");
    set(root, "splines", "true");
    set(root, "outputorder", "edgesfirst");
    default_attr(root, AGNODE, "fontname", font);
    default_attr(root, AGNODE, "shape", "box");
    default_attr(root, AGNODE, "style", "rounded,filled");
    default_attr(root, AGNODE, "fillcolor", "#eef4fb");
    default_attr(root, AGNODE, "fontsize", "11");
    default_attr(root, AGNODE, "margin", "0.08,0.04");
    default_attr(root, AGEDGE, "fontname", font);
    default_attr(root, AGEDGE, "fontsize", "9");
    default_attr(root, AGEDGE, "color", "#555555");

    std::map<TermId, Agnode_t *> nodes;
    auto node_of = [&](TermId id) {
      if (auto it = nodes.find(id); it != nodes.end()) return it->second;
      const std::string name = "n" + std::to_string(nodes.size());
      Agnode_t *node = agnode(root, const_cast<char *>(name.c_str()), 1);
      model::TermView t = dict_.term(id);
      set(node, "label", graphviz_escape(node_label(id)));
      set(node, "id", name);
      std::string tip = t.kind == TermKind::literal ? std::string(t.value) : full_name(id);
      set(node, "tooltip", graphviz_escape(display_line(tip, 200)));
      if (t.kind == TermKind::literal) {
        set(node, "style", "");
        set(node, "fillcolor", "white");
      } else if (t.kind == TermKind::blank) {
        set(node, "style", "rounded,dashed");
        set(node, "fillcolor", "white");
      }
      nodes.emplace(id, node);
      return node;
    };
    // Equal literals are one term, so they share a node like any other term.
    std::size_t index = 0;
    for (const auto &[s, p, o] : sorted) {
      Agnode_t *from = node_of(s);
      Agnode_t *to = node_of(o);
      const std::string name = "e" + std::to_string(index++);
      Agedge_t *edge = agedge(root, from, to, const_cast<char *>(name.c_str()), 1);
      const std::string label = graphviz_escape(predicate_label(p));
      set(edge, "label", label);
      set(edge, "tooltip", graphviz_escape(display_line(full_name(p), 200)));
    }
    node_count_ = nodes.size();
    return g;
  }

  std::size_t node_count() const { return node_count_; }

 private:
  const store::TripleStore &store_;
  const store::Dictionary &dict_;
  std::vector<Prefix> prefixes_;
  std::optional<TermId> label_;
  std::size_t node_count_ = 0;
};

}  // namespace

bool render_triples_diagram(const std::vector<store::Quad> &triples, const store::TripleStore &store,
                            const TriplesDiagramOptions &options, const std::string &format, std::ostream &out,
                            std::string &error) {
  Builder builder(store, options);
  GraphPtr g = builder.build(triples, options.diagram);
  if (format == "dot" || format == "gv") {
    if (agwrite(g.get(), &out) != 0) {
      error = "Graphviz could not write the DOT text";
      return false;
    }
    return true;
  }
  std::unique_ptr<GVC_t, int (*)(GVC_t *)> gvc(gvContext(), gvFreeContext);
  const std::string layout =
      options.diagram.layout == "auto" ? automatic_layout(builder.node_count(), false) : options.diagram.layout;
  if (gvLayout(gvc.get(), g.get(), layout.c_str()) != 0) {
    error = "Graphviz could not lay out the diagram with '" + layout + "'";
    return false;
  }
  char *data = nullptr;
  unsigned int length = 0;
  const int status = gvRenderData(gvc.get(), g.get(), format.c_str(), &data, &length);
  if (status == 0 && data) out.write(data, length);
  if (data) gvFreeRenderData(data);
  gvFreeLayout(gvc.get(), g.get());
  if (status != 0) {
    error = "Graphviz cannot render the format '" + format + "'";
    return false;
  }
  return true;
}

}  // namespace ng::exporters
