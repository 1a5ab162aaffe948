// The join order of a basic graph pattern: triple patterns with their
// constants resolved to ids, ordered greedily by the cardinality the store's
// indexes give (QuadRange::size_estimate) given the variables bound so far,
// preferring patterns connected to what is already bound.
#pragma once

#include <vector>

#include "query/eval_context.hpp"

namespace ng::query {

// One position of a resolved triple pattern.
struct ResolvedSlot {
  bool is_var = false;
  VarId var = 0;
  TermId id = kNoTerm;  // constant; kNoTerm when the store does not know the term
};

struct ResolvedTriple {
  ResolvedSlot s, p, o;
  const Path* path = nullptr;
  const TriplePattern* source = nullptr;
  bool unknown_constant = false;  // a constant absent from the store: no plain triple can match
};

ResolvedTriple resolve_triple(EvalContext& ctx, const TriplePattern& t);

struct PlannedStep {
  std::size_t index = 0;  // into the BGP's triples
  double estimate = 0;    // rows produced per incoming row
};

// `bound[v]` says whether variable v is bound in every incoming row.
std::vector<PlannedStep> plan_bgp(const EvalContext& ctx, const std::vector<ResolvedTriple>& triples,
                                  std::vector<bool> bound);

}  // namespace ng::query
