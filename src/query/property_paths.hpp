// Property path evaluation (SPARQL 1.1 section 18.4): the (subject, object)
// pairs a path connects, with either end fixed or free. Sequences and
// alternatives keep duplicates; *, + and ? are distinct per start node, as the
// spec's ALP procedure. Closures are breadth-first with a visited set (no
// recursion on the data).
#pragma once

#include <utility>
#include <vector>

#include "query/eval_context.hpp"

namespace ng::query {

using TermPair = std::pair<TermId, TermId>;

// Pairs (s, o) connected by `path` in the active graph; `from` / `to` fix the
// ends when not kNoTerm.
void path_pairs(EvalContext& ctx, const Path& path, TermId from, TermId to, std::vector<TermPair>& out);

// Whether `node` is the subject or object of a triple in the active graph.
bool is_graph_node(EvalContext& ctx, TermId node);

}  // namespace ng::query
