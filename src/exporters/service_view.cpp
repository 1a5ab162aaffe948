// Collects the service view from the store: class members, their literal
// properties, categories, and node-to-node edges; then the focus filter.
#include "exporters/service_view.hpp"

#include <algorithm>
#include <map>
#include <set>
#include <unordered_map>

#include "exporters/text.hpp"
#include "model/vocab.hpp"

namespace ng::exporters {
namespace {

using store::QuadPattern;
using store::TermId;

bool class_selected(std::string_view iri,
                    const std::vector<std::string> &classes) {
  for (const auto &c : classes)
    if (c == iri || c == local_name(iri))
      return true;
  return false;
}

std::string case_fold(std::string_view s) {
  std::string out(s);
  for (auto &c : out)
    c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  out.erase(std::remove(out.begin(), out.end(), ' '), out.end());
  return out;
}

// The first literal of `s` under `p`, preferring language `lang`.
std::string first_literal(const store::TripleStore &store, TermId s,
                          std::string_view p, std::string_view lang = {}) {
  const auto &dict = store.dictionary();
  auto pid = dict.find_iri(p);
  if (!pid)
    return {};
  std::string best;
  bool best_lang = false;
  for (const auto &q :
       store.scan(QuadPattern{s, *pid, store::kNoTerm, store::kNoTerm})) {
    const auto &t = dict.term(q.o);
    if (t.kind != model::TermKind::literal)
      continue;
    const bool is_lang = !lang.empty() && t.language == lang;
    if (best.empty() || (is_lang && !best_lang) ||
        (is_lang == best_lang && t.value < best)) {
      best = t.value;
      best_lang = is_lang;
    }
  }
  return best;
}

std::string source_of(const store::TripleStore &store, TermId s) {
  const auto quads = store.quads();
  const auto range = store.scan(
      QuadPattern{s, store::kNoTerm, store::kNoTerm, store::kNoTerm});
  auto it = range.begin();
  if (it == range.end())
    return {};
  const auto where =
      store.provenance(static_cast<std::size_t>(&*it - quads.data()));
  if (where.file >= store.files().size())
    return {};
  return store.files()[where.file] + ":" + std::to_string(where.line);
}

} // namespace

bool build_service_view(const store::TripleStore &store,
                        const ViewOptions &options, ServiceView &view,
                        std::string &error) {
  view = {};
  const auto &dict = store.dictionary();
  const auto type = dict.find_iri(vocab::rdf_type);
  const auto category = dict.find_iri(vocab::ng_category);
  const auto mentions = dict.find_iri(vocab::ng_mentions);
  const std::set<std::string_view> structural = {
      vocab::rdf_type, vocab::ng_category, vocab::ng_parent, vocab::ng_document,
      vocab::dcterms_source};

  // Members of the chosen classes.
  std::set<TermId> members;
  if (type) {
    for (const auto &q : store.scan(QuadPattern{
             store::kNoTerm, *type, store::kNoTerm, store::kNoTerm})) {
      const auto &cls = dict.term(q.o);
      if (cls.kind == model::TermKind::iri &&
          class_selected(cls.value, options.classes))
        members.insert(q.s);
    }
  }

  // Categories of members, by label.
  std::map<TermId, std::string> category_label;
  std::map<TermId, TermId> category_of;
  if (category) {
    for (TermId m : members) {
      for (const auto &q : store.scan(
               QuadPattern{m, *category, store::kNoTerm, store::kNoTerm})) {
        if (category_of.count(m))
          break;
        category_of[m] = q.o;
        if (!category_label.count(q.o)) {
          std::string label =
              first_literal(store, q.o, vocab::rdfs_label, "ko");
          category_label[q.o] = display_line(
              label.empty() ? local_name(dict.term(q.o).value) : label, 80);
        }
      }
    }
  }
  std::set<std::string> category_names;
  for (const auto &[id, label] : category_label)
    category_names.insert(label);
  view.categories.assign(category_names.begin(), category_names.end());

  struct Pending {
    ViewNode node;
    TermId id;
  };
  std::vector<Pending> pending;
  for (TermId m : members) {
    ViewNode n;
    n.iri = nfc(dict.term(m).value);
    std::string label = first_literal(store, m, vocab::rdfs_label, "ko");
    n.label = display_line(
        label.empty() ? local_name(dict.term(m).value) : label, 80);
    n.acronym = display_line(first_literal(store, m, vocab::skos_altLabel), 40);
    n.description = display_line(
        first_literal(store, m, vocab::dcterms_description, "ko"), 200);
    n.source = display_line(source_of(store, m));
    if (auto c = category_of.find(m); c != category_of.end()) {
      const auto &name = category_label[c->second];
      n.category =
          static_cast<int>(std::lower_bound(view.categories.begin(),
                                            view.categories.end(), name) -
                           view.categories.begin());
    }
    pending.push_back({std::move(n), m});
  }
  std::sort(pending.begin(), pending.end(),
            [](const Pending &a, const Pending &b) {
              return std::tie(a.node.category, a.node.label, a.node.iri) <
                     std::tie(b.node.category, b.node.label, b.node.iri);
            });
  std::unordered_map<TermId, int> index;
  for (auto &p : pending) {
    index[p.id] = static_cast<int>(view.nodes.size());
    view.nodes.push_back(std::move(p.node));
  }

  // Edges between members.
  std::set<std::tuple<int, int, std::string>> typed, mentioned;
  for (const auto &[m, from] : index) {
    for (const auto &q : store.scan(
             QuadPattern{m, store::kNoTerm, store::kNoTerm, store::kNoTerm})) {
      auto to = index.find(q.o);
      if (to == index.end() || to->second == from)
        continue;
      const auto &predicate = dict.term(q.p).value;
      if (structural.count(predicate))
        continue;
      std::string relation(local_name(predicate));
      if (!options.relations.empty() &&
          std::find(options.relations.begin(), options.relations.end(),
                    relation) == options.relations.end())
        continue;
      (mentions && q.p == *mentions ? mentioned : typed)
          .insert({from, to->second, display_line(relation, 60)});
    }
  }
  std::set<std::pair<int, int>> joined;
  for (const auto &[a, b, r] : typed)
    joined.insert({a, b});
  for (const auto &[a, b, r] : typed)
    view.edges.push_back({a, b, r});
  for (const auto &[a, b, r] : mentioned)
    if (!joined.count({a, b}))
      view.edges.push_back({a, b, r});

  if (!options.focus.empty()) {
    const std::string key = case_fold(options.focus);
    int centre = -1;
    for (std::size_t i = 0; i < view.nodes.size() && centre < 0; ++i) {
      const auto &n = view.nodes[i];
      if (case_fold(n.label) == key || case_fold(n.acronym) == key ||
          n.iri == options.focus || case_fold(local_name(n.iri)) == key)
        centre = static_cast<int>(i);
    }
    if (centre < 0) {
      error = "no node is named '" + options.focus + "'";
      return false;
    }
    std::set<int> keep = {centre}, frontier = {centre};
    for (int d = 0; d < options.depth; ++d) {
      std::set<int> next;
      for (const auto &e : view.edges) {
        if (frontier.count(e.from) && !keep.count(e.to))
          next.insert(e.to);
        if (frontier.count(e.to) && !keep.count(e.from))
          next.insert(e.from);
      }
      keep.insert(next.begin(), next.end());
      frontier = std::move(next);
    }
    std::vector<int> renumber(view.nodes.size(), -1);
    std::vector<ViewNode> nodes;
    for (std::size_t i = 0; i < view.nodes.size(); ++i) {
      if (!keep.count(static_cast<int>(i)))
        continue;
      renumber[i] = static_cast<int>(nodes.size());
      nodes.push_back(std::move(view.nodes[i]));
    }
    std::vector<ViewEdge> edges;
    for (const auto &e : view.edges)
      if (renumber[e.from] >= 0 && renumber[e.to] >= 0)
        edges.push_back({renumber[e.from], renumber[e.to], e.relation});
    view.nodes = std::move(nodes);
    view.edges = std::move(edges);
  }

  std::set<std::string> used;
  for (const auto &e : view.edges)
    used.insert(e.relation);
  for (const auto &r : used)
    if (r != "mentions")
      view.relations.push_back(r);
  if (used.count("mentions"))
    view.relations.push_back("mentions");
  return true;
}

} // namespace ng::exporters
