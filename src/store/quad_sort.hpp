// Sorting for TripleStore::freeze: stable counting sorts keyed by term id (ids
// are dense, so one pass per position with one bucket per term), falling back
// to comparison sorts when the ids are sparse.
#pragma once

#include <cstdint>
#include <span>
#include <vector>

#include "store/triple_store.hpp"

namespace ng::store {

// Sorts by S,P,O,G; equal quads keep their input order, so the first added
// stays first. `id_limit` is one more than the largest id in the quads, or
// kNoTerm to have it found when needed (quads grouped by subject do not).
void sort_spog(std::vector<QuadWithProvenance>& quads, TermId id_limit);

// The positions in `spog` (sorted by S,P,O,G, no duplicates, fewer than 2^32
// quads) of its quads in `perm`'s order: POSG for pos, OSPG for osp.
std::vector<std::uint32_t> order_from_spog(std::span<const Quad> spog, Permutation perm, TermId id_limit);

}  // namespace ng::store
