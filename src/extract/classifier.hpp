// Applies the classification rules of the tables to the collected sections
// (classes such as ng:Service and ng:Category) until nothing changes.
#pragma once

#include "extract/entities.hpp"
#include "extract/tables.hpp"

namespace ng::extract {

void classify(EntityModel& model, const Tables& tables);

// The nearest ancestor of `entity` that has class `cls`, or kNoEntity.
std::uint32_t nearest_ancestor_with(const EntityModel& model, std::uint32_t entity, std::uint32_t cls);

}  // namespace ng::extract
