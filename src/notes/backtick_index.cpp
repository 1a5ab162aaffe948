// Backtick run index: one forward pass collects the runs, one backward pass
// links each run to the next run of the same length.
#include "notes/backtick_index.hpp"

namespace ng::notes {

namespace {
constexpr std::size_t kShortRun = 64;        // shorter runs are indexed by length in a vector
constexpr std::size_t kEscapedSearch = 256;  // runs an escaped opener may look ahead
}  // namespace

void BacktickIndex::reset(std::string_view text) {
  text_ = text;
  built_ = false;
  cursor_ = 0;
}

void BacktickIndex::build() {
  runs_.clear();
  for (std::size_t i = text_.find('`'); i != std::string_view::npos; i = text_.find('`', i)) {
    std::size_t j = i;
    while (j < text_.size() && text_[j] == '`') ++j;
    runs_.push_back({static_cast<std::uint32_t>(i), static_cast<std::uint32_t>(j - i), -1});
    i = j;
  }
  last_short_.assign(kShortRun, -1);
  last_long_.clear();
  for (std::size_t k = runs_.size(); k-- > 0;) {
    std::uint32_t len = runs_[k].length;
    std::int32_t& last = len < kShortRun ? last_short_[len] : last_long_.try_emplace(len, -1).first->second;
    runs_[k].next_same = last;
    last = static_cast<std::int32_t>(k);
  }
  built_ = true;
  cursor_ = 0;
}

std::size_t BacktickIndex::closer_end(std::size_t p, std::size_t length) {
  if (!built_) build();
  while (cursor_ < runs_.size() && runs_[cursor_].begin + runs_[cursor_].length <= p) ++cursor_;
  if (cursor_ >= runs_.size()) return 0;
  const Run& run = runs_[cursor_];
  if (run.begin == p && run.length == length) return run.next_same < 0 ? 0 : runs_[run.next_same].begin + length;
  // The run's first backtick was escaped: look a bounded distance for a closer.
  for (std::size_t k = cursor_ + 1; k < runs_.size() && k <= cursor_ + kEscapedSearch; ++k)
    if (runs_[k].length == length) return runs_[k].begin + length;
  return 0;
}

}  // namespace ng::notes
