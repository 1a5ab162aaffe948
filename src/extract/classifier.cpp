// Rule evaluation is a fixpoint: a "holds" condition can depend on classes
// other rules give, so rules run again until one full pass changes nothing.
#include "extract/classifier.hpp"

#include "extract/mention_matcher.hpp"

namespace ng::extract {

namespace {

// What the conditions read. Only sections take classes, so only sections'
// labels and section children are kept: term items, most of the entities
// of a large note, cost nothing here.
struct ClassifyContext {
  const EntityModel& model;
  // Per entity: a section's label normalized as names are (Latin
  // case-insensitive, spaces ignored), empty for the others.
  std::vector<std::string> normalized;
  // Per entity, and one more: its section children are
  // children[first_child[e], first_child[e + 1]).
  std::vector<std::uint32_t> first_child;
  std::vector<std::uint32_t> children;
};

bool holds(const ClassifyContext& x, const Entity& e, const ClassCondition& c, const std::string& want,
           std::uint32_t self, std::uint32_t holds_class) {
  const EntityModel& model = x.model;
  switch (c.kind) {
    case ClassCondition::Kind::level:
      return e.kind == EntityKind::section && e.level == static_cast<std::uint32_t>(c.level);
    case ClassCondition::Kind::parent:
      return e.parent != kNoEntity && model.entities[e.parent].kind == EntityKind::section &&
             x.normalized[e.parent] == want;
    case ClassCondition::Kind::within:
      for (std::uint32_t a = e.parent; a != kNoEntity; a = model.entities[a].parent)
        if (model.entities[a].kind == EntityKind::section && x.normalized[a] == want) return true;
      return false;
    case ClassCondition::Kind::holds:
      for (std::uint32_t k = x.first_child[self]; k < x.first_child[self + 1]; ++k)
        if (model.has_class(model.entities[x.children[k]], holds_class)) return true;
      return false;
  }
  return false;
}

}  // namespace

void classify(EntityModel& model, const Tables& tables) {
  const auto n = static_cast<std::uint32_t>(model.entities.size());
  ClassifyContext x{model, std::vector<std::string>(n), std::vector<std::uint32_t>(n + 1, 0), {}};
  std::vector<std::uint32_t> sections;
  for (std::uint32_t i = 0; i < n; ++i) {
    const Entity& e = model.entities[i];
    if (e.kind != EntityKind::section) continue;
    sections.push_back(i);
    x.normalized[i] = MentionMatcher::normalize(e.label);
    if (e.parent != kNoEntity) ++x.first_child[e.parent + 1];
  }
  for (std::uint32_t i = 0; i < n; ++i) x.first_child[i + 1] += x.first_child[i];
  x.children.resize(sections.size());
  {
    std::vector<std::uint32_t> next(x.first_child.begin(), x.first_child.end() - 1);
    for (std::uint32_t i : sections)
      if (model.entities[i].parent != kNoEntity) x.children[next[model.entities[i].parent]++] = i;
  }

  struct CompiledRule {
    std::uint32_t cls;
    const ClassRule* rule;
    std::vector<std::uint32_t> holds_classes;  // per condition
    std::vector<std::string> wanted_labels;    // per condition, normalized
  };
  std::vector<CompiledRule> rules;
  for (const auto& r : tables.class_rules) {
    CompiledRule c{model.class_id(r.class_iri), &r, {}, {}};
    for (const auto& cond : r.conditions) {
      c.holds_classes.push_back(cond.kind == ClassCondition::Kind::holds ? model.class_id(cond.text) : 0);
      c.wanted_labels.push_back(MentionMatcher::normalize(cond.text));
    }
    rules.push_back(std::move(c));
  }

  // Each pass can only add classes, and there are finitely many, so this ends.
  for (bool changed = true; changed;) {
    changed = false;
    for (const auto& r : rules) {
      for (std::uint32_t i : sections) {
        Entity& e = model.entities[i];
        if (model.has_class(e, r.cls)) continue;
        bool all = true;
        for (std::size_t k = 0; k < r.rule->conditions.size() && all; ++k)
          all = holds(x, e, r.rule->conditions[k], r.wanted_labels[k], i, r.holds_classes[k]);
        if (all) {
          e.classes.push_back(r.cls);
          changed = true;
        }
      }
    }
  }
}

std::uint32_t nearest_ancestor_with(const EntityModel& model, std::uint32_t entity, std::uint32_t cls) {
  for (std::uint32_t a = model.entities[entity].parent; a != kNoEntity; a = model.entities[a].parent)
    if (model.has_class(model.entities[a], cls)) return a;
  return kNoEntity;
}

}  // namespace ng::extract
