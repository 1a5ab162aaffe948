// Rule evaluation is a fixpoint: a "holds" condition can depend on classes
// other rules give, so rules run again until one full pass changes nothing.
#include "extract/classifier.hpp"

#include "extract/mention_matcher.hpp"

namespace ng::extract {

namespace {

// Labels compare like names: Latin case-insensitive, spaces ignored.
struct Labels {
  std::vector<std::string> normalized;  // per entity
};

bool holds(const EntityModel& model, const Labels& labels, const Entity& e, const ClassCondition& c,
           const std::string& want, const std::vector<std::vector<std::uint32_t>>& children, std::uint32_t self,
           std::uint32_t holds_class) {
  switch (c.kind) {
    case ClassCondition::Kind::level:
      return e.kind == EntityKind::section && e.level == static_cast<std::uint32_t>(c.level);
    case ClassCondition::Kind::parent:
      return e.parent != kNoEntity && model.entities[e.parent].kind == EntityKind::section &&
             labels.normalized[e.parent] == want;
    case ClassCondition::Kind::within:
      for (std::uint32_t a = e.parent; a != kNoEntity; a = model.entities[a].parent)
        if (model.entities[a].kind == EntityKind::section && labels.normalized[a] == want) return true;
      return false;
    case ClassCondition::Kind::holds:
      for (std::uint32_t child : children[self])
        if (model.has_class(model.entities[child], holds_class)) return true;
      return false;
  }
  return false;
}

}  // namespace

void classify(EntityModel& model, const Tables& tables) {
  std::vector<std::vector<std::uint32_t>> children(model.entities.size());
  for (std::uint32_t i = 0; i < model.entities.size(); ++i)
    if (model.entities[i].parent != kNoEntity) children[model.entities[i].parent].push_back(i);

  Labels labels;
  labels.normalized.reserve(model.entities.size());
  for (const auto& e : model.entities) labels.normalized.push_back(MentionMatcher::normalize(e.label));

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
      for (std::uint32_t i = 0; i < model.entities.size(); ++i) {
        Entity& e = model.entities[i];
        if (e.kind != EntityKind::section || model.has_class(e, r.cls)) continue;
        bool all = true;
        for (std::size_t k = 0; k < r.rule->conditions.size() && all; ++k)
          all = holds(model, labels, e, r.rule->conditions[k], r.wanted_labels[k], children, i, r.holds_classes[k]);
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
