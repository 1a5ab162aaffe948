// Append-only storage for the dictionary's term text: strings copied into
// large blocks, never moved, so views into them stay valid for the arena's
// life and each string costs its bytes and nothing else (no allocation header,
// no growth slack).
#pragma once

#include <cstddef>
#include <cstring>
#include <memory>
#include <string_view>
#include <vector>

namespace ng::store {

class TextArena {
public:
  // Copies the parts one after another; returns where the first begins.
  template <class... Parts>
  const char* append(Parts... parts) {
    const std::size_t size = (parts.size() + ... + 0);
    char* at = reserve(size);
    char* out = at;
    ((out = copy(out, parts)), ...);
    return at;
  }

  // Bytes held in blocks (used or not).
  std::size_t memory_bytes() const { return held_; }

private:
  static constexpr std::size_t kBlockSize = std::size_t{1} << 18;

  static char* copy(char* out, std::string_view part) {
    if (!part.empty()) std::memcpy(out, part.data(), part.size());
    return out + part.size();
  }

  char* reserve(std::size_t size) {
    if (size > left_) {
      // A string larger than a quarter block gets a block of its own, so the
      // current block's free space is not thrown away for it.
      const std::size_t block = size > kBlockSize / 4 ? size : kBlockSize;
      blocks_.push_back(std::make_unique_for_overwrite<char[]>(block));
      held_ += block;
      if (block != kBlockSize) return blocks_.back().get();
      free_ = blocks_.back().get();
      left_ = block;
    }
    char* at = free_;
    free_ += size;
    left_ -= size;
    return at;
  }

  std::vector<std::unique_ptr<char[]>> blocks_;
  char* free_ = nullptr;
  std::size_t left_ = 0;
  std::size_t held_ = 0;
};

}  // namespace ng::store
