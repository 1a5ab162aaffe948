// Storage behind a Document: the chunked text arena that owns every string a
// Document points to, and the mapping from a block's text offset to its line.
#include "notes/document.hpp"

#include <algorithm>
#include <cstring>
#include <iterator>

namespace ng::notes {

namespace {
// Chunks start small (most notes are a few KiB) and double up to 1 MiB, so a
// 100 MB document costs about a hundred allocations.
constexpr std::size_t kFirstChunk = 4096;
constexpr std::size_t kMaxChunk = std::size_t{1} << 20;
}  // namespace

std::string_view TextArena::store(std::string_view s) {
  if (s.empty()) return {};
  if (capacity_ - used_ < s.size()) {
    std::size_t next = capacity_ == 0 ? kFirstChunk : std::min(capacity_ * 2, kMaxChunk);
    if (s.size() > next) {
      // A text larger than a chunk gets a chunk of its own; the current chunk stays open.
      auto own = std::make_unique_for_overwrite<char[]>(s.size());
      char* dst = own.get();
      std::memcpy(dst, s.data(), s.size());
      chunks_.insert(chunks_.empty() ? chunks_.end() : chunks_.end() - 1, std::move(own));
      return {dst, s.size()};
    }
    chunks_.push_back(std::make_unique_for_overwrite<char[]>(next));
    capacity_ = next;
    used_ = 0;
  }
  char* dst = chunks_.back().get() + used_;
  std::memcpy(dst, s.data(), s.size());
  used_ += s.size();
  return {dst, s.size()};
}

void TextArena::adopt(TextArena&& other) {
  // Before the open chunk, which store() expects to be the last.
  auto at = chunks_.empty() ? chunks_.end() : chunks_.end() - 1;
  chunks_.insert(at, std::make_move_iterator(other.chunks_.begin()), std::make_move_iterator(other.chunks_.end()));
  other.chunks_.clear();
  other.used_ = other.capacity_ = 0;
}

std::uint32_t Document::line_of(const Block& b, std::uint32_t offset) const {
  if (b.line_count == 0 || b.first_line + b.line_count > line_starts.size()) return b.where.line;
  auto first = line_starts.begin() + b.first_line;
  auto last = first + b.line_count;
  auto it = std::upper_bound(first, last, offset, [](std::uint32_t o, const LineStart& ls) { return o < ls.offset; });
  return it == first ? first->line : std::prev(it)->line;
}

}  // namespace ng::notes
