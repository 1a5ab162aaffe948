// Finds names in text with one trie walk per start position: Latin matched
// case-insensitively, spaces inside names ignored, Latin word boundaries at
// both ends (a Hangul particle glued on does not block), longest match first,
// matches never overlapping. Relation cue words are a second key set in the
// same trie: one scan finds both sets, each matched as if alone (a cue inside
// a name is found).
//
// Most of the text starts no match: the scan classifies 64 bytes at a time
// (SSE2) and walks the trie only from the code points that could begin a key
// (an ASCII word start or punctuation some key begins with, a multi-byte
// code point); a three-byte first code point (Hangul) is looked up whole, and
// the second code point is tried before a walk. Malformed UTF-8 is matched
// one start position at a time, with the same results.
#pragma once

#include <array>
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

  // Adds a name for `target` (below 2^31). Returns the target already
  // registered under the same key (the first one wins), or `target` when
  // the key is new.
  std::uint32_t add(std::string_view name, std::uint32_t target);
  // Adds a cue word for `target`: a second set of keys, matched by the same
  // rules but on its own, so that a cue inside a name is still found, and a
  // name inside a cue. The first cue of a key wins.
  void add_cue(std::string_view cue, std::uint32_t target);
  // Looks a name up (normalizing it); returns kNone when absent.
  std::uint32_t lookup(std::string_view name) const;
  // Whether find() looks for names of one character (a code point after
  // normalization). Off, they are still looked up; cues are always searched.
  void set_search_one_character_names(bool on) { search_one_character_names_ = on; }
  // Compiles the trie; call after the last add() and before find().
  void build();

  struct Match {
    std::uint32_t begin = 0, end = 0;  // byte offsets in the scanned text
    std::uint32_t target = 0;
  };
  // Appends the names' matches in `text`, left to right.
  void find(std::string_view text, std::vector<Match>& out) const;
  // The same, and the cues' matches to `cues`, in one scan of the text.
  void find(std::string_view text, std::vector<Match>& out, std::vector<Match>& cues) const;

  static constexpr std::uint32_t kNone = 0xFFFFFFFFu;

 private:
  // The trie is one byte array, nodes_ (a node's place in it is its id),
  // small enough to stay in the L2 cache: node records of a few bytes with
  // runs of single-child links compressed into labels. A node is entered by
  // an edge byte, then its label (the bytes every key below it shares) leads
  // to its state: a target and children. Its record:
  //   target (4 bytes, kNone: no key ends here), label length (1),
  //   child count (1; kDense: a table in dense_), the label, then the
  //   children's bytes, sorted, and their ids (4 bytes each) or, for kDense,
  //   the table's index (4 bytes).
  // Records are laid out depth first, a node's first child right after it.
  // No node's label lies inside a key's first code point, so the start
  // tables, match_at() and find() step over it with child() alone.
  static constexpr std::size_t kLabelLengthAt = 4, kChildCountAt = 5, kLabelAt = 6;
  static constexpr std::size_t kMaxLabel = 255;
  static constexpr unsigned char kDense = 0xFF;
  // Up to this many children are found with one 16-byte compare.
  static constexpr std::uint32_t kDenseFanout = 16;
  std::uint32_t target_of(std::uint32_t node) const;
  std::uint32_t child(std::uint32_t node, unsigned char byte) const;  // kNone when absent
  template <class Visit>
  void for_each_child(std::uint32_t node, Visit visit) const;  // visit(byte, child id)
  std::uint32_t build_node(const std::vector<std::pair<std::string_view, std::uint32_t>>& keys, std::size_t lo,
                           std::size_t hi, std::size_t depth);
  void build_start_tables();

  // The longest name and the longest cue of a walk (kNone when there is none).
  struct Found {
    std::size_t end = 0;
    std::uint32_t target = kNone;
    std::size_t cue_end = 0;
    std::uint32_t cue = kNone;
  };
  // A node's target word: a name's target, kNone, or kHasCue plus an index
  // into cue_targets_ (few keys are cues, so the word stays 4 bytes).
  static constexpr std::uint32_t kHasCue = 0x80000000u;
  struct CueTarget {
    std::uint32_t name;  // kNone when the key is only a cue
    std::uint32_t cue;
  };
  // Scans for the sets whose output is given (one or both); false, with
  // nothing appended, when both are asked for and the text holds malformed
  // UTF-8 (where the sets' scans part ways: find() then scans once per set).
  bool scan(std::string_view text, std::vector<Match>* names, std::vector<Match>* cues) const;
  // Continues a walk at the state of `node` (past its label), reached at the
  // end j of a text code point whose Latin-ness is `last_latin`.
  Found walk(std::string_view text, std::uint32_t node, std::size_t j, bool last_latin) const;
  // The whole attempt at start position i, for any bytes (find() takes
  // shortcuts in well-formed text).
  Found match_at(std::string_view text, std::size_t i, bool prev_latin) const;

  std::vector<std::pair<std::size_t, std::size_t>> group_stack_;  // build_node's key groups, all levels
  std::unordered_map<std::string, std::uint32_t> keys_;           // normalized key -> target
  std::unordered_map<std::string, std::uint32_t> cue_keys_;       // normalized cue -> target
  std::vector<CueTarget> cue_targets_;                            // of the keys that are cues
  bool search_one_character_names_ = true;
  // The records, then 16 bytes of padding so that any node's child bytes can
  // be loaded whole. The root's id is 0; empty before build().
  std::vector<unsigned char> nodes_;
  std::vector<std::uint32_t> dense_;       // 256 children per high-fanout node
  std::array<std::uint32_t, 256> root_{};  // dense first level: root child per byte

  // Which code points can start a key, by class, for the block scan.
  struct StartClasses {
    bool ascii_alnum = false;  // some key starts with a letter or digit
    bool three_byte = false;   // ... with a three-byte code point (lead E0..EF)
    bool other_lead = false;   // ... with any other byte >= 0xC0
    bool any_punct = false;    // ... with more kinds of ASCII punctuation than fit below
    unsigned punct_count = 0;  // ... with these ASCII non-alnum bytes
    std::array<unsigned char, 4> punct{};
  };
  StartClasses starts_;
  // The node after a whole three-byte first code point, in two levels: the
  // lead's low nibble and the second byte's low six bits pick a block of 64
  // (block 0: no key), the third byte's picks the node. Korean text is mostly
  // syllables that start no key, and one or two loads reject them.
  std::vector<std::uint16_t> three_byte_blocks_;
  std::vector<std::uint32_t> three_byte_nodes_;  // 64 per block
  // Which of a block's 64 nodes exist, a bit each: the scan's filter reads
  // these 8 bytes per block (they stay in L1) and drops without a branch.
  std::vector<std::uint64_t> three_byte_starts_;
};

}  // namespace ng::extract
