// Finds names in text with one trie walk per start position: Latin matched
// case-insensitively, spaces inside names ignored, Latin word boundaries at
// both ends (a Hangul particle glued on does not block), longest match first,
// matches never overlapping. Also used for relation cue words.
#pragma once

#include <array>
#include <bitset>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

namespace ng::extract {

class MentionMatcher {
 public:
  MentionMatcher();

  // The normalized key of a name: ASCII lower-cased, name spaces removed.
  static std::string normalize(std::string_view name);

  // Adds a name for `target`. Returns the target already registered under
  // the same key (the first one wins), or `target` when the key is new.
  std::uint32_t add(std::string_view name, std::uint32_t target);
  // Looks a name up (normalizing it); returns kNone when absent.
  std::uint32_t lookup(std::string_view name) const;
  // Compiles the trie; call after the last add() and before find().
  void build();

  struct Match {
    std::uint32_t begin = 0, end = 0;  // byte offsets in the scanned text
    std::uint32_t target = 0;
  };
  // Appends the matches in `text`, left to right.
  void find(std::string_view text, std::vector<Match>& out) const;

  static constexpr std::uint32_t kNone = 0xFFFFFFFFu;

 private:
  struct Node {
    std::uint32_t target = kNone;
    std::uint32_t first_edge = 0;  // edges_[first_edge, first_edge + edge_count)
    std::uint16_t edge_count = 0;
    std::uint32_t dense = kNone;  // index of its 256-entry table in dense_, if any
  };
  static constexpr std::uint16_t kDenseFanout = 8;
  struct Edge {
    unsigned char byte;
    std::uint32_t child;
  };
  std::uint32_t child(std::uint32_t node, unsigned char byte) const {
    const Node& n = nodes_[node];
    if (n.dense != kNone) return dense_[n.dense * 256 + byte];
    const Edge* e = edges_.data() + n.first_edge;
    for (std::uint16_t i = 0; i < n.edge_count; ++i)
      if (e[i].byte == byte) return e[i].child;
    return kNone;
  }
  std::uint32_t build_node(const std::vector<std::pair<std::string_view, std::uint32_t>>& keys, std::size_t lo,
                           std::size_t hi, std::size_t depth);

  std::unordered_map<std::string, std::uint32_t> keys_;  // normalized key -> target
  std::vector<Node> nodes_;                              // nodes_[0] is the root
  std::vector<Edge> edges_;                              // each node's children contiguous, sorted by byte
  std::vector<std::uint32_t> dense_;                     // 256 children per high-fanout node
  std::array<std::uint32_t, 256> root_{};                // dense first level: root child per byte
  // Hangul syllables (U+AC00..U+D7A3) some key starts with: most syllables of
  // Korean text start none, and one bit test skips them without a trie walk.
  static constexpr char32_t kFirstSyllable = 0xAC00, kLastSyllable = 0xD7A3;
  std::bitset<kLastSyllable - kFirstSyllable + 1> key_syllables_;
};

}  // namespace ng::extract
