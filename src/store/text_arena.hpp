// Append-only storage for the dictionary's term text: strings copied into
// large blocks, never moved, so each string costs its bytes and nothing else
// (no allocation header, no growth slack). A string is addressed by block and
// offset rather than by pointer, so that a copy of the arena (a copied store)
// addresses its own blocks.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <memory>
#include <stdexcept>
#include <string_view>
#include <vector>

namespace ng::store {

class TextArena {
public:
  struct Where {
    std::uint32_t block = 0;
    std::uint32_t offset = 0;
  };

  TextArena() = default;
  TextArena(TextArena&&) noexcept = default;
  TextArena& operator=(TextArena&&) noexcept = default;
  TextArena(const TextArena& other) : sizes_(other.sizes_), current_(other.current_), used_(other.used_), held_(other.held_) {
    blocks_.reserve(other.blocks_.size());
    for (std::size_t i = 0; i < other.blocks_.size(); ++i) {
      blocks_.push_back(std::make_unique_for_overwrite<char[]>(sizes_[i]));
      std::memcpy(blocks_[i].get(), other.blocks_[i].get(), sizes_[i]);
    }
  }
  TextArena& operator=(const TextArena& other) {
    if (this != &other) *this = TextArena(other);
    return *this;
  }

  // Copies the parts one after another; returns where the first begins.
  template <class... Parts>
  Where append(Parts... parts) {
    const std::size_t size = (parts.size() + ... + 0);
    const Where at = reserve(size);
    char* out = blocks_[at.block].get() + at.offset;
    ((out = copy(out, parts)), ...);
    return at;
  }

  const char* at(Where w) const { return blocks_.empty() ? nullptr : blocks_[w.block].get() + w.offset; }

  // Bytes held in blocks (used or not).
  std::size_t memory_bytes() const { return held_; }

private:
  static constexpr std::size_t kBlockSize = std::size_t{1} << 18;
  static constexpr std::size_t kNone = static_cast<std::size_t>(-1);

  static char* copy(char* out, std::string_view part) {
    if (!part.empty()) std::memcpy(out, part.data(), part.size());
    return out + part.size();
  }

  Where new_block(std::size_t size) {
    if (blocks_.size() >= UINT32_MAX) throw std::length_error("text arena: too many blocks");
    blocks_.push_back(std::make_unique_for_overwrite<char[]>(size));
    sizes_.push_back(size);
    held_ += size;
    return {static_cast<std::uint32_t>(blocks_.size() - 1), 0};
  }

  Where reserve(std::size_t size) {
    if (current_ == kNone || size > sizes_[current_] - used_) {
      // A string larger than a quarter block gets a block of its own, so the
      // current block's free space is not thrown away for it.
      if (size > kBlockSize / 4) return new_block(size);
      current_ = new_block(kBlockSize).block;
      used_ = 0;
    }
    const Where at{static_cast<std::uint32_t>(current_), static_cast<std::uint32_t>(used_)};
    used_ += size;
    return at;
  }

  std::vector<std::unique_ptr<char[]>> blocks_;
  std::vector<std::size_t> sizes_;
  std::size_t current_ = kNone;  // the block small strings go to
  std::size_t used_ = 0;         // bytes used in it
  std::size_t held_ = 0;
};

}  // namespace ng::store
