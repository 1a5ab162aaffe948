// The service-relationship view of a graph, the shape every diagram draws:
// entities of the chosen classes (services by default) with label, acronym,
// description and source, grouped by category, and the edges between them
// (typed relations, and plain mentions). Sorted, so diagrams are stable.
#pragma once

#include <string>
#include <vector>

#include "store/triple_store.hpp"

namespace ng::exporters {

struct ViewNode {
  std::string iri;
  std::string label;   // rdfs:label, else the IRI's local name (display form)
  std::string acronym; // first skos:altLabel, if any
  std::string description; // dcterms:description (Korean first), display form,
                           // up to 200 characters
  std::string source;      // "file:line" of the entity
  int category = -1;       // index into ServiceView::categories, -1 when none
};

struct ViewEdge {
  int from = 0, to = 0; // indexes into ServiceView::nodes
  std::string relation; // predicate local name: "mentions", "runsOn", …
  bool operator==(const ViewEdge &) const = default;
};

struct ServiceView {
  std::vector<std::string> categories; // labels, sorted
  std::vector<ViewNode> nodes;         // sorted by category, then label
  std::vector<ViewEdge> edges; // sorted; a mention is dropped where a typed
                               // relation joins the pair
  std::vector<std::string>
      relations; // relation names used by edges, sorted, "mentions" last
};

struct ViewOptions {
  std::vector<std::string> classes = {
      "Service"}; // class local names (or IRIs) whose members are nodes
  std::vector<std::string>
      relations;     // relation local names to keep; empty keeps all
  std::string focus; // label, alias or IRI of the centre; empty = whole graph
  int depth = 1;     // hops around the focus
};

// Returns false with `error` set when the focus names no node.
bool build_service_view(const store::TripleStore &store,
                        const ViewOptions &options, ServiceView &view,
                        std::string &error);

} // namespace ng::exporters
