// Trie construction from sorted keys (children laid out contiguously), the
// block scan that picks where a walk can start, and the matching walk, which
// normalizes the text on the fly instead of copying it.
#include "extract/mention_matcher.hpp"

#include <algorithm>
#include <bit>
#include <cstring>
#include <stdexcept>

#include "extract/script_class.hpp"

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace ng::extract {

namespace {

constexpr std::size_t kMaxKeyBytes = 512;  // longer names are never mention keys

constexpr auto kAsciiAlnum = [] {
  std::array<bool, 128> t{};
  for (int c = 0; c < 128; ++c) t[c] = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  return t;
}();

// How the walk steps over the code point a byte starts: the lower-cased byte
// for ASCII other than a name space, kThreeByte for a three-byte lead that
// cannot start a name space (all but 0xE3), kAsciiSpace for a space or tab,
// kGeneralStep for the rest.
constexpr unsigned kThreeByte = 0x100, kGeneralStep = 0x101, kAsciiSpace = 0x102;
constexpr auto kStepKind = [] {
  std::array<std::uint16_t, 256> t{};
  for (int c = 0; c < 256; ++c) {
    if (c == ' ' || c == '\t')
      t[c] = kAsciiSpace;
    else if (c >= 0x80)
      t[c] = (c & 0xF0) == 0xE0 && c != 0xE3 ? kThreeByte : kGeneralStep;
    else
      t[c] = (c >= 'A' && c <= 'Z') ? c - 'A' + 'a' : c;
  }
  return t;
}();

constexpr auto kLower = [] {
  std::array<unsigned char, 256> t{};
  for (int c = 0; c < 256; ++c) t[c] = static_cast<unsigned char>((c >= 'A' && c <= 'Z') ? c - 'A' + 'a' : c);
  return t;
}();

// Where the first two bytes of a three-byte code point select their block of
// 64 in three_byte_nodes_: the lead's low nibble and the second byte's low six
// bits, as they lie in a little-endian 16-bit load (2 KB of the table are used).
constexpr std::size_t kThreeByteSlots = 0x3F10;
inline std::size_t three_byte_slot(unsigned char lead, unsigned char second) {
  return static_cast<std::size_t>((lead | second << 8) & 0x3F0F);
}
inline std::size_t three_byte_slot(const unsigned char* at) {
  std::uint16_t pair;
  std::memcpy(&pair, at, 2);
  if constexpr (std::endian::native == std::endian::big) pair = static_cast<std::uint16_t>(pair >> 8 | pair << 8);
  return pair & 0x3F0Fu;
}

}  // namespace

MentionMatcher::MentionMatcher() { root_.fill(kNone); }

std::string MentionMatcher::normalize(std::string_view name) {
  // Written into a buffer of the name's size (the key is never longer), ASCII
  // without a decode: keys are made for every name and alias of every entity.
  std::string key(name.size(), '\0');
  char* out = key.data();
  for (std::size_t i = 0; i < name.size();) {
    const auto b = static_cast<unsigned char>(name[i]);
    if (b < 0x80) {
      if (b != ' ' && b != '\t') *out++ = static_cast<char>(b >= 'A' && b <= 'Z' ? b - 'A' + 'a' : b);
      ++i;
      continue;
    }
    std::size_t len = 1;
    const char32_t c = decode_at(name, i, len);
    len = std::min(len, name.size() - i);  // a sequence cut off by the end
    if (!is_name_space(c)) {
      std::memcpy(out, name.data() + i, len);
      out += len;
    }
    i += len;
  }
  key.resize(static_cast<std::size_t>(out - key.data()));
  return key;
}

std::uint32_t MentionMatcher::add(std::string_view name, std::uint32_t target) {
  std::string key = normalize(name);
  if (key.empty() || key.size() > kMaxKeyBytes) return target;
  auto [it, inserted] = keys_.try_emplace(std::move(key), target);
  return it->second;
}

void MentionMatcher::add_cue(std::string_view cue, std::uint32_t target) {
  std::string key = normalize(cue);
  if (key.empty() || key.size() > kMaxKeyBytes) return;
  cue_keys_.try_emplace(std::move(key), target);
}

std::uint32_t MentionMatcher::lookup(std::string_view name) const {
  auto it = keys_.find(normalize(name));
  return it == keys_.end() ? kNone : it->second;
}

void MentionMatcher::build() {
  std::vector<std::pair<std::string_view, std::uint32_t>> keys;
  keys.reserve(keys_.size() + cue_keys_.size());
  cue_targets_.clear();
  for (const auto& [k, t] : keys_) {
    if (t >= kHasCue) throw std::length_error("mention matcher: a target of 2^31 or more");
    std::size_t first_length = 1;
    if (!search_one_character_names_) decode_at(k, 0, first_length);
    const std::uint32_t name = !search_one_character_names_ && first_length >= k.size() ? kNone : t;
    if (auto cue = cue_keys_.find(k); cue != cue_keys_.end()) {
      keys.emplace_back(k, kHasCue | static_cast<std::uint32_t>(cue_targets_.size()));
      cue_targets_.push_back({name, cue->second});
    } else if (name == kNone) {
      continue;
    } else {
      keys.emplace_back(k, t);
    }
  }
  for (const auto& [k, t] : cue_keys_) {
    if (keys_.count(k) != 0) continue;
    keys.emplace_back(k, kHasCue | static_cast<std::uint32_t>(cue_targets_.size()));
    cue_targets_.push_back({kNone, t});
  }
  std::sort(keys.begin(), keys.end());
  nodes_.clear();
  dense_.clear();
  root_.fill(kNone);
  if (keys.empty()) return;
  build_node(keys, 0, keys.size(), 0);
  nodes_.resize(nodes_.size() + 16);
  for_each_child(0, [this](unsigned char byte, std::uint32_t child) { root_[byte] = child; });
  build_start_tables();
}

void MentionMatcher::build_start_tables() {
  starts_ = {};
  for (int b = 0; b < 256; ++b) {
    if (root_[b] == kNone) continue;
    if (b < 0x80) {
      if (kAsciiAlnum[b]) {
        starts_.ascii_alnum = true;
      } else if (starts_.punct_count < starts_.punct.size()) {
        starts_.punct[starts_.punct_count++] = static_cast<unsigned char>(b);
      } else {
        starts_.any_punct = true;
      }
    } else if (b >= 0xE0 && b < 0xF0) {
      starts_.three_byte = true;
    } else if (b >= 0xC0) {
      starts_.other_lead = true;
    }
    // A key starting with a continuation byte can start only at a stray one,
    // and blocks holding those are left to match_at().
  }
  three_byte_blocks_.assign(kThreeByteSlots, 0);
  three_byte_nodes_.assign(64, kNone);
  three_byte_starts_.assign(1, 0);
  auto is_continuation = [](unsigned char b) { return (b & 0xC0) == 0x80; };
  for_each_child(0, [&](unsigned char lead, std::uint32_t second) {
    if (lead < 0xE0 || lead >= 0xF0) return;
    for_each_child(second, [&](unsigned char second_byte, std::uint32_t third) {
      if (!is_continuation(second_byte)) return;
      for_each_child(third, [&](unsigned char third_byte, std::uint32_t after) {
        if (!is_continuation(third_byte)) return;
        std::uint16_t& block = three_byte_blocks_[three_byte_slot(lead, second_byte)];
        if (block == 0) {
          block = static_cast<std::uint16_t>(three_byte_nodes_.size() / 64);
          three_byte_nodes_.resize(three_byte_nodes_.size() + 64, kNone);
          three_byte_starts_.push_back(0);
        }
        three_byte_nodes_[block * 64 + (third_byte & 0x3F)] = after;
        three_byte_starts_[block] |= std::uint64_t{1} << (third_byte & 0x3F);
      });
    });
  });
}

namespace {

// Byte length of the UTF-8 sequence a lead byte starts (1 for stray bytes).
inline std::size_t sequence_length(unsigned char lead) {
  if (lead < 0xC0) return 1;
  if (lead < 0xE0) return 2;
  if (lead < 0xF0) return 3;
  return lead < 0xF8 ? 4 : 1;
}

inline std::uint32_t load_u32(const unsigned char* at) {
  std::uint32_t value;
  std::memcpy(&value, at, 4);
  return value;
}

inline void store_u32(unsigned char* at, std::uint32_t value) { std::memcpy(at, &value, 4); }

}  // namespace

// Appends the node entered at `depth` for keys[lo, hi), which share their
// first `depth` bytes, then its subtrees; returns its id. Depth is bounded
// by kMaxKeyBytes.
std::uint32_t MentionMatcher::build_node(const std::vector<std::pair<std::string_view, std::uint32_t>>& keys,
                                         std::size_t lo, std::size_t hi, std::size_t depth) {
  // The label runs while every key goes on with the same byte: sorted, the
  // first key is the shortest and shares a byte with all when it does with
  // the last. The root and the nodes inside a key's first code point have none.
  const std::string_view first = keys[lo].first;
  std::size_t state = depth;
  if (depth > 0 && depth > sequence_length(static_cast<unsigned char>(first[0])))
    while (state - depth < kMaxLabel && first.size() > state && first[state] == keys[hi - 1].first[state]) ++state;
  std::uint32_t target = kNone;
  if (first.size() == state) {
    target = keys[lo].second;
    ++lo;
  }
  // Group the remaining keys by their byte at `state`, on a stack shared by
  // every level (most nodes have one child: a vector each was a malloc per node).
  const std::size_t base = group_stack_.size();
  for (std::size_t i = lo; i < hi;) {
    std::size_t j = i + 1;
    while (j < hi && keys[j].first[state] == keys[i].first[state]) ++j;
    group_stack_.emplace_back(i, j);
    i = j;
  }
  const std::size_t groups = group_stack_.size() - base;
  const bool dense = groups > kDenseFanout;
  const auto self = static_cast<std::uint32_t>(nodes_.size());
  const std::size_t label = state - depth;
  const std::size_t child_bytes = self + kLabelAt + label;
  const std::size_t child_ids = child_bytes + (dense ? 0 : groups);
  nodes_.resize(child_ids + (dense ? 4 : 4 * groups));
  store_u32(nodes_.data() + self, target);
  nodes_[self + kLabelLengthAt] = static_cast<unsigned char>(label);
  nodes_[self + kChildCountAt] = dense ? kDense : static_cast<unsigned char>(groups);
  std::memcpy(nodes_.data() + self + kLabelAt, first.data() + depth, label);
  if (dense) {
    store_u32(nodes_.data() + child_ids, static_cast<std::uint32_t>(dense_.size() / 256));
    dense_.resize(dense_.size() + 256, kNone);
  }
  for (std::size_t g = 0; g < groups; ++g) {
    const auto [a, b] = group_stack_[base + g];
    const auto byte = static_cast<unsigned char>(keys[a].first[state]);
    const std::uint32_t child = build_node(keys, a, b, state + 1);
    // nodes_ and dense_ grew meanwhile: positions, not pointers, survive.
    if (dense) {
      dense_[std::size_t{load_u32(nodes_.data() + child_ids)} * 256 + byte] = child;
    } else {
      nodes_[child_bytes + g] = byte;
      store_u32(nodes_.data() + child_ids + 4 * g, child);
    }
  }
  group_stack_.resize(base);
  return self;
}

inline std::uint32_t MentionMatcher::target_of(std::uint32_t node) const { return load_u32(nodes_.data() + node); }

template <class Visit>
void MentionMatcher::for_each_child(std::uint32_t node, Visit visit) const {
  const unsigned char* at = nodes_.data() + node;
  const unsigned char* child_bytes = at + kLabelAt + at[kLabelLengthAt];
  if (at[kChildCountAt] == kDense) {
    const std::uint32_t* table = dense_.data() + std::size_t{load_u32(child_bytes)} * 256;
    for (unsigned byte = 0; byte < 256; ++byte)
      if (table[byte] != kNone) visit(static_cast<unsigned char>(byte), table[byte]);
    return;
  }
  const unsigned count = at[kChildCountAt];
  for (unsigned c = 0; c < count; ++c) visit(child_bytes[c], load_u32(child_bytes + count + 4 * c));
}

inline std::uint32_t MentionMatcher::child(std::uint32_t node, unsigned char byte) const {
  const unsigned char* at = nodes_.data() + node;
  const unsigned char* child_bytes = at + kLabelAt + at[kLabelLengthAt];
  const unsigned count = at[kChildCountAt];
  if (count == kDense) return dense_[std::size_t{load_u32(child_bytes)} * 256 + byte];
#if defined(__SSE2__)
  const __m128i children = _mm_loadu_si128(reinterpret_cast<const __m128i*>(child_bytes));
  const auto hits =
      static_cast<std::uint32_t>(_mm_movemask_epi8(_mm_cmpeq_epi8(children, _mm_set1_epi8(static_cast<char>(byte))))) &
      ((1u << count) - 1);
  return hits != 0 ? load_u32(child_bytes + count + 4 * static_cast<unsigned>(std::countr_zero(hits))) : kNone;
#else
  for (unsigned c = 0; c < count; ++c)
    if (child_bytes[c] == byte) return load_u32(child_bytes + count + 4 * c);
  return kNone;
#endif
}

namespace {

// Is the code point at text[j] a Latin letter or digit? Only lead bytes
// 0xC3..0xC9 (U+00C0..U+024F) need decoding; Hangul and ASCII are decided by
// the first byte.
inline bool latin_at(std::string_view text, std::size_t j) {
  auto b = static_cast<unsigned char>(text[j]);
  if (b < 0x80) return kAsciiAlnum[b];
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

// Is the code point that ends at text[end] (after a match) a Latin letter or digit?
inline bool latin_before(std::string_view text, std::size_t end) {
  const auto last = static_cast<unsigned char>(text[end - 1]);
  return last < 0x80 ? kAsciiAlnum[last] : is_latin_alnum(decode_before(text, end));
}

// Text is classified 64 bytes at a time, a bit per byte.
constexpr unsigned kBlock = 64;
using BlockBits = std::uint64_t;

inline BlockBits bits_below(unsigned k) { return k >= kBlock ? ~BlockBits{0} : (BlockBits{1} << k) - 1; }

// Byte classes of a block.
struct ByteMasks {
  BlockBits cont = 0;   // 0x80..0xBF
  BlockBits lead = 0;   // 0xC0..0xFF
  BlockBits three = 0;  // 0xE0..0xEF, leads of three-byte code points
  BlockBits alnum = 0;  // ASCII letters and digits
  BlockBits punct = 0;  // ASCII bytes other than letters and digits that a key starts with
  ByteMasks operator>>(unsigned s) const { return {cont >> s, lead >> s, three >> s, alnum >> s, punct >> s}; }
};

// A block of text that begins at a start position.
struct BlockMasks {
  BlockBits starts = 0;      // code point starts below `end`
  BlockBits candidates = 0;  // those where a key could begin
  unsigned end = 0;          // bytes of the code points that end inside the block
  bool well_formed = false;  // every lead is followed by exactly its continuation bytes
};

class BlockScanner {
 public:
  BlockScanner(bool ascii_alnum, bool three_byte, bool other_lead, bool any_punct, unsigned punct_count,
               const std::array<unsigned char, 4>& punct)
      : word_starts_(ascii_alnum ? ~BlockBits{0} : 0),
        three_byte_(three_byte ? ~BlockBits{0} : 0),
        other_lead_(other_lead ? ~BlockBits{0} : 0),
        any_punct_(any_punct),
        punct_count_(punct_count),
        punct_(punct) {}

  ByteMasks classify(const unsigned char* bytes) const {
    ByteMasks m;
    for (unsigned q = 0; q < kBlock; q += 16) classify16(bytes + q, q, m);
    return m;
  }

  // `m` classifies the block's bytes, of which the first `width` are
  // text[at, at + width); `prev_latin`: the code point before them is a Latin
  // letter or digit.
  BlockMasks scan(const ByteMasks& m, const unsigned char* at, unsigned width, bool prev_latin) const {
    // Continuation bytes must be where sequence_length() puts them. Leads of
    // other than three bytes are rare in this text.
    BlockBits two = 0, four = 0;
    if (m.lead != m.three) [[unlikely]] {
      for (BlockBits rest = m.lead & ~m.three; rest != 0; rest &= rest - 1) {
        const auto k = static_cast<unsigned>(std::countr_zero(rest));
        if (at[k] < 0xE0)
          two |= BlockBits{1} << k;
        else if (at[k] < 0xF8)
          four |= BlockBits{1} << k;
      }
    }
    const BlockBits expected = ((two | m.three | four) << 1) | ((m.three | four) << 2) | (four << 3);
    BlockMasks b;
    // Bytes past the text classify as zeros (ASCII), so a code point cut by
    // the text's end is malformed here.
    b.well_formed = expected == m.cont;
    // The lead whose continuation bytes cross the block's end starts the next block.
    constexpr BlockBits kLast3 = BlockBits{7} << (kBlock - 3);
    const BlockBits crossing = (two & kLast3 << 2) | (m.three & kLast3 << 1) | (four & kLast3);
    b.end = crossing != 0 ? static_cast<unsigned>(std::countr_zero(crossing)) : width;
    const BlockBits inside = bits_below(b.end);
    b.starts = ~m.cont & inside;
    // Inside a Latin word nothing starts; after a non-ASCII byte the
    // candidate check decides (é is Latin).
    const BlockBits word_starts = m.alnum & ~((m.alnum << 1) | static_cast<BlockBits>(prev_latin));
    b.candidates =
        (m.punct | (word_starts & word_starts_) | (m.three & three_byte_) | (m.lead & ~m.three & other_lead_)) & inside;
    return b;
  }

 private:
#if defined(__SSE2__)
  void classify16(const unsigned char* bytes, unsigned shift, ByteMasks& m) const {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(bytes));
    auto mask = [shift](__m128i x) { return static_cast<BlockBits>(_mm_movemask_epi8(x)) << shift; };
    auto splat = [](int c) { return _mm_set1_epi8(static_cast<char>(c)); };
    const __m128i top2 = _mm_and_si128(v, splat(0xC0));
    m.cont |= mask(_mm_cmpeq_epi8(top2, splat(0x80)));
    m.lead |= mask(_mm_cmpeq_epi8(top2, splat(0xC0)));
    m.three |= mask(_mm_cmpeq_epi8(_mm_and_si128(v, splat(0xF0)), splat(0xE0)));
    // Unsigned ranges as signed compares: x - lo + 0x80 < 0x80 + count.
    const __m128i letters =
        _mm_cmplt_epi8(_mm_add_epi8(_mm_or_si128(v, splat(0x20)), splat(0x80 - 'a')), splat(0x80 + 26));
    const __m128i digits = _mm_cmplt_epi8(_mm_add_epi8(v, splat(0x80 - '0')), splat(0x80 + 10));
    const __m128i alnum = _mm_or_si128(letters, digits);
    m.alnum |= mask(alnum);
    if (any_punct_) {
      m.punct |= mask(_mm_andnot_si128(_mm_or_si128(alnum, _mm_cmplt_epi8(v, _mm_setzero_si128())), splat(0xFF)));
    } else if (punct_count_ != 0) {
      __m128i hits = _mm_setzero_si128();
      for (unsigned k = 0; k < punct_count_; ++k) hits = _mm_or_si128(hits, _mm_cmpeq_epi8(v, splat(punct_[k])));
      m.punct |= mask(hits);
    }
  }
#else
  void classify16(const unsigned char* bytes, unsigned shift, ByteMasks& m) const {
    for (unsigned k = 0; k < 16; ++k) {
      const unsigned char c = bytes[k];
      const BlockBits bit = BlockBits{1} << (shift + k);
      if ((c & 0xC0) == 0x80) m.cont |= bit;
      if (c >= 0xC0) m.lead |= bit;
      if ((c & 0xF0) == 0xE0) m.three |= bit;
      if (c < 0x80 && kAsciiAlnum[c]) m.alnum |= bit;
      if (c < 0x80 && !kAsciiAlnum[c] &&
          (any_punct_ || std::find(punct_.begin(), punct_.begin() + punct_count_, c) != punct_.begin() + punct_count_))
        m.punct |= bit;
    }
  }
#endif

  BlockBits word_starts_, three_byte_, other_lead_;  // all ones when some key starts so
  bool any_punct_;
  unsigned punct_count_;
  std::array<unsigned char, 4> punct_;
};

}  // namespace

MentionMatcher::Found MentionMatcher::walk(std::string_view text, std::uint32_t node, std::size_t j,
                                           bool last_latin) const {
  // Name spaces are skipped between code points; a match is recorded at each
  // code point end whose Latin word boundary holds, the last one is the longest.
  const std::size_t n = text.size();
  const auto* bytes = reinterpret_cast<const unsigned char*>(text.data());
  const unsigned char* trie = nodes_.data();
  // The label bytes of `node` still to be matched before its state.
  const unsigned char* label = nullptr;
  const unsigned char* label_end = nullptr;
  auto step = [&](unsigned char byte) {
    if (label != label_end) return *label++ == byte;
    node = child(node, byte);
    if (node == kNone) return false;
    label = trie + node + kLabelAt;
    label_end = label + trie[node + kLabelLengthAt];
    return true;
  };
  Found best;
  for (;;) {
    if (label == label_end) {
      const std::uint32_t target = target_of(node);
      if (target != kNone && !(last_latin && j < n && latin_at(text, j))) {
        if (target < kHasCue) {
          best.end = j, best.target = target;
        } else {
          const CueTarget& both = cue_targets_[target & ~kHasCue];
          if (both.name != kNone) best.end = j, best.target = both.name;
          best.cue_end = j, best.cue = both.cue;
        }
      }
      if (trie[node + kChildCountAt] == 0) break;
    }
    if (j >= n) break;
    unsigned kind = kStepKind[bytes[j]];
    if (kind == kAsciiSpace) {
      // Between the words of a name: skipped, and the code point after them
      // is stepped without looking for a key that ends before it.
      do {
        ++j;
      } while (j < n && kStepKind[bytes[j]] == kAsciiSpace);
      if (j >= n) break;
      kind = kStepKind[bytes[j]];
    }
    if (kind < kThreeByte) {  // an ASCII code point other than a name space
      if (!step(static_cast<unsigned char>(kind))) break;
      last_latin = kAsciiAlnum[bytes[j]];
      ++j;
      continue;
    }
    if (kind == kThreeByte && n - j >= 3) {
      // Hangul and most other three-byte code points: not Latin, not a name space.
      if (!step(bytes[j]) || !step(kLower[bytes[j + 1]]) || !step(kLower[bytes[j + 2]])) break;
      last_latin = false;
      j += 3;
      continue;
    }
    while (const std::size_t space = name_space_at(text, j)) {
      j += space;
      if (j >= n) return best;
    }
    const std::size_t cp_end = std::min(j + sequence_length(bytes[j]), n);
    last_latin = latin_at(text, j);
    bool stepped;
    do {
      stepped = step(kLower[bytes[j]]);
      ++j;
    } while (stepped && j < cp_end);
    if (!stepped) break;
  }
  return best;
}

MentionMatcher::Found MentionMatcher::match_at(std::string_view text, std::size_t i, bool prev_latin) const {
  const auto first = static_cast<unsigned char>(text[i]);
  const bool here_latin = latin_at(text, i);
  if (here_latin && prev_latin) return {};
  std::uint32_t node = root_[kLower[first]];
  const std::size_t cp_end = std::min(i + sequence_length(first), text.size());
  std::size_t j = i + 1;
  for (; node != kNone && j < cp_end; ++j) node = child(node, kLower[static_cast<unsigned char>(text[j])]);
  if (node == kNone) return {};
  return walk(text, node, j, here_latin);
}

void MentionMatcher::find(std::string_view text, std::vector<Match>& out) const { scan(text, &out, nullptr); }

void MentionMatcher::find(std::string_view text, std::vector<Match>& out, std::vector<Match>& cues) const {
  if (scan(text, &out, &cues)) return;
  scan(text, &out, nullptr);
  scan(text, nullptr, &cues);
}

bool MentionMatcher::scan(std::string_view text, std::vector<Match>* names, std::vector<Match>* cues) const {
  if (nodes_.empty()) return true;
  const std::size_t n = text.size();
  const auto* bytes = reinterpret_cast<const unsigned char*>(text.data());
  const BlockScanner scanner(starts_.ascii_alnum, starts_.three_byte, starts_.other_lead, starts_.any_punct,
                             starts_.punct_count, starts_.punct);
  const std::uint16_t* first_blocks = three_byte_blocks_.data();
  const std::uint32_t* first_nodes = three_byte_nodes_.data();
  const std::uint64_t* first_starts = three_byte_starts_.data();
  const std::size_t names_before = names ? names->size() : 0, cues_before = cues ? cues->size() : 0;
  // Each set's matches do not overlap, but the two sets' may: before
  // names_from no name starts, before cues_from no cue (a set not asked for
  // never starts), and before the lesser of the two nothing is tried.
  constexpr std::size_t kNever = SIZE_MAX;
  std::size_t names_from = names ? 0 : kNever, cues_from = cues ? 0 : kNever;
  auto tried_from = [&] { return std::min(names_from, cues_from); };
  // Records what the walk from `begin` found for the sets open there.
  auto record = [&](const Found& found, std::size_t begin) {
    if (found.target != kNone && begin >= names_from) {
      names->push_back({static_cast<std::uint32_t>(begin), static_cast<std::uint32_t>(found.end), found.target});
      names_from = found.end;
    }
    if (found.cue != kNone && begin >= cues_from) {
      cues->push_back({static_cast<std::uint32_t>(begin), static_cast<std::uint32_t>(found.cue_end), found.cue});
      cues_from = found.cue_end;
    }
  };
  std::size_t i = 0;        // a start position: where the previous code point or match ends
  bool prev_latin = false;  // is the code point before i a Latin letter or digit?
  while (i < n) {
    // No load reads past the text: the last block is the text's last 64
    // bytes, shifted, or a padded copy when the text is shorter.
    const auto width = static_cast<unsigned>(std::min<std::size_t>(n - i, kBlock));
    ByteMasks m;
    if (width == kBlock) {
      m = scanner.classify(bytes + i);
    } else if (n >= kBlock) {
      m = scanner.classify(bytes + n - kBlock) >> (kBlock - width);
    } else {
      unsigned char padded[kBlock] = {};
      std::memcpy(padded, bytes + i, width);
      m = scanner.classify(padded);
    }
    const BlockMasks block = scanner.scan(m, bytes + i, width, prev_latin);
    if (!block.well_formed) [[unlikely]] {
      // Malformed UTF-8 (which the notes parser does not let through): one
      // start position at a time, as sequence_length() steps, past each
      // match. The two sets would step differently: one set at a time.
      if (names && cues) {
        names->resize(names_before);
        cues->resize(cues_before);
        return false;
      }
      for (const std::size_t stop = i + width; i < stop;) {
        const Found found = match_at(text, i, prev_latin);
        const std::size_t end = names ? found.end : found.cue_end;
        if ((names ? found.target : found.cue) != kNone) {
          record(found, i);
          i = end;
          prev_latin = latin_before(text, i);
        } else {
          prev_latin = latin_at(text, i);
          i += std::min(sequence_length(bytes[i]), n - i);
        }
      }
      continue;
    }
    BlockBits candidates = block.candidates;
    // Most three-byte code points (Korean syllables) start no key: two loads
    // each drop them, in a loop of their own. Whether one does is as good as
    // random, so it is not branched on.
    for (BlockBits three = candidates & m.three; three != 0; three &= three - 1) {
      const unsigned char* at = bytes + i + std::countr_zero(three);
      const BlockBits starts_key = first_starts[first_blocks[three_byte_slot(at)]] >> (at[2] & 0x3F) & 1;
      candidates ^= three & (0 - three) & (starts_key - 1);
    }
    bool left_block = false;
    while (candidates != 0) {
      const auto k = static_cast<unsigned>(std::countr_zero(candidates));
      candidates &= candidates - 1;
      const std::size_t p = i + k;
      // Is the code point before p Latin? Known at the block's start; after
      // it, inside the well-formed block, its start is the previous start bit.
      auto latin_before_p = [&] {
        if (p == i) return prev_latin;
        const unsigned char before = bytes[p - 1];
        return before < 0x80 ? kAsciiAlnum[before]
                             : latin_at(text, i + std::bit_width(block.starts & bits_below(k)) - 1);
      };
      std::uint32_t node;
      std::size_t next;  // where the walk goes on, after the first code point
      bool latin;
      bool try_second = true;
      if (m.three >> k & 1) {
        // The filter above left only those that start some key.
        node = first_nodes[first_blocks[three_byte_slot(bytes + p)] * 64 + (bytes[p + 2] & 0x3F)];
        next = p + 3;
        latin = false;
      } else if (bytes[p] < 0x80) {
        node = root_[kLower[bytes[p]]];
        if (node == kNone) continue;
        latin = kAsciiAlnum[bytes[p]];
        if (latin && latin_before_p()) continue;
        next = p + 1;
      } else {
        // Other leads, rare: the general first step.
        latin = latin_at(text, p);
        if (latin && latin_before_p()) continue;
        node = root_[bytes[p]];
        next = p + 1;
        for (const std::size_t cp_end = p + sequence_length(bytes[p]); node != kNone && next < cp_end; ++next)
          node = child(node, bytes[next]);
        if (node == kNone) continue;
        try_second = false;
      }
      // Most walks end at the second code point: try its first byte before
      // calling walk() (which starts there) unless there is a match already or
      // the next byte may be a name space.
      if (try_second && target_of(node) == kNone) {
        if (next >= n) continue;
        if (const unsigned kind = kStepKind[bytes[next]]; kind <= kThreeByte) {
          const auto byte = static_cast<unsigned char>(kind < kThreeByte ? kind : bytes[next]);
          if (child(node, byte) == kNone) continue;
        }
      }
      const Found found = walk(text, node, next, latin);
      if (found.target == kNone && found.cue == kNone) continue;
      record(found, p);
      const std::size_t from = tried_from();
      if (from >= i + block.end) {
        left_block = true;
        break;
      }
      // The candidates from there on stand.
      if (from > p) candidates &= ~bits_below(static_cast<unsigned>(from - i));
    }
    if (left_block) {
      i = tried_from();
      prev_latin = latin_before(text, i);
      continue;
    }
    // The last code point is ASCII, or its lead is the block's last lead.
    const unsigned last = static_cast<unsigned>(std::bit_width(block.starts)) - 1;
    prev_latin = (m.alnum >> last & 1) != 0 || ((m.lead >> last & 1) != 0 && latin_at(text, i + last));
    i += block.end;
  }
  return true;
}

}  // namespace ng::extract
