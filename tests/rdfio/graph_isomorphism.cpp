// Graph isomorphism for small graphs (see graph_isomorphism.hpp). Colours are
// hashes refined for as many rounds as there are blank nodes; the search then
// only tries candidates of equal colour and checks the whole mapped graph.
#include "graph_isomorphism.hpp"

#include <algorithm>
#include <functional>
#include <map>
#include <set>
#include <string>

namespace ng::rdfio::testing {
namespace {

using Colours = std::map<std::string, std::size_t>;  // blank label -> colour

std::size_t term_hash(const model::Term &t) {
  if (t.kind == model::TermKind::blank) return 0x9e3779b9;
  return std::hash<std::string>{}(t.value) ^ (std::hash<std::string>{}(t.language) * 3) ^
         (std::hash<std::string>{}(t.datatype) * 7) ^ (static_cast<std::size_t>(t.kind) << 1);
}

Colours refine(const std::vector<TermTriple> &graph, std::size_t rounds) {
  Colours colours;
  for (const auto &t : graph)
    for (const auto &term : t)
      if (term.kind == model::TermKind::blank) colours[term.value] = 1;
  for (std::size_t round = 0; round <= rounds; ++round) {
    std::map<std::string, std::vector<std::size_t>> signatures;
    for (const auto &t : graph) {
      for (std::size_t i = 0; i < 3; ++i) {
        if (t[i].kind != model::TermKind::blank) continue;
        std::size_t h = i * 1000003;
        for (std::size_t j = 0; j < 3; ++j) {
          const std::size_t part =
              t[j].kind == model::TermKind::blank ? colours[t[j].value] * 31 + (i == j) : term_hash(t[j]);
          h = h * 1099511628211ull ^ (part + j);
        }
        signatures[t[i].value].push_back(h);
      }
    }
    Colours next;
    for (auto &[label, hashes] : signatures) {
      std::sort(hashes.begin(), hashes.end());
      std::size_t h = colours[label];
      for (std::size_t x : hashes) h = h * 1469598103934665603ull ^ x;
      next[label] = h;
    }
    colours = std::move(next);
  }
  return colours;
}

using Key = std::array<std::tuple<int, std::string, std::string, std::string>, 3>;

Key key_of(const TermTriple &t) {
  Key k;
  for (int i = 0; i < 3; ++i) k[i] = {static_cast<int>(t[i].kind), t[i].value, t[i].language, t[i].datatype};
  return k;
}

std::set<Key> keys_of(const std::vector<TermTriple> &graph) {
  std::set<Key> keys;
  for (const auto &t : graph) keys.insert(key_of(t));
  return keys;
}

}  // namespace

bool isomorphic(std::vector<TermTriple> a, std::vector<TermTriple> b) {
  const std::set<Key> keys_a = keys_of(a), keys_b = keys_of(b);
  if (keys_a.size() != keys_b.size()) return false;
  const Colours colours_a = refine(a, keys_a.size()), colours_b = refine(b, keys_b.size());
  if (colours_a.size() != colours_b.size()) return false;

  std::vector<std::string> blanks_a;
  for (const auto &[label, colour] : colours_a) blanks_a.push_back(label);
  std::map<std::string, std::string> mapping;
  std::set<std::string> used;

  const auto mapped_equal = [&] {
    std::set<Key> mapped;
    for (TermTriple t : a) {
      for (auto &term : t)
        if (term.kind == model::TermKind::blank) term.value = mapping[term.value];
      mapped.insert(key_of(t));
    }
    return mapped == keys_b;
  };
  std::function<bool(std::size_t)> search = [&](std::size_t index) {
    if (index == blanks_a.size()) return mapped_equal();
    const std::string &label = blanks_a[index];
    for (const auto &[candidate, colour] : colours_b) {
      if (colour != colours_a.at(label) || used.count(candidate)) continue;
      mapping[label] = candidate;
      used.insert(candidate);
      if (search(index + 1)) return true;
      used.erase(candidate);
    }
    return false;
  };
  return search(0);
}

}  // namespace ng::rdfio::testing
