// Trie construction from sorted keys (children laid out contiguously) and the
// matching walk, which normalizes the text on the fly instead of copying it.
#include "extract/mention_matcher.hpp"

#include <algorithm>
#include <cctype>

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
      if (c >= 'A' && c <= 'Z')
        key += static_cast<char>(c - 'A' + 'a');
      else
        key.append(name.substr(i, len));
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
  key_syllables_.reset();
  for (const auto& [key, target] : keys) {
    std::size_t len = 1;
    const char32_t c = decode_at(key, 0, len);
    if (c >= kFirstSyllable && c <= kLastSyllable) key_syllables_.set(c - kFirstSyllable);
  }
  nodes_.push_back({});
  build_node(keys, 0, keys.size(), 0);
  for (std::uint32_t e = 0; e < nodes_[0].edge_count; ++e) {
    const Edge& edge = edges_[nodes_[0].first_edge + e];
    root_[edge.byte] = edge.child;
  }
  // Nodes with many children (the Hangul lead bytes' continuations) get a
  // direct table, so every step of the walk is one load.
  dense_.clear();
  for (auto& node : nodes_) {
    if (node.edge_count <= kDenseFanout) continue;
    node.dense = static_cast<std::uint32_t>(dense_.size() / 256);
    dense_.resize(dense_.size() + 256, kNone);
    for (std::uint32_t e = 0; e < node.edge_count; ++e) {
      const Edge& edge = edges_[node.first_edge + e];
      dense_[node.dense * 256 + edge.byte] = edge.child;
    }
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

namespace {

constexpr auto kAsciiAlnum = [] {
  std::array<bool, 128> t{};
  for (int c = 0; c < 128; ++c) t[c] = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  return t;
}();

// Byte length of the UTF-8 sequence a lead byte starts (1 for stray bytes).
inline std::size_t sequence_length(unsigned char lead) {
  if (lead < 0xC0) return 1;
  if (lead < 0xE0) return 2;
  if (lead < 0xF0) return 3;
  return lead < 0xF8 ? 4 : 1;
}

// Is the code point at text[j] a Latin letter or digit? Only lead bytes
// 0xC3..0xC9 (U+00C0..U+024F) need decoding; Hangul and ASCII are decided by
// the first byte.
inline bool latin_at(std::string_view text, std::size_t j) {
  auto b = static_cast<unsigned char>(text[j]);
  if (b < 0x80) return (b >= '0' && b <= '9') || ((b | 0x20) >= 'a' && (b | 0x20) <= 'z');
  if (b < 0xC3 || b > 0xC9) return false;
  std::size_t len = 1;
  return is_latin_alnum(decode_at(text, j, len));
}

// Length of the name space (space, tab, NBSP, ideographic space) at text[j], or 0.
inline std::size_t name_space_at(std::string_view text, std::size_t j) {
  auto b = static_cast<unsigned char>(text[j]);
  if (b == ' ' || b == '\t') return 1;
  if (b == 0xC2 && j + 1 < text.size() && static_cast<unsigned char>(text[j + 1]) == 0xA0) return 2;
  if (b == 0xE3 && j + 2 < text.size() && static_cast<unsigned char>(text[j + 1]) == 0x80 &&
      static_cast<unsigned char>(text[j + 2]) == 0x80)
    return 3;
  return 0;
}

inline unsigned char lower_ascii(unsigned char b) {
  return (b >= 'A' && b <= 'Z') ? static_cast<unsigned char>(b - 'A' + 'a') : b;
}

}  // namespace

void MentionMatcher::find(std::string_view text, std::vector<Match>& out) const {
  if (nodes_.size() <= 1) return;
  const std::size_t n = text.size();
  std::size_t i = 0;
  bool prev_latin = false;  // is the code point before i a Latin letter or digit?
  while (i < n) {
    auto first = static_cast<unsigned char>(text[i]);
    // ASCII fast path: inside a word, or at a byte no key starts with,
    // nothing can start here.
    if (first < 0x80) {
      const bool latin = kAsciiAlnum[first];
      if ((latin && prev_latin) || root_[lower_ascii(first)] == kNone) {
        prev_latin = latin;
        ++i;
        continue;
      }
    }
    // A Hangul syllable no key starts with (lead bytes 0xEA..0xED, the
    // syllables' block): a Hangul letter is not Latin, so just step over it.
    if (first >= 0xEA && first <= 0xED && i + 2 < n && (static_cast<unsigned char>(text[i + 1]) & 0xC0) == 0x80 &&
        (static_cast<unsigned char>(text[i + 2]) & 0xC0) == 0x80) {
      const char32_t c = (static_cast<char32_t>(first & 0x0F) << 12) |
                         (static_cast<char32_t>(static_cast<unsigned char>(text[i + 1]) & 0x3F) << 6) |
                         (static_cast<unsigned char>(text[i + 2]) & 0x3F);
      if (c >= kFirstSyllable && c <= kLastSyllable && !key_syllables_.test(c - kFirstSyllable)) {
        prev_latin = false;
        i += 3;
        continue;
      }
    }
    const std::size_t len = std::min(sequence_length(first), n - i);
    const bool here_latin = latin_at(text, i);
    std::uint32_t node = (here_latin && prev_latin) ? kNone : root_[lower_ascii(first)];
    std::size_t best_end = 0;
    std::uint32_t best_target = kNone;
    // Walk the trie over the following bytes, skipping name spaces between
    // code points; a match is recorded at each code point end whose Latin
    // word boundary holds.
    std::size_t j = i + 1;
    std::size_t cp_end = std::min(i + len, n);
    bool last_latin = here_latin;
    while (node != kNone) {
      if (j >= cp_end) {
        const Node& at = nodes_[node];
        if (at.target != kNone && !(last_latin && j < n && latin_at(text, j))) {
          best_end = j;
          best_target = at.target;
        }
        if (at.edge_count == 0 || j >= n) break;
        while (j < n) {
          std::size_t space = name_space_at(text, j);
          if (space == 0) break;
          j += space;
        }
        if (j >= n) break;
        cp_end = std::min(j + sequence_length(static_cast<unsigned char>(text[j])), n);
        last_latin = latin_at(text, j);
      }
      node = child(node, lower_ascii(static_cast<unsigned char>(text[j])));
      ++j;
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
