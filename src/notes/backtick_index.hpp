// Finds code-span closers in linear time: the backtick runs of a text are
// indexed once, each with the next run of the same length, so an opener never
// rescans the text (a naive search is quadratic on many unmatched runs).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace ng::notes {

class BacktickIndex {
public:
  // Forgets the previous text; the index is built on the first lookup.
  void reset(std::string_view text);
  // End (one past the closing run) of the code span whose opening run of
  // `length` backticks starts at `p`, or 0 when it has no closer. Lookups must
  // come in increasing `p`.
  std::size_t closer_end(std::size_t p, std::size_t length);

private:
  struct Run {
    std::uint32_t begin = 0, length = 0;
    std::int32_t next_same = -1;
  };
  void build();

  std::string_view text_;
  bool built_ = false;
  std::size_t cursor_ = 0;
  std::vector<Run> runs_;
  std::vector<std::int32_t> last_short_;
  std::unordered_map<std::uint32_t, std::int32_t> last_long_;
};

}  // namespace ng::notes
