// Trie construction from sorted keys (children laid out contiguously) and the
// matching walk, which normalizes the text on the fly instead of copying it.
#include "extract/mention_matcher.hpp"

#include <algorithm>

#include "extract/script_class.hpp"

namespace ng::extract {

namespace {
constexpr std::size_t kMaxKeyBytes = 512;  // longer names are never mention keys
}

MentionMatcher::MentionMatcher() { root_.fill(kNone); }

std::string MentionMatcher::normalize(std::string_view name) {
  std::string key;
  key.reserve(name.size());
  for (std::size_t i = 0; i < name.size();) {
    std::size_t len = 1;
    char32_t c = decode_at(name, i, len);
    if (!is_name_space(c)) {
      if (c >= 'A' && c <= 'Z') key += static_cast<char>(c - 'A' + 'a');
      else key.append(name.substr(i, len));
    }
    i += len;
  }
  return key;
}

std::uint32_t MentionMatcher::add(std::string_view name, std::uint32_t target) {
  std::string key = normalize(name);
  if (key.empty() || key.size() > kMaxKeyBytes) return target;
  auto [it, inserted] = keys_.try_emplace(std::move(key), target);
  return it->second;
}

std::uint32_t MentionMatcher::lookup(std::string_view name) const {
  auto it = keys_.find(normalize(name));
  return it == keys_.end() ? kNone : it->second;
}

void MentionMatcher::build() {
  std::vector<std::pair<std::string_view, std::uint32_t>> keys;
  keys.reserve(keys_.size());
  for (const auto& [k, t] : keys_) keys.emplace_back(k, t);
  std::sort(keys.begin(), keys.end());
  nodes_.clear();
  edges_.clear();
  root_.fill(kNone);
  nodes_.push_back({});
  build_node(keys, 0, keys.size(), 0);
  for (std::uint32_t e = 0; e < nodes_[0].edge_count; ++e) {
    const Edge& edge = edges_[nodes_[0].first_edge + e];
    root_[edge.byte] = edge.child;
  }
}

// Builds the children of the node for keys[lo, hi), all of which share their
// first `depth` bytes; the node itself is nodes_.back() when called. Depth is
// bounded by kMaxKeyBytes.
std::uint32_t MentionMatcher::build_node(const std::vector<std::pair<std::string_view, std::uint32_t>>& keys,
                                         std::size_t lo, std::size_t hi, std::size_t depth) {
  auto self = static_cast<std::uint32_t>(nodes_.size() - 1);
  if (lo < hi && keys[lo].first.size() == depth) {
    nodes_[self].target = keys[lo].second;
    ++lo;
  }
  // Group the remaining keys by their byte at `depth`.
  std::vector<std::pair<std::size_t, std::size_t>> groups;
  for (std::size_t i = lo; i < hi;) {
    std::size_t j = i + 1;
    while (j < hi && keys[j].first[depth] == keys[i].first[depth]) ++j;
    groups.emplace_back(i, j);
    i = j;
  }
  auto first_edge = static_cast<std::uint32_t>(edges_.size());
  nodes_[self].first_edge = first_edge;
  nodes_[self].edge_count = static_cast<std::uint16_t>(groups.size());
  edges_.resize(edges_.size() + groups.size());
  for (std::size_t g = 0; g < groups.size(); ++g) {
    auto [a, b] = groups[g];
    nodes_.push_back({});
    auto child = static_cast<std::uint32_t>(nodes_.size() - 1);
    edges_[first_edge + g] = {static_cast<unsigned char>(keys[a].first[depth]), child};
    build_node(keys, a, b, depth + 1);
  }
  return self;
}

std::uint32_t MentionMatcher::child(std::uint32_t node, unsigned char byte) const {
  const Node& n = nodes_[node];
  const Edge* e = edges_.data() + n.first_edge;
  for (std::uint16_t i = 0; i < n.edge_count; ++i)
    if (e[i].byte == byte) return e[i].child;
  return kNone;
}

void MentionMatcher::find(std::string_view text, std::vector<Match>& out) const {
  if (nodes_.size() <= 1) return;
  std::size_t i = 0;
  bool prev_latin = false;  // is the code point before i a Latin letter or digit?
  while (i < text.size()) {
    auto first = static_cast<unsigned char>(text[i]);
    std::size_t len = 1;
    char32_t c = first < 0x80 ? first : decode_at(text, i, len);
    bool here_latin = is_latin_alnum(c);
    unsigned char lowered = (first >= 'A' && first <= 'Z') ? static_cast<unsigned char>(first - 'A' + 'a') : first;
    std::uint32_t node = (here_latin && prev_latin) ? kNone : root_[lowered];
    std::size_t best_end = 0;
    std::uint32_t best_target = kNone;
    if (node != kNone) {
      // Walk the trie over the following bytes, skipping name spaces.
      std::size_t j = i + 1;
      bool last_latin = here_latin;
      std::size_t cp_end = i + len;  // end of the code point being consumed
      while (true) {
        if (j == cp_end) {
          // A code point is complete: record a match if the boundary allows.
          if (nodes_[node].target != kNone) {
            bool blocked = false;
            if (last_latin && j < text.size()) {
              std::size_t nlen = 1;
              blocked = is_latin_alnum(decode_at(text, j, nlen));
            }
            if (!blocked) {
              best_end = j;
              best_target = nodes_[node].target;
            }
          }
          // Skip spaces inside names.
          std::size_t k = j;
          while (k < text.size()) {
            std::size_t slen = 1;
            char32_t sc = decode_at(text, k, slen);
            if (!is_name_space(sc)) break;
            k += slen;
          }
          if (k >= text.size()) break;
          if (k != j && (nodes_[node].edge_count == 0)) break;
          j = k;
          std::size_t clen = 1;
          char32_t nc = decode_at(text, j, clen);
          last_latin = is_latin_alnum(nc);
          cp_end = j + clen;
        }
        auto b = static_cast<unsigned char>(text[j]);
        if (b >= 'A' && b <= 'Z') b = static_cast<unsigned char>(b - 'A' + 'a');
        node = child(node, b);
        if (node == kNone) break;
        ++j;
      }
    }
    if (best_target != kNone) {
      out.push_back({static_cast<std::uint32_t>(i), static_cast<std::uint32_t>(best_end), best_target});
      // Continue after the match; the char before the next start is the last matched one.
      i = best_end;
      prev_latin = is_latin_alnum(decode_before(text, i));
      continue;
    }
    prev_latin = here_latin;
    i += len;
  }
}

}  // namespace ng::extract
