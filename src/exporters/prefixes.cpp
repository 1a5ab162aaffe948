// The standard prefix table and longest-namespace lookup.
#include "exporters/prefixes.hpp"

#include "model/vocab.hpp"

namespace ng::exporters {

std::vector<Prefix> standard_prefixes(std::string_view base) {
  return {{"dcterms", std::string(vocab::dcterms)},
          {"field", std::string(vocab::field)},
          {"ng", std::string(vocab::ng)},
          {"notes", std::string(base.empty() ? vocab::default_base : base)},
          {"rdf", std::string(vocab::rdf)},
          {"rdfs", std::string(vocab::rdfs)},
          {"skos", std::string(vocab::skos)},
          {"xsd", std::string(vocab::xsd)}};
}

const Prefix *prefix_of(const std::vector<Prefix> &prefixes,
                        std::string_view iri) {
  const Prefix *best = nullptr;
  for (const auto &p : prefixes)
    if (iri.starts_with(p.iri) && (!best || p.iri.size() > best->iri.size()))
      best = &p;
  return best;
}

} // namespace ng::exporters
