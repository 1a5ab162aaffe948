// Groups the distinct triples by subject and predicate, sorted by text.
#include "exporters/rdf_subjects.hpp"

#include <algorithm>
#include <map>
#include <tuple>
#include <unordered_map>

#include "exporters/ntriples_term.hpp"
#include "model/vocab.hpp"

namespace ng::exporters {

std::vector<SubjectStatements>
group_by_subject(const store::TripleStore &store) {
  const auto &dict = store.dictionary();
  std::unordered_map<store::TermId, std::string> text;
  auto text_of = [&](store::TermId id) -> const std::string & {
    auto [it, fresh] = text.try_emplace(id);
    if (fresh)
      it->second = ntriples_term(dict, id);
    return it->second;
  };
  const auto type = dict.find_iri(vocab::rdf_type);
  auto predicate_key = [&](store::TermId p) {
    return std::make_pair(!(type && p == *type), text_of(p));
  };

  std::map<store::TermId, std::map<store::TermId, std::vector<store::TermId>>>
      grouped;
  for (const auto &q : store.quads())
    grouped[q.s][q.p].push_back(q.o);
  std::vector<SubjectStatements> out;
  out.reserve(grouped.size());
  for (auto &[s, predicates] : grouped) {
    SubjectStatements subject{s, {}};
    for (auto &[p, objects] : predicates) {
      std::sort(objects.begin(), objects.end(),
                [&](store::TermId a, store::TermId b) {
                  return text_of(a) < text_of(b);
                });
      objects.erase(std::unique(objects.begin(), objects.end()), objects.end());
      subject.predicates.push_back({p, std::move(objects)});
    }
    std::sort(subject.predicates.begin(), subject.predicates.end(),
              [&](const PredicateObjects &a, const PredicateObjects &b) {
                return predicate_key(a.predicate) < predicate_key(b.predicate);
              });
    out.push_back(std::move(subject));
  }
  std::sort(out.begin(), out.end(),
            [&](const SubjectStatements &a, const SubjectStatements &b) {
              return text_of(a.subject) < text_of(b.subject);
            });
  return out;
}

} // namespace ng::exporters
