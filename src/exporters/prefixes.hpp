// The prefixes the Turtle and JSON-LD writers abbreviate IRIs with: the
// vocabulary namespaces of README "The graph" and the notes' base.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace ng::exporters {

struct Prefix {
  std::string name; // "ng", "rdfs", … and "notes" for the base
  std::string iri;
};

// The standard prefixes plus `base` (the entities' namespace; empty = default),
// in a stable order.
std::vector<Prefix> standard_prefixes(std::string_view base = {});

// The prefix with the longest namespace that starts `iri`, or nullptr.
const Prefix *prefix_of(const std::vector<Prefix> &prefixes,
                        std::string_view iri);

} // namespace ng::exporters
